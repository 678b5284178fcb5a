"""A content hash of model objects that is the same in every process.

The page cache (pages/reuse.py) compares what a page read in the last build with what the report holds now, so
the hash must not depend on the process: ``pickle`` writes sets in hash-seed order and stores whatever a lazy
property happened to compute, and ``hash()`` is salted. This walks the data instead: dataclass fields (never
cached attributes), containers with sets sorted, frames and arrays by pandas' and NumPy's fixed hashing, shapely
geometries as WKB. An unknown type is an error, so a new kind of model object cannot be hashed by accident.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
from decimal import Decimal
from pathlib import PurePath

import numpy as np
import pandas as pd
import shapely

SCALARS = (type(None), bool, int, float, str, Decimal, dt.date, dt.time, PurePath, np.generic)


def digest(value: object) -> str:
    """Hex SHA-256 of ``value``'s content."""
    h = hashlib.sha256()
    _feed(h, value)
    return h.hexdigest()


def frame_rows(frame: pd.DataFrame) -> np.ndarray:
    """One uint64 per row (values of every column; not the index), stable across processes."""
    return pd.util.hash_pandas_object(frame, index=False).to_numpy()


def group_digests(frame: pd.DataFrame, by: str | list[str],
                  rows: np.ndarray | None = None) -> dict[object, tuple[np.ndarray, str]]:
    """Each group's row positions and the hash of its rows in table order (a reordering counts as a change):
    what a result computed per group (an indicator, an area) is cached under. ``rows``: frame_rows(frame), when
    the caller groups the same frame more than one way."""
    rows = frame_rows(frame) if rows is None else rows
    return {k: (p, digest(rows[p].tobytes())) for k, p in frame.groupby(by, sort=False).indices.items()}


def _feed(h: "hashlib._Hash", value: object) -> None:  # noqa: C901 - one branch per kind of value
    kind = type(value)
    h.update(f"{kind.__module__}.{kind.__qualname__}(".encode())
    if isinstance(value, enum.Enum):
        h.update(repr(value.value).encode())
    elif isinstance(value, SCALARS):
        h.update(repr(value).encode())
    elif isinstance(value, bytes):
        h.update(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            h.update(f"{f.name}=".encode())
            _feed(h, getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            _feed(h, item)
    elif isinstance(value, dict):
        for k in sorted(value, key=digest):
            _feed(h, k)
            _feed(h, value[k])
    elif isinstance(value, (set, frozenset)):
        for item in sorted(digest(v) for v in value):
            h.update(item.encode())
    elif isinstance(value, pd.DataFrame):
        _feed(h, [str(c) for c in value.columns] + [str(t) for t in value.dtypes])
        h.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif isinstance(value, (pd.Series, pd.Index)):
        _feed(h, [str(value.name), str(value.dtype)])
        h.update(pd.util.hash_pandas_object(value, index=isinstance(value, pd.Series)).to_numpy().tobytes())
    elif isinstance(value, np.ndarray):
        _feed(h, [str(value.dtype), value.shape])
        h.update(np.ascontiguousarray(value).tobytes() if value.dtype != object else digest(value.tolist()).encode())
    elif isinstance(value, shapely.Geometry):
        h.update(shapely.to_wkb(value))
    else:
        raise TypeError(f"kein Inhalts-Hash für {kind.__module__}.{kind.__qualname__}")
    h.update(b")")
