"""The derived table's rows as Python mappings, for the pages and the texts' macros that read one cell at a time.

Each row is made when it is first asked for: a rebuild after one changed value plans a few pages and checks the
texts, which read a few thousand of the demo's 56,000 rows (a Land's million), and making all of them took 0.15 s
of the demo's 3 s rebuild. Before many pages are planned on forked workers, ``make_all`` makes every row in the
parent, so the workers share them instead of each making its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

Key = tuple[str, str, int]  # (indicator, area, year)


class RowIndex:
    """Rows of a derived table by (indicator, area, year), made on demand from the table's columns."""

    def __init__(self, facts: pd.DataFrame) -> None:
        # dicts from column lists: DataFrame.to_dict boxes every cell (15 s for a Land); a lighter row type
        # (positions, named tuples) cost 50 % more page time than it saved memory
        self._names = list(facts.columns)
        self._columns = [_cells(facts[c]) for c in self._names]
        keys = zip(*(self._columns[self._names.index(c)] for c in ("indicator", "area", "year")))
        self._waiting: dict[Key, int] = {k: at for at, k in enumerate(keys)}  # rows not made yet: their position
        self._made: dict[Key, Mapping] = {}

    def get(self, key: Key) -> Mapping | None:
        found = self._made.get(key)
        if found is None and self._waiting:
            at = self._waiting.pop(key, None)
            if at is not None:
                found = self._made[key] = _row(zip(self._names, [column[at] for column in self._columns]))
                if not self._waiting:
                    self._columns = []  # every row holds its cells now
        return found

    def make_all(self) -> None:
        """Every row not made yet, in one pass over the columns."""
        waiting = self._waiting  # in the order of the table: made so, and a dict keeps its order when popped
        if not waiting:
            return
        if len(waiting) == len(self._columns[0]):
            cells: Iterable[Iterable] = zip(*self._columns)
        else:
            cells = ([column[at] for column in self._columns] for at in waiting.values())
        self._made.update((key, _row(zip(self._names, row))) for key, row in zip(waiting, cells))
        self._waiting, self._columns = {}, []


class _Cells:
    """Its instances' dicts share one table of keys (CPython's key-sharing dictionaries, PEP 412): a row then
    holds only its values, 216 instead of 464 bytes for the derived table's 18 columns."""


def _row(cells: Iterable[tuple[str, object]]) -> dict[str, object]:
    row = _Cells().__dict__
    row.update(cells)
    return row


def _cells(column: pd.Series) -> list:
    """The column's cells as Python objects, each distinct value one object: the Kreis, Land and Bund values,
    ranks and names repeat for every Gemeinde, and tolist() makes a new object for every cell. Numbers are told
    apart by their bits (so -0.0 and 0.0 stay two), strings by equality. With key-sharing rows, this took the
    row index of a Land from 1,155 to 306 MB."""
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "fiu" and column.dtype.itemsize == 8:
        values = np.ascontiguousarray(column.to_numpy())
        unique, inverse = np.unique(values.view(np.int64), return_inverse=True)
        objects = np.empty(len(unique), dtype=object)
        objects[:] = unique.view(values.dtype).tolist()
        return objects[inverse].tolist()
    cells = column.tolist()
    if column.dtype.kind in "OSUT" or isinstance(column.dtype, pd.StringDtype):
        known: dict[str, str] = {}
        return [known.setdefault(v, v) if type(v) is str else v for v in cells]
    return cells
