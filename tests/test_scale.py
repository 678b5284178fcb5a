"""What changes when a report grows to a Land: Gemeinden leave the navigation for their index page."""

from __future__ import annotations

import re

import fokus_pi.pages as pages
from fokus_pi.pages import views
from fokus_pi.publish import build_site

from .conftest import TINY, TINY_CONFIG


def test_a_kreis_lists_its_gemeinden_in_the_navigation(tiny_report):
    assert "gemeinden/adorf.md" in str(pages.nav(tiny_report)["gemeinden/index.md"])
    planned = pages.plan_pages(tiny_report)
    assert all(p.listed for p in planned)
    quote = next(p.markdown for p in planned if p.uri == "kennzahlen/sgb-ii-quote.md")
    assert "Alle Gemeinden und Jahre" in quote and quote.count('gemeinden/adorf/"') == 2  # ranking, all years


def test_at_land_scale_gemeinden_are_reached_through_their_index_and_tables_through_downloads(tiny_report, tmp_path, monkeypatch):
    monkeypatch.setattr(views, "LAND_SCALE", 2)  # the tiny Kreis has 3 Gemeinden
    assert pages.nav(tiny_report)["gemeinden/index.md"] == ["gemeinden/index.md"]
    planned = pages.plan_pages(tiny_report)
    unlisted = sorted(p.uri for p in planned if not p.listed)
    assert unlisted == ["gemeinden/adorf.md", "gemeinden/bedorf.md", "gemeinden/cestadt.md"]
    quote = next(p.markdown for p in planned if p.uri == "kennzahlen/sgb-ii-quote.md")
    assert "Alle Gemeinden und Jahre" not in quote and quote.count('gemeinden/adorf/"') == 1  # in the ranking
    assert "Die Werte aller 3 Gemeinden in allen Jahren stehen in den [Downloads dieser Seite](#daten-herunterladen)" in quote
    site = build_site(TINY, tmp_path / "site", TINY_CONFIG).out_dir  # strict: no "not in nav" warning
    page = (site / "gemeinden/adorf/index.html").read_text(encoding="utf-8")
    nav = page[page.index("md-sidebar--primary"):page.index("md-sidebar--secondary")]
    assert "Adorf" in page and "kennzahlen/einwohner/" in nav and not re.search(r'href="?[^" >]*(bedorf|cestadt)/', nav)
    index = (site / "gemeinden/index.html").read_text(encoding="utf-8")
    assert all(re.search(rf'href="?{g}/', index) for g in ("adorf", "bedorf", "cestadt"))
