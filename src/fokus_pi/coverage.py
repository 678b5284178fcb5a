"""Angebotsanalyse: are there services where the people and the need are?

For each kind of service and each Gemeinde, planning area and the Kreis: services per 1,000 people of the
kind's target group (a published figure of the report, e.g. the numerator of the share under 18), set against
need (the Sozialformel by default). An area has a gap ("Lücke") where its need is above the Kreis value and its
coverage below the Kreis value; both are compared as the tables print them, so what a reader sees agrees.

Only published figures are used: where the target group of an area is withheld (disclosure control), its
coverage stays empty too, because services and coverage together would give the withheld number away."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .report import Report
from .services import Category, Directory
from .viz.classes import round_half_up

PER = 1000
DECIMALS = 2
# gap classes: key -> (legend text, colour); RdBu ends (colour-blind safe), the gap darkest
GAPS: dict[str, tuple[str, str]] = {
    "luecke": ("Bedarf über dem Kreiswert, Versorgung unter dem Kreiswert", "#b2182b"),
    "knapp": ("Bedarf höchstens Kreiswert, Versorgung unter dem Kreiswert", "#f4a582"),
    "gedeckt": ("Bedarf über dem Kreiswert, Versorgung mindestens Kreiswert", "#92c5de"),
    "gut": ("Bedarf höchstens Kreiswert, Versorgung mindestens Kreiswert", "#2166ac"),
}
SHORT = {"luecke": "Lücke", "knapp": "unter Kreiswert", "gedeckt": "gedeckt", "gut": "gut versorgt"}


@dataclass(frozen=True)
class Cell:
    """One area's coverage for one kind of service."""

    code: str
    name: str
    count: int
    target: float | None
    flag: str  # flag of the target group's cell where it is not published ("geheim", …), else ""
    per_1000: float | None  # rounded as printed
    need: float | None
    gap: str | None  # a key of GAPS, None where coverage or need is unknown


@dataclass(frozen=True)
class Analysis:
    category: Category
    year: int | None  # year of the target group figures
    need_year: int | None
    kreis: Cell
    planning: list[Cell]
    gemeinden: list[Cell]

    def planning_gap(self, code: str) -> str | None:
        return next((c.gap for c in self.planning if c.code == code), None)


def _figure(report: Report, indicator: str, part: str, code: str, year: int | None) -> tuple[float | None, str]:
    """A published figure and the flag of its cell (withheld, unknown, …); (None, "") where there is no row."""
    row = report.row(indicator, code, year) if year is not None else None
    if row is None:
        return None, ""
    value = row[part]
    if row["flag"] or value is None or (isinstance(value, float) and math.isnan(value)):
        return None, str(row["flag"] or "")
    return float(value), ""


def _need_is_high(report: Report, need_id: str, value: float, kreis: float) -> bool:
    ind = report.catalogue.by_id.get(need_id)
    return value < kreis if ind is not None and ind.direction == "higher_is_better" else value > kreis


def analyse(report: Report, directory: Directory, category: Category) -> Analysis:
    """Coverage of one kind of service in every Gemeinde, planning area and the Kreis."""
    reg = report.register
    year, need_year = report.latest_year(category.target_indicator), report.latest_year(category.need)
    counts = Counter(s.ags for s in directory.in_category(category.id))

    def cell(code: str, name: str, count: int, kreis: tuple[float | None, float | None] | None) -> Cell:
        target, flag = _figure(report, category.target_indicator, category.target_part, code, year)
        per = round_half_up(PER * count / target, DECIMALS) if target else None
        need, _ = _figure(report, category.need, "value", code, need_year)
        gap = None
        if kreis is not None and None not in (per, need) + kreis:
            high = _need_is_high(report, category.need, need, kreis[1])
            under = per < kreis[0]
            gap = {(True, True): "luecke", (False, True): "knapp", (True, False): "gedeckt"}.get((high, under), "gut")
        return Cell(code, name, count, target, flag, per, need, gap)

    kreis = cell(reg.kreis.code, reg.kreis.name, sum(counts.values()), None)
    ref = (kreis.per_1000, kreis.need)
    planning = [cell(p.id, p.name, sum(counts[g.ags] for g in reg.gemeinden if g.planning_area == p.id), ref)
                for p in reg.planning_areas]
    gemeinden = [cell(g.ags, g.name, counts[g.ags], ref) for g in reg.gemeinden]
    return Analysis(category, year, need_year, kreis, planning, gemeinden)


def analyse_all(report: Report, directory: Directory) -> list[Analysis]:
    return [analyse(report, directory, c) for c in directory.categories]


def gap_counts(analyses: list[Analysis]) -> dict[str, int]:
    """Planning area -> number of kinds of service with a gap there (the overview map)."""
    result: Counter[str] = Counter()
    for a in analyses:
        for c in a.planning:
            result[c.code] += c.gap == "luecke"
    return dict(result)
