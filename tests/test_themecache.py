"""The theme's rendering of generated pages from the build cache (themecache.py): the same site, rendered only
when a page, its place or the navigation changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from fokus_pi import cache, themecache
from fokus_pi.publish import build_site

from .conftest import TINY_CONFIG


def _site(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def rendered(monkeypatch) -> list[str]:
    """The keys of the pages the theme rendered in this process (the misses)."""
    keys: list[str] = []
    keep = themecache.keep
    monkeypatch.setattr(themecache, "keep", lambda digest, html: (keys.append(digest), keep(digest, html)))
    return keys


def test_unchanged_pages_are_not_rendered_again_and_the_site_is_the_same(tiny_copy, tmp_path, monkeypatch, rendered):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    first = _site(build_site(tiny_copy, tmp_path / "one", TINY_CONFIG).out_dir)
    assert len(rendered) == 21  # every generated page once
    rendered.clear()
    second = _site(build_site(tiny_copy, tmp_path / "two", TINY_CONFIG).out_dir)
    assert rendered == [] and second == first
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert _site(build_site(tiny_copy, tmp_path / "plain", TINY_CONFIG).out_dir) == first
    assert "Einkommen</a>" in first["gemeinden/adorf/index.html"].decode("utf-8")  # the drawer names it


def test_a_changed_navigation_renders_every_page_again(tiny_copy, tmp_path, monkeypatch, rendered):
    """A new short title is in every page's drawer, so no page may keep its old HTML."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    build_site(tiny_copy, tmp_path / "one", TINY_CONFIG)
    rendered.clear()
    catalogue = tiny_copy / "indicators.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("short_title: Einkommen\n",
                                                                       "short_title: Einkünfte\n"), encoding="utf-8")
    again = _site(build_site(tiny_copy, tmp_path / "two", TINY_CONFIG).out_dir)
    assert len(rendered) == 21
    page = again["gemeinden/adorf/index.html"].decode("utf-8")
    assert "Einkünfte</a>" in page and "Einkommen</a>" not in page
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert _site(build_site(tiny_copy, tmp_path / "plain", TINY_CONFIG).out_dir) == again


def test_a_context_a_plugin_extended_is_not_keyed():
    assert themecache.page_key("site", object(), {"page": None, "blog": "posts"}) is None
