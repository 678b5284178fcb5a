"""Delimited text and Parquet tables that keep each cell's line and column for error messages."""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Sequence

from . import csvsplit
from .problems import Collector


@dataclass(frozen=True)
class Dialect:
    """How a CSV file writes its numbers: planners' Excel exports use `;` and a decimal comma."""

    delimiter: str = ","
    decimal: str = "."
    encoding: str = "utf-8"


# the German words planners put in a header instead of the contract's names
GERMAN_NAMES = {"wert": "value", "jahr": "year", "gebiet": "area", "kennzahl": "indicator", "indikator": "indicator",
                "zähler": "numerator", "zaehler": "numerator", "nenner": "denominator", "kennzeichen": "flag",
                "name": "name", "gemeindeschlüssel": "ags", "schluessel": "ags", "betrag": "amount"}
GERMAN_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$")
DATE_LIKE = re.compile(r"^\d{1,4}[.\-/]\d{1,2}[.\-/]\d{2,4}$|^\d{1,2}\.\s?[A-Za-zäÄ]{3,}|^[A-Za-zäÄ]{3}\.?[ -]\d{2,4}$")


def parse_number(text: str, decimal: str = ".") -> float | None:
    """A number as the file writes it; None when it is none. With a decimal comma, points must group thousands."""
    text = text.strip()
    if not text.isascii() or "_" in text:  # Python's float reads "1_000" and "٣"; no statistics office writes them
        return None
    if decimal == ",":
        if not GERMAN_NUMBER.match(text):
            return None
        text = text.replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def looks_like_date(text: str) -> bool:
    """Excel turns 1.5 or 3-12 into dates ("01.05.2024", "3. Dez", "Dez-24"): say so instead of "not a number"."""
    return bool(DATE_LIKE.match(text.strip()))


@dataclass
class Table:
    """Cells as written, one column per header name, with the source line of each row and that line's text."""

    path: Path
    header: list[str]
    columns: list[Sequence]  # one per header name: strings (a list, or an Arrow array); "" where a row is short
    lines: Sequence[int]  # 1-based source line of each row
    raw: Sequence[str]  # source text of each row's first line ("" for Parquet); read only for messages
    dialect: Dialect = field(default_factory=Dialect)
    raw_header: str = ""

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {name: i for i, name in reversed(list(enumerate(self.header)))}  # the first of equal names

    def column(self, name: str) -> int | None:
        return self._positions.get(name)  # asked for every cell: a dict, not list.index

    def where(self, row: int, name: str | None) -> tuple[int, int]:
        """1-based line and character column of cell (row, name); column 1 when unknown."""
        col = self.column(name) if name else None
        raw = self.raw[row]
        if col is None or not raw:
            return int(self.lines[row]), (col + 1 if col is not None and not raw else 1)
        starts = field_starts(raw, self.dialect.delimiter)
        return int(self.lines[row]), (starts[col] + 1 if col < len(starts) else len(raw) + 1)

    def get(self, row: int, name: str) -> str:
        col = self._positions.get(name)
        if col is None:
            return ""
        cell = self.columns[col][row]
        return (cell if isinstance(cell, str) else cell.as_py()).strip()


def field_starts(line: str, delimiter: str = ",") -> list[int]:
    """0-based offsets where each field of one CSV line begins (quotes respected)."""
    starts, quoted = [0], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def read_table(path: Path, required: tuple[str, ...], out: Collector, optional: tuple[str, ...] | None = None,
               dialect: Dialect | None = None) -> Table | None:
    """Read a CSV or Parquet file; report missing, renamed and (when ``optional`` is given) unknown columns.

    Without a declared ``dialect`` the delimiter is taken from the header line (`;` means a German Excel
    export, so a decimal comma); the encoding is UTF-8 unless declared."""
    table = _read_parquet(path, out) if path.suffix == ".parquet" else _read_csv(path, out, dialect)
    if table is None:
        return None
    known = set(required) | set(optional or ())
    ok = True
    for name in required:
        if name not in table.header:
            unknown = [h for h in table.header if h not in known]
            guess = [h for h in unknown if GERMAN_NAMES.get(h.lower()) == name]
            guess = guess or difflib.get_close_matches(name, unknown, n=1)
            hint = f" – heißt sie „{guess[0]}“?" if guess else ""
            out.add(path, 1, 1, f"Spalte „{name}“ fehlt (gefunden: {', '.join(table.header)}){hint}")
            ok = False
    if optional is not None:
        starts = field_starts(table.raw_header, table.dialect.delimiter) if table.raw_header else []
        for i, name in enumerate(table.header):
            if name not in known:
                out.add(path, 1, starts[i] + 1 if i < len(starts) else 1,
                        f"unbekannte Spalte „{name}“ (erlaubt: {', '.join(sorted(known))})")
                ok = False
    if ok and not len(table):
        out.add(path, 2, 1, "Datei enthält nur die Kopfzeile, keine Daten")
        ok = False
    return table if ok else None


def _read_csv(path: Path, out: Collector, dialect: Dialect | None) -> Table | None:
    data = path.read_bytes()
    encoding = dialect.encoding if dialect else "utf-8"
    try:
        text = data.decode("utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        out.add(path, line, column, f"Datei ist nicht {encoding.upper()}-kodiert (als „CSV UTF-8“ speichern "
                                    "oder die Kodierung in snapshot.yml unter format.encoding angeben)")
        return None
    if not text.strip():
        out.add(path, 1, 1, "Datei ist leer")
        return None
    first = text.splitlines()[0]
    if dialect is None:
        dialect = Dialect(";", ",") if first.count(";") > first.count(",") else Dialect()
    cut = (csvsplit.split if csvsplit.splittable(text) else split_by_csv_module)(text, dialect.delimiter)
    for line, fields in cut.short_or_long:
        out.add(path, line, 1, f"Zeile hat {fields} Felder, die Kopfzeile {len(cut.header)}")
    return Table(path, cut.header, cut.columns, cut.lines, cut.raw, dialect, cut.raw_header)


def split_by_csv_module(text: str, delimiter: str) -> csvsplit.Split:
    """Any CSV text, quotes and all, through Python's csv module: a list of strings per row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    raw_lines = text.splitlines()
    header = [h.strip() for h in next(reader)]
    rows, lines, raw, odd = [], [], [], []
    start = reader.line_num + 1
    for row in reader:
        if row and "".join(row).strip():  # not a blank line (one C call, not one per cell)
            rows.append(row)
            lines.append(start)
            raw.append(raw_lines[start - 1] if start - 1 < len(raw_lines) else "")
            if len(row) != len(header):
                odd.append((start, len(row)))
        start = reader.line_num + 1
    columns = [[row[i] if i < len(row) else "" for row in rows] for i in range(len(header))]
    return csvsplit.Split(header, columns, lines, raw, raw_lines[0], odd)


def _read_parquet(path: Path, out: Collector) -> Table | None:
    import pandas as pd

    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for broken files
        out.add(path, 1, 1, f"Parquet-Datei nicht lesbar: {exc}")
        return None
    frame = frame.astype("string").fillna("")
    rows = len(frame)
    # Parquet has no lines: we count rows like a spreadsheet (header = line 1) and name the column's position.
    return Table(path, list(frame.columns), [frame[c].tolist() for c in frame.columns], list(range(2, rows + 2)),
                 [""] * rows)
