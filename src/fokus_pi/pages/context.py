"""demographie/ and finanzen/: the context of the Handlungsfelder, as the county's app showed it – population
structure and its development, and social spending by area with its share of the budget."""

from __future__ import annotations

import math

from .. import fmt, svgchart
from ..render import render
from ..report import Report

AGE_GROUPS = ("unter 18 Jahre", "18 bis 64 Jahre", "65 bis 79 Jahre", "80 Jahre und älter")


def _num(report: Report, ind: str, code: str, year: int, part: str = "value") -> float | None:
    row = report.row(ind, code, year)
    if row is None or row["flag"]:
        return None
    value = row[part]
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def age_structure(report: Report, code: str) -> tuple[list[int], list[svgchart.Series]]:
    """Shares of four age groups per year, from the numerators of the age-share indicators."""
    years = [y for y in report.years("anteil-unter-18") if y in report.years("anteil-80-plus")]
    shares: list[list[float | None]] = [[] for _ in AGE_GROUPS]
    kept = []
    for y in years:
        young = _num(report, "anteil-unter-18", code, y, "numerator")
        old = _num(report, "anteil-65-plus", code, y, "numerator")
        oldest = _num(report, "anteil-80-plus", code, y, "numerator")
        total = _num(report, "anteil-unter-18", code, y, "denominator")
        if None in (young, old, oldest, total) or not total:
            continue
        kept.append(y)
        for i, n in enumerate((young, total - young - old, old - oldest, oldest)):
            shares[i].append(round(100 * n / total, 1))
    return kept, [svgchart.Series(name, values) for name, values in zip(AGE_GROUPS, shares)]


def demographie(report: Report) -> str:
    reg = report.register
    kreis = reg.kreis.code
    years = report.years("einwohner")
    first, last = years[0], years[-1]
    age_years, ages = age_structure(report, kreis)
    index_series = [svgchart.Series(r.name, [_num(report, "bevoelkerungsentwicklung", r.code, y) for y in years])
                    for r in reg.references]
    development = svgchart.line_chart(
        "Bevölkerungsentwicklung (Index 2015 = 100)", [str(y) for y in years], index_series, "Index", 1,
        "Einwohnerzahl im Verhältnis zu 2015. Quelle: Statistikamt Nord.", "demo-entwicklung")
    structure = svgchart.stacked_bars(
        "Altersstruktur der Bevölkerung im Kreis", [str(y) for y in age_years], ages, "%", 1,
        "Anteile der Altersgruppen an der Bevölkerung des Kreises in %. Quelle: Statistikamt Nord.",
        "demo-alter") if age_years else ""
    areas = []
    for p in reg.planning_areas:
        now, then = _num(report, "einwohner", p.id, last), _num(report, "einwohner", p.id, first)
        areas.append((p, now, None if not now or not then else 100 * (now / then - 1),
                      _num(report, "anteil-unter-18", p.id, last), _num(report, "anteil-65-plus", p.id, last)))
    now, then = _num(report, "einwohner", kreis, last), _num(report, "einwohner", kreis, first)
    return render(
        "demographie.md.j2", reg=reg, first=first, last=last, population=now,
        growth=None if not now or not then else now - then,
        mean_age=_num(report, "durchschnittsalter", kreis, last), old=_num(report, "anteil-65-plus", kreis, last),
        development=development, structure=structure, ages=ages, age_years=age_years, areas=areas,
        indicators=report.catalogue.in_field("demographie"), published={i.id for i in report.published()},
        breaks=report.catalogue.by_id["einwohner"].breaks, snapshot=report.snapshot,
    )


def finanzen(report: Report) -> str:
    planning = report.planning
    assert planning is not None and planning.spending is not None
    sp = planning.spending
    years = sp.years
    labels = [str(y) for y in years]
    parts = [svgchart.Series(a.title, [round(sp.amount(y, a.id) / 1e6, 1) for y in years]) for a in sp.areas]
    bars = svgchart.stacked_bars("Sozialausgaben des Kreises nach Bereichen", labels, parts, "Mio. €", 1,
                                 f"{sp.title} in Mio. €. Quelle: {sp.source}.", "fin-bereiche")
    share = svgchart.line_chart(
        "Anteil der Sozialausgaben am Haushalt", labels,
        [svgchart.Series("Anteil am Haushalt", [round(sp.share(y), 1) for y in years])], "%", 1,
        f"Sozialausgaben in % der Haushaltsgröße „{sp.budget_label}“. Quelle: {sp.source}.", "fin-anteil")
    last, first = years[-1], years[0]
    recent = years[-3:]
    rows = [(a, [sp.amount(y, a.id) / 1e6 for y in recent], 100 * sp.amount(last, a.id) / sp.total(last),
             100 * (sp.amount(last, a.id) / sp.amount(first, a.id) - 1) if sp.amount(first, a.id) else None)
            for a in sp.areas]
    totals = [sp.total(y) / 1e6 for y in recent]
    growth = 100 * (sp.total(last) / sp.total(first) - 1)
    yearly = 100 * ((sp.total(last) / sp.total(first)) ** (1 / (last - first)) - 1) if last > first else None
    return render(
        "finanzen.md.j2", sp=sp, first=first, last=last, recent=recent, rows=rows, totals=totals, growth=growth,
        yearly=yearly, bars=bars, share=share, kreis=report.register.kreis,
        per_head=_num(report, "sozialausgaben", report.register.kreis.code, last),
        indicators=report.catalogue.in_field("finanzen"), published={i.id for i in report.published()},
        fmt=fmt,
    )


DEMOGRAPHIE_NEEDS = ("einwohner", "bevoelkerungsentwicklung", "anteil-unter-18", "anteil-65-plus", "anteil-80-plus",
                     "durchschnittsalter")


def has_demographie(report: Report) -> bool:
    """The Demographie page needs the population and age indicators of the standard catalogue."""
    published = {i.id for i in report.published()}
    return all(i in published for i in DEMOGRAPHIE_NEEDS)
