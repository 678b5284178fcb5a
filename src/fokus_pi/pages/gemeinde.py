"""gemeinden/<slug>/: every indicator for one Gemeinde, by Handlungsfeld, against Kreis, Land and Bund."""

from __future__ import annotations

from ..areas import Gemeinde
from ..render import render
from ..report import Report
from ..viz import gemeinde_block, neighbour_links
from .services import gemeinde_section
from .views import Cell


def page(report: Report, g: Gemeinde) -> str:
    reg = report.register
    published = report.published()  # one scan of the facts, not one per Handlungsfeld
    sections = []
    for field in report.catalogue.fields:
        rows = []
        for ind in published:
            if ind.field != field.id:
                continue
            year = report.latest_year(ind.id)
            refs = [Cell.of(report.row(ind.id, r.code, year)) for r in reg.references]
            rows.append((ind, year, Cell.of(report.row(ind.id, g.ags, year)), refs))
        if rows:
            sections.append((field, rows))
    planning = next((p for p in reg.planning_areas if p.id == g.planning_area), None)
    return render(
        "gemeinde.md.j2", g=g, planning=planning, sections=sections, snapshot=report.snapshot,
        reference_names=[r.name for r in reg.references], kreis=reg.kreis,
        viz=gemeinde_block(report, g, published), neighbours=neighbour_links(report, g),
        services=gemeinde_section(report, g),
        mergers=[m for m in report.mergers if m.new == g.ags],  # footnote: figures before a merger
    )
