"""Delimited text and Parquet tables that keep each cell's line and column for error messages."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .problems import Collector


@dataclass
class Table:
    """Rows as strings, with the source line of each row and the text of that line."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    raw: list[str]  # source text of each row's first line ("" for Parquet)

    def column(self, name: str) -> int | None:
        return self.header.index(name) if name in self.header else None

    def where(self, row: int, name: str | None) -> tuple[int, int]:
        """1-based line and character column of cell (row, name); column 1 when unknown."""
        col = self.column(name) if name else None
        if col is None or not self.raw[row]:
            return self.lines[row], (col + 1 if col is not None and not self.raw[row] else 1)
        starts = field_starts(self.raw[row])
        return self.lines[row], (starts[col] + 1 if col < len(starts) else len(self.raw[row]) + 1)

    def get(self, row: int, name: str) -> str:
        col = self.column(name)
        if col is None or col >= len(self.rows[row]):
            return ""
        return self.rows[row][col].strip()


def field_starts(line: str, delimiter: str = ",") -> list[int]:
    """0-based offsets where each field of one CSV line begins (quotes respected)."""
    starts, quoted = [0], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def read_table(path: Path, required: tuple[str, ...], out: Collector) -> Table | None:
    """Read a CSV (UTF-8, comma) or Parquet file; report missing columns; None when unreadable."""
    table = _read_parquet(path, out) if path.suffix == ".parquet" else _read_csv(path, out)
    if table is None:
        return None
    missing = [c for c in required if c not in table.header]
    if missing:
        out.add(path, 1, 1, "Spalte(n) fehlen: " + ", ".join(missing) + " (gefunden: " + ", ".join(table.header) + ")")
        return None
    return table


def _read_csv(path: Path, out: Collector) -> Table | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        out.add(path, line, column, "Datei ist nicht UTF-8-kodiert (bitte als „CSV UTF-8“ speichern)")
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    raw_lines = text.splitlines()
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        out.add(path, 1, 1, "Datei ist leer")
        return None
    rows, lines, raw = [], [], []
    start = reader.line_num + 1
    for row in reader:
        if row and any(cell.strip() for cell in row):
            rows.append(row)
            lines.append(start)
            raw.append(raw_lines[start - 1] if start - 1 < len(raw_lines) else "")
            if len(row) != len(header):
                out.add(path, start, 1, f"Zeile hat {len(row)} Felder, die Kopfzeile {len(header)}")
        start = reader.line_num + 1
    return Table(path, header, rows, lines, raw)


def _read_parquet(path: Path, out: Collector) -> Table | None:
    import pandas as pd

    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for broken files
        out.add(path, 1, 1, f"Parquet-Datei nicht lesbar: {exc}")
        return None
    frame = frame.astype("string").fillna("")
    rows = frame.values.tolist()
    # Parquet has no lines: we count rows like a spreadsheet (header = line 1) and name the column's position.
    return Table(path, list(frame.columns), rows, list(range(2, len(rows) + 2)), [""] * len(rows))
