"""Leak scan: after a build, no suppressed figure may appear in any output file.

Rounded figures are too common to search for as text (a suppressed "2" or "2,2" stands everywhere), but the
precise figures of the input are not: the scan reads the site's data-bearing text files (HTML with its inline
chart and map data, JSON such as the search index, CSV, XML) and fails on any decimal number with four or more
places that equals a suppressed cell's precise value. Four places keep German thousands separators ("1.199") out
of it. Scripts and geometry are skipped: they hold libraries and coordinates, no figures of the report. That
catches the ways a suppressed cell really leaks: raw values in chart and map data, downloads and APIs. The pages
are built from the model in which the cells are already empty; tests check their tables cell by cell."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .cache import cached_json, code_version, per_build

TEXT_SUFFIXES = {".html", ".json", ".csv", ".xml", ".txt", ".md", ".svg"}
NUMBER = re.compile(r"(?<![\d.])-?\d+\.\d{4,}")  # four or more places: specific enough to match
_PLACES = re.compile(r"\.\d{4,}")  # starts with a literal, so the engine skips ahead instead of trying every position


def find_numbers(text: str) -> list[str]:
    """Every match of NUMBER in ``text``, in order, about ten times faster than ``NUMBER.findall``: find the
    decimal places first, then walk back over the integer part and the sign."""
    found = []
    for match in _PLACES.finditer(text):
        start = match.start()
        while start and text[start - 1].isdecimal():  # \d in a str pattern: Unicode decimal digits
            start -= 1
        if start == match.start() or (start and text[start - 1] == "."):
            continue  # no integer part, or the tail of another number ("1.2345.6789")
        if start and text[start - 1] == "-" and not (start > 1 and (text[start - 2].isdecimal() or text[start - 2] == ".")):
            start -= 1
        found.append(text[start:match.end()])
    return found


@dataclass(frozen=True)
class Leak:
    path: Path
    value: str
    cells: str

    def __str__(self) -> str:
        return f"{self.path}: geheimer Wert {self.value} ({self.cells}) steht in der Ausgabe"


@per_build  # once per frame: the scans of a Land's site in runs of files asked for them 16 times (5 s)
def needles(suppressed: pd.DataFrame) -> dict[str, str]:
    """Precise decimal renderings of each suppressed value -> which cells they belong to."""
    found: dict[str, list[str]] = {}
    for row in suppressed.itertuples():
        value = row.value
        if pd.isna(value) or float(value).is_integer():
            continue
        for text in {repr(float(value)), f"{float(value):.4f}".rstrip("0")}:
            if NUMBER.fullmatch(text):
                found.setdefault(text, []).append(f"{row.indicator} {row.area} {row.year}")
    return {k: ", ".join(v[:3]) for k, v in found.items()}


def numbers(text: str) -> set[str]:
    """The precise decimals in ``text``, through the content-hash cache: a rebuild after one changed value finds
    almost every file unchanged, and the regular expression over every file is the scan's whole cost."""
    hashed = hashlib.sha256(f"{code_version('leaks.py')}\0".encode())
    hashed.update(text.encode("utf-8", "surrogatepass"))  # the hash of the joined text, without a copy of it
    digest = hashed.hexdigest()
    return set(cached_json("numbers", digest, lambda: sorted(set(find_numbers(text)))))


def scan(site: Path, suppressed: pd.DataFrame, paths: Iterable[Path] | None = None) -> list[Leak]:
    """Every occurrence of a suppressed precise value in the site's text files (or in those of ``paths``)."""
    wanted = needles(suppressed)
    leaks = []
    if not wanted:
        return leaks
    for path in sorted(site.rglob("*") if paths is None else paths):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in numbers(text):
            if match in wanted:
                leaks.append(Leak(path.relative_to(site), match, wanted[match]))
    return leaks
