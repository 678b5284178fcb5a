"""The offline copy for tablets: one zip with every page, nothing loaded from another host, and in a browser
opened from file:// a Gemeinde page shows its map and charts and the search finds pages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from fokus_pi.offline import FOLDER, ZIP_NAME, build_offline
from fokus_pi.pages import plan_pages

from . import html
from .browser import until
from .conftest import DEMO, ROOT

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> tuple[Path, Path]:
    """The demo's offline zip, built once, and the folder it unpacks to."""
    folder = tmp_path_factory.mktemp("offline")
    result = build_offline(DEMO, folder / ZIP_NAME, ROOT / "mkdocs.yml")
    assert result.zip_path == (folder / ZIP_NAME).resolve() and result.bytes > 1_000_000
    with zipfile.ZipFile(result.zip_path) as zf:
        zf.extractall(folder / "unzipped")
    return result.zip_path, folder / "unzipped" / FOLDER


def html_path(uri: str) -> str:
    """Where a page's Markdown lands without directory URLs: a/b.md -> a/b.html, a/index.md -> a/index.html."""
    return uri[:-3] + ".html"


def test_zip_unpacks_into_one_folder_with_a_readme(offline):
    zip_path, _ = offline
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        readme = zf.read("LIESMICH.txt").decode("utf-8")
    assert all(n.startswith(f"{FOLDER}/") or n == "LIESMICH.txt" for n in names)
    assert "index.html" in readme and "Stichtag" in readme


def test_every_page_and_download_is_in_the_copy(offline, demo_report):
    _, site = offline
    for page in plan_pages(demo_report):
        assert (site / html_path(page.uri)).is_file(), page.uri
    for path in ("daten/index.html", "daten/api.html", "daten/datenformat.html", "methodik.html",
                 "daten/sozialbericht.zip", "daten/werte.parquet", "api/v1/index.json",
                 "search/search_index.js", "assets/offline/iframe-worker-shim.js"):
        assert (site / path).is_file(), path


def test_links_between_pages_name_html_files_that_exist(offline):
    _, site = offline
    page = site / "gemeinden" / "elmshorn.html"
    tree = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    local = [a["href"].split("#")[0] for a in tree.find_all("a", href=True)
             if not html.REMOTE.match(a["href"]) and not a["href"].startswith(("#", "mailto:"))]
    assert len(local) > 50
    for href in local:
        assert href, "empty link"
        target = (page.parent / href).resolve()
        assert target.is_file(), f"{href} is missing or names a folder (file:// would list it)"


def test_nothing_is_loaded_from_another_host(offline):
    _, site = offline
    assert len(list(site.rglob("*.html"))) > 200
    assert html.foreign_loads(site) == set()


@pytest.mark.browser
def test_gemeinde_page_from_disk_shows_map_chart_and_search_without_network(offline, browser):
    _, site = offline
    url = (site / "gemeinden" / "elmshorn.html").as_uri()
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    foreign, errors = [], []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("file:", "data:", "blob:"))
            else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    assert page.locator("h1").first.inner_text().startswith("Elmshorn")
    page.wait_for_selector(".fokus-map path.leaflet-interactive", state="attached", timeout=15000)
    assert page.locator(".fokus-map path.leaflet-interactive").count() >= 40  # every Gemeinde drawn
    charts = page.locator(".fokus-sm svg, .vega-embed svg, .vega-embed canvas, .fokus-chart svg")
    until(page, "document.querySelectorAll('.fokus-sm svg, .vega-embed svg, .vega-embed canvas,"
                " .fokus-chart svg').length > 0", 15000)
    assert charts.count() > 0
    page.locator("input.md-search__input").click()
    page.keyboard.type("Kinderarmut")  # Material searches on key events, not on a programmatic fill
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hits = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("kinderarmut" in h for h in hits), hits[:5]
    assert all(h.startswith("file:") for h in hits)
    page.close()
    assert foreign == []
    assert errors == []
