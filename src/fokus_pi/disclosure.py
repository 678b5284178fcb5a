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
    def from_mapping(cls, raw: dict | None) -> "Policy":
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
    gemeinden = set(order)
    rank = {ags: i for i, ags in enumerate(order)}
    area_of = {ags: area for area, agss in members.items() for ags in agss}
    by_year: dict[int, list[tuple]] = {}
    for cell in cells:
        by_year.setdefault(cell[1], []).append(cell)
    picks: list[tuple[str, int]] = []
    for year in sorted(by_year):
        at = {a: idx for a, _, _, _, idx in by_year[year]}
        area_at = {idx: a for a, idx in at.items()}
        value = {idx: v for _, _, v, _, idx in by_year[year]}
        flag = {idx: f for _, _, _, f, idx in by_year[year]}
        chosen = {idx for idx in area_at if idx in primary}
        # withheld: the value exists and is part of the totals, but the reader does not see it. Cells marked
        # "folgt", "unbekannt" or "nicht_sinnvoll" have no value anyone could sum, so they are in no total.
        withheld = {a for a, idx in at.items() if a in gemeinden
                    and (idx in chosen or flag[idx] in WITHHELD_FLAGS)}
        published = {a for a, idx in at.items() if a in gemeinden and a not in withheld
                     and pd.notna(value[idx])}
        changed = True
        while changed:
            changed = False
            # the sums a reader knows: each delivered area, and the Kreis minus the delivered areas
            delivered = [a for a in members if a in at and pd.notna(value[at[a]]) and at[a] not in chosen]
            sets = [(a, members[a]) for a in delivered]
            if kreis in at and pd.notna(value[at[kreis]]) and at[kreis] not in chosen:
                sets.append((kreis, [g for g in order if area_of.get(g) not in delivered]))
            for total, summed in sets:
                unknown = [g for g in summed if g in withheld]
                if len(unknown) != 1:
                    continue
                candidates = sorted((g for g in summed if g in published), key=lambda g: rank[g])
                if candidates:
                    pick = at[candidates[0]]
                elif total == kreis and delivered:
                    # keep the Kreis total: give up the smallest area total instead, so that area's members
                    # join the rest of the Kreis and one of them can be withheld with the lone cell
                    pick = at[min(delivered, key=lambda a: (len(members[a]), a))]
                else:
                    pick = at[total]
                chosen.add(pick)
                picks.append((area_at[pick], int(year)))
                published.discard(area_at[pick])
                withheld.add(area_at[pick])
                changed = True
                break  # the known sums changed: look again from the start
    return picks
