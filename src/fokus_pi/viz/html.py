"""HTML blocks for the Markdown pages: the page's data as JSON, figures, legends and table alternatives.

Each block is one raw HTML element without blank lines, so Markdown passes it through untouched. The
templates escape HTML (unlike the Markdown templates): names and titles come from the planners' data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import fmt
from ..areas import Gemeinde
from ..cache import TemplateBytecode
from ..catalogue import Indicator
from ..report import Report
from . import charts, data
from .classes import NO_DATA, Classes
from .geo import cached_geometry

# legend entries for the two patterns; fokus-viz.js draws flag "geheim" hatched, every other gap dotted
PATTERN_LABELS = (("geheim", "geheim (Zahlenwert geheim zu halten)"),
                  ("keine", f"{NO_DATA} (unbekannt, unsicher, nicht sinnvoll oder fehlend)"))


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("fokus_pi", "templates"), undefined=StrictUndefined, autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, bytecode_cache=TemplateBytecode())


def _render(template: str, **context: object) -> str:
    html = _environment().get_template(template).render(**context).strip()
    return "\n".join(line for line in html.splitlines() if line.strip())  # a blank line would end the block


@dataclass(frozen=True)
class IndicatorBlocks:
    map: str
    charts: str


def indicator_blocks(report: Report, ind: Indicator) -> IndicatorBlocks | None:
    """The map block (top of the page) and the chart block; None while no Gemeinde has a value."""
    year = report.latest_year(ind.id)
    if year is None:
        return None
    classes = data.map_classes(report, ind, year)
    payload = data.indicator_payload(report, ind, classes)
    payload["spec"] = indicator_spec(report, ind)
    payload["cmp"] = data.comparable(ind)
    title = charts.unit_title(ind)
    return IndicatorBlocks(
        map=_render("viz/indicator_map.html.j2", payload_json=data.script_json(payload), title=title,
                    unit=ind.unit, years=payload["years"], year=year, classes=list(zip(classes.colors, classes.labels)),
                    patterns=PATTERN_LABELS, centre_note=_centre_note(report, ind, classes, year), areas="a" in payload),
        charts=_render("viz/indicator_charts.html.j2", title=title, year=year, comparable=data.comparable(ind)),
    )


def spec_args(report: Report, ind: Indicator) -> tuple | None:
    """What the indicator's chart spec is made from (and so its cache key); None while no Gemeinde has a value."""
    year = report.latest_year(ind.id)
    if year is None:
        return None
    names = {r["level"]: r["name"] for r in data.references(report)}
    return ind, year, _first_and_last(report, ind, year), report.register.kreis.name, names


def indicator_spec(report: Report, ind: Indicator) -> dict:
    return charts.indicator_spec(*spec_args(report, ind))


def _first_and_last(report: Report, ind: Indicator, year: int) -> list[str]:
    """The Gemeinden ranked first and last: picked for the comparison until the reader picks others."""
    ranks = [(row["rank"], g.ags) for g in report.register.gemeinden
             if (row := report.row(ind.id, g.ags, year)) is not None and row["rank"] == row["rank"]]
    ranks.sort()
    return list(dict.fromkeys([ranks[0][1], ranks[-1][1]])) if ranks else []


def _centre_note(report: Report, ind: Indicator, classes: Classes, year: int) -> str:
    """Says where the diverging palette turns, and which side is the favourable one."""
    if classes.centre is None:
        return ""
    good, bad = ("niedrigere", "höhere") if classes.favourable_low else ("höhere", "niedrigere")
    value = fmt.with_unit(classes.centre, ind.decimals, ind.unit)
    return (f"Die Farben teilen sich am Wert für {report.register.kreis.name} {year} ({value}): Blautöne "
            f"stehen für {good} und damit günstigere Werte, Rottöne für {bad} und damit ungünstigere.")


def gemeinde_block(report: Report, g: Gemeinde, published: list[Indicator]) -> str:
    """The locator map with its text alternative, and the Gemeinde's own series for the small multiples."""
    neighbours = [n.name for n in neighbour_links(report, g)]
    centre = f"{fmt.number(g.lat, 4)}° N, {fmt.number(g.lon, 4)}° O"
    payload = data.gemeinde_payload(report, g, published)
    return _render("viz/gemeinde_map.html.j2", payload_json=data.script_json(payload), name=g.name,
                   kreis=report.register.kreis.name, centre=centre, neighbours=neighbours)


def neighbour_links(report: Report, g: Gemeinde) -> list[Gemeinde]:
    """Neighbouring Gemeinden, for the links under the locator map (the keyboard way to what the map offers)."""
    names = report.register.by_ags()
    return sorted((names[a] for a in cached_geometry(report.register).neighbours.get(g.ags, []) if a in names),
                  key=lambda n: n.name.casefold())

