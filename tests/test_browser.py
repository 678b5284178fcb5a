"""Maps and charts in Debian's Chromium (Playwright), over http://127.0.0.1 and from disk (file://).

No request may leave the site and no console error may occur; the map has one shape per Gemeinde, the year
switch recolours it, a click opens the Gemeinde, every chart renders SVG marks, and the table alternatives
hold the data's numbers. Screenshots and the time a cold page takes to show map and charts go to test-results/.
"""

from __future__ import annotations

import json
import os

import pytest

from fokus_pi import fmt
from tests.browser import RESULTS, Visit

pytestmark = pytest.mark.browser
INDICATOR = "sgb-ii-quote"
GEMEINDE = "Elmshorn"
MARKS = "svg g[class^='mark-'] path, svg g[class^='mark-'] line"
CHARTS_DRAWN = "performance.getEntriesByName('fokus-charts').length > 0"
TIMINGS: dict[str, dict] = {}


@pytest.fixture(scope="module", autouse=True)
def _write_timings():
    yield
    RESULTS.mkdir(exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # each test process writes what it measured
    (RESULTS / f"viz-timings-{worker}.json").write_text(json.dumps(TIMINGS, indent=2), encoding="utf-8")


class MapVisit(Visit):
    """A cold page with a map and charts: fills, timings and clicks on shapes."""

    def __init__(self, browser, base: str, path: str):
        super().__init__(browser, base, path, wait_for=CHARTS_DRAWN)

    def fills(self) -> dict[str, str]:
        return self.page.eval_on_selector_all(
            ".fokus-map path[data-ags]", "els => Object.fromEntries(els.map(e => [e.dataset.ags, e.getAttribute('fill')]))")

    def timing(self, name: str) -> None:
        """When the map and the charts were drawn, in ms after navigation started (cold: new context)."""
        marks = self.page.evaluate("""() => Object.fromEntries(['fokus-map', 'fokus-charts'].map(
            n => [n, Math.round(performance.getEntriesByName(n)[0].startTime)]))""")
        TIMINGS[f"{name}-{self.mode}"] = marks

    def click_shape(self, code: str, attr: str = "data-ags") -> None:
        """Click a point well inside the shape (its bounding-box centre may not lie on it, and a point
        next to a border may hit the neighbour's outline): a Gemeinde by AGS or a planning area by id."""
        point = self.page.eval_on_selector(f'.fokus-map path[{attr}="{code}"]', """el => {
            el.closest('.fokus-map').scrollIntoView({block: 'center'});  // not the path: that would scroll Leaflet's pane
            const r = el.getBoundingClientRect();
            const on = (x, y) => [[0, 0], [-5, 0], [5, 0], [0, -5], [0, 5]].every(
                ([dx, dy]) => document.elementFromPoint(x + dx, y + dy) === el);
            for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
                const x = r.left + r.width * i / 10, y = r.top + r.height * j / 10;
                if (on(x, y)) return [x, y];
            }
            return null;
        }""")
        assert point, f"no visible point on the shape of {code}"
        self.page.mouse.click(*point)


def table_rows(page, selector: str) -> dict[str, list[str]]:
    return page.eval_on_selector_all(f"{selector} tbody tr", """rows => Object.fromEntries(rows.map(r => {
        const cells = [...r.children].map(c => c.textContent.trim());
        return [cells[0], cells.slice(1)];
    }))""")


def expected_cell(report, indicator: str, ags: str, year: int) -> tuple[str, str]:
    """Value and change as the Markdown tables print them (the same rules as the _macros template)."""
    ind = report.catalogue.by_id[indicator]
    row = report.row(indicator, ags, year)
    if row is None:
        return ".", "."
    flag = row["flag"] or None
    value = fmt.number(row["value"], ind.decimals, flag)
    if flag or row["value"] != row["value"]:
        return value, value
    return value, fmt.signed(None if row["change"] != row["change"] else row["change"], ind.decimals, bool(row["break"]))


def assert_charts(page, count: int) -> None:
    charts = page.locator(".fokus-chart")
    assert charts.count() == count
    for i in range(count):
        chart = charts.nth(i)
        assert chart.locator("svg").count() == 1, f"chart {i} is not SVG"
        assert chart.locator(MARKS).count() > 0, f"chart {i} has no marks"
        assert chart.locator("svg").get_attribute("aria-label") or chart.get_attribute("aria-describedby")


def test_indicator_page(browser, base, demo_report):
    visit = MapVisit(browser, base, f"kennzahlen/{INDICATOR}/")
    page, years = visit.page, demo_report.years(INDICATOR)
    visit.timing("kennzahl")
    before = visit.fills()
    assert len(before) == 49 == len(demo_report.register.gemeinden)
    assert_charts(page, 1)
    assert page.get_attribute(".fokus-map", "aria-label").startswith("Karte:")
    visit.screenshot("kennzahl")
    for year in (years[0], demo_report.latest_year(INDICATOR)):
        page.eval_on_selector("#fokus-jahr", f"e => {{ e.value = {year}; e.dispatchEvent(new Event('input')); }}")
        rows = table_rows(page, "#fokus-map-table")
        assert len(rows) == 49
        for g in demo_report.register.gemeinden:
            assert rows[g.name] == list(expected_cell(demo_report, INDICATOR, g.ags, year)), (g.name, year)
        assert page.text_content("#fokus-map-table caption").endswith(str(year))
        if year == years[0]:
            assert sum(before[a] != f for a, f in visit.fills().items()) >= 1  # the year switch recolours
    # the comparison's table holds the series of the picked Gemeinden
    header = page.eval_on_selector_all("#fokus-series-table thead th", "ths => ths.map(t => t.textContent)")
    assert header[:4] == ["Jahr", "Kreis Pinneberg", "Schleswig-Holstein", "Deutschland"] and len(header) >= 5
    elmshorn = next(g for g in demo_report.register.gemeinden if g.name == GEMEINDE)
    visit.click_shape(elmshorn.ags)
    page.wait_for_url(f"**/gemeinden/{elmshorn.slug}/**", timeout=20000)
    visit.close()


def test_gemeinde_page(browser, base, demo_report):
    g = next(g for g in demo_report.register.gemeinden if g.name == GEMEINDE)
    visit = MapVisit(browser, base, f"gemeinden/{g.slug}/")
    page = visit.page
    visit.timing("gemeinde")
    fills = visit.fills()
    assert len(fills) == 49 and fills[g.ags] == "#0072B2"
    assert sum(f == "#0072B2" for f in fills.values()) == 1  # only this Gemeinde is highlighted
    assert_charts(page, page.locator(".fokus-sm").count())
    # each small multiple has a table with the Gemeinde's numbers
    ind = demo_report.catalogue.by_id[INDICATOR]
    table = page.locator(f"#fokus-t-{ind.field}")
    year = demo_report.latest_year(INDICATOR)
    label = f"{ind.short_title} ({ind.unit})"
    cells = table.locator("tbody tr", has_text=label).filter(has_text=str(year)).first.locator("td")
    assert cells.nth(1).text_content() == expected_cell(demo_report, INDICATOR, g.ags, year)[0]
    assert table.locator("caption").count() == 1 and table.locator("thead th").count() == 6
    visit.screenshot("gemeinde")
    neighbour = demo_report.gemeinde(sorted(_neighbours(demo_report, g.ags))[0])
    visit.click_shape(neighbour.ags)
    page.wait_for_url(f"**/gemeinden/{neighbour.slug}/**", timeout=20000)
    visit.close()


def _neighbours(report, ags: str) -> list[str]:
    from fokus_pi.viz.geo import cached_geometry

    return cached_geometry(report.register).neighbours[ags]
