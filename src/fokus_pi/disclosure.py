"""Statistical disclosure control: no reader may work out a small group's number.

Primary suppression: a Gemeinde's or planning area's count, or the numerator of its share or rate, from 1 to below
the threshold is not published (default: 1 and 2, as the Bundesagentur für Arbeit does); value, numerator and
denominator go. Planning-area totals count too: two secret cells that sum to 2 would each be 1.

Secondary suppression: a suppressed cell must not be recoverable by subtraction. The published totals are the
Kreis and every planning area with a value (computed from the Gemeinden's true figures, or delivered by a
source). Planning areas partition the Gemeinden, so the independent sums a reader knows are: each published
area's members, and (Kreis minus those areas) the members of all other areas together. A cell is recoverable exactly when one of these sets has one unknown cell;
then one more cell of that set is suppressed: the one of the Gemeinde with the fewest inhabitants (a stable order,
so the pattern stays the same from year to year), or, if none is left, an area total (the Kreis total is kept
as long as an area total can go instead)."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .cache import cached_json, code_version, key
from .catalogue import Catalogue
from .digest import group_digests

SECRET = "geheim"
WITHHELD_FLAGS = ("geheim", "unsicher")  # delivered without their value, but counted in the totals


@dataclass(frozen=True)
class Policy:
    min_count: int = 3  # counts 1 .. min_count-1 are secret
    population_indicator: str = "einwohner"

    @classmethod
    def from_mapping(cls, raw: dict | None) -> Policy:
        return cls(**(raw or {}))


def protected(catalogue: Catalogue) -> set[str]:
    """Indicators that count people: counts, shares and rates, unless the catalogue says `confidential: false`."""
    return {i.id for i in catalogue.indicators if i.kind in ("count", "share", "rate") and i.confidential}


def _people(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.Series:
    """The number of people a row stands for: the value of a count, the numerator of a share or rate."""
    is_count = frame["indicator"].map(kinds) == "count"
    return frame["value"].where(is_count, frame["numerator"])


def population_order(values: pd.DataFrame, gemeinden: list[str], indicator: str) -> list[str]:
    """Gemeinden from the fewest to the most inhabitants (newest year), the order secondary cells are taken in."""
    rows = values[(values["indicator"] == indicator) & values["area"].isin(gemeinden) & values["value"].notna()]
    latest = rows[rows["year"] == rows["year"].max()].set_index("area")["value"] if len(rows) else pd.Series()
    return sorted(gemeinden, key=lambda g: (latest.get(g, 0.0), g))


def suppress(values: pd.DataFrame, catalogue: Catalogue, members: dict[str, list[str]], kreis: str,
             order: list[str], policy: Policy) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the values with primary and secondary suppression applied, and the suppressed cells
    (with their original figures, for the leak scan): columns indicator, area, year, value, numerator,
    denominator, reason ("primär" or "sekundär")."""
    kinds = {i.id: i.kind for i in catalogue.indicators}
    subject = values["indicator"].isin(protected(catalogue))
    gemeinden = set(order)
    people = _people(values, kinds)
    small = values["area"].isin(gemeinden | set(members))
    primary = subject & small & (people >= 1) & (people < policy.min_count)
    chosen = set(values.index[primary])

    # Secondary suppression is decided per indicator (its years are independent sums), each through the build
    # cache: after a data commit only the indicators whose rows changed are worked out again.
    rows = values[subject]
    shared = key(code_version("disclosure.py"), members, kreis, order, policy.min_count)
    cells = list(zip(rows["area"].tolist(), rows["year"].astype(int).tolist(), rows["value"].tolist(),
                     rows["flag"].tolist(), rows.index.tolist()))  # lists: iterating Arrow strings is slow
    seen = rows[["indicator", "area", "year", "value", "flag"]].assign(primary=primary[subject])
    for ind, (positions, digest) in sorted(group_digests(seen, "indicator").items()):
        own = [cells[p] for p in positions.tolist()]
        picks = cached_json("suppress", key(shared, ind, digest),
                            lambda: _secondary(own, chosen, members, kreis, order))
        at = {(area, year): idx for area, year, _, _, idx in own}
        chosen.update(at[(area, year)] for area, year in picks)

    hidden = values.loc[sorted(chosen)].copy()
    hidden["reason"] = np.where(primary.loc[hidden.index], "primär", "sekundär")
    out = values.copy()
    out.loc[list(chosen), ["value", "numerator", "denominator"]] = np.nan
    out.loc[list(chosen), "flag"] = SECRET
    return out, hidden[["indicator", "area", "year", "value", "numerator", "denominator", "reason"]]


def _secondary(cells: list[tuple], primary: set, members: dict[str, list[str]], kreis: str,
               order: list[str]) -> list[tuple[str, int]]:
    """The cells of one indicator to withhold besides the primary ones, as (area, year); ``cells`` are its rows
    as (area, year, value, flag, index)."""
    by_year: dict[int, list[tuple]] = {}
    for cell in cells:
        by_year.setdefault(cell[1], []).append(cell)
    layout = _Layout(members, kreis, order)
    return [(area, int(year)) for year in sorted(by_year) for area in _Year(layout, by_year[year], primary).picks()]


class _Layout:
    """What every year of every indicator shares: which known sum each Gemeinde is part of, in rank order."""

    def __init__(self, members: dict[str, list[str]], kreis: str, order: list[str]) -> None:
        self.members, self.kreis, self.order = members, kreis, order
        self.rank = {ags: i for i, ags in enumerate(order)}
        self.position = {area: i for i, area in enumerate(members)}  # the order the sums are looked at
        self.position[kreis] = len(members)  # the Kreis minus the delivered areas: last
        self.areas_of: dict[str, list[str]] = {}
        area_of = {}
        for area, agss in members.items():
            for ags in agss:
                self.areas_of.setdefault(ags, []).append(area)
                area_of[ags] = area
        self.area_of = area_of
        # the Kreis sum holds every Gemeinde whose area (the last listing it) has no published total
        self.joiners: dict[str | None, list[str]] = {}
        for ags in order:
            self.joiners.setdefault(area_of.get(ags), []).append(ags)
        self.ranked = {area: sorted((g for g in agss if g in self.rank), key=self.rank.__getitem__)
                       for area, agss in members.items()}


class _Year:
    """One indicator's year. A reader knows each delivered area's sum and the Kreis minus those areas; while a
    sum has exactly one unknown cell, one more goes (see the module's docstring). Counting the unknown cells of
    each sum as cells go (instead of recounting every sum after each pick) makes this linear in the Gemeinden
    plus a logarithm per pick; the picks are the same, in the same order: always the first such sum."""

    def __init__(self, layout: _Layout, cells: list[tuple], primary: set) -> None:
        self.layout = layout
        gemeinden = layout.rank
        self.at = {area: idx for area, _, _, _, idx in cells}
        present = {area for area, _, value, _, _ in cells if not math.isnan(value)}  # floats: a column's tolist()
        self.chosen = {idx for idx in self.at.values() if idx in primary}
        # withheld: the value exists and is part of the totals, but the reader does not see it. Cells marked
        # "folgt", "unbekannt" or "nicht_sinnvoll" have no value anyone could sum, so they are in no total.
        self.withheld = {area for area, _, _, flag, idx in cells
                         if area in gemeinden and (idx in self.chosen or flag in WITHHELD_FLAGS)}
        self.published = {area for area in present if area in gemeinden and area not in self.withheld}
        self.delivered = {area for area in layout.members
                          if area in present and self.at[area] not in self.chosen}
        self.kreis_known = layout.kreis in present and self.at[layout.kreis] not in self.chosen
        self.unknown = {area: sum(ags in self.withheld for ags in layout.members[area]) for area in self.delivered}
        self.unknown[layout.kreis] = 0
        self.ready: list[tuple[int, str]] = []  # a heap of the sums (by place) that may have one unknown cell
        self.rest: list[tuple[int, str]] = []  # a heap of the published Gemeinden in the Kreis sum, by rank
        for area in layout.joiners:
            if area not in self.delivered:
                self._join(area)
        self.ready += [self._place(area) for area, n in self.unknown.items() if n == 1 and area != layout.kreis]
        heapq.heapify(self.ready)
        self.cursor = dict.fromkeys(self.delivered, 0)  # in each area's ranked members: the first maybe published

    def picks(self) -> Iterator[str]:
        while self.ready:
            _, total = heapq.heappop(self.ready)
            if self.unknown[total] != 1 or not self._known(total):
                continue  # stale: the sum has gained another unknown cell or is no longer published
            pick = self._candidate(total)
            if pick is None:
                if total == self.layout.kreis and self.delivered:
                    # keep the Kreis total: give up the smallest area total instead, so that area's members
                    # join the rest of the Kreis and one of them can be withheld with the lone cell
                    pick = min(self.delivered, key=lambda a: (len(self.layout.members[a]), a))
                else:
                    pick = total
                heapq.heappush(self.ready, self._place(total))  # still one unknown: look at it again
            self._withhold(pick)
            yield pick

    def _place(self, area: str) -> tuple[int, str]:
        return (self.layout.position[area], area)

    def _known(self, total: str) -> bool:
        return self.kreis_known if total == self.layout.kreis else total in self.delivered

    def _candidate(self, total: str) -> str | None:
        """The published Gemeinde with the fewest inhabitants in the sum of ``total``."""
        if total == self.layout.kreis:
            while self.rest and self.rest[0][1] not in self.published:
                heapq.heappop(self.rest)
            return self.rest[0][1] if self.rest else None
        ranked, i = self.layout.ranked[total], self.cursor[total]
        while i < len(ranked) and ranked[i] not in self.published:
            i += 1
        self.cursor[total] = i
        return ranked[i] if i < len(ranked) else None

    def _withhold(self, pick: str) -> None:
        self.chosen.add(self.at[pick])
        if pick == self.layout.kreis:
            self.kreis_known = False
        elif pick in self.delivered:  # an area total: its Gemeinden join the Kreis sum
            self.delivered.discard(pick)
            self._join(pick)
        if pick in self.published:
            self.published.discard(pick)
            self._count(pick)
        self.withheld.add(pick)

    def _count(self, ags: str) -> None:
        """One more unknown cell in each sum that holds the Gemeinde ``ags``."""
        sums = [a for a in self.layout.areas_of.get(ags, ()) if a in self.delivered]
        if self.layout.area_of.get(ags) not in self.delivered:
            sums.append(self.layout.kreis)
        for total in sums:
            self.unknown[total] += 1
            if self.unknown[total] == 1:
                heapq.heappush(self.ready, self._place(total))

    def _join(self, area: str | None) -> None:
        """The Gemeinden of ``area`` (whose total is not published) are part of the Kreis sum from now on."""
        joining = self.layout.joiners.get(area, [])
        before = self.unknown[self.layout.kreis]
        self.unknown[self.layout.kreis] += sum(ags in self.withheld for ags in joining)
        for ags in joining:
            if ags in self.published:
                heapq.heappush(self.rest, (self.layout.rank[ags], ags))
        if before != 1 and self.unknown[self.layout.kreis] == 1:
            heapq.heappush(self.ready, self._place(self.layout.kreis))
