"""JSON round-trip and JSON Schema for the record model, derived from the dataclasses' types.

The same reading of the type hints (``_fields``) serves ``to_dict``, ``from_dict`` and
``json_schema``, so the three cannot drift apart. Decoding, the costly direction (a web page
decodes a stored article per first view), compiles one decoder per type from the hints once.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from sayso.errors import RecordError
from sayso.records import model
from sayso.records.model import OFFSET_UNIT, SCHEMA_VERSION, ArticleResult, Span

T = TypeVar("T")

SCHEMA_ID = "https://sayso.dev/schema/sayso-1.json"


@functools.cache
def _fields(cls: Any) -> tuple[tuple[str, Any, bool], ...]:
    """(name, resolved type, required) for each field of a record class."""
    hints = typing.get_type_hints(cls, vars(model))
    out = []
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append((f.name, hints[f.name], required))
    return tuple(out)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _encode(getattr(value, name)) for name, _, _ in _fields(type(value))}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of any record. An ArticleResult also carries schema and offset unit."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"{type(record).__name__} is not a sayso record")
    body: dict[str, Any] = _encode(record)
    if isinstance(record, ArticleResult):
        return {"schema": SCHEMA_VERSION, "offset_unit": OFFSET_UNIT, **body}
    return body


class _Invalid(Exception):
    """A value that does not fit its type; ``steps`` is where, innermost step first.

    Decoders build no path while decoding: the path is only needed when something is wrong,
    so each container adds its step as the error passes through it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.steps: list[str] = []


Decoder = Callable[[Any, str | None], Any]
"""Turns a JSON value into the value of one type, or raises _Invalid. The second argument is
the article text that spans stored without their text take it from (None: none may)."""


def _located(decode: Decoder, value: Any, text: str | None, step: str) -> Any:
    """``decode(value, text)``, with ``step`` added to the path of any error."""
    try:
        return decode(value, text)
    except _Invalid as exc:
        exc.steps.append(step)
        raise


def _identity(value: Any, text: str | None) -> Any:
    return value


def _optional(inner: Decoder) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        return None if value is None else inner(value, text)

    return decode


def _union(tp: Any, candidates: list[Decoder], nullable: bool) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        if value is None and nullable:
            return None
        for candidate in candidates:
            try:
                return candidate(value, text)
            except _Invalid:
                continue
        raise _Invalid(f"{value!r} fits none of {tp}")

    return decode


def _literal(allowed: tuple[Any, ...]) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        if value not in allowed:
            raise _Invalid(f"{value!r} is not one of {list(allowed)}")
        return value

    return decode


def _sequence(item: Decoder) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {type(value).__name__}")
        try:
            return tuple([item(v, text) for v in value])
        except _Invalid as exc:
            # Find the failing item again only now, to name its index.
            for i, v in enumerate(value):
                try:
                    item(v, text)
                except _Invalid:
                    exc.steps.append(f"[{i}]")
                    break
            raise

    return decode


def _mapping(item: Decoder) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(f"expected an object, got {type(value).__name__}")
        return {str(k): _located(item, v, text, f".{k}") for k, v in value.items()}

    return decode


def _number(value: Any, text: str | None) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"expected a number, got {value!r}")
    return float(value)


def _scalar(tp: type) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise _Invalid(f"expected {tp.__name__}, got {value!r}")
        return value

    return decode


def _undecodable(tp: Any) -> Decoder:
    def decode(value: Any, text: str | None) -> Any:
        raise _Invalid(f"cannot decode type {tp}")

    return decode


_PLAIN = (str, int, bool, float)
"""Types whose JSON values are mostly already right: generated decoders check their exact
type inline and call the full decoder only for anything else (which it converts or refuses)."""


def _needs_decoding(tp: Any, var: str) -> str:
    """A Python condition on ``var`` that is false where the JSON value is already the
    decoded value of ``tp``, so that the common case costs no call."""
    if tp is Any:
        return "False"
    if tp in _PLAIN:
        return f"type({var}) is not {tp.__name__}"
    args = get_args(tp)
    if get_origin(tp) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        if inner in _PLAIN:
            return f"{var} is not None and type({var}) is not {inner.__name__}"
        return f"{var} is not None"
    return "True"


def _record(cls: Any) -> Decoder:
    """The decoder of one record class, generated once as Python source from its fields:
    straight-line code per field, with plain values checked inline, instead of a loop over
    the fields that calls a decoder for every value."""
    defaults = {f.name: f for f in dataclasses.fields(cls)}
    scope: dict[str, Any] = {"cls": cls, "_Invalid": _Invalid}
    lines = [
        "def decode(value, text):",
        "    if not isinstance(value, dict):",
        f"        raise _Invalid({f'expected an object for {cls.__name__}'!r})",
    ]
    for n, (name, tp, required) in enumerate(_fields(cls)):
        var = f"f{n}"
        scope[f"d{n}"] = _decoder(tp)
        lines += [
            f"    if {name!r} in value:",
            f"        {var} = value[{name!r}]",
            f"        if {_needs_decoding(tp, var)}:",
            "            try:",
            f"                {var} = d{n}({var}, text)",
            "            except _Invalid as exc:",
            f"                exc.steps.append({'.' + name!r})",
            "                raise",
            "    else:",
        ]
        if required:
            lines.append(f"        raise _Invalid({f'{cls.__name__} needs field {name!r}'!r})")
        elif defaults[name].default is not dataclasses.MISSING:
            scope[f"default{n}"] = defaults[name].default
            lines.append(f"        {var} = default{n}")
        else:
            scope[f"factory{n}"] = defaults[name].default_factory
            lines.append(f"        {var} = factory{n}()")
    call = ", ".join(f"{name}=f{n}" for n, (name, _, _) in enumerate(_fields(cls)))
    lines += [
        "    try:",
        f"        return cls({call})",
        "    except (TypeError, ValueError) as exc:",
        "        raise _Invalid(str(exc)) from exc",
    ]
    exec("\n".join(lines), scope)
    decode: Decoder = scope["decode"]
    return decode


def _span(record: Decoder) -> Decoder:
    """The Span decoder, which also reads spans stored without their text (``"text":
    null``, as a store may keep them: the text is the article's) from the article text.

    Spans are half the records of an article (some 500 in a stored article of the benchmark
    store), so the common shape, exactly ``start``, ``end`` and ``text``, is built here
    directly; anything else goes through the generated decoder, which explains what is
    wrong."""

    def decode(value: Any, text: str | None) -> Any:
        if type(value) is dict and len(value) == 3 and "text" in value:
            start, end, span_text = value.get("start"), value.get("end"), value["text"]
            if type(start) is int and type(end) is int:
                if span_text is None and text is not None:
                    span_text = text[start:end]
                if type(span_text) is str:
                    try:
                        return Span(start, end, span_text)
                    except ValueError as exc:
                        raise _Invalid(str(exc)) from exc
        return record(value, text)

    return decode


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """The decoder of type ``tp``, built from its type hints once per type. Walking the
    hints for every value took 6.4 ms of CPU per stored article of the 5,000-article
    benchmark store (187 kB of JSON); the built decoders take about 2 ms."""
    origin = get_origin(tp)
    if tp is Any:
        return _identity
    if origin in (Union, types.UnionType):
        nullable = type(None) in get_args(tp)
        inner = [_decoder(a) for a in get_args(tp) if a is not type(None)]
        if len(inner) == 1 and nullable:
            return _optional(inner[0])
        if len(inner) == 1:
            return inner[0]
        return _union(tp, inner, nullable)
    if origin is Literal:
        return _literal(get_args(tp))
    if origin is tuple:
        return _sequence(_decoder(get_args(tp)[0]))
    if origin in (Mapping, dict, typing.Mapping):
        return _mapping(_decoder(get_args(tp)[1]))
    if tp is Span:
        return _span(_record(tp))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record(tp)
    if tp is float:
        return _number
    if tp in (int, str, bool):
        return _scalar(tp)
    return _undecodable(tp)


def from_dict(cls: type[T], data: Mapping[str, Any], *, text: str | None = None) -> T:
    """Rebuild a record of class ``cls`` from ``to_dict`` output; raises RecordError.

    With ``text`` (the article's canonical text), spans whose text was left out to save
    space (``"text": null``) take theirs from it: a store need not walk the record to put
    them back before decoding, which cost as much as the decoding itself.
    """
    payload = dict(data)
    if cls is ArticleResult:
        schema = payload.pop("schema", SCHEMA_VERSION)
        unit = payload.pop("offset_unit", OFFSET_UNIT)
        if schema != SCHEMA_VERSION:
            raise RecordError(
                f"record has schema {schema!r}; this sayso reads {SCHEMA_VERSION!r}: "
                "re-run sayso on the input or install the matching sayso version"
            )
        if unit != OFFSET_UNIT:
            raise RecordError(f"record counts offsets in {unit!r}, expected {OFFSET_UNIT!r}")
    record_type: Any = cls
    try:
        return cast(T, _decoder(record_type)(payload, text))
    except _Invalid as exc:
        path = cls.__name__ + "".join(reversed(exc.steps))
        raise RecordError(f"{path}: {exc.message}") from exc.__cause__


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if tp is Any:
        return {}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema_of(a, defs) for a in get_args(tp)]}
    if tp is type(None):
        return {"type": "null"}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(get_args(tp)[0], defs)}
    if origin in (Mapping, dict, typing.Mapping):
        return {"type": "object", "additionalProperties": _schema_of(get_args(tp)[1], defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            props = {n: _schema_of(t, defs) for n, t, _ in _fields(tp)}
            doc = (tp.__doc__ or "").strip().splitlines()
            defs[name] = {
                "type": "object",
                "description": doc[0] if doc else name,
                "properties": props,
                "required": [n for n, _, req in _fields(tp) if req],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON Schema for {tp}")


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of an ArticleResult document (``sayso/1``)."""
    defs: dict[str, Any] = {}
    _schema_of(ArticleResult, defs)
    root = dict(defs["ArticleResult"])
    root["properties"] = {
        "schema": {"const": SCHEMA_VERSION},
        "offset_unit": {"const": OFFSET_UNIT},
        **root["properties"],
    }
    root["required"] = ["schema", "offset_unit", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"sayso article result ({SCHEMA_VERSION})",
        "description": (
            "One article and everything sayso found in it. Every span is [start, end) in "
            "Unicode code points of article.text."
        ),
        **root,
        "$defs": {k: v for k, v in defs.items() if k != "ArticleResult"},
    }
