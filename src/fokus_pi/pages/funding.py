"""foerderung/: where each funding programme's money goes, against need."""

from __future__ import annotations

from ..funding import Programme, concentration, reach_by_year
from ..render import render
from ..report import Report
from ..viz.figures import funding_blocks


def _years(report: Report, programme: Programme) -> list[int]:
    need_years = set(report.years(programme.need))
    return sorted(y for y in set(programme.amounts["year"]) if y in need_years)


def page(report: Report, programme: Programme) -> str:
    gemeinden = [g.ags for g in report.register.gemeinden]
    years = _years(report, programme)
    year = years[-1]
    reached = reach_by_year(programme, report.of, gemeinden, years)
    names = {g.ags: g for g in report.register.gemeinden}
    rows = reached[year].sort_values(["need_rank", "ags"], na_position="last").to_dict("records")
    need = report.catalogue.by_id[programme.need]
    history = [concentration(reached[y], y) for y in years]
    return render("funding.md.j2", p=programme, year=year, rows=rows, names=names, need=need,
                  latest=history[-1], history=history, target=report.catalogue.by_id[programme.target_indicator],
                  snapshot=report.snapshot, viz=funding_blocks(report, programme, reached))


def index(report: Report) -> str:
    return render("funding_index.md.j2", programmes=report.programmes)
