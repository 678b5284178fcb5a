"""CSV files without quotes split into columns by Arrow, with each row's line kept for error messages.

A Land's value table has a million rows: Python's csv module made a list of seven strings per row (17 s for a
Land's two snapshots, and about 70 million strings for Germany's ten million rows, more than the memory a build
may use). Statistics offices and the planners' Excel exports quote a field only when it holds the delimiter, a
quote or a line break, which a value table never does; without a quote character every physical line is one
record and splitting it at the delimiter is exactly what the csv module does. Such files are split here, with
no Python object per cell; files with quotes or unusual line breaks go the csv module's way (``tables``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# besides "\n" and "\r\n", str.splitlines (which numbers the lines in messages) breaks at these; the csv module
# reads a lone "\r" as a line break as well. A file with any of them, or with a quote, is not split here.
NOT_HERE = '"\r\v\f\x1c\x1d\x1e\x85\u2028\u2029'
CERTAINLY_TEXT = r"[0-9A-Za-z]"  # a line with one of these is not blank; the others are judged as the csv path does


@dataclass(frozen=True)
class Lines:
    """Source text of the chosen lines of a file, made into a Python string only when a message quotes one."""

    lines: pa.Array
    index: np.ndarray

    def __getitem__(self, row: int) -> str:
        return self.lines[int(self.index[row])].as_py()

    def __len__(self) -> int:
        return len(self.index)


@dataclass(frozen=True)
class Split:
    """A file's header, one column of cell texts per header name ("" where a row is short), each row's line and
    that line's text (Arrow arrays and ``Lines`` here, Python lists from the csv module)."""

    header: list[str]
    columns: list[Sequence[str]]
    lines: Sequence[int]  # 1-based line number of each row
    raw: Sequence[str]
    raw_header: str
    short_or_long: list[tuple[int, int]]  # (line, fields) of each row whose field count is not the header's


def splittable(text: str) -> bool:
    """Whether every line of ``text`` is one record that splitting at the delimiter reads as the csv module does."""
    text = text.replace("\r\n", "\n") if "\r" in text else text
    return not any(char in text for char in NOT_HERE)  # one fast search per character, no regular expression


def split(text: str, delimiter: str) -> Split:
    """Split a decoded text for which ``splittable`` holds (and which has a header line)."""
    data = (text.replace("\r\n", "\n") if "\r" in text else text).encode("utf-8")
    ends = np.flatnonzero(np.frombuffer(data, np.uint8) == 10)
    size = len(data) if not data.endswith(b"\n") else len(data) - 1  # no empty record after the last break
    offsets = np.concatenate([[0], ends[ends < size] + 1, [size + 1]]).astype(np.int64)
    buffer = pa.py_buffer(data + b"\n" if size == len(data) else data)
    lines = pc.utf8_rtrim(pa.LargeStringArray.from_buffers(len(offsets) - 1, pa.py_buffer(offsets.tobytes()),
                                                           buffer), characters="\n")
    raw_header = lines[0].as_py()
    header = [h.strip() for h in raw_header.split(delimiter)] if raw_header else []  # csv: an empty line is []
    body = lines.slice(1)
    cells = pc.split_pattern(body, delimiter)
    keep = _not_blank(body, delimiter)
    widths = pc.list_value_length(cells).to_numpy(zero_copy_only=False)
    index = np.flatnonzero(keep)
    odd = index[widths[index] != len(header)]
    fixed = pc.list_slice(cells.filter(pa.array(keep)), 0, len(header), return_fixed_size_list=True)
    columns = [pc.fill_null(pc.list_element(fixed, i), "") for i in range(len(header))]
    return Split(header, columns, index + 2, Lines(body, index), raw_header,
                 list(zip((odd + 2).tolist(), widths[odd].tolist())))


def _not_blank(body: pa.Array, delimiter: str) -> np.ndarray:
    """Rows the csv path keeps: ``"".join(row).strip()`` is not empty. Decided in Python only for the few lines
    without a letter or digit, so Arrow's and Python's ideas of white space never have to agree."""
    keep = pc.match_substring_regex(body, CERTAINLY_TEXT).to_numpy(zero_copy_only=False).copy()
    for i in np.flatnonzero(~keep).tolist():
        keep[i] = bool("".join(body[i].as_py().split(delimiter)).strip())
    return keep
