"""Maps and charts of the analysis pages: the planning-area locator, the Sozialformel map, the funding map and
scatter, and one scatter per correlation on the Auffälligkeiten page.

Scatter points are built from the published cells only (``data.value_slot``): a suppressed or missing value
is a flag or None there and never becomes a point, so no chart can show what a table withholds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..areas import PlanningArea
from ..catalogue import Indicator
from ..findings import Correlation
from ..funding import Programme
from ..report import Report
from . import charts, data
from .classes import classify
from .html import PATTERN_LABELS, _render, indicator_blocks

FIFTHS = {"hoch": "größter Bedarf", "mittel": "mittel", "gering": "geringster Bedarf"}  # funding.reach's fifths


@dataclass(frozen=True)
class Axis:
    title: str  # with the unit, e.g. "SGB-II-Quote (%)"
    unit: str
    dec: int

    @classmethod
    def of(cls, ind: Indicator) -> "Axis":
        return cls(charts.unit_title(ind), ind.unit, ind.decimals)

    def to_json(self) -> dict:
        return {"title": self.title, "unit": self.unit, "dec": self.dec}


def scatter_block(fig_id: str, title: str, caption: str, x: Axis, y: Axis, points: list[list],
                  group: tuple[str, list[str]] | None = None) -> str:
    """A scatter figure: chart, caption and its table alternative (filled by fokus-viz.js from the points
    [code, name, x, y(, group)]), with the page's data as JSON."""
    payload = {"x": x.to_json(), "y": y.to_json(), "points": points, "group": group[0] if group else None,
               "spec": charts.scatter_spec(x.title, y.title, x.dec, y.dec, title, group)}
    return _render("viz/scatter.html.j2", payload_json=data.script_json(payload), fig_id=fig_id, title=title,
                   caption=caption)


def _both(report: Report, ags: str, a: tuple[Indicator, int], b: tuple[Indicator, int]) -> tuple | None:
    """The two published values of one Gemeinde, rounded as printed; None unless both are numbers."""
    va, vb = (data.value_slot(report.row(i.id, ags, y), i.decimals) for i, y in (a, b))
    return (va, vb) if all(isinstance(v, (int, float)) for v in (va, vb)) else None


def correlation_points(report: Report, c: Correlation) -> list[list]:
    """[ags, name, a, b] for every Gemeinde with both values published (each indicator in its latest year,
    as the correlation was computed)."""
    a, b = (c.a, report.latest_year(c.a.id)), (c.b, report.latest_year(c.b.id))
    return [[g.ags, g.name, *pair] for g in report.register.gemeinden if (pair := _both(report, g.ags, a, b))]


def correlation_blocks(report: Report, correlations: list[Correlation]) -> list[str]:
    """One scatter per listed correlation: x = indicator A, y = indicator B, one point per Gemeinde."""
    blocks = []
    for i, c in enumerate(correlations, 1):
        points = correlation_points(report, c)
        year_b = report.latest_year(c.b.id)
        years = str(c.year) if year_b == c.year else f"{c.year} und {year_b}"
        title = f"{c.a.short_title} und {c.b.short_title}, Gemeinden {years}"
        caption = (f"Streudiagramm {i}: {title}. Ein Punkt je Gemeinde mit beiden Werten ({len(points)}); "
                   f"geheim zu haltende und fehlende Werte sind nicht eingezeichnet.")
        blocks.append(scatter_block(f"streuung-{i}", title, caption, Axis.of(c.a), Axis.of(c.b), points))
    return blocks


def area_block(report: Report, area: PlanningArea) -> str:
    """The planning area's locator map: its Gemeinden highlighted, the areas' borders drawn over them."""
    members = sorted((g for g in report.register.gemeinden if g.planning_area == area.id), key=lambda g: g.name)
    payload = {"id": area.id, "name": area.name, "members": [g.ags for g in members]}
    return _render("viz/area_map.html.j2", payload_json=data.script_json(payload), name=area.name,
                   kreis=report.register.kreis.name, members=[g.name for g in members])


def sozialformel_map(report: Report, indicator_id: str) -> str:
    """The index map with its Gemeinde and planning-area levels (the indicator page's map block)."""
    blocks = indicator_blocks(report, report.catalogue.by_id[indicator_id])
    return blocks.map if blocks else ""


@dataclass(frozen=True)
class FundingBlocks:
    map: str
    chart: str


def funding_blocks(report: Report, programme: Programme, reached: dict[int, pd.DataFrame]) -> FundingBlocks:
    """Map: funding per head of the target group, every year; chart: per head against need, newest year.
    ``reached``: funding.reach_by_year, the page's own frames."""
    frames = {y: frame.set_index("ags").to_dict("index") for y, frame in reached.items()}
    years = list(reached)
    year = years[-1]

    def cell(ags: str, y: int) -> dict:
        target = report.row(programme.target_indicator, ags, y)
        return {"flag": target["flag"] if target else "", "value": frames[y][ags]["per_head"]}

    gemeinden = report.register.gemeinden
    values = {g.ags: [data.value_slot(cell(g.ags, y), 2) for y in years] for g in gemeinden}
    changes = {g.ags: [None] + [data.change_slot({**cell(g.ags, y), "break": False,
                                                  "change": frames[y][g.ags]["per_head"] - frames[p][g.ags]["per_head"]}, 2)
                                for p, y in zip(years, years[1:])] for g in gemeinden}
    numbers = [v for s in values.values() for v in s if isinstance(v, (int, float))]
    classes = classify(numbers, 2)
    title = f"Mittel je Kopf der Zielgruppe ({programme.target_label}, €)"
    payload = {"ind": {"id": programme.id, "title": "Mittel je Kopf", "unit": "€", "dec": 2, "dir": "neutral"},
               "years": years, "year": year, "refs": [], "v": values, "c": changes, "classes": classes.to_json(),
               "cmp": False}
    map_html = _render("viz/indicator_map.html.j2", payload_json=data.script_json(payload), title=title, unit="€",
                       years=years, year=year, classes=list(zip(classes.colors, classes.labels)),
                       patterns=PATTERN_LABELS, centre_note="", areas=False)
    need = report.catalogue.by_id[programme.need]
    points = []
    for g in gemeinden:
        pair = (data.value_slot(report.row(need.id, g.ags, year), need.decimals), values[g.ags][-1])
        if all(isinstance(v, (int, float)) for v in pair):
            points.append([g.ags, g.name, *pair, FIFTHS.get(frames[year][g.ags]["fifth"], "")])
    x, y = Axis.of(need), Axis(f"Mittel je Kopf ({programme.target_label}, €)", "€", 2)
    caption = (f"{programme.title} {year}: Mittel je Kopf der Zielgruppe gegen den Bedarf ({need.short_title}), "
               f"ein Punkt je Gemeinde ({len(points)}); Farbe und Form zeigen das Bedarfsfünftel.")
    chart = scatter_block("foerderung-bedarf", f"{programme.title}: Mittel je Kopf und Bedarf {year}", caption,
                          x, y, points, ("Bedarfsfünftel", list(FIFTHS.values())))
    return FundingBlocks(map_html, chart)
