"""JSON round-trip and JSON Schema for the record model, derived from the dataclasses' types.

One walker over the type hints serves ``to_dict``, ``from_dict`` and ``json_schema``, so the
three cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from sayso.errors import RecordError
from sayso.records import model
from sayso.records.model import OFFSET_UNIT, SCHEMA_VERSION, ArticleResult

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


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in get_args(tp):
            return None
        inner = [a for a in get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            return _decode(inner[0], value, path)
        for candidate in inner:
            try:
                return _decode(candidate, value, path)
            except RecordError:
                continue
        raise RecordError(f"{path}: {value!r} fits none of {tp}")
    if origin is Literal:
        if value not in get_args(tp):
            raise RecordError(f"{path}: {value!r} is not one of {list(get_args(tp))}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise RecordError(f"{path}: expected a list, got {type(value).__name__}")
        (item_tp, _) = get_args(tp)
        return tuple(_decode(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin in (Mapping, dict, typing.Mapping):
        if not isinstance(value, dict):
            raise RecordError(f"{path}: expected an object, got {type(value).__name__}")
        _, val_tp = get_args(tp)
        return {str(k): _decode(val_tp, v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_record(tp, value, path)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RecordError(f"{path}: expected a number, got {value!r}")
        return float(value)
    if tp in (int, str, bool):
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise RecordError(f"{path}: expected {tp.__name__}, got {value!r}")
        return value
    raise RecordError(f"{path}: cannot decode type {tp}")


def _decode_record(cls: Any, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise RecordError(f"{path}: expected an object for {cls.__name__}")
    kwargs = {}
    for name, tp, required in _fields(cls):
        if name in value:
            kwargs[name] = _decode(tp, value[name], f"{path}.{name}")
        elif required:
            raise RecordError(f"{path}: {cls.__name__} needs field {name!r}")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise RecordError(f"{path}: {exc}") from exc


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of class ``cls`` from ``to_dict`` output; raises RecordError."""
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
    return cast(T, _decode_record(cls, payload, cls.__name__))


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
