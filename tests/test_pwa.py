"""The installable web site: manifest, icon and a service worker that stores every page on the first visit, so
the site reads without network afterwards; a changed site gives a new worker version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from fokus_pi import pwa
from tests.browser import serve, until
from fokus_pi.publish import build_site

from .conftest import ROOT, TINY, TINY_CONFIG

HOOKS = [str(ROOT / "hooks" / "report_pages.py"), str(ROOT / "hooks" / "pwa.py")]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(TINY, tmp_path_factory.mktemp("pwa") / "site", TINY_CONFIG, hooks=HOOKS).out_dir


def test_manifest_and_icon(site):
    manifest = json.loads((site / pwa.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["lang"] == "de" and manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert manifest["name"] == "Sozialbericht Kreis Musterland (Testdaten)"
    assert all((site / icon["src"]).is_file() for icon in manifest["icons"])


def test_every_page_links_the_manifest_and_registers_the_worker(site):
    pages = [p for p in site.rglob("index.html")]
    assert len(pages) > 15
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        link = html.find("link", rel="manifest")
        assert link is not None and (page.parent / link["href"]).resolve() == (site / pwa.MANIFEST).resolve()
        assert "serviceWorker" in str(html.head)


def test_worker_stores_pages_and_assets_but_not_the_downloads(site):
    text = (site / pwa.WORKER).read_text(encoding="utf-8")
    urls = json.loads(text.split("const PRECACHE = ", 1)[1].split(";\n", 1)[0])
    assert {"./", "gemeinden/cestadt/", "kennzahlen/sgb-ii-quote/", "search/search_index.json"} <= set(urls)
    assert any(u.startswith("assets/stylesheets/") for u in urls)
    assert not any(u.startswith(("daten/", "api/")) for u in urls)
    for url in urls:
        assert (site / (url + "index.html" if url.endswith("/") else url)).is_file() or url == "./", url
    assert 'const CACHE = "fokus-2025-06-30-' in text


def test_a_changed_site_gets_a_new_worker_version(site, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    files = pwa.precache(copy)
    before = pwa.version(copy, files)
    page = copy / "gemeinden" / "cestadt" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Cestadt", "Cestadt (neu)"), encoding="utf-8")
    assert pwa.version(copy, files) != before


@pytest.mark.browser
def test_after_one_visit_pages_open_without_network(site, browser):
    with serve(site) as served:
        base = served + "/"
        context = browser.new_context()
        page = context.new_page()
        page.goto(base)
        # `ready` resolves once a worker is active, i.e. after its install stored every page
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)") in ("activating",
                                                                                           "activated")
        until(page, "!!navigator.serviceWorker.controller", 20000)
        context.set_offline(True)
        page.goto(base + "gemeinden/cestadt/")
        assert page.locator(".md-content h1").first.inner_text().startswith("Cestadt")
        # a query string still finds the stored page (not `q`: Material would search for it, and its result
        # titles are <h1> elements too, ahead of the page's own in the document)
        page.goto(base + "kennzahlen/sgb-ii-quote/?stand=1")
        assert page.locator(".md-content h1").first.inner_text().startswith("SGB-II-Quote")
        context.close()
