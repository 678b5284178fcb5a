"""The content-hash cache: same output with and without it, keys that follow the inputs, specs still valid."""

from __future__ import annotations

import json

import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import load_schema

from fokus_pi import cache
from fokus_pi.minify import minify_html
from fokus_pi.pages import plan_pages
from fokus_pi.viz import charts, html, warm

PAGE = """<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <title>Elmshorn &amp; Umgebung</title>
  </head>
  <body>
    <nav class="md-nav" data-md-level="1" hidden="">
      <a href="../x/"   class="md-nav__link">Kinderarmut</a>
    </nav>
    <pre><code>  eingerückt
      bleibt</code></pre>
    <textarea>  auch  hier  </textarea>
    <p>1.234,5 &ndash; <b>fett</b>   </p>
  </body>
</html>
"""


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_minify_is_what_the_minify_plugin_wrote(store):
    """The hook replaced mkdocs-minify-plugin: same htmlmin call, same options, same bytes."""
    from mkdocs_minify_plugin.plugin import MinifyPlugin

    plugin = MinifyPlugin()
    plugin.load_config({"minify_html": True})
    expected = plugin._minify_html_page(PAGE)
    assert minify_html(PAGE) == expected
    assert "  eingerückt\n      bleibt" in expected and "<title>Elmshorn &amp; Umgebung</title>" in expected
    assert len(list(store.rglob("*"))) > 0 and minify_html(PAGE) == expected  # second time from the cache


def test_an_entry_is_made_once_and_keyed_by_its_inputs(store):
    calls = []

    def make(a, b):
        calls.append((a, b))
        return {"a": a, "list": [b, 2.5], "z": None}

    first = cache.call_json("t", ("cache.py",), make, 1, "x")
    again = cache.call_json("t", ("cache.py",), make, 1, "x")
    other = cache.call_json("t", ("cache.py",), make, 2, "x")
    assert first == again == {"a": 1, "list": ["x", 2.5], "z": None} and other["a"] == 2
    assert calls == [(1, "x"), (2, "x")]
    assert json.dumps(again) == json.dumps(first)  # key order kept: pages come out byte for byte the same
    assert cache.call_digest(("cache.py",), make, 1, "x") != cache.call_digest(("cache.py", "dist:altair"), make, 1, "x")


def test_without_a_cache_folder_nothing_is_stored(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    calls = []
    for _ in range(2):
        cache.cached_text("t", "k", lambda: calls.append(1) or "text")
    assert len(calls) == 2 and cache.folder() is None
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache.folder() is None


def test_build_site_keeps_its_cache_beside_the_site(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    with cache.cache_env(tmp_path / ".cache"):
        assert cache.folder() == (tmp_path / ".cache").resolve()
        with cache.cache_env(tmp_path / "site" / ".cache"):  # an edition built inside the site reuses it
            assert cache.folder() == (tmp_path / ".cache").resolve()
    assert cache.folder() is None


def test_specs_are_valid_vega_lite(tiny_report):
    """charts._spec skips Altair's validation while building (a third of its time); it is checked here."""
    schema = load_schema()
    for ind in tiny_report.published():
        args = html.spec_args(tiny_report, ind)
        if args is not None:
            validate_jsonschema({"$schema": "x", **charts.indicator_spec(*args)}, schema)


def test_pages_are_the_same_with_a_cold_a_warm_and_no_cache(tiny_report, store, monkeypatch):
    monkeypatch.setenv(warm.WORKERS_ENV, "2")
    cold = plan_pages(tiny_report)
    assert list(store.glob("spec/*/*"))  # the specs went into the cache
    again = plan_pages(tiny_report)
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    plain = plan_pages(tiny_report)
    assert [p.markdown for p in cold] == [p.markdown for p in again] == [p.markdown for p in plain]


def test_forked_workers_fill_the_cache_planning_reads(tiny_report, store, monkeypatch):
    import threading

    monkeypatch.setenv(warm.WORKERS_ENV, "2")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()  # e.g. the live preview's server: no fork then, planning makes the specs itself
    assert warm.warm_specs(tiny_report) == 0
    stop.set()
    other.join()
    monkeypatch.setattr(threading, "enumerate", lambda: [threading.main_thread()])  # the session's http server
    made = warm.warm_specs(tiny_report)
    specs = [i for i in tiny_report.published() if html.spec_args(tiny_report, i) is not None]
    assert made == len(specs) >= 2 and len(list(store.glob("spec/*/*"))) == made
    assert warm.warm_specs(tiny_report) == 0  # nothing left to make
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    fresh = [html.indicator_spec(tiny_report, i) for i in specs]
    monkeypatch.setenv(cache.CACHE_ENV, str(store))
    assert [html.indicator_spec(tiny_report, i) for i in specs] == fresh


def test_search_entries_come_from_the_cache_unchanged(store):
    from types import SimpleNamespace

    from fokus_pi.searchcache import cached_entries

    class Index:  # the part of Material's SearchIndex the cache uses
        def __init__(self):
            self.config, self.entries, self.parsed = {"lang": ["de"]}, [], 0

        def add_entry_from_context(self, page):
            self.parsed += 1
            self.entries.append({"location": page.url, "title": page.title, "text": page.content.strip("<p>/")})

    page = SimpleNamespace(content="<p>Elmshorn</p>", url="gemeinden/elmshorn/", title="Elmshorn", meta={}, toc=[])
    first, second = Index(), Index()
    for index in (first, second):
        index.add_entry_from_context = cached_entries(index)
        index.add_entry_from_context(page)
    assert first.entries == second.entries == [{"location": "gemeinden/elmshorn/", "title": "Elmshorn",
                                                "text": "Elmshorn"}]
    assert (first.parsed, second.parsed) == (1, 0)
    changed = SimpleNamespace(**{**vars(page), "content": "<p>Wedel</p>"})
    second.add_entry_from_context(changed)
    assert second.parsed == 1 and second.entries[-1]["text"] == "Wedel"
