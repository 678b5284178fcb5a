"""Accessibility (BITV 2.0 / WCAG 2.1 AA): axe-core in Debian's Chromium on one page of every page type of the
demo site at desktop and phone width (the same tour checks the Content-Security-Policy over http), German as the
page language, and the map and chart controls operated with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

from tests.browser import ROOT, Visit, Watched, one_page_per_type

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # devDependency in package.json, installed by `make`
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHARTS_DONE = "performance.getEntriesByName('fokus-charts').length > 0"
VIZ_PAGES = ("kennzahlen/", "gemeinden/")
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n")[1])}));
}"""


PHONE = {"width": 390, "height": 844}
SETTLED = "new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); })"


def tour(browser, base: str, site: Path) -> dict[str, dict]:
    """One visit to one page of every URL pattern (maps and charts drawn first): axe's violations at desktop
    width, then again on the same page narrowed to a phone's width, and the policy's violations.

    One visit for both widths, because axe's first run in a page costs about 1.8 s of warm-up (its second
    0.4 s) and a page with charts takes 1.5 to 5 s to draw: loading every page twice doubled the two slowest
    tests of the suite. A narrowed page is laid out by the same style sheets as one loaded narrow (Material's
    and Leaflet's scripts follow a resize, as when a tablet is turned); the scan checks that the phone layout
    is really in force before it runs."""
    watched, found = Watched(browser, AXE), {}
    for url in one_page_per_type(site):
        viz = url.startswith(VIZ_PAGES) and url not in VIZ_PAGES
        visit = Visit(watched, base, url, wait_for=CHARTS_DONE if viz else None)
        page = visit.page
        result = {"lang": page.evaluate("document.documentElement.lang"), "desktop": page.evaluate(RUN, TAGS)}
        if viz:
            result["charts"] = page.locator("[data-fokus-ready] svg").count()
            result["shapes"] = page.locator(".leaflet-interactive").count()
        page.set_viewport_size(PHONE)
        page.evaluate(SETTLED)
        result["phone_layout"] = page.evaluate(f"document.documentElement.clientWidth <= {PHONE['width']}"
                                               " && matchMedia('(max-width: 76.2344em)').matches")
        result["phone"] = page.evaluate(RUN, TAGS)
        result["csp"] = page.evaluate("window.__csp || []")
        visit.close()
        found[url] = result
    assert watched.console == [], watched.console
    return found


def test_every_page_type_passes_axe_at_desktop_and_phone_width_and_its_policy(browser, served_site: str,
                                                                              demo_site: Path):
    """WCAG 2.1 AA at 1280 px and at a phone's 390 px, where wide tables scroll sideways and their scroll boxes
    must be reachable by keyboard; no Content-Security-Policy violation (tests/test_csp.py has the policy's
    own checks and the same tour from file://); German as the page language; charts and maps drawn."""
    found = tour(browser, served_site, demo_site)
    assert len(found) >= 30  # every page type of the demo site, see one_page_per_type
    assert {url: r["lang"] for url, r in found.items() if r["lang"] != "de"} == {}
    assert [url for url, r in found.items() if not r["phone_layout"]] == []
    assert {url: r["desktop"] for url, r in found.items() if r["desktop"]} == {}
    assert {url: r["phone"] for url, r in found.items() if r["phone"]} == {}
    assert {url: r["csp"] for url, r in found.items() if r["csp"]} == {}
    viz = {url: r for url, r in found.items() if "charts" in r}
    assert len(viz) >= 2  # an indicator page and a Gemeinde page
    assert {url: (r["charts"], r["shapes"]) for url, r in viz.items() if r["charts"] < 1 or r["shapes"] < 40} == {}


def _tab_to(page, condition: str, what: str) -> None:
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    raise AssertionError(f"{what} is not reachable with Tab")


def test_year_switch_and_map_table_work_with_the_keyboard(browser, served_site: str):
    """Keyboard only: Tab to the year switch and change the year with the arrow keys (legend, caption and the
    map's table follow); Tab on to the map as a table, open it with Enter and open a Gemeinde from it."""
    visit = Visit(browser, served_site, "kennzahlen/sgb-ii-quote/", wait_for=CHARTS_DONE)
    page = visit.page
    slider, rows = page.locator("#fokus-jahr"), page.locator("#fokus-map-table tbody tr")
    last = int(slider.get_attribute("max"))
    assert int(slider.input_value()) == last
    table = page.locator("#fokus-map-table tbody")
    before = table.text_content()
    _tab_to(page, "document.activeElement.id === 'fokus-jahr'", "the year switch")
    page.keyboard.press("ArrowLeft")
    assert int(slider.input_value()) == last - 1
    assert {t.strip() for t in page.locator("[data-fokus-year]").all_text_contents()} == {str(last - 1)}
    assert table.text_content() != before and rows.count() >= 40  # the table shows the other year's values
    _tab_to(page, "!!document.activeElement.closest('#karte') && document.activeElement.tagName === 'SUMMARY'",
            "the map as a table")
    page.keyboard.press("Enter")
    assert page.locator("#karte details.fokus-alt").get_attribute("open") is not None
    page.keyboard.press("Tab")
    name = page.evaluate("document.activeElement.closest('#fokus-map-table') && document.activeElement.textContent")
    assert name, "the first Gemeinde of the map's table is the next stop"
    page.keyboard.press("Enter")
    page.wait_for_url("**/gemeinden/**")
    assert page.locator("h1").first.text_content().replace("¶", "").strip() == name, (page.url, name)
    visit.close()
