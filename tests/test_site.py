"""Integration: the demo site built with MkDocs in strict mode, checked page by page against the raw data."""

from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from . import html
from .conftest import DEMO

pytestmark = pytest.mark.integration


def german(value: str, decimals: int) -> str:
    """Independent German formatting for the test: 1234.56 -> 1.234,6 (half up)."""
    q = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(q):,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("−" if q < 0 else "") + text


@pytest.fixture(scope="module")
def raw():
    catalogue = yaml.safe_load((DEMO / "indicators.yml").read_text(encoding="utf-8"))
    snap = sorted((DEMO / "snapshots").iterdir())[-1]
    with open(snap / "values.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(DEMO / "areas/gemeinden.csv", encoding="utf-8") as fh:
        gemeinden = list(csv.DictReader(fh))
    return {"indicators": {i["id"]: i for i in catalogue["indicators"]}, "rows": rows, "gemeinden": gemeinden}


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_page_counts(demo_site):
    gemeinden = [p for p in (demo_site / "gemeinden").iterdir() if (p / "index.html").exists()]
    kennzahlen = [p for p in (demo_site / "kennzahlen").iterdir() if (p / "index.html").exists()]
    felder = [p for p in (demo_site / "handlungsfelder").iterdir() if (p / "index.html").exists()]
    assert len(gemeinden) == 49
    assert len(kennzahlen) >= 73
    assert len(felder) == 12
    for index in ("index.html", "kennzahlen/index.html", "gemeinden/index.html", "methodik/index.html",
                  "daten/datenformat/index.html"):
        assert (demo_site / index).exists(), index


def test_every_page_is_german_and_labelled_demo(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 130
    for path in pages:
        tree = html.page(path)
        assert tree.get("lang") == "de", path
        assert "Demodaten:" in tree.text_content(), path


def test_nothing_is_requested_from_another_host(demo_site):
    assert html.foreign_loads(demo_site) == set()
    css = "".join(p.read_text(encoding="utf-8", errors="replace") for p in demo_site.rglob("*.css"))
    assert "fonts.googleapis" not in css


def test_the_foreign_load_check_finds_each_way_a_page_loads_from_another_host(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<html lang=de><head><link rel=canonical href=https://fokus-pi.de/a/><link rel=alternate '
        'href=https://fokus-pi.de/feed.xml><link rel=stylesheet href=//cdn.example.org/x.css>'
        '<script src=assets/own.js></script></head><body><img src="https://tiles.example.org/1.png">'
        '<p style="background: url(\'http://img.example.org/b.png\')">Text</p><a href=https://example.org>Link</a>'
        '</body></html>', encoding="utf-8")
    (tmp_path / "own.css").write_text("a { background: url(/local.png) }", encoding="utf-8")
    (tmp_path / "font.css").write_text("@font-face { src: url('https://fonts.example.org/f.woff2') }",
                                       encoding="utf-8")
    assert html.foreign_loads(tmp_path) == {
        "a/index.html: //cdn.example.org/x.css", "a/index.html: https://tiles.example.org/1.png",
        "a/index.html: background: url('http://img.example.org/b.png')", "font.css"}


def _latest(raw, indicator: str) -> tuple[int, dict[str, dict]]:
    rows = [r for r in raw["rows"] if r["indicator"] == indicator]
    year = max(int(r["year"]) for r in rows if len(r["area"]) == 8 and r["value"])
    return year, {r["area"]: r for r in rows if int(r["year"]) == year}


def test_indicator_page_lists_every_gemeinde_with_its_value(demo_site, raw):
    ind = next(i for i in raw["indicators"].values() if i["kind"] == "share")
    year, rows = _latest(raw, ind["id"])
    page = soup(demo_site, f"kennzahlen/{ind['id']}")
    table = next(t for t in page.find_all("table")
                 if [th.get_text(strip=True) for th in t.find_all("th")][:2] == ["Rang", "Gemeinde"])
    body = {tr.find_all("td")[1].get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
            for tr in table.find_all("tr") if tr.find("td")}
    assert len(body) == 49
    for g in raw["gemeinden"]:
        row = rows[g["ags"]]
        expected = german(row["value"], ind["decimals"]) if row["value"] else {"geheim": ".", "unbekannt": ".", "nichts": "–", "nicht_sinnvoll": "x", "folgt": "…", "unsicher": "/"}[row["flag"]]
        assert body[g["name"]][2] == expected, (g["name"], row)
    kreis = rows["01056"]
    assert german(kreis["value"], ind["decimals"]) in page.get_text()


def test_gemeinde_page_shows_value_change_and_references(demo_site, raw):
    elmshorn = next(g for g in raw["gemeinden"] if g["name"] == "Elmshorn")
    ind = next(i for i in raw["indicators"].values() if i["kind"] == "share")
    year, rows = _latest(raw, ind["id"])
    _, prev = year - 1, {r["area"]: r for r in raw["rows"] if r["indicator"] == ind["id"] and int(r["year"]) == year - 1}
    page = soup(demo_site, "gemeinden/elmshorn")
    row = next(tr for tr in page.find_all("tr") if tr.find("a", href=re.compile(rf"kennzahlen/{ind['id']}/")))
    cells = [td.get_text(strip=True) for td in row.find_all("td")]
    assert cells[1] == str(year)
    assert cells[2] == german(rows[elmshorn["ags"]]["value"], ind["decimals"])
    change = Decimal(rows[elmshorn["ags"]]["value"]) - Decimal(prev[elmshorn["ags"]]["value"])
    expected_change = german(str(change), ind["decimals"])
    assert cells[3].lstrip("+±") == expected_change.lstrip("−") or cells[3] == expected_change
    for code, cell in zip(("01056", "01", "DG"), cells[5:8]):
        assert cell == german(rows[code]["value"], ind["decimals"])
    assert re.search(r"(deutlich|leicht) (über|unter) dem Kreiswert|etwa auf dem Kreiswert", cells[8])


def test_gemeinden_index_grouped_by_amt(demo_site, raw):
    page = soup(demo_site, "gemeinden")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
    assert headings[0] == "Amtsfreie Städte und Gemeinden"
    assert {"Amt Rantzau", "Amt Pinnau", "Amt Hörnerkirchen", "Amt Elmshorn-Land", "Amt Geest und Marsch Südholstein"} <= set(headings)
    assert len(page.select("table a[href]")) == 49


def test_symbols_have_a_legend_and_dates_are_german(demo_site):
    page = soup(demo_site, "methodik")
    text = page.get_text()
    for symbol in ("–", ".", "x", "…", "/", "|"):
        assert f"{symbol}" in text
    assert re.search(r"\b\d{2}\.\d{2}\.20\d{2}\b", text)
    assert "Zahlenwert unbekannt oder geheim zu halten" in text


def test_german_search_index(demo_site):
    import json

    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    assert any(doc["location"].startswith("gemeinden/elmshorn/") for doc in index["docs"])
