"""What changed from one data snapshot to the next: new years, new indicators, revised and delivered values.

The app told its readers when new data arrived; the site publishes these differences as release notes (neu/) and
in its feed. Only counts are published, never the values themselves, so a withheld cell cannot leak from here."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import fmt
from .cache import cached_pickle, code_version, key
from .digest import digest
from .report import STORED_WITH, Report
from .snapshots import Snapshot

KEY = ["indicator", "area", "year"]


@dataclass(frozen=True)
class Release:
    snapshot: Snapshot
    previous: Snapshot | None
    indicators: int  # indicators with at least one row
    values: int  # rows with a number (not a symbol)
    years: tuple[int, int]
    new_years: tuple[int, ...] = ()
    new_year_values: int = 0
    new_indicators: tuple[str, ...] = ()
    dropped_indicators: tuple[str, ...] = ()
    revised: dict[str, tuple[int, ...]] = field(default_factory=dict)  # indicator -> years with revised values
    revised_count: int = 0
    delivered: dict[str, tuple[int, ...]] = field(default_factory=dict)  # symbol before ("folgt"), number now
    delivered_count: int = 0
    withdrawn_count: int = 0  # number before, symbol or no row now

    @property
    def id(self) -> str:
        return self.snapshot.id

    @property
    def first(self) -> bool:
        return self.previous is None

    def summary(self) -> str:
        """One sentence for lists and the feed."""
        if self.first:
            return (f"Erste Ausgabe: {self.indicators} Kennzahlen mit {fmt.number(self.values, 0)} Werten für die "
                    f"Jahre {self.years[0]} bis {self.years[1]}.")
        parts = []
        if self.new_years:
            parts.append(_n(len(self.new_years), "neues Berichtsjahr", "neue Berichtsjahre", show=False)
                         + " " + ", ".join(map(str, self.new_years)))
        if self.new_indicators:
            parts.append(_n(len(self.new_indicators), "neue Kennzahl", "neue Kennzahlen"))
        if self.revised_count:
            parts.append(_n(self.revised_count, "revidierter Wert", "revidierte Werte") + " in "
                         + _n(len(self.revised), "Kennzahl", "Kennzahlen"))
        if self.delivered_count:
            parts.append(_n(self.delivered_count, "nachgelieferter Wert", "nachgelieferte Werte"))
        text = ", ".join(parts) if parts else "keine inhaltlichen Änderungen"
        return text[0].upper() + text[1:] + "."


def _n(count: int, one: str, many: str, show: bool = True) -> str:
    """German singular or plural, with the count in German digits unless ``show`` is off."""
    word = one if count == 1 else many
    return f"{fmt.number(count, 0)} {word}" if show else word


def _numbers(frame: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(frame["value"], errors="coerce")


def compare(old: pd.DataFrame | None, new: pd.DataFrame, snapshot: Snapshot, previous: Snapshot | None) -> Release:
    """The differences between two snapshots' raw values (rows keyed by indicator, area and year)."""
    new = new.assign(number=_numbers(new), flag=new["flag"].fillna(""))
    has_number = new["number"].notna() & (new["flag"] == "")
    base = dict(snapshot=snapshot, previous=previous, indicators=new["indicator"].nunique(),
                values=int(has_number.sum()), years=(int(new["year"].min()), int(new["year"].max())))
    if old is None:
        return Release(**base)
    old = old.assign(number=_numbers(old), flag=old["flag"].fillna(""))
    # distinct values first: a set of the column iterates its 50,000 Arrow strings in Python (0.05 s a rebuild)
    old_ids, new_ids = set(old["indicator"].unique()), set(new["indicator"].unique())
    old_years = set(old["year"].unique().tolist())
    fresh_years = sorted(int(y) for y in set(new["year"].unique().tolist()) - old_years)
    both = new.merge(old, on=KEY, how="outer", suffixes=("", "_old"), indicator="where")
    known = both["indicator"].isin(old_ids & new_ids) & both["year"].isin(old_years)
    now = both["number"].notna() & (both["flag"] == "")
    before = both["number_old"].notna() & (both["flag_old"] == "")
    tolerance = 1e-9 * np.maximum(1.0, both["number_old"].abs().fillna(0))
    revised = known & now & before & ((both["number"] - both["number_old"]).abs() > tolerance)
    delivered = known & now & ~before
    withdrawn = known & before & ~now
    return Release(
        **base,
        new_years=tuple(fresh_years),
        new_year_values=int((has_number & new["year"].isin(fresh_years) & new["indicator"].isin(old_ids)).sum()),
        new_indicators=tuple(sorted(new_ids - old_ids)),
        dropped_indicators=tuple(sorted(old_ids - new_ids)),
        revised=_years_by_indicator(both[revised]), revised_count=int(revised.sum()),
        delivered=_years_by_indicator(both[delivered]), delivered_count=int(delivered.sum()),
        withdrawn_count=int(withdrawn.sum()),
    )


def _years_by_indicator(rows: pd.DataFrame) -> dict[str, tuple[int, ...]]:
    return {ind: tuple(sorted(int(y) for y in set(group["year"]))) for ind, group in rows.groupby("indicator")}


def releases(report: Report) -> list[Release]:
    """One release per snapshot, newest first; each compared with the snapshot before it."""
    return report.derived("releases", _releases)


def _releases(report: Report) -> list[Release]:
    """Each comparison through the build cache, keyed by the two snapshots' rows: a data commit changes the
    newest snapshot, so only its comparison is made again (the navigation needs them all, in every build)."""
    if len(report.history) != len(report.snapshots):
        return []
    result = []
    shared = code_version("releases.py", "snapshots.py", *STORED_WITH)
    hashes = [digest(values) for values in report.history]
    for i, (snap, values) in enumerate(zip(report.snapshots, report.history)):
        previous, old = (report.snapshots[i - 1], report.history[i - 1]) if i else (None, None)
        found = key(shared, repr(snap), repr(previous), hashes[i], hashes[i - 1] if i else None)
        result.append(cached_pickle("releases", found, lambda: compare(old, values, snap, previous)))
    return list(reversed(result))
