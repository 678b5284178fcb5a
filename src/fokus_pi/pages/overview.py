"""The overview pages: start, the three section indexes, the Handlungsfeld pages and the methods page."""

from __future__ import annotations

from .. import derive
from ..catalogue import Field
from ..render import render
from ..report import Report
from . import fieldinfo
from .views import Cell


def _kreis_rows(report: Report, indicators) -> list[tuple]:
    """Latest Kreis value with change, and Land/Bund, for a list of indicators."""
    reg = report.register
    rows = []
    for ind in indicators:
        year = report.latest_year(ind.id)
        cells = [Cell.of(report.row(ind.id, r.code, year)) for r in reg.references]
        rows.append((ind, year, cells))
    return rows


def start_page(report: Report) -> str:
    key = [report.catalogue.by_id[k] for k in report.register.key_figures if k in {i.id for i in report.published()}]
    return render(
        "start.md.j2", report=report, register=report.register, snapshot=report.snapshot,
        key_rows=_kreis_rows(report, key), n_indicators=len(report.published()),
        n_gemeinden=len(report.register.gemeinden), fields=report.catalogue.fields,
        years=sorted({y for i in report.published() for y in report.years(i.id)}),
    )


def indicators_index(report: Report) -> str:
    groups = [(f, _kreis_rows(report, [i for i in report.published() if i.field == f.id]))
              for f in report.catalogue.fields]
    return render("indicators_index.md.j2", groups=[g for g in groups if g[1]], register=report.register,
                  n=len(report.published()))


def gemeinden_index(report: Report) -> str:
    names = {p.id: p.name for p in report.register.planning_areas}
    return render("gemeinden_index.md.j2", aemter=report.register.aemter(), planning=names,
                  n=len(report.register.gemeinden), register=report.register)


def fields_index(report: Report) -> str:
    counts = {f.id: sum(1 for i in report.published() if i.field == f.id) for f in report.catalogue.fields}
    return render("fields_index.md.j2", fields=report.catalogue.fields, counts=counts)


def field_page(report: Report, field: Field) -> str:
    rows = _kreis_rows(report, [i for i in report.published() if i.field == field.id])
    return render("field.md.j2", field=field, rows=rows, register=report.register, snapshot=report.snapshot,
                  **fieldinfo.extras(report, field))


def methods_page(report: Report) -> str:
    return render(
        "methods.md.j2", near=derive.NEAR * 100, clear=derive.CLEAR * 100, words=derive.WORDS,
        snapshots=list(reversed(report.snapshots)), register=report.register, published=report.snapshot,
    )
