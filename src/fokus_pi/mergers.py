"""Gemeinde mergers (data/areas/fusionen.yml): figures delivered under the old AGS become the new Gemeinde's.

A merger names its date, the old AGS and the new one (which may be one of the old, when a Gemeinde absorbs
another and keeps its key). A year's figures describe the state on 31 December, so a year before the merger
date belongs to the old Gemeinden: their rows are combined the way planning areas are (aggregate.py: counts
summed, rates from summed numerators over summed denominators). Where that is impossible (a member without a
row, a rate without numerator and denominator) the new Gemeinde has no value for that year, and its first year
after the merger is marked as a break in the series: no change is computed across it, a footnote says why.
Chains (A into B, later B into C) are followed in date order; a cycle is an error."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schemas
from .aggregate import aggregate
from .areas import AGS
from .catalogue import Catalogue
from .problems import Collector

FILE = "fusionen.yml"
OLD = "~alt"  # suffix that keeps an old member's rows apart from the new Gemeinde's while they are combined


@dataclass(frozen=True)
class Merger:
    date: dt.date
    new: str
    old: tuple[str, ...]
    note: str = ""

    @property
    def first_year(self) -> int:
        """The first year whose figures (state on 31 December) describe the new Gemeinde."""
        return self.date.year

    def before(self, year: int) -> bool:
        return year < self.first_year


def load_mergers(areas_dir: Path, gemeinden: set[str], out: Collector) -> tuple[Merger, ...]:
    """The mergers in date order (none without the file); every mistake reported with line and column."""
    path = areas_dir / FILE
    if not path.exists():
        return ()
    doc, valid = schemas.load(path, "fusionen", out)
    if doc is None or not valid:
        return ()
    result: list[Merger] = []
    marks: list[tuple[int, int]] = []  # where each merger's new AGS stands
    named: dict[str, tuple[int, int]] = {}  # dissolved AGS -> where it was first named
    for i, item in enumerate(doc.data["fusionen"]):
        where = lambda *key, i=i: doc.where(("fusionen", i, *key))
        keys = [("neu",)] + [("alt", j) for j in range(len(item["alt"]))]
        values = [item["neu"]] + list(item["alt"])
        bad = [(k, v) for k, v in zip(keys, values) if not (isinstance(v, str) and AGS.match(v))]
        for key, value in bad:
            out.add(path, *where(*key), f"„{value}“ ist kein 8-stelliger Gemeindeschlüssel (AGS); "
                                        "in Anführungszeichen schreiben, sonst geht die führende Null verloren")
        if bad:
            continue
        date = item["datum"] if isinstance(item["datum"], dt.date) else dt.date.fromisoformat(item["datum"])
        old = []
        for j, code in enumerate(item["alt"]):
            if code == item["neu"]:
                old.append(code)  # the Gemeinde that keeps its key (it may absorb others again later)
            elif code in named:
                out.add(path, *where("alt", j), f"AGS {code} ist schon in Zeile {named[code][0]} als aufgelöste "
                                                "Gemeinde genannt")
            elif code in gemeinden:
                out.add(path, *where("alt", j), f"AGS {code} steht noch im Gemeinderegister (gemeinden.csv); "
                                                "eine aufgelöste Gemeinde gehört dort nicht mehr hin")
            else:
                named[code] = where("alt", j)
                old.append(code)
        merger = Merger(date, item["neu"], tuple(dict.fromkeys(old)), str(item.get("hinweis") or "").strip())
        result.append(merger)
        marks.append(where("neu"))
    _check_targets(result, marks, gemeinden, path, out)
    return tuple(sorted(result, key=lambda m: m.date))


def _check_targets(mergers: list[Merger], marks: list[tuple[int, int]], gemeinden: set[str], path: Path,
                   out: Collector) -> None:
    """Each new AGS is a Gemeinde of the register or, in a chain, dissolved later; no AGS leads back to itself."""
    dissolved = retired(tuple(mergers))
    for m, where in zip(mergers, marks):
        if m.new not in gemeinden and m.new not in dissolved:
            out.add(path, *where, f"unbekannte AGS {m.new}: steht nicht im Gemeinderegister (gemeinden.csv) "
                                  "und wird in keiner späteren Fusion aufgelöst")
            continue
        chain, hops, code = [m.new], [m], m.new
        while code in dissolved and code not in chain[:-1]:
            hops.append(dissolved[code])
            code = dissolved[code].new
            chain.append(code)
        if len(chain) != len(set(chain)):
            out.add(path, *where, "Fusionen bilden einen Kreis: " + " → ".join(chain))
            continue
        for before, after, code in zip(hops, hops[1:], chain):
            if after.date <= before.date:
                out.add(path, *where, f"AGS {code} entsteht am {before.date:%d.%m.%Y}, wird aber schon am "
                                      f"{after.date:%d.%m.%Y} wieder aufgelöst")
                break


def retired(mergers: tuple[Merger, ...]) -> dict[str, Merger]:
    """Old AGS that no longer exist -> the merger that dissolved them (a kept AGS is not retired)."""
    return {code: m for m in mergers for code in m.old if code != m.new}


def convert(values: pd.DataFrame, mergers: tuple[Merger, ...], catalogue: Catalogue
            ) -> tuple[pd.DataFrame, set[tuple[str, str, int]]]:
    """Rows of the old Gemeinden combined into the new one for the years before each merger; returns the rows
    and the breaks (indicator, new AGS, first year after the merger) where a year could not be converted."""
    breaks: set[tuple[str, str, int]] = set()
    for m in mergers:
        pre = values["area"].isin(m.old) & (values["year"] < m.first_year)
        if not pre.any():
            continue
        members = values[pre].assign(area=values.loc[pre, "area"] + OLD)
        rest = values[~pre]
        years = sorted(set(members["year"].tolist()))
        combined = aggregate(members, catalogue, {m.new: {y: [c + OLD for c in m.old] for y in years}})
        delivered = set(zip(rest["indicator"], rest["area"], rest["year"]))  # a source's own figures win
        keys = zip(combined["indicator"], combined["area"], combined["year"])
        combined = combined[[k not in delivered for k in keys]]
        ok = combined[combined["value"].notna()]
        done = set(zip(ok["indicator"], ok["year"])) | {(i, y) for i, a, y in delivered if a == m.new}
        for ind, year in set(zip(members["indicator"], members["year"])) - done:
            later = rest.loc[(rest["indicator"] == ind) & (rest["area"] == m.new) & (rest["year"] > year), "year"]
            if len(later) and year == later.min() - 1:
                breaks.add((ind, m.new, int(later.min())))
        values = pd.concat([rest, ok], ignore_index=True)
    return values, breaks
