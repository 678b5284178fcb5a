"""The Sozialformel: a composite need index per Gemeinde, planning area, group and the Kreis.

Method (written out on the site from the same configuration): for each year, every variable is standardised as a
z-score against the distribution of the Gemeinden in that year (mean and population standard deviation over the
Gemeinden with a value); variables marked `inverse` (income) change sign, so that higher always means more need.
The weighted mean of the z-scores is rescaled linearly so that the Gemeinde with the least need in that year gets
`scale.min` and the one with the most need `scale.max`. Planning areas, groups and the Kreis use their own
aggregated variables (ratio of sums) with the Gemeinden's mean, deviation and scale, so they are comparable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import schemas
from .aggregate import aggregate
from .catalogue import Catalogue, Indicator
from .problems import Collector

INDICATOR_ID = "sozialformel"


@dataclass(frozen=True)
class Variable:
    indicator: str
    weight: float
    inverse: bool = False


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    bez: str
    min_population: float


@dataclass(frozen=True)
class Config:
    title: str
    short_title: str
    field: str
    description: str
    population_indicator: str
    scale_min: float
    scale_max: float
    variables: tuple[Variable, ...]
    groups: tuple[Group, ...]

    def as_indicator(self) -> Indicator:
        """The index as a catalogue entry, so every generic page (map, ranking, change) shows it too."""
        return Indicator(
            id=INDICATOR_ID, title=self.title, short_title=self.short_title,
            unit=f"Punkte ({self.scale_min:g}–{self.scale_max:g})", field=self.field, description=self.description,
            source="Berechnung der Sozialplanung aus den Kennzahlen " + ", ".join(v.indicator for v in self.variables),
            kind="index", direction="higher_is_worse", decimals=0,
            notes="Die Methode ist auf der Seite „Sozialformel“ beschrieben.",
        )


def load_config(path: Path, catalogue: Catalogue, out: Collector) -> Config | None:
    """Read data/sozialformel.yml; None when absent (the Sozialformel is optional) or invalid."""
    if not path.exists():
        return None
    doc, valid = schemas.load(path, "sozialformel", out)
    if doc is None or not valid:
        return None
    d = doc.data
    ok = True
    for i, v in enumerate(d["variables"]):
        if v["indicator"] not in catalogue.by_id:
            out.add(path, *doc.where(("variables", i, "indicator")), f"unbekannte Kennzahl „{v['indicator']}“")
            ok = False
    if d["population_indicator"] not in catalogue.by_id:
        out.add(path, *doc.where(("population_indicator",)), f"unbekannte Kennzahl „{d['population_indicator']}“")
        ok = False
    if INDICATOR_ID in catalogue.by_id:
        out.add(path, 1, 1, f"die Kennzahl-ID „{INDICATOR_ID}“ ist für die Sozialformel reserviert")
        ok = False
    scale = d.get("scale") or {}
    return Config(
        d["title"], d["short_title"], d["field"], d["description"], d["population_indicator"],
        float(scale.get("min", 0)), float(scale.get("max", 100)),
        tuple(Variable(v["indicator"], float(v["weight"]), bool(v.get("inverse"))) for v in d["variables"]),
        tuple(Group(g["id"], g["name"], g.get("bez", ""), float(g["min_population"])) for g in d.get("groups") or []),
    ) if ok else None


@dataclass
class Result:
    config: Config
    inputs: pd.DataFrame  # area, year and one column per variable (the aggregated values used)
    stats: pd.DataFrame  # index year; columns (variable, "mean"/"sd") over the Gemeinden
    scores: pd.DataFrame  # area, year, raw, value, value_equal

    def rows(self) -> pd.DataFrame:
        """The index as value rows for the report's long table."""
        s = self.scores.dropna(subset=["value"])
        return pd.DataFrame({"indicator": INDICATOR_ID, "area": s["area"], "year": s["year"], "value": s["value"],
                             "numerator": np.nan, "denominator": np.nan, "flag": ""})


def group_members(values: pd.DataFrame, config: Config, gemeinden: dict[str, str]) -> dict[str, dict[int, list[str]]]:
    """Members of each group per year (population and kind of each Gemeinde in that year)."""
    pop = values[(values["indicator"] == config.population_indicator) & values["area"].isin(gemeinden)]
    result: dict[str, dict[int, list[str]]] = {}
    for g in config.groups:
        chosen = pop[(pop["value"] > g.min_population) & pop["area"].map(lambda a: not g.bez or gemeinden[a] == g.bez)]
        result[g.id] = {int(y): sorted(rows["area"]) for y, rows in chosen.groupby("year")}
    return result


def compute(values: pd.DataFrame, config: Config, catalogue: Catalogue, gemeinden: dict[str, str],
            areas: list[str]) -> Result:
    """Index for the Gemeinden (AGS -> bez), the given other ``areas`` (planning areas, Kreis) and the groups."""
    names = [v.indicator for v in config.variables]
    used = values[values["indicator"].isin(names)]  # the groups' sums of every other indicator went unused
    groups = aggregate(used, catalogue, group_members(values, config, gemeinden))
    rows = pd.concat([used, groups], ignore_index=True)
    rows = rows[(rows["flag"] == "") & rows["value"].notna()]
    keep = set(gemeinden) | set(areas) | {g.id for g in config.groups}
    wide = rows[rows["area"].isin(keep)].pivot_table(index=["area", "year"], columns="indicator", values="value")
    wide = wide.reindex(columns=names)
    on_gemeinden = wide[wide.index.get_level_values("area").isin(set(gemeinden))]
    by_year = on_gemeinden.groupby(level="year")
    stats = pd.concat({"mean": by_year.mean(), "sd": by_year.std(ddof=0)}, axis=1).swaplevel(axis=1)
    years = wide.index.get_level_values("year")
    mean = by_year.mean().reindex(years).to_numpy()
    sd = by_year.std(ddof=0).reindex(years).to_numpy()
    sign = np.array([-1.0 if v.inverse else 1.0 for v in config.variables])
    z = (wide.to_numpy() - mean) / sd * sign
    scores = wide.index.to_frame(index=False)
    for column, weights in (("raw", [v.weight for v in config.variables]), ("raw_equal", [1.0] * len(names))):
        w = np.array(weights)
        scores[column] = (z * w).sum(axis=1) / w.sum()
        scores.loc[np.isnan(z).any(axis=1), column] = np.nan
    is_gemeinde = scores["area"].isin(set(gemeinden))
    for column, target in (("raw", "value"), ("raw_equal", "value_equal")):
        lo = scores["year"].map(scores[is_gemeinde].groupby("year")[column].min())
        hi = scores["year"].map(scores[is_gemeinde].groupby("year")[column].max())
        span = config.scale_max - config.scale_min
        scores[target] = config.scale_min + span * (scores[column] - lo) / (hi - lo)
    return Result(config, wide.reset_index(), stats, scores.sort_values(["year", "area"]).reset_index(drop=True))
