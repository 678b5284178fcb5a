"""Generated pages converted and rendered in workers before MkDocs' loops (ahead.py): MkDocs then finds them all in
the cache, and the site is the same as one MkDocs built alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands import build

from fokus_pi import ahead, cache, mdcache, themecache
from fokus_pi.publish import build_site

from .conftest import TINY_CONFIG


def _site(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def here(monkeypatch) -> dict[str, int]:
    """How many generated pages this process (not a worker) converted and rendered itself."""
    done = {"converted": 0, "rendered": 0}
    entry, keep = mdcache._entry, themecache.keep

    def converted(page):
        done["converted"] += 1
        return entry(page)

    def rendered(digest, html):
        done["rendered"] += 1
        return keep(digest, html)

    monkeypatch.setattr(mdcache, "_entry", converted)
    monkeypatch.setattr(themecache, "keep", rendered)
    monkeypatch.setattr(ahead, "MIN_PAGES", 1)  # the tiny site has 21 generated pages
    monkeypatch.setenv("FOKUS_WORKERS", "2")
    return done


def test_workers_do_the_pages_and_the_site_is_the_one_mkdocs_builds_alone(tiny_copy, tmp_path, monkeypatch, here):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    site = _site(build_site(tiny_copy, tmp_path / "ahead", TINY_CONFIG).out_dir)
    assert here == {"converted": 0, "rendered": 0}  # MkDocs found every generated page in the cache
    assert cache.count("theme") == 21  # the workers'

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "alone"))
    monkeypatch.setenv("FOKUS_WORKERS", "1")  # no workers: MkDocs converts and renders every page itself
    alone = _site(build_site(tiny_copy, tmp_path / "one", TINY_CONFIG).out_dir)
    assert here == {"converted": 21, "rendered": 21}
    assert site == alone


def test_a_worker_that_fails_leaves_the_page_to_mkdocs(tiny_copy, tmp_path, monkeypatch, here):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    parent, populate, render = os.getpid(), build._populate_page, build._build_page

    def only_here(real):
        def run(*args, **kwargs):
            if os.getpid() != parent:
                raise RuntimeError("Arbeiter gestört")
            return real(*args, **kwargs)
        return run

    monkeypatch.setattr(build, "_populate_page", only_here(populate))
    monkeypatch.setattr(build, "_build_page", only_here(render))
    site = _site(build_site(tiny_copy, tmp_path / "site", TINY_CONFIG).out_dir)
    assert here == {"converted": 21, "rendered": 21}
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert _site(build_site(tiny_copy, tmp_path / "plain", TINY_CONFIG).out_dir) == site


def test_without_workers_at_all_mkdocs_does_every_page(tiny_copy, tmp_path, monkeypatch, here):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))

    def refused(*args, **kwargs):
        raise OSError(12, "Cannot allocate memory")
        yield  # a generator, as workers.run is

    monkeypatch.setattr(ahead.pool, "run", refused)
    build_site(tiny_copy, tmp_path / "site", TINY_CONFIG)
    assert here == {"converted": 21, "rendered": 21}
