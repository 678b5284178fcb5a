"""Content-Security-Policy: every page carries one without 'unsafe-eval' or inline event handlers, and the whole
site works under it (maps, charts with vega-interpreter, search, service worker) from file:// here and over http
in the accessibility tour (tests/test_a11y.py), which visits the same pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fokus_pi import csp
from fokus_pi.viz import assets
from tests.browser import ROOT, Visit, Watched, one_page_per_type

HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)  # onclick="…" and friends in markup
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
CHART_PAGES = ("kennzahlen/", "gemeinden/")
CHARTS_DONE = "performance.getEntriesByName('fokus-charts').length > 0"


def test_policy_hashes_inline_scripts_only():
    page = ('<!doctype html><html lang="de"><head><meta charset="utf-8"><script>var a=1;</script>'
            '<script type="application/json">{"x":1}</script><script src="x.js"></script></head>'
            '<body><script>\r\nvar b=2;\r\n</script></body></html>')
    out = csp.with_policy(page)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', out)
    assert meta and out.index(meta.group(0)) == out.index('<meta charset="utf-8">') + len('<meta charset="utf-8">')
    directives = {d.split()[0]: d.split()[1:] for d in meta.group(1).split("; ")}
    # the browser hashes what the parser sees: CR LF already turned into LF
    assert directives["script-src"] == ["'self'", csp.script_hash("var a=1;"), csp.script_hash("\nvar b=2;\n")]
    # printf 'var a=1;' | openssl dgst -sha256 -binary | base64
    assert csp.script_hash("var a=1;") == "'sha256-gaaMFNHZyRta8zB2VHkWLMP4tMxJ+d8v3dTW7nw2r6M='"
    assert directives["object-src"] == ["'none'"] and "'unsafe-eval'" not in meta.group(1)
    assert csp.with_policy("<p>fragment</p>") == "<p>fragment</p>"


def test_other_hosts_only_where_a_page_or_the_site_opts_in():
    video = ('<html><head><meta charset=utf-8></head><body><template><iframe src=https://video.example.org/embed/1 '
             'title=Film></iframe></template><script data-src="x">var c=3;</script></body></html>')
    directives = {d.split()[0]: d.split()[1:] for d in csp.policy(video).split("; ")}
    assert directives["frame-src"] == ["'self'", "https://video.example.org"]  # the video macro, on its page only
    assert directives["script-src"] == ["'self'", csp.script_hash("var c=3;")]  # data-src is not src
    assert directives["img-src"] == ["'self'", "data:"] and directives["connect-src"] == ["'self'"]
    tiles = csp.host_source("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert tiles == "https://*.tile.example.org"
    assert "img-src 'self' data: https://*.tile.example.org;" in csp.policy("<p>", extra={"img-src": (tiles,)})
    assert "frame-src 'self';" in csp.policy("<p>")


def test_offline_search_frame_script_is_allowed_by_hash():
    """The iframe-worker shim writes a script into its frame; the hash below is the one Chromium asked for
    when that script was blocked on a page with this search-worker URL."""
    shim = (ROOT / "src" / "fokus_pi" / "templates" / "vendor" / "iframe-worker-shim.js").read_text(encoding="utf-8")
    page = ('<script id=__config type=application/json>{"base": "..", '
            '"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    script = csp.iframe_worker_script(page, shim)
    assert script.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};importScripts=function d(')
    assert csp.script_hash(script) == "'sha256-H5Y6UlQ+zh9IO8YUI9VEKRJxWTZzGbfmipLMFv3CoR4='"
    assert csp.iframe_worker_script("<p>no search</p>", shim) is None


def test_interpreter_becomes_a_classic_script():
    script = assets.classic_interpreter(assets.npm_file(assets.INTERPRETER))
    assert not re.search(r"^\s*(import|export)\b", script, re.MULTILINE)
    assert "vega.expressionInterpreter = " in script and script.rstrip().endswith("})(window.vega);")
    with pytest.raises(ValueError, match="unerwarteter Aufbau"):
        assets.classic_interpreter("import { a } from 'vega-util';\nexport { b as somethingElse };\n")


def test_vega_bundle_is_valid_script(tmp_path: Path):
    """node (installed with npm, which `make` needs anyway) parses the joined file as one classic script."""
    path = tmp_path / "vega.js"
    path.write_text(assets.vega_bundle(), encoding="utf-8")
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is required (it comes with npm, which installs the front-end files)"
    subprocess.run([node, "--check", str(path)], check=True)


def test_every_page_has_the_policy_and_no_inline_handlers(demo_site: Path):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 200
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"', html)
        assert len(metas) == 1, path
        policy = metas[0]
        assert "'unsafe-eval'" not in policy and "script-src 'self' 'sha256-" in policy, path
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], path
        for body in csp.inline_scripts(html):
            assert csp.script_hash(body) in policy, (path, body[:60])
        assert not HANDLER.search(html), (path, HANDLER.search(html).group(0)[:120])
        assert not JS_URL.search(html), path
        # the meta tag precedes every script, or the browser would run those unchecked
        assert html.index("Content-Security-Policy") < html.find("<script") or "<script" not in html, path
    for text in (demo_site / "assets" / "fokus" / "fokus-viz.js").read_text(encoding="utf-8"), assets.vega_bundle():
        assert "unsafe-eval" not in text


def _check_pages(browser, base: str, site: Path) -> int:
    watched, seen = Watched(browser), 0
    for url in one_page_per_type(site):
        if url == "404.html" and base.startswith("file:"):
            continue  # the server's error page: its links start at the host's root, which a folder has not
        charts = url.startswith(CHART_PAGES) and url not in CHART_PAGES
        visit = Visit(watched, base, url, wait_for=CHARTS_DONE if charts else None)
        violations = visit.page.evaluate("window.__csp || []")
        assert violations == [], (base, url, violations)
        if charts:
            ready = visit.page.locator("[data-fokus-ready] svg").count()
            assert ready >= 1, (url, "no chart drawn")
            assert visit.page.locator(".leaflet-interactive").count() >= 40, (url, "no map shapes")
        visit.close()
        seen += 1
    assert watched.console == [], watched.console
    return seen


def test_no_violations_from_disk(browser, demo_site: Path):
    assert _check_pages(browser, demo_site.as_uri(), demo_site) >= 30


def test_search_and_service_worker_under_the_policy(browser, served_site: str):
    watched = Watched(browser)
    visit = Visit(watched, served_site, "")
    page = visit.page
    assert page.evaluate("navigator.serviceWorker.ready.then(function (r) { return !!r.active; })") is True
    page.locator("input.md-search__input").click()  # the search worker builds the index (worker-src)
    page.keyboard.type("Elmshorn")  # Material searches on key events, not on a programmatic fill
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert page.evaluate("window.__csp || []") == []
    visit.close()
    assert watched.console == []
