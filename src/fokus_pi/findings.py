"""Auffälligkeiten: patterns in the data that people then interpret (the focus groups, not the software).

- correlations between indicators across the Gemeinden (Pearson and Spearman, with n), above a threshold;
- unusual changes: a Gemeinde whose change against the previous year lies far from the other Gemeinden's
  (robust z-score with median and MAD, after Iglewicz and Hoaglin);
- values far from the Kreis value (ratio to the Kreis), for Gemeinden large enough for stable figures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .catalogue import Indicator


@dataclass(frozen=True)
class Settings:
    min_correlation: float = 0.7  # |Spearman| at least this
    min_n: int = 20  # Gemeinden with both values
    max_pairs: int = 25
    across_fields_only: bool = True  # pairs within one field are often built from the same numbers
    robust_z: float = 3.5
    far_ratio: float = 0.5  # |value / Kreis - 1| at least this
    min_population: int = 5000  # smaller Gemeinden have noisy rates: left out of both outlier lists
    max_items: int = 30

    @classmethod
    def from_mapping(cls, raw: dict | None) -> "Settings":
        return cls(**(raw or {}))


@dataclass(frozen=True)
class Correlation:
    a: Indicator
    b: Indicator
    year: int
    pearson: float
    spearman: float
    n: int


def correlations(facts: pd.DataFrame, indicators: list[Indicator], gemeinden: list[str], year_of: dict[str, int],
                 settings: Settings) -> list[Correlation]:
    """Pairs of indicators whose values across the Gemeinden (each in its latest year) move together."""
    comparable = [i for i in indicators if i.kind != "count"]  # counts mostly measure size
    latest = _latest(facts, comparable, year_of, gemeinden)
    latest = latest[latest["value"].notna()]
    # one pivot instead of a frame per indicator; an indicator without values stays as an empty column
    table = (pd.DataFrame({"area": latest["area"].to_numpy(object), "indicator": latest["indicator"].to_numpy(object),
                           "value": latest["value"].to_numpy(float)})
             .pivot(index="area", columns="indicator", values="value")
             .reindex(index=gemeinden, columns=[i.id for i in comparable]))
    counts = table.notna().astype(int)
    n = counts.T @ counts
    pearson = table.corr("pearson", min_periods=settings.min_n)
    spearman = table.corr("spearman", min_periods=settings.min_n)
    found = []
    for x in range(len(comparable)):
        for y in range(x + 1, len(comparable)):
            rho = spearman.iat[x, y]
            a, b = comparable[x], comparable[y]
            if settings.across_fields_only and a.field == b.field:
                continue
            if np.isfinite(rho) and abs(rho) >= settings.min_correlation:
                found.append(Correlation(a, b, year_of[a.id], float(pearson.iat[x, y]), float(rho), int(n.iat[x, y])))
    found.sort(key=lambda c: (-abs(c.spearman), c.a.id, c.b.id))
    return found[: settings.max_pairs]


def _latest(facts: pd.DataFrame, indicators: list[Indicator], year_of: dict[str, int],
            areas: list[str]) -> pd.DataFrame:
    """The rows of ``areas`` in each indicator's latest year, in table order: one pass over the table instead of
    one per indicator (seconds for a Land)."""
    wanted = {i.id for i in indicators}
    rows = facts[facts["indicator"].isin(wanted) & facts["area"].isin(areas)]
    return rows[rows["year"].to_numpy() == rows["indicator"].map(year_of).to_numpy(dtype=float)]


def _positions(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each indicator's row positions in ``rows``: the lists below walk plain arrays, not a frame per indicator
    (pandas' slicing and itertuples took 1.5 s of the demo's Auffälligkeiten)."""
    return rows.groupby("indicator", sort=False).indices if len(rows) else {}


@dataclass(frozen=True)
class Outlier:
    indicator: Indicator
    ags: str
    year: int
    value: float
    measure: float  # the change (absolute, or in % for counts) or the ratio to the Kreis
    score: float  # robust z, or the relative distance to the Kreis


def robust_z(values: np.ndarray) -> np.ndarray:
    """0.6745 · (x − median) / MAD; NaN everywhere when the MAD is 0 (most values equal)."""
    if not np.isfinite(values).any():
        return np.full_like(values, np.nan, dtype=float)
    median = np.nanmedian(values)
    mad = np.nanmedian(np.abs(values - median))
    if mad == 0:
        return np.full_like(values, np.nan, dtype=float)
    return 0.6745 * (values - median) / mad


def unusual_changes(facts: pd.DataFrame, indicators: list[Indicator], population: dict[str, float],
                    year_of: dict[str, int], settings: Settings) -> list[Outlier]:
    """Changes far from the other Gemeinden's (robust z over all Gemeinden; listed for the larger ones)."""
    big = {a for a, p in population.items() if p >= settings.min_population}
    rows = _latest(facts, indicators, year_of, list(population))
    area, year, value = rows["area"].to_numpy(object), rows["year"].to_numpy(float), rows["value"].to_numpy(float)
    change, change_pct = rows["change"].to_numpy(float), rows["change_pct"].to_numpy(float)
    listed = np.fromiter((a in big for a in area), bool, len(area))
    at = _positions(rows)
    found = []
    for ind in indicators:
        pos = at.get(ind.id, np.empty(0, int))
        measure = (change_pct if ind.kind == "count" else change)[pos]
        z = robust_z(measure)
        with np.errstate(invalid="ignore"):
            hit = np.isfinite(z) & (np.abs(z) >= settings.robust_z) & listed[pos]
        for i, m, score in zip(pos[hit], measure[hit], z[hit]):
            found.append(Outlier(ind, area[i], int(year[i]), float(value[i]), float(m), float(score)))
    return sorted(found, key=lambda o: (-abs(o.score), o.indicator.id, o.ags))[: settings.max_items]


def far_from_kreis(facts: pd.DataFrame, indicators: list[Indicator], population: dict[str, float],
                   year_of: dict[str, int], settings: Settings) -> list[Outlier]:
    big = [a for a, p in population.items() if p >= settings.min_population]
    rows = _latest(facts, [i for i in indicators if i.kind != "count"], year_of, big)
    area, year = rows["area"].to_numpy(object), rows["year"].to_numpy(float)
    value, kreis = rows["value"].to_numpy(float), rows["kreis"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = value / kreis - 1
        far = np.isfinite(value) & np.isfinite(kreis) & (kreis != 0) & (np.abs(distance) >= settings.far_ratio)
    by_id = {i.id: i for i in indicators}
    found = [Outlier(by_id[ind_id], area[i], int(year[i]), float(value[i]), float(kreis[i]), float(distance[i]))
             for ind_id, pos in _positions(rows).items() for i in pos[far[pos]]]
    return sorted(found, key=lambda o: (-abs(o.score), o.indicator.id, o.ags))[: settings.max_items]
