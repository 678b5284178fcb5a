"""Accessibility (BITV 2.0 / WCAG 2.1 AA): axe-core in Debian's Chromium on one page of every page type of the
demo site, German as the page language, and the map and chart controls operated with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

from tests.browser import ROOT, Visit, one_page_per_type

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # devDependency in package.json, installed by `make`
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHARTS_DONE = "performance.getEntriesByName('fokus-charts').length > 0"
VIZ_PAGES = ("kennzahlen/", "gemeinden/")
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n")[1])}));
}"""


class _WithAxe:
    """A browser whose pages get axe-core before their own scripts (an init script is not subject to the page's
    Content-Security-Policy, which would refuse an injected <script>)."""

    def __init__(self, browser, viewport: dict | None = None):
        self.browser, self.viewport = browser, viewport

    def new_page(self, **kwargs):
        page = self.browser.new_page(**{**kwargs, **({"viewport": self.viewport} if self.viewport else {})})
        page.add_init_script(path=str(AXE))
        return page


def scan(browser, base: str, site: Path, viewport: dict | None = None) -> dict[str, list[dict]]:
    """axe's violations per page, one page per URL pattern (maps and charts drawn before the scan)."""
    found: dict[str, list[dict]] = {}
    for url in one_page_per_type(site):
        viz = url.startswith(VIZ_PAGES) and url not in VIZ_PAGES
        visit = Visit(_WithAxe(browser, viewport), base, url, wait_for=CHARTS_DONE if viz else None)
        assert visit.page.evaluate("document.documentElement.lang") == "de", url
        found[url] = visit.page.evaluate(RUN, TAGS)
        visit.close()
    return found


def test_axe_finds_no_wcag_21_aa_violation_on_any_page_type(browser, served_site: str, demo_site: Path):
    found = scan(browser, served_site, demo_site)
    assert len(found) >= 30  # every page type of the demo site, see one_page_per_type
    assert {url: v for url, v in found.items() if v} == {}


def test_axe_finds_no_violation_on_a_phone_either(browser, served_site: str, demo_site: Path):
    """A narrow screen: wide tables scroll sideways there, and their scroll boxes must be reachable by keyboard."""
    found = scan(browser, served_site, demo_site, viewport={"width": 390, "height": 844})
    assert len(found) >= 30
    assert {url: v for url, v in found.items() if v} == {}


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
