"""kennzahlen/<id>/: one indicator across all Gemeinden, with Kreis, Land and Bund and its series."""

from __future__ import annotations

from ..catalogue import Indicator
from ..render import render
from ..report import Report
from ..viz import indicator_blocks
from . import views


def page(report: Report, ind: Indicator) -> str:
    year = report.latest_year(ind.id)
    reg = report.register
    gemeinden = sorted(reg.gemeinden, key=lambda g: g.name)
    return render(
        "indicator.md.j2",
        ind=ind,
        field=report.catalogue.field(ind.field),
        year=year,
        snapshot=report.snapshot,
        references=views.references(report, ind, year),
        ranking=views.ranking(report, ind, year),
        reference_names=[r.name for r in reg.references],
        reference_series=views.series(report, ind, [r.code for r in reg.references]),
        gemeinden=gemeinden,
        gemeinde_series=None if views.land_scale(report) else views.series(report, ind, [g.ags for g in gemeinden]),
        viz=indicator_blocks(report, ind),
    )
