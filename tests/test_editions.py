"""Yearly editions: every earlier edition is built from its own snapshot into archiv/<jahr>/, with a banner, its own
downloads and API, and the archiv/ page says what changed since the edition before."""

from __future__ import annotations

import shutil

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from fokus_pi import editions
from fokus_pi.publish import build_site

from .conftest import ROOT, TINY, TINY_CONFIG

HOOKS = [str(ROOT / "hooks" / "report_pages.py"), str(ROOT / "hooks" / "editions.py")]


@pytest.fixture(scope="module")
def archived_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("editions") / "site"
    build_site(TINY, out, TINY_CONFIG, archive=True, hooks=HOOKS)
    return out


def text(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")


def test_an_edition_is_the_newest_snapshot_of_a_year(tiny_report, demo_report):
    assert [(e.year, e.snapshot.id, e.current) for e in editions.editions(tiny_report)] == [
        (2024, "2024-06-30", False), (2025, "2025-06-30", True)]
    assert [e.year for e in editions.editions(demo_report)] == [2025, 2026]


def test_data_copy_ends_at_the_edition(tmp_path):
    copy = editions.copy_data_until(TINY, "2024-06-30", tmp_path / "data")
    assert sorted(p.name for p in (copy / "snapshots").iterdir()) == ["2024-06-30"]
    assert (copy / "indicators.yml").read_bytes() == (TINY / "indicators.yml").read_bytes()


def test_an_edition_leaves_out_the_current_help_directory(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    (source / "services.yml").write_text("stand: 2026-06-30\n", encoding="utf-8")
    (source / "services.csv").write_text("name\n", encoding="utf-8")
    copy = editions.copy_data_until(source, "2024-06-30", tmp_path / "data")
    assert not (copy / "services.yml").exists() and not (copy / "services.csv").exists()
    assert (copy / "areas").is_dir()


def test_prune_nav_drops_pages_an_edition_lacks():
    nav = [{"Start": "index.md"}, {"Fokusbericht": ["fokusbericht/index.md", {"2025": "fokusbericht/2025.md"}]},
           "kennzahlen/index.md", {"Über": [{"Impressum": "impressum.md"}]}]
    kept = editions.prune_nav(nav, lambda uri: uri in {"index.md", "kennzahlen/index.md"})
    assert kept == [{"Start": "index.md"}, "kennzahlen/index.md"]


def test_archived_edition_shows_its_own_snapshot(archived_site):
    old = archived_site / "archiv" / "2024"
    page = text(old / "gemeinden" / "cestadt" / "index.html")
    words = page.get_text(" ", strip=True)
    assert "Archiv: Ausgabe 2024" in words and "Datenstand vom 30.06.2024" in words
    assert "20.500" in words  # Einwohner 2023, the newest year of that snapshot
    links = {a.get_text(strip=True): a["href"] for a in page.find_all("a")}
    assert links["Zur aktuellen Ausgabe"] == "../../../../" and links["alle Ausgaben"] == "../../../"
    api = json.loads((old / "api" / "v1" / "index.json").read_text(encoding="utf-8"))
    assert api["datenstand"]["id"] == "2024-06-30"
    assert (old / "daten" / "sozialbericht.zip").is_file()
    assert not (old / "archiv").exists()  # an edition does not archive itself again
    live = text(archived_site / "gemeinden" / "cestadt" / "index.html").get_text(" ", strip=True)
    assert "Archiv:" not in live and "Datenstand 30.06.2025" in live


def test_archive_page_lists_each_edition_with_its_changes(archived_site):
    page = text(archived_site / "archiv" / "index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in page.find_all("tr")[1:]]
    assert rows[0][:2] == ["aktuelle Ausgabe", "30.06.2025"]
    assert "Neues Berichtsjahr 2024" in rows[0][3] and "2 neue Kennzahlen" in rows[0][3]
    assert rows[1][:2] == ["Ausgabe 2024", "30.06.2024"] and rows[1][3].startswith("Erste Ausgabe")
    hrefs = [a["href"] for a in page.find_all("a")]
    assert "2024/" in hrefs and "../" in hrefs
    nav = BeautifulSoup((archived_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(a.get("href", "").rstrip("/").endswith("archiv") for a in nav.select("nav a"))


def test_without_archive_there_is_no_archive(tmp_path):
    out = build_site(TINY, tmp_path / "site", TINY_CONFIG, hooks=HOOKS).out_dir
    assert not (out / "archiv").exists()
