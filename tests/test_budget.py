"""Size budgets of the built demo site (sizes, not times: times are measured by bench/run.py, BENCHMARKS.md).

A page is what a reader downloads for it beyond the shared files, which the browser caches once per site. The
budgets leave some room above today's sizes (noted beside each); a change that crosses one should say why.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

KB = 1024
MEDIAN_PAGE = 60 * KB  # the budget for the median Gemeinde and indicator page (now about 55 and 59 KB)
HARD_MAX_PAGE = 200 * KB  # any page (largest now about 130 KB: the Hilfeportal overview, a planning area)
SHARED_ASSETS = 4 * KB * KB  # everything under assets/: Material, Leaflet, Vega, geometry (now about 3.5 MB)
OUR_ASSETS = 1_300 * KB  # assets/fokus/: maps, charts, geometry and the series shared by Gemeinde pages (1.1 MB)
SEARCH_INDEX = 3 * KB * KB  # search/search_index.json, loaded when a reader first searches (now about 2.2 MB)


def _pages(site: Path) -> dict[str, int]:
    return {str(p.parent.relative_to(site)): p.stat().st_size for p in site.rglob("index.html")
            if "assets" not in p.parts}


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_median_gemeinde_and_indicator_page_within_60_kb(demo_site):
    for section in ("gemeinden", "kennzahlen"):
        sizes = [p.stat().st_size for p in (demo_site / section).glob("*/index.html")]
        assert len(sizes) > 40, section
        assert statistics.median(sizes) <= MEDIAN_PAGE, (section, statistics.median(sizes) / KB)
    assert statistics.median(_pages(demo_site).values()) <= MEDIAN_PAGE


def test_no_page_beyond_the_hard_maximum(demo_site):
    pages = _pages(demo_site)
    assert len(pages) > 200
    too_big = {uri: round(size / KB) for uri, size in pages.items() if size > HARD_MAX_PAGE}
    assert too_big == {}


def test_shared_assets_within_budget(demo_site):
    assert _folder_size(demo_site / "assets") <= SHARED_ASSETS, _folder_size(demo_site / "assets") / KB
    ours = {p.name: p.stat().st_size for p in (demo_site / "assets" / "fokus").rglob("*") if p.is_file()}
    assert sum(ours.values()) <= OUR_ASSETS, {k: round(v / KB) for k, v in ours.items()}
    assert (demo_site / "search" / "search_index.json").stat().st_size <= SEARCH_INDEX


def test_the_budget_test_would_catch_a_fat_page(demo_site, tmp_path):
    """The checks above measure real files: a copy with one inflated page fails the hard maximum."""
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(demo_site / "gemeinden", copy / "gemeinden")
    fat = copy / "gemeinden" / "elmshorn" / "index.html"
    fat.write_text(fat.read_text(encoding="utf-8") + "x" * HARD_MAX_PAGE, encoding="utf-8")
    assert {uri for uri, size in _pages(copy).items() if size > HARD_MAX_PAGE} == {"gemeinden/elmshorn"}
