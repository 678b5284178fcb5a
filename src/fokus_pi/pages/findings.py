"""auffaelligkeiten/: correlations, unusual changes and values far from the Kreis, linked to their pages."""

from __future__ import annotations

from .. import findings
from ..render import render
from ..report import Report
from ..viz.figures import correlation_blocks


def analyse(report: Report) -> dict:
    """The three lists, computed once from the derived facts with the settings in report.yml."""
    settings = findings.Settings.from_mapping(report.register.analysis)
    published = report.published()
    year_of = {i.id: report.latest_year(i.id) for i in published}
    population_id = report.sozialformel.config.population_indicator if report.sozialformel else "einwohner"
    population = {}
    for g in report.register.gemeinden:
        row = report.row(population_id, g.ags, report.latest_year(population_id))
        population[g.ags] = row["value"] if row is not None else 0.0
    return {
        "settings": settings,
        "correlations": findings.correlations(report.facts, published, list(population), year_of, settings),
        "changes": findings.unusual_changes(report.facts, published, population, year_of, settings),
        "far": findings.far_from_kreis(report.facts, published, population, year_of, settings),
    }


def page(report: Report) -> str:
    found = analyse(report)
    return render("findings.md.j2", **found, gemeinden=report.register.by_ags(), kreis=report.register.kreis,
                  snapshot=report.snapshot, scatters=correlation_blocks(report, found["correlations"]))
