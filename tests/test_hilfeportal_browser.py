"""Hilfeportal in Debian's Chromium (Playwright), over http://127.0.0.1 and from disk (file://): the filter by
kind of service leaves exactly that kind's markers on the map (single or in clusters, compared with the data),
the list follows filter and search, the gap map is coloured as the analysis says; no request leaves the site
and no console error occurs."""

from __future__ import annotations

import pytest

from fokus_pi.coverage import analyse_all, gap_counts
from fokus_pi.pages.services import GAP_COUNT_COLORS
from tests.browser import Visit, until

pytestmark = pytest.mark.browser
READY = "performance.getEntriesByName('fokus-hilfe').length > 0"
KIND = "tafel"
PLACE = "Elmshorn"
# what the map shows: single markers by id and kind, clusters with their count and the kinds inside
ON_MAP = """() => {
    const singles = [], clusters = [];
    document.querySelectorAll('.fokus-map--hilfe .leaflet-marker-icon').forEach(el => {
        if (el.classList.contains('marker-cluster')) {
            const inner = el.querySelector('[data-kinds]');
            clusters.push({n: Number(el.textContent), kinds: inner.dataset.kinds.split(' ')});
        } else if (el.classList.contains('fokus-pin')) {
            singles.push({id: el.querySelector('[data-id]').dataset.id, cls: el.className});
        }
    });
    return {singles, clusters};
}"""


def shown(visit: Visit, count: int) -> dict:
    """Wait until the map holds ``count`` services (markers plus clustered), then return what it shows."""
    return until(visit.page, f"""() => {{
        const m = ({ON_MAP})();
        return m.singles.length + m.clusters.reduce((a, c) => a + c.n, 0) === {count} && m;
    }}""")


def visible_items(visit: Visit) -> list[dict]:
    return visit.page.eval_on_selector_all(".fokus-hilfe-liste > li", """els => els.filter(e => !e.hidden)
        .map(e => ({id: e.id, kind: e.dataset.category, text: e.textContent}))""")


def test_filter_by_kind_shows_only_that_kinds_markers(browser, base, demo_report):
    directory = demo_report.services
    wanted = {s.id for s in directory.in_category(KIND)}
    visit = Visit(browser, base, "hilfeportal/", wait_for=READY)
    page = visit.page
    everything = shown(visit, len(directory.services))
    assert len(everything["clusters"]) > 0  # 150 services in one Kreis: the map clusters them
    # the filter is a real control, reachable by keyboard (Shift+Tab from the search field)
    page.focus("#hilfe-suche")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "hilfe-kategorie"
    page.select_option("#hilfe-kategorie", KIND)
    on_map = shown(visit, len(wanted))
    assert {m["id"] for m in on_map["singles"]} <= wanted
    assert all(f"fokus-pin--{KIND}" in m["cls"].split() for m in on_map["singles"])
    assert all(c["kinds"] == [KIND] for c in on_map["clusters"])
    assert len(on_map["singles"]) + sum(c["n"] for c in on_map["clusters"]) == len(wanted)
    items = visible_items(visit)
    assert {i["id"] for i in items} == wanted and {i["kind"] for i in items} == {KIND}
    assert page.text_content("#hilfe-anzahl") == f"{len(wanted)} von {len(directory.services)} Angeboten"
    # the search narrows list and map together
    elmshorn = {s.id for s in directory.in_category(KIND) if demo_report.gemeinde(s.ags).name == PLACE}
    assert elmshorn
    page.fill("#hilfe-suche", PLACE.lower())
    on_map = shown(visit, len(elmshorn))
    assert {i["id"] for i in visible_items(visit)} == elmshorn
    assert {m["id"] for m in on_map["singles"]} <= elmshorn
    visit.screenshot("hilfeportal")
    visit.close()  # no request to another host, no console error


def test_pages_of_each_kind_open_the_map_filtered(browser, served_site, demo_report):
    visit = Visit(browser, served_site, f"hilfeportal/{KIND}/")
    visit.page.click(f"a[href*='kategorie={KIND}']")
    until(visit.page, f"() => {READY}")
    assert visit.page.input_value("#hilfe-kategorie") == KIND
    assert shown(visit, len(demo_report.services.in_category(KIND)))["singles"] is not None
    visit.close()


def test_every_service_has_an_anchor_and_the_popup_links_to_it(browser, served_site, demo_report):
    visit = Visit(browser, served_site, "hilfeportal/", wait_for=READY)
    page = visit.page
    ids = page.eval_on_selector_all(".fokus-hilfe-liste > li", "els => els.map(e => e.id)")
    assert sorted(ids) == sorted(s.id for s in demo_report.services.services)
    page.select_option("#hilfe-kategorie", KIND)
    for _ in range(6):  # a click on a cluster zooms in until single markers show
        if page.locator(".fokus-pin").count():
            break
        page.locator(".marker-cluster").first.click()
        until(page, "() => document.querySelectorAll('.fokus-pin').length > 0 || "
                    "!document.querySelector('.leaflet-zoom-anim')")
    pin = page.locator(".fokus-pin").first
    wanted = pin.locator("[data-id]").get_attribute("data-id")
    pin.click()
    page.locator(".leaflet-popup-content a").click()
    assert page.evaluate("document.querySelector(':target').id") == wanted
    assert page.locator(f"li#{wanted}").is_visible()
    visit.close()


def test_gap_map_is_coloured_by_the_analysis(browser, base, demo_report):
    counts = gap_counts(analyse_all(demo_report, demo_report.services))
    expected = {g.ags: GAP_COUNT_COLORS[min(counts[g.planning_area], 3)] for g in demo_report.register.gemeinden}
    visit = Visit(browser, base, "hilfeportal/angebotsanalyse/", wait_for=READY)
    fills = visit.page.eval_on_selector_all(
        ".fokus-map path[data-ags]", "els => Object.fromEntries(els.map(e => [e.dataset.ags, e.getAttribute('fill')]))")
    assert {a: f.lower() for a, f in fills.items()} == {a: f.lower() for a, f in expected.items()}
    assert len(set(fills.values())) >= 2  # some planning areas have gaps, some have none
    visit.close()
