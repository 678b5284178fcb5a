"""Derived figures, computed once for the whole report: change, rank, reference values, comparison wording."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .areas import Register
from .catalogue import Catalogue

# |value / Kreis - 1| below NEAR counts as "about the Kreis value", at or above CLEAR as "clearly" above/below.
NEAR = 0.05
CLEAR = 0.20
WORDS = {
    -2: "deutlich unter dem Kreiswert", -1: "leicht unter dem Kreiswert", 0: "etwa auf dem Kreiswert",
    1: "leicht über dem Kreiswert", 2: "deutlich über dem Kreiswert",
}


def comparison_level(value: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """-2…2 for clearly below … clearly above the reference; NaN where either side is missing."""
    value, reference = np.asarray(value, float), np.asarray(reference, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where(reference != 0, value / np.abs(reference) - np.sign(reference), np.sign(value) * np.inf)
        rel = np.where((reference == 0) & (value == 0), 0.0, rel)
    rel = np.round(rel, 9)  # 120 / 100 - 1 must count as 20 %, not 19.999…
    level = np.select([rel <= -CLEAR, rel <= -NEAR, rel < NEAR, rel < CLEAR], [-2, -1, 0, 1], 2).astype(float)
    return np.where(np.isnan(value) | np.isnan(reference), np.nan, level)


def comparison_text(level: float, direction: str) -> str:
    """Plain-language comparison, with the judgement the indicator's direction implies."""
    if np.isnan(level):
        return ""
    text = WORDS[int(level)]
    if level == 0 or direction == "neutral":
        return text
    better = (level > 0) == (direction == "higher_is_better")
    return f"{text} (günstiger)" if better else f"{text} (ungünstiger)"


def derive(values: pd.DataFrame, catalogue: Catalogue, register: Register,
           area_breaks: set[tuple[str, str, int]] = frozenset()) -> pd.DataFrame:
    """Add prev, change, change_pct, break, rank, n_ranked, kreis/land/bund, level and comparison to each row.
    ``area_breaks``: (indicator, area, year) breaks of one area's series, e.g. after a Gemeinde merger."""
    df = values.copy()
    key = ["indicator", "area", "year"]
    prev = df[key + ["value"]].assign(year=df["year"] + 1).rename(columns={"value": "prev"})
    df = df.merge(prev, on=key, how="left")
    breaks = {(i.id, b.year) for i in catalogue.indicators for b in i.breaks}
    # whole columns, no Python object per cell (three lists of ten million cells did not fit for Germany)
    df["break"] = pd.MultiIndex.from_arrays([df["indicator"], df["year"]]).isin(list(breaks))
    if area_breaks:
        df["break"] |= pd.MultiIndex.from_arrays([df["indicator"], df["area"], df["year"]]).isin(list(area_breaks))
    df.loc[df["break"], "prev"] = np.nan
    df["change"] = df["value"] - df["prev"]
    df["change_pct"] = np.where(df["prev"] != 0, df["change"] / df["prev"].abs() * 100, np.nan)

    # Gemeinden are ranked among Gemeinden, planning areas among planning areas
    tier = df["area"].map({**{g.ags: "gemeinde" for g in register.gemeinden},
                           **{p.id: "planning" for p in register.planning_areas}})
    ranked = tier.notna() & df["value"].notna()
    groups = df[ranked].assign(tier=tier[ranked]).groupby(["indicator", "year", "tier"])["value"]
    df.loc[ranked, "rank"] = groups.rank(ascending=False, method="min")
    df.loc[ranked, "n_ranked"] = groups.transform("count")

    for level, ref in zip(("kreis", "land", "bund"), register.references):
        refs = df.loc[df["area"] == ref.code, ["indicator", "year", "value"]].rename(columns={"value": level})
        df = df.merge(refs, on=["indicator", "year"], how="left")
    # a Gemeinde's count against the Kreis total says nothing, so counts get no comparison
    comparable = ~df["indicator"].map({i.id: i.kind == "count" for i in catalogue.indicators}).astype(bool)
    df["level"] = np.where(comparable, comparison_level(df["value"].to_numpy(), df["kreis"].to_numpy()), np.nan)
    direction = df["indicator"].map({i.id: i.direction for i in catalogue.indicators})
    words: dict[tuple, str] = {}  # a handful of (level, direction) pairs for a million rows

    def say(level: float, way: str) -> str:
        key = (None if level != level else level, way)  # NaN != NaN: one key for all missing levels
        if key not in words:
            words[key] = comparison_text(level, way)
        return words[key]

    df["comparison"] = [say(lv, d) for lv, d in zip(df["level"].tolist(), direction.tolist())]
    return df.sort_values(key, kind="stable").reset_index(drop=True)
