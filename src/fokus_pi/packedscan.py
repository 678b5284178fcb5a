"""The leak scan of what the site holds packed: each text member of a zip and the cells of each Parquet file.

Read piece by piece, because whole they were the peak of a Land's build: the long table is 85 MB of CSV in the
zip and 2 million rows in Parquet, and read at once, with their texts and hashes, they put 470 MB on top of
everything the build holds at its end. A piece ends at a line break or between two cells, where no number can
continue, so the pieces hold the same numbers as the whole text (a test compares them). The numbers found are
cached by the packed file's bytes (the zip and the Parquet file are written byte for byte the same from the same
data)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from . import leaks
from .cache import cached_json, code_version, key

PACKED = (".zip", ".parquet")
CHARACTERS = 1 << 20  # about this many characters of a zip member at a time
ROWS = 65_536  # cells of a Parquet column at a time


def scan(site: Path, suppressed: pd.DataFrame, paths: Iterable[Path] | None = None) -> list[leaks.Leak]:
    """Every suppressed precise value in a zip member or a Parquet file under ``site`` (or of ``paths``)."""
    wanted = leaks.needles(suppressed)
    found: list[leaks.Leak] = []
    if not wanted:
        return found
    for path in sorted(p for p in (site.rglob("*") if paths is None else paths) if p.suffix in PACKED and p.is_file()):
        rel = path.relative_to(site)
        for member, numbers in numbers_in(path).items():
            where = Path(f"{rel}:{member}") if member else rel
            found += [leaks.Leak(where, m, wanted[m]) for m in sorted(set(numbers) & set(wanted))]
    return found


def numbers_in(path: Path) -> dict[str, list[str]]:
    """The precise decimals of each text member of a zip ("" for a Parquet file's cells)."""
    with path.open("rb") as f:
        content = hashlib.file_digest(f, "sha256").hexdigest()
    return cached_json("packed", key(code_version("packedscan.py", "leaks.py"), path.suffix, content),
                       lambda: _numbers(path))


def _numbers(path: Path) -> dict[str, list[str]]:
    if path.suffix == ".parquet":
        return {"": _found(cell_pieces(path))}
    with zipfile.ZipFile(path) as zf:
        return {name: _found(member_pieces(zf, name)) for name in zf.namelist()
                if Path(name).suffix in leaks.TEXT_SUFFIXES}


def _found(pieces: Iterable[str]) -> list[str]:
    found: set[str] = set()
    for piece in pieces:
        found.update(leaks.find_numbers(piece))
    return sorted(found)


def member_pieces(zf: zipfile.ZipFile, name: str) -> Iterator[str]:
    """A zip member's text in whole lines (undecodable bytes replaced, as the text scan does)."""
    with zf.open(name) as raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="") as text:
        while lines := text.readlines(CHARACTERS):
            yield "".join(lines)


def cell_pieces(path: Path) -> Iterator[str]:
    """A Parquet file's cells, column by column and a batch of rows at a time, each cell as Python writes it
    (a float in full precision: str of a float is its repr), separated by commas."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    for name in parquet.schema_arrow.names:
        for batch in parquet.iter_batches(batch_size=ROWS, columns=[name]):
            yield ",".join(map(str, batch.column(0).to_pylist()))
