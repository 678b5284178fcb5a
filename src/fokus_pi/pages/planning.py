"""planungsraeume/: each planning area with its Gemeinden, indicator by indicator, against the Kreis."""

from __future__ import annotations

from ..areas import PlanningArea
from ..render import render
from ..report import Report
from ..viz.figures import area_block
from .views import Cell


def members(report: Report, area: PlanningArea) -> list:
    return sorted((g for g in report.register.gemeinden if g.planning_area == area.id), key=lambda g: g.name)


def page(report: Report, area: PlanningArea) -> str:
    kreis = report.register.kreis
    gemeinden = members(report, area)
    rows = [(area.name, area.id, None), *((g.name, g.ags, g) for g in gemeinden), (kreis.name, kreis.code, None)]
    sections = []
    for field in report.catalogue.fields:
        indicators = [i for i in report.published() if i.field == field.id]
        if not indicators:
            continue
        years = [report.latest_year(i.id) for i in indicators]
        table = [(name, g, [Cell.of(report.row(i.id, code, y)) for i, y in zip(indicators, years)])
                 for name, code, g in rows]
        sections.append((field, list(zip(indicators, years)), table))
    own = [Cell.of(report.row(i.id, area.id, report.latest_year(i.id))) for i in report.published()]
    return render("planning.md.j2", area=area, gemeinden=gemeinden, sections=sections, kreis=kreis,
                  snapshot=report.snapshot, n_areas=len(report.register.planning_areas),
                  aggregable=sum(1 for c in own if c.value is not None), viz=area_block(report, area))


def index(report: Report) -> str:
    areas = [(p, members(report, p)) for p in report.register.planning_areas]
    return render("planning_index.md.j2", areas=areas, register=report.register)
