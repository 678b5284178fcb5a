"""Pages whose inputs did not change are taken from the last build instead of being planned again.

A data commit usually changes a few values, and those change three pages of 263 (a Gemeinde, an indicator, a
planning area), yet planning every page again was the largest part of a rebuild. So, as build systems with
dynamic dependencies do (and Salsa's early cutoff), a page is planned through ``Reads``, a stand-in for the report
that notes what the page reads: the rows of an indicator for one area, an indicator's years, a whole attribute
such as the register. Beside the page, the cache keeps the content hash of each input as it was. The next build
hashes the same inputs of its own report and reuses the page when all are equal, whatever changed elsewhere.

The notes are conservative: an attribute is hashed whole, a row read stands for all of that area's rows of the
indicator, and anything not understood (a private attribute) makes the page be planned again. A page reads the
report only: its template, its code and the libraries that shape it are in the entry's key.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import sys
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from typing import Callable, Iterable

import numpy as np

from ..cache import code_version, folder, key, lookup, store
from ..digest import digest, frame_rows, group_digests
from ..report import Report, fingerprint

Token = tuple  # ("rows", indicator, area) | ("of", indicator) | ("call", method, args) | ("attr", name) | ...
NAMESPACE = "pages"
TRACKED_CALLS = ("years", "latest_year", "published")  # small results: hashed as returned
EMPTY = digest(b"")


class Reads:
    """The report as one page sees it; every read is noted in ``tokens``."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self.tokens: set[Token] = set()

    def __getattr__(self, name: str) -> object:
        report, kind = self._report, type(self._report)
        if name == "row":
            return self._row
        if name == "of":
            return self._of
        if name == "derived":
            return self._derived
        if name in TRACKED_CALLS:
            return lambda *args: self._call(name, args)
        found = _static(kind, name)
        if isinstance(found, property):  # e.g. snapshot, demo: their own reads go through this object
            return found.fget(self)  # type: ignore[misc]
        if inspect.isfunction(found):  # e.g. gemeinde(): bound here, so its reads are noted too
            return found.__get__(self, kind)
        self.tokens.add(("attr", name) if not name.startswith("_") else ("unknown", name))
        return getattr(report, name)

    def _row(self, indicator_id: str, area: str, year: int | None) -> object:
        self.tokens.add(("rows", indicator_id, area))
        return self._report.row(indicator_id, area, year)

    def _of(self, indicator_id: str) -> object:
        self.tokens.add(("of", indicator_id))
        return self._report.of(indicator_id)

    def _derived(self, name: str, make: Callable) -> object:
        self.tokens.add(("derived", name))
        return self._report.derived(name, make)

    def _call(self, name: str, args: tuple) -> object:
        self.tokens.add(("call", name, args))
        return getattr(self._report, name)(*args)


@cache
def _static(kind: type, name: str) -> object:
    return inspect.getattr_static(kind, name, None)


class Inputs:
    """The content hash of each input token for one report, each computed once per build."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._known: dict[Token, str | None] = {}
        self._by: dict[str, dict[tuple, str]] = {}

    def __call__(self, token: Token) -> str | None:
        if token not in self._known:
            self._known[token] = self._hash(token)
        return self._known[token]

    def _hash(self, token: Token) -> str | None:
        report, kind, rest = self.report, token[0], token[1:]
        if kind in ("rows", "of"):  # no rows at all is a state too (a reference without this indicator)
            return self._groups(kind).get(rest, EMPTY)
        if kind == "call":
            return digest(getattr(report, rest[0])(*rest[1]))
        if kind == "derived":  # only when this build already made it; else the page is planned again
            return digest(report._derived[rest[0]]) if rest[0] in report._derived else None
        if kind == "attr" and rest[0] == "data_dir":  # a page that reads files itself depends on all of them
            return fingerprint(report.data_dir)
        if kind == "attr" and rest[0] == "facts":
            return digest(self._rows.tobytes())
        if kind == "attr":
            return digest(getattr(report, rest[0]))
        return None

    @cached_property
    def _rows(self) -> np.ndarray:
        return frame_rows(self.report.facts)

    def _groups(self, kind: str) -> dict[tuple, str]:
        """Hash of each group's rows (digest.group_digests), keyed like the tokens."""
        if kind not in self._by:
            by = ["indicator", "area"] if kind == "rows" else ["indicator"]
            groups = group_digests(self.report.facts, by, self._rows)
            self._by[kind] = {(k if isinstance(k, tuple) else (k,)): h for k, (_, h) in groups.items()}
        return self._by[kind]


@dataclass(frozen=True)
class Planned:
    """What a page job made, as stored: the page's text and blocks, the links it wrote, its inputs' hashes."""

    source: str
    blocks: tuple[str, ...]
    linked: dict[str, set[str]]
    inputs: dict[Token, str | None]


def job_key(uri: str, title: str, make: Callable, subject: object, style: tuple) -> str | None:
    """The cache key of a page job, or None without a cache (then nothing is noted or stored). ``style``: how
    every page is written (URL style, Land scale), decided outside the page."""
    if folder() is None:
        return None
    return key(_code(), uri, title, f"{make.__module__}.{make.__qualname__}",
               None if subject is None else digest(subject), style)


@cache
def _code() -> str:
    """This package's code and templates, and the version of every library it depends on and of Python."""
    needs = sorted({_name(r) for r in metadata.requires("fokus-pi") or () if "extra ==" not in r})
    return key(code_version("."), sys.version, [(n, metadata.version(n)) for n in needs])


def _name(requirement: str) -> str:
    for stop in "<>=!~;[ (":
        requirement = requirement.split(stop)[0]
    return requirement.strip()


def find(job: str | None, inputs: Inputs) -> Planned | None:
    """The stored page of ``job`` if every input it read still has the same hash (returned without the
    hashes, see ``keep``)."""
    found = lookup(NAMESPACE, job) if job is not None else None
    if found is None:
        return None
    try:
        planned: Planned = pickle.loads(found)
    except Exception:  # noqa: BLE001 - an unreadable entry only means: plan the page again
        return None
    same = all(inputs(t) == h and h is not None for t, h in planned.inputs.items())
    return dataclasses.replace(planned, inputs={}) if same else None


def keep(job: str | None, source: str, blocks: tuple[str, ...], linked: dict[str, set[str]],
         tokens: Iterable[Token], inputs: Inputs) -> Planned:
    """A page just planned: stored with the hashes of what it read when there is a cache and every input can be
    compared next time, and returned without them."""
    planned = Planned(source, blocks, linked, {t: inputs(t) for t in tokens} if job is not None else {})
    if job is not None and None not in planned.inputs.values():
        store(NAMESPACE, job, pickle.dumps(planned, pickle.HIGHEST_PROTOCOL))
    # the hashes are for the next build: a build that held every page's kept them to its end (a Gemeinde page
    # reads 500 rows of the report): a Land's build process was 0.16 GB larger with them, Germany's 1.6 GB
    return dataclasses.replace(planned, inputs={})
