"""Shared browser-test support: Debian's Chromium through Playwright, a quiet local server, and a page visit
that blocks and counts every request to another host. Fixtures using these live in conftest.py."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "test-results"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
THEME_FILES = ("/sitemap.xml", "/search/")
LISTEN = """document.addEventListener("securitypolicyviolation", function (e) {
  (window.__csp = window.__csp || []).push(
    e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});"""


def chromium() -> str:
    """Debian's binary: Playwright's own browser download does not work on these machines."""
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is required (.ci/run installs it): apt-get install chromium"
    return executable


@contextmanager
def launched() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium(), args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output readable
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that leaves a page drops its open requests: not worth a traceback in the test output."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def until(page, condition: str, timeout_ms: int = 30000) -> object:
    """Poll a JS expression (or function source) until it is truthy and return its value. Not
    wait_for_function: its polling evaluates a string, which the site's Content-Security-Policy (no
    'unsafe-eval') refuses; evaluate() is not affected."""
    for _ in range(timeout_ms // 100):
        if result := page.evaluate(condition):
            return result
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {condition}")


class Watched:
    """A browser whose pages report Content-Security-Policy violations (events in ``window.__csp``, console
    messages in ``console``) from their first script. ``scripts``: files run before the page's own scripts too
    (an init script is not subject to the page's policy, which would refuse an injected <script>)."""

    def __init__(self, browser, *scripts: Path):
        self.browser, self.scripts = browser, scripts
        self.console: list[str] = []

    def new_page(self, **kwargs):
        page = self.browser.new_page(**kwargs)
        for script in self.scripts:
            page.add_init_script(path=str(script))
        page.add_init_script(LISTEN)
        page.on("console", lambda m: "Content Security Policy" in m.text and self.console.append(m.text))
        return page


class Visit:
    """A page in a fresh context with every foreign request blocked and counted, console errors kept.
    ``wait_for`` is a JS condition to wait for after loading (e.g. the charts' performance mark)."""

    def __init__(self, browser, base: str, path: str, wait_for: str | None = None):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1280, "height": 1000})
        self.foreign: list[str] = []
        self.errors: list[tuple[str, str]] = []  # text, and the URL it is about (a failed resource's own URL)
        own = urlparse(base)
        self.page.route("**/*", self._route(own))
        self.page.on("console", lambda m: m.type == "error"
                     and self.errors.append((m.text, m.location.get("url", ""))))
        self.page.on("pageerror", lambda e: self.errors.append((str(e), "")))
        self.page.goto(f"{base}/{path}" + ("index.html" if path.endswith("/") or not path else ""))
        if wait_for:
            self.until(wait_for)

    def until(self, condition: str, timeout_ms: int = 30000) -> object:
        return until(self.page, condition, timeout_ms)

    def _route(self, own):
        def handle(route):
            url = urlparse(route.request.url)
            if url.scheme in ("file", "data", "blob") or url.netloc == own.netloc:
                route.continue_()
            else:
                self.foreign.append(route.request.url)
                route.abort()
        return handle

    @property
    def mode(self) -> str:
        return self.base.split(":")[0]

    def relevant_errors(self) -> list[str]:
        """Console errors, less the theme's under file://: Material loads sitemap.xml and its search index
        with XHR, which browsers forbid from disk (not the maps' or charts' doing, and handled elsewhere).
        Judged per message by the URL it names, so a request cut off by a click elsewhere changes nothing."""
        if self.mode != "file":
            return [text for text, _ in self.errors]
        return [text for text, url in self.errors
                if not ("search" in text.lower() or "sitemap.xml" in text or any(t in url for t in THEME_FILES))]

    def screenshot(self, name: str) -> None:
        RESULTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(RESULTS / f"{name}-{self.mode}.png"), full_page=True)

    def close(self) -> None:
        assert self.foreign == [], self.foreign
        assert self.relevant_errors() == [], self.errors
        self.page.close()


def one_page_per_type(site: Path) -> list[str]:
    """One page (site-relative URL, "" for the start page) for every URL pattern in a built site: the first
    segment plus the depth (kennzahlen/*, newsletter/*/*/*, impressum), so a new kind of page is covered as
    soon as it is built. The first page in sorted order stands for its group."""
    groups: dict[str, str] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        segments = [s for s in url.split("/") if s]
        groups.setdefault("/".join(segments[:1] + ["*"] * (len(segments) - 1)), url)
    return sorted(groups.values())
