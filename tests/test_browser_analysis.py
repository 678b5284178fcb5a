"""The planning-area map level, the shareable state in the address, embed snippets and the analysis
figures (Sozialformel, Förderung, Auffälligkeiten, planning areas) in Debian's Chromium, over http and from
file://; no request leaves the site and no console error occurs (Visit.close checks both)."""

from __future__ import annotations

import pytest

from fokus_pi.pages import findings
from fokus_pi.pages.planning import members
from tests.test_browser import MARKS, MapVisit, assert_charts, table_rows

pytestmark = pytest.mark.browser
INDICATOR = "sgb-ii-quote"


def areas_drawn(page) -> list[str]:
    return page.eval_on_selector_all(".fokus-map path[data-area]", "els => els.map(e => e.dataset.area)")


def hash_of(page) -> str:
    return page.evaluate("location.hash")


def test_area_level_switch_and_click(browser, base, demo_report):
    visit = MapVisit(browser, base, f"kennzahlen/{INDICATOR}/")
    page = visit.page
    assert len(visit.fills()) == 49 and areas_drawn(page) == []
    page.check("input[name=fokus-ebene][value=planungsraeume]")
    ids = [p.id for p in demo_report.register.planning_areas]
    assert sorted(areas_drawn(page)) == sorted(ids) and visit.fills() == {}  # one shape per planning area
    rows = table_rows(page, "#fokus-map-table")
    assert sorted(rows) == sorted(p.name for p in demo_report.register.planning_areas)
    assert page.text_content("#fokus-map-table thead th") == "Planungsraum"
    assert page.text_content("#fokus-map-table caption").startswith("SGB-II-Quote (%) nach Planungsräumen")
    assert "ebene=planungsraeume" in hash_of(page)
    visit.click_shape("wedel", "data-area")
    page.wait_for_url("**/planungsraeume/wedel/**", timeout=20000)
    visit.close()


def test_state_in_the_address(browser, base, demo_report):
    """A link with #jahr and #vergleich opens that view; the reader's changes are written back."""
    years = demo_report.years(INDICATOR)
    picked = [g for g in demo_report.register.gemeinden if g.name in ("Wedel", "Uetersen")]
    link = f"kennzahlen/{INDICATOR}/index.html#jahr={years[0]}&vergleich={','.join(g.ags for g in picked)}"
    visit = MapVisit(browser, base, link)
    page = visit.page
    assert page.input_value("#fokus-jahr") == str(years[0])
    assert page.text_content("#fokus-map-table caption").endswith(str(years[0]))
    header = page.eval_on_selector_all("#fokus-series-table thead th", "ths => ths.map(t => t.textContent)")
    assert sorted(header[4:]) == sorted(g.name for g in picked)  # the comparison from the link
    page.eval_on_selector("#fokus-jahr", f"e => {{ e.value = {years[-2]}; e.dispatchEvent(new Event('input')); }}")
    assert f"jahr={years[-2]}" in hash_of(page) and "vergleich=" in hash_of(page)
    assert page.text_content("#fokus-map-table caption").endswith(str(years[-2]))
    # each figure offers an embed snippet with the current state, showing that figure alone
    page.click("#karte > details.fokus-embed > summary")
    code = page.input_value("#karte textarea")
    assert code.startswith("<iframe src=") and f"jahr={years[-2]}" in code and "nur=karte" in code
    visit.close()
    embedded = MapVisit(browser, base, f"kennzahlen/{INDICATOR}/index.html#jahr={years[1]}&nur=karte")
    page = embedded.page
    assert page.evaluate("document.documentElement.classList.contains('fokus-embedded')")
    assert page.eval_on_selector("#karte", "e => getComputedStyle(e).position") == "fixed"
    assert page.input_value("#fokus-jahr") == str(years[1])
    embedded.close()


def test_scatter_charts_of_the_findings(browser, base, demo_report):
    visit = MapVisit(browser, base, "auffaelligkeiten/")
    page = visit.page
    correlations = findings.analyse(demo_report)["correlations"]
    assert_charts(page, len(correlations))
    first = correlations[0]
    chart = page.locator("#streuung-1 .fokus-chart")
    assert chart.locator("svg g.mark-symbol.role-mark path").count() == first.n  # one point per Gemeinde
    rows = table_rows(page, "#streuung-1-t")
    assert len(rows) == first.n
    visit.screenshot("auffaelligkeiten")
    visit.close()


def test_sozialformel_and_funding_pages(browser, base, demo_report):
    visit = MapVisit(browser, base, "sozialformel/")
    assert len(visit.fills()) == 49
    visit.page.check("input[name=fokus-ebene][value=planungsraeume]")
    assert len(areas_drawn(visit.page)) == len(demo_report.register.planning_areas)
    visit.close()
    programme = demo_report.programmes[0]
    visit = MapVisit(browser, base, f"foerderung/{programme.id}/")
    assert len(visit.fills()) == 49
    assert_charts(visit.page, 1)
    assert visit.page.locator("#foerderung-bedarf " + MARKS).count() > 0
    visit.screenshot("foerderung")
    visit.close()


def test_planning_area_locator(browser, base, demo_report):
    area = next(p for p in demo_report.register.planning_areas if p.id == "pinneberg")
    visit = MapVisit(browser, base, f"planungsraeume/{area.id}/")
    fills = visit.fills()
    own = {g.ags for g in members(demo_report, area)}
    assert {a for a, f in fills.items() if f == "#0072B2"} == own  # the area's Gemeinden highlighted
    assert len(areas_drawn(visit.page)) == len(demo_report.register.planning_areas)
    visit.close()
