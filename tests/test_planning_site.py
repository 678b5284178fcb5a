"""Integration: the planning pages, news, feed, legal pages and search in the built demo site, checked against the
raw data files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from .browser import until
from .conftest import DEMO, ROOT
from .test_site import german

pytestmark = pytest.mark.integration
POSTS = sorted((ROOT / "content" / "newsletter" / "posts").glob("*.md"))


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(site: Path, url: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", soup(site, url).find("article").get_text(" "))  # keeps no-break spaces


@pytest.fixture(scope="module")
def recommendations() -> list[dict]:
    return yaml.safe_load((DEMO / "recommendations.yml").read_text(encoding="utf-8"))["recommendations"]


def test_all_new_pages_exist(demo_site, recommendations):
    for url in ("fokusbericht", "fokusbericht/2025", "fokusbericht/2024", "handlungsempfehlungen", "fokusgruppen",
                "demographie", "finanzen", "newsletter", "neu", "impressum", "datenschutz", "barrierefreiheit",
                "leichte-sprache", "grundlagen", "redaktion/makros", "redaktion/planungsdaten"):
        assert (demo_site / url / "index.html").is_file(), url
    for r in recommendations:
        assert (demo_site / "handlungsempfehlungen" / r["id"] / "index.html").is_file()
    groups = yaml.safe_load((DEMO / "fokusgruppen.yml").read_text(encoding="utf-8"))["groups"]
    assert len(groups) == 12 and all((demo_site / "fokusgruppen" / g["id"] / "index.html").is_file() for g in groups)
    for snap in (DEMO / "snapshots").iterdir():
        assert (demo_site / "neu" / snap.name / "index.html").is_file()


def test_recommendation_counts_as_the_county_reports(demo_site, recommendations):
    current = [r["history"][-1]["status"] for r in recommendations]
    expected = [len(current), sum(s in ("beschlossen", "umgesetzt") for s in current), current.count("in_beratung")]
    assert expected == [46, 21, 11]
    cards = [li.find("strong").get_text() for li in soup(demo_site, "handlungsempfehlungen").select(".grid.cards li")]
    assert cards[:3] == [str(n) for n in expected]
    page = text(demo_site, f"handlungsempfehlungen/{recommendations[0]['id']}")
    assert "Verlauf" in page and "einmalig" in page and "jährlich" in page
    assert f"{recommendations[0]['cost']['yearly']:,} €".replace(",", ".") in page


def _raw(indicator: str, area: str, year: str) -> dict:
    snapshot = sorted((DEMO / "snapshots").iterdir())[-1]
    with (snapshot / "values.csv").open(encoding="utf-8") as fh:
        return next(r for r in csv.DictReader(fh) if (r["indicator"], r["area"], r["year"]) == (indicator, area, year))


def test_fokusbericht_draws_its_figures_from_the_data(demo_site):
    page = text(demo_site, "fokusbericht/2025")
    elmshorn = _raw("kinderarmut", "01056015", "2024")
    assert f"in Elmshorn {german(elmshorn['value'], 1)}\u00a0%" in page
    assert "{{" not in page and "<svg" not in page  # macros expanded, charts are HTML, not text
    assert soup(demo_site, "fokusbericht/2025").find("svg", attrs={"role": "img"}) is not None
    einwohner = _raw("einwohner", "01056", "2025")
    assert f"wohnen {german(einwohner['value'], 0)} Menschen" in text(demo_site, "leichte-sprache")


def test_handlungsfeld_page_has_profile_figures_and_recommendations(demo_site, recommendations):
    page = soup(demo_site, "handlungsfelder/armut")
    assert len(page.select(".grid.cards li")) == 4
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
    assert headings[:2] == ["Wechselwirkungen mit anderen Handlungsfeldern", "Kennzahlen"]
    assert {"Aus den Fokusgruppen", "Handlungsempfehlungen"} <= set(headings)
    altersarmut = _raw("altersarmut", "01056", "2025")
    assert f"{german(altersarmut['value'], 1)}\u00a0%" in page.select(".grid.cards li")[0].get_text()
    links = page.find("article").select("a[href*='handlungsempfehlungen/he-']")
    assert len(links) == sum(r["field"] == "armut" for r in recommendations)


def test_feed_holds_newsletter_posts_and_release_notes(demo_site):
    feed = feedparser.parse((demo_site / "feed.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    for post in POSTS:
        heading = next(line[2:].strip() for line in post.read_text(encoding="utf-8").splitlines()
                       if line.startswith("# "))
        assert heading in titles
    notes = [e for e in feed.entries if e.tags[0].term == "Neue Daten"]
    assert len(notes) == len(list((DEMO / "snapshots").iterdir()))
    assert len(feed.entries) == len(POSTS) + len(notes)
    for entry in feed.entries:
        assert (demo_site / entry.link / "index.html").is_file(), entry.link
    assert [e.updated for e in feed.entries] == sorted((e.updated for e in feed.entries), reverse=True)


def test_every_page_links_the_feed_and_the_legal_pages(demo_site):
    for page in demo_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in html or "type=application/atom+xml" in html, page
    footer = soup(demo_site, "gemeinden/elmshorn").find("footer").get_text(" ")
    for word in ("Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache", "Feed"):
        assert word in footer


LEGAL = ("impressum", "datenschutz", "barrierefreiheit")
PHONE = "04121 4502-3473"  # Stabsstelle Sozialplanung und Steuerung, from the county's own publications


def test_legal_pages_say_what_the_law_asks(demo_site):
    imprint = text(demo_site, "impressum")
    for phrase in ("§ 5 Digitale-Dienste-Gesetz", "Kurt-Wagener-Straße 11", "25337 Elmshorn", PHONE,
                   "Stabsstelle Sozialplanung und Steuerung", "Datenlizenz Deutschland – Namensnennung – Version 2.0"):
        assert phrase in imprint
    privacy = text(demo_site, "datenschutz")
    for phrase in ("keine Cookies", "kein Tracking", "nichts von anderen Anbietern", "Art. 77 DSGVO", "GitHub Pages",
                   "Service Worker", "Holstenstraße 98, 24103 Kiel", "mail@datenschutzzentrum.de",
                   "Stand dieser Erklärung: 22.11.2026"):
        assert phrase in privacy
    accessibility = text(demo_site, "barrierefreiheit")
    for phrase in ("Feedback und Kontakt", "Datum der letzten Überprüfung: 22.11.2026", "Durchsetzungsverfahren",
                   "BITV 2.0", "(WCAG) 2.1, Stufe AA", "axe-core", "PDF/UA", "innerhalb von zwei Wochen", PHONE,
                   "Beschwerdestelle für barrierefreie Informationstechnik", "Karolinenweg 1, 24105 Kiel"):
        assert phrase in accessibility


@pytest.mark.parametrize("url", LEGAL)
def test_legal_pages_have_no_placeholders(url):
    """Nothing is a placeholder: no bracketed gaps, no warning box for the county to fill in (checked on the
    Markdown sources, so it runs without building the site)."""
    source = (ROOT / "content" / f"{url}.md").read_text(encoding="utf-8")
    for gap in ("**[", "[…]", "Platzhalter", "auszufüllen", "bitte prüfen", "!!! warning"):
        assert gap not in source, (url, gap)


def test_video_loads_only_after_a_click_from_this_site(demo_site):
    page = soup(demo_site, "grundlagen")
    box = page.select_one(".fokus-video")
    assert box.find("button") is not None and box.find("iframe") is None
    template = box.find("template")
    assert template is not None and template.find("video") is not None
    assert all(v.find_parent("template") is template for v in page.find_all("video"))
    src = template.find("video")["src"]
    assert not src.startswith("http") and (demo_site / "grundlagen" / src).resolve().is_file()
    assert (demo_site / "grundlagen" / template.find("track")["src"]).resolve().is_file()


def test_search_index_is_german_with_stems_for_every_page(demo_site):
    index = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"] and "stems" in index["config"]["fields"]
    located = {d["location"].split("#")[0] for d in index["docs"]}
    pages = {str(p.parent.relative_to(demo_site)) + "/" for p in demo_site.rglob("index.html") if p.parent != demo_site}
    assert pages - {"assets/"} <= located
    doc = next(d for d in index["docs"] if "Mütter" in d["text"])
    assert "mutter" in doc["stems"].split()


@pytest.mark.browser
def test_filter_video_and_search_in_a_browser(served_site, browser):
    served = served_site + "/"
    page = browser.new_page()
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(served) else None)
    page.goto(served + "handlungsempfehlungen/")
    page.select_option("form.fokus-filter select[data-col='3']", "in Beratung")
    assert page.locator("form.fokus-filter output").text_content() == "11 von 46 Empfehlungen"
    page.goto(served + "grundlagen/")
    assert page.locator("video").count() == 0
    page.click("button:has-text('Video laden')")
    until(page, "document.querySelector('video') && document.querySelector('video').readyState > 0")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_timeout(4000)  # the worker builds the index
    box.type("Mutter", delay=30)
    page.wait_for_selector(".md-search-result__item")
    assert "Sprachkurse mit Kinderbetreuung" in page.locator(".md-search-result__list").text_content()
    page.close()
    assert foreign == []
