"""Hilfeportal: the directory of help services (load and validate), the Angebotsanalyse against hand-worked
numbers, the pages, the demo directory, and the site without a directory."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape

from fokus_pi.coverage import analyse, analyse_all, gap_counts
from fokus_pi.pages import gemeinde as gemeinde_pages
from fokus_pi.pages import nav
from fokus_pi.pages import services as pages
from fokus_pi.problems import DataError
from fokus_pi.report import load_report
from fokus_pi.services import months_before
from fokus_pi.viz.hilfe import directory_script, site_assets

FIXTURE = Path(__file__).parent / "fixtures" / "services"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def services_copy(tiny_copy: Path) -> Path:
    for name in ("services.yml", "services.csv"):
        shutil.copy(FIXTURE / name, tiny_copy / name)
    return tiny_copy


@pytest.fixture()
def tiny_services(services_copy: Path):
    return load_report(services_copy)


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_report(data)
    return [str(p) for p in info.value.problems]


def edit(data: Path, name: str, old: str, new: str) -> int:
    """Replace text once in a services file and return its line number."""
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def gemeinde_page(report, ags: str) -> str:
    return gemeinde_pages.page(report, report.gemeinde(ags))


# ---- loading ----

def test_fixture_loads_with_stable_ids_and_the_planners_list(tiny_services):
    d = tiny_services.services
    assert [s.id for s in d.services] == ["tafel-adorf", "tafel-cestadt", "tafel-cestadt-sued", "jugendtreff-cestadt"]
    first = d.services[0]
    assert (first.lat, first.lon, first.languages, first.barrier_free) == (54.05, 10.05, ("Deutsch", "Englisch"), "ja")
    assert d.stale_before == dt.date(2024, 6, 30)
    # not checked for more than 12 months before the directory's date (30.06.2025); 30.06.2024 is just in time
    assert [s.id for s in d.stale()] == ["jugendtreff-cestadt", "tafel-cestadt"]


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(dt.date(2025, 6, 30), 12) == dt.date(2024, 6, 30)
    assert months_before(dt.date(2025, 3, 31), 1) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2025, 1, 15), 13) == dt.date(2023, 12, 15)


def test_without_services_files_there_is_no_portal(tiny_report):
    assert tiny_report.services is None
    assert pages.jobs(tiny_report) == []
    assert nav(tiny_report)["hilfeportal/index.md"] == []  # the nav entry is dropped, the site builds
    assert site_assets(tiny_report) == {}
    assert "Hilfeangebote" not in gemeinde_page(tiny_report, "01099003")


# ---- validation: one broken fixture per rule, with file, line and column ----

@pytest.mark.parametrize(("old", "new", "message"), [
    (",tafel,Menschen", ",tafl,Menschen", "unbekannte Angebotsart „tafl“ (in services.yml: jugend, tafel)"),
    (",01099001,54.05", ",01099009,54.05", "unbekannte Gemeinde „01099009“"),
    (",01099001,54.05", ",1099001,54.05", "unbekannte Gemeinde „1099001“ (führende Null verloren?)"),
    (",tafel,Menschen", ",,Menschen", "Spalte „category“ darf nicht leer sein"),
    (",54.05,10.05,", ",54.5,10.05,", "Koordinaten 54.5, 10.05 liegen außerhalb des Kreises"),
    (",54.05,10.05,", ",10.05,54.05,",
     "Koordinaten 10.05, 54.05 liegen außerhalb des Kreises – Breite (lat) und Länge (lon) vertauscht?"),
    (",54.05,10.05,", ",54;05,10.05,", "„54;05“ ist keine Koordinate (Dezimalgrad mit Dezimalpunkt, z. B. 53.7521)"),
    (",a@example.org,", ",a@example,", "„a@example“ ist keine gültige E-Mail-Adresse"),
    (",https://example.org/a,", ",www.example.org/a,",
     "„www.example.org/a“ ist keine gültige Webadresse (vollständig mit https:// angeben)"),
    (",04101 0000-001,", ",ruf an,", "„ruf an“ ist keine gültige Telefonnummer"),
    (",ja,2025-05-01", ",vielleicht,2025-05-01",
     "„vielleicht“ ist keine gültige Angabe zur Barrierefreiheit (erlaubt: ja, teilweise, nein)"),
    (",2025-05-01", ",01.05.2025", "„01.05.2025“ ist kein gültiges Datum (JJJJ-MM-TT)"),
    (",2025-05-01", ",2025-07-01", "Prüfdatum 2025-07-01 liegt nach dem Stand des Verzeichnisses (2025-06-30)"),
    ("Tafel Adorf,", ",", "Spalte „name“ darf nicht leer sein"),
])
def test_broken_rows_name_file_line_and_column(services_copy, old, new, message):
    line = edit(services_copy, "services.csv", old, new)
    text = (services_copy / "services.csv").read_text(encoding="utf-8").splitlines()[line - 1]
    column = text.index(new) + 2 if new != "," else 1  # the cell after the comma; the name is the first cell
    found = problems(services_copy)
    assert any(p.startswith(f"data/services.csv:{line}:{column}: {message}") for p in found), (column, found)


def test_same_name_in_the_same_gemeinde_asks_for_an_id(services_copy):
    line = edit(services_copy, "services.csv", "Tafel Cestadt Süd,", "Tafel Cestadt,")
    assert problems(services_copy) == [(
        f"data/services.csv:{line}:1: doppelte Kennung „tafel-cestadt“ (zuerst in Zeile 3) – bitte in der Spalte id "
        "eine eigene Kennung angeben")]


def test_unknown_column_and_missing_table(services_copy):
    edit(services_copy, "services.csv", "verified\n", "verified,fax\n")
    assert any(p.startswith("data/services.csv:1:") and "unbekannte Spalte „fax“" in p for p in problems(services_copy))
    (services_copy / "services.csv").unlink()
    assert problems(services_copy) == ["data/services.csv:1:1: Tabelle der Hilfeangebote fehlt (gehört zu services.yml)"]


@pytest.mark.parametrize(("old", "new", "where", "message"), [
    ("indicator: einwohner,", "indicator: leute,", "13:18", "unbekannte Kennzahl „leute“"),
    ("need: sgb-ii-quote", "need: armut", "4:1", "unbekannte Bedarfskennzahl „armut“"),
    ("- id: jugend", "- id: pruefliste", "10:3", "„pruefliste“ ist als Kennung reserviert"),
    ("- id: jugend", "- id: tafel", "10:3", "doppelte Angebotsart „tafel“"),
    ("stand: 2025-06-30", "stand: 30.06.2025", "3:1", "„30.06.2025“ ist kein gültiges Datum (JJJJ-MM-TT)"),
    ("  title: Tafel\n", "", "6:3", "Pflichtangabe „title“ fehlt"),
])
def test_broken_metadata_names_the_yaml_key(services_copy, old, new, where, message):
    edit(services_copy, "services.yml", old, new)
    found = problems(services_copy)
    assert any(p.startswith(f"data/services.yml:{where}: {message}") for p in found), found


# ---- Angebotsanalyse, worked out by hand ----

def test_coverage_against_need_by_hand(tiny_services):
    d = tiny_services.services
    tafel, jugend = d.categories
    a = analyse(tiny_services, d, tafel)
    # target group: numerator of the SGB-II-Quote 2024 (Adorf 50, Bedorf 10, Cestadt 1800, Kreis 1860)
    assert (a.kreis.count, a.kreis.target, a.kreis.per_1000) == (3, 1860.0, 1.61)  # 3 / 1860 * 1000 = 1.6129
    by = {c.code: c for c in a.gemeinden + a.planning}
    assert (by["01099001"].per_1000, by["01099001"].need, by["01099001"].gap) == (20.0, 6.25, "gut")
    assert (by["01099002"].per_1000, by["01099002"].gap) == (0.0, "knapp")  # need 2.5 below the Kreis 10.3333
    assert (by["01099003"].per_1000, by["01099003"].gap) == (1.11, "luecke")  # 2 / 1800; need 10.7143 above
    assert (by["nord"].count, by["nord"].target, by["nord"].per_1000, by["nord"].gap) == (1, 60.0, 16.67, "gut")
    assert by["sued"].gap == "luecke"
    j = {c.code: c for c in analyse(tiny_services, d, jugend).gemeinden}
    assert (j["01099003"].per_1000, j["01099003"].gap) == (0.05, "gedeckt")  # 1 / 21000 * 1000; Kreis 0.04
    assert gap_counts(analyse_all(tiny_services, d)) == {"nord": 0, "sued": 1}


def test_withheld_target_group_leaves_coverage_empty(services_copy):
    # Bedorf's SGB-II numerator becomes 2: withheld (and a second cell with it), so its coverage is withheld too
    values = services_copy / "snapshots" / "2025-06-30" / "values.csv"
    text = values.read_text().replace("sgb-ii-quote,01099002,2024,2.5,10,400,", "sgb-ii-quote,01099002,2024,0.5,2,400,")
    values.write_text(text)
    report = load_report(services_copy)
    cells = {c.code: c for c in analyse(report, report.services, report.services.categories[0]).gemeinden}
    assert (cells["01099002"].flag, cells["01099002"].per_1000, cells["01099002"].gap) == ("geheim", None, None)
    page = pages.category_page(report, report.services.categories[0])
    row = next(line for line in page.splitlines() if line.startswith("| [Bedorf]"))
    assert row.split(" | ")[2:4] == [".", "."]


# ---- pages ----

def test_portal_lists_every_service_with_its_own_anchor(tiny_services):
    md = pages.portal(tiny_services)
    ids = re.findall(r'<li id="([a-z0-9-]+)" data-category="([a-z]+)"', md)
    assert sorted(ids) == sorted((s.id, s.category) for s in tiny_services.services.services)
    assert "[04101 0000-001](tel:+4941010000001)" in md
    assert '<option value="tafel">Tafel (3)</option>' in md


def test_phone_numbers_become_international_tel_links():
    assert pages.tel("04101 0000-001") == "+4941010000001"
    assert pages.tel("+49 (4101) 123 45") == "+49410112345"
    assert pages.tel("") == ""


def test_category_and_checklist_and_gemeinde_section(tiny_services):
    tafel = tiny_services.services.categories[0]
    md = pages.category_page(tiny_services, tafel)
    assert "| [Cestadt](../gemeinden/cestadt.md) | 2 | 1.800 | 1,11 | 10,7 | Lücke |" in md
    assert "| Kreis Musterland | 3 | 1.860 | 1,61 | 10,3 | . |" in md
    stale = pages.checklist(tiny_services)
    assert stale.index("jugendtreff-cestadt") < stale.index("(index.md#tafel-cestadt)")
    assert "2 von 4 Einträgen sind zu prüfen." in stale
    gemeinde = gemeinde_page(tiny_services, "01099003")
    assert "## Hilfeangebote" in gemeinde and "(../hilfeportal/index.md#tafel-cestadt-sued)" in gemeinde
    bedorf = gemeinde_page(tiny_services, "01099002")
    assert "In Bedorf verzeichnet das [Hilfeportal](../hilfeportal/index.md) kein Angebot; im Planungsraum Nord sind es 1." in bedorf
    assert nav(tiny_services)["hilfeportal/index.md"][2] == {"Angebotsarten": ["hilfeportal/tafel.md", "hilfeportal/jugend.md"]}


def test_marker_script_and_library_are_site_files(tiny_services):
    assets = site_assets(tiny_services)
    assert set(assets) == {"assets/fokus/hilfeangebote.js", "assets/fokus/fokus-hilfe.js",
                           "assets/fokus/markercluster.js", "assets/fokus/hilfe.css"}
    assert "L.MarkerClusterGroup" in assets["assets/fokus/markercluster.js"]
    assert "sourceMappingURL" not in assets["assets/fokus/markercluster.js"]
    assert '["tafel-adorf",0,54.05,10.05,"Tafel Adorf"]' in directory_script(tiny_services)


# ---- the demo directory ----

def test_demo_directory_is_plausible_and_labelled(demo_report):
    d = demo_report.services
    assert 140 <= len(d.services) <= 160 and len(d.categories) == 8
    assert {c.id for c in d.categories} >= {"schuldnerberatung", "erziehungsberatung", "pflegestuetzpunkt",
                                              "migrationsberatung", "tafel", "jugendzentrum", "suchtberatung",
                                              "fruehe-hilfen"}
    assert all(s.name.startswith("Beispiel-") and re.fullmatch(r"04101 0000-\d{3}", s.phone) for s in d.services)
    assert all(s.email.endswith("@example.org") and (not s.web or s.web.startswith("https://example.org/"))
               for s in d.services)
    assert 5 <= len(d.stale()) <= 40  # the planners' list is not empty
    assert len({s.ags for s in d.services}) >= 20
    assert "Demodaten" in (ROOT / "data" / "services.yml").read_text(encoding="utf-8")


def test_demo_services_lie_inside_their_gemeinde(demo_report):
    shapes = {}
    for f in demo_report.register.geometry["features"]:
        shapes.setdefault(f["properties"]["ags"], []).append(shape(f["geometry"]))
    for s in demo_report.services.services:
        assert shapely.union_all(shapes[s.ags]).contains(Point(s.lon, s.lat)), s.id


def test_demo_analysis_finds_gaps(demo_report):
    analyses = analyse_all(demo_report, demo_report.services)
    counts = gap_counts(analyses)
    assert set(counts) == {p.id for p in demo_report.register.planning_areas}
    assert 1 <= sum(counts.values()) < 8 * len(counts)
    for a in analyses:  # planning areas and Gemeinden add up to the Kreis
        assert sum(c.count for c in a.planning) == sum(c.count for c in a.gemeinden) == a.kreis.count


def test_demo_csv_is_what_the_generator_writes(tmp_path):
    from fokus_pi.demo.generate import DEFAULT_SEED
    from fokus_pi.demo.geometry import schematic_shapes
    from fokus_pi.demo.population import load_facts
    from fokus_pi.demo.services import files

    gemeinden = load_facts()
    written = files(gemeinden, schematic_shapes(gemeinden), DEFAULT_SEED)
    for name, text in written.items():
        assert (ROOT / "data" / name).read_text(encoding="utf-8") == text, name
    rows = list(csv.DictReader(written["services.csv"].splitlines()))
    assert len(rows) == 150


def test_demo_pages_carry_no_withheld_figure(demo_report):
    """The leak scan's rule on every Hilfeportal page: no precise figure of a withheld cell."""
    from fokus_pi.leaks import NUMBER, needles

    wanted = needles(demo_report.suppressed)
    assert wanted  # the demo withholds cells, so the check has something to look for
    texts = [make(demo_report, subject) if subject is not None else make(demo_report)
             for _, _, make, subject in pages.jobs(demo_report)]
    texts += [pages.gemeinde_section(demo_report, g) for g in demo_report.register.gemeinden]
    assert len(texts) == 11 + 49  # portal, 8 kinds, analysis, checklist; 49 Gemeinde sections
    assert not {n for text in texts for n in NUMBER.findall(text)} & set(wanted)
