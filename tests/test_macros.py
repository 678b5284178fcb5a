"""Macros in texts: figures come from the data, and every mistake is reported with file, line and column."""

from __future__ import annotations

import csv
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fokus_pi.macros import Library, MacroError, expand, find, parse
from fokus_pi.pages.fieldinfo import check_texts
from fokus_pi.problems import Collector, DataError
from fokus_pi.report import load_report

from .conftest import DEMO, ROOT, TINY, TINY_CONFIG

CONTENT = ROOT / "content"


def run(report, text: str, path: str = "content/test.md") -> tuple[str, list[str]]:
    out = Collector()
    result = expand(text, Library(report), path, out)
    return result, [str(p) for p in out.problems]


def test_values_changes_and_names(tiny_report):
    text, problems = run(tiny_report, 'Quote {{ wert("sgb-ii-quote", "Cestadt", 2024) }}, '
                                      'Kreis {{ wert("sgb-ii-quote", jahr=2024) }}, '
                                      '{{ veraenderung("sgb-ii-quote", seit=2023, bis=2024) }}; {{ name("01099003") }}')
    assert problems == []
    row = tiny_report.row("sgb-ii-quote", "01099003", 2024)
    assert f"{row['value']:.1f}".replace(".", ",") in text
    assert "Prozentpunkte" in text and "Cestadt" in text and "{{" not in text


def test_code_and_comments_are_left_alone(tiny_report):
    source = '`{{ wert("x") }}`\n\n```\n{{ wert("x") }}\n```\n<!-- {{ wert("x") }} -->\n'
    text, problems = run(tiny_report, source)
    assert text == source and problems == []
    assert len(find(source)) == 0


def test_only_literal_arguments():
    assert parse(' wert("a", "b", 2024) ').args == ("a", "b", 2024)
    assert parse('tabelle("a", gebiete=["kreis", "land"], jahre=3)').kwargs == {"gebiete": ["kreis", "land"],
                                                                                 "jahre": 3}
    for bad in ('wert(open("x"))', "wert(*x)", "wert(**x)", "1 + 2", "x.y()", "wert(1 +)"):
        with pytest.raises(MacroError):
            parse(bad)


def test_only_known_macros_are_called(tiny_report):
    with pytest.raises(MacroError, match="unbekanntes Makro „__import__“"):
        Library(tiny_report).call(parse("__import__('os')"))


def test_each_mistake_is_reported_at_its_place(tiny_report):
    source = ("Zeile eins\n"
              'Hier {{ wert("sgb-ii-qote") }} und {{ wert("sgb-ii-quote", "Atlantis") }}\n'
              '{{ wert("sgb-ii-quote", jahr=1999) }} {{ foo() }} {{ wert() }} {{ wert(1 +) }}\n')
    text, problems = run(tiny_report, source)
    assert problems == [
        "content/test.md:2:6: unbekannte Kennzahl „sgb-ii-qote“ (meinten Sie „sgb-ii-quote“?)",
        "content/test.md:2:36: unbekanntes Gebiet „Atlantis“ (erwartet: Gemeindeschlüssel oder -name, Kurzname "
        "eines Planungsraums, „kreis“, „land“ oder „bund“)",
        "content/test.md:3:1: für „sgb-ii-quote“ gibt es kein Jahr 1999 (vorhanden: 2022–2024)",
        "content/test.md:3:39: unbekanntes Makro „foo“ (bekannt: diagramm, empfehlungen, fokusgruppen, jahr, "
        "mitglieder, name, sozialausgaben, sozialausgaben_veraenderung, sozialausgabenanteil, stichtag, tabelle, "
        "veraenderung, video, wert)",
        "content/test.md:3:51: wert() passt nicht zu den Angaben; Form: wert(kennzahl, gebiet=\"kreis\", jahr=…, "
        "teil=\"wert\", einheit=True, stellen=…)",
        'content/test.md:3:64: Makro „wert(1 +)“ ist nicht lesbar; Form: name("kennzahl", "gebiet", jahr)',
    ]
    assert text.count("{{") == 6  # the calls stay as written
    with pytest.raises(DataError, match=r"content/test.md:2:6: unbekannte Kennzahl"):
        out = Collector()
        expand(source, Library(tiny_report), "content/test.md", out)
        out.raise_if_any()


def test_tables_and_charts_carry_their_figures(demo_report):
    text, problems = run(demo_report, '{{ tabelle("kinderarmut", "planungsraeume", [2020, 2024]) }}\n\n'
                                      '{{ diagramm("kinderarmut", ["kreis", "Elmshorn"], von=2020) }}')
    assert problems == []
    assert "| Gebiet | 2020 | 2024 |" in text and "| Kreis Pinneberg |" in text
    assert '<svg' in text and 'role="img"' in text and "<title" in text and "Werte als Tabelle" in text
    assert "https://" not in text.replace("http://www.w3.org/2000/svg", "")


def test_planning_macros_count_from_the_data(demo_report):
    text, problems = run(demo_report, '{{ empfehlungen() }}/{{ empfehlungen("beschlossen", "umgesetzt") }}/'
                                      '{{ empfehlungen("in Beratung") }}/{{ fokusgruppen() }}')
    assert problems == [] and text == "46/21/11/12"
    text, problems = run(demo_report, '{{ empfehlungen("vertagt") }} {{ sozialausgaben(1990) }}')
    assert len(problems) == 2


def test_every_content_page_expands_cleanly(demo_report):
    for path in sorted(CONTENT.rglob("*.md")):
        text, problems = run(demo_report, path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        assert problems == [], problems
    assert check_texts(demo_report).problems == []


def _set_share(values_csv: Path, indicator: str, area: str, year: str, numerator: int) -> None:
    with values_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if (r["indicator"], r["area"], r["year"]) == (indicator, area, year):
            r["numerator"] = str(numerator)
            r["value"] = f"{100 * numerator / int(r['denominator']):.4f}".rstrip("0")
            break
    else:
        raise AssertionError("row not found")
    with values_csv.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_report_text_follows_the_data(tmp_path, demo_report):
    """Change a value in a copy of the data: the Fokusbericht's sentence changes with it."""
    page = (CONTENT / "fokusbericht" / "2025.md").read_text(encoding="utf-8")
    before, problems = run(demo_report, page)
    assert problems == [] and "in Elmshorn 20,8\u00a0%" in before
    copy = tmp_path / "data"
    shutil.copytree(DEMO, copy)
    newest = sorted((copy / "snapshots").iterdir())[-1] / "values.csv"
    _set_share(newest, "kinderarmut", "01056015", "2024", 1700)  # 1.700 of 6.841 children: 24,9 %
    after, problems = run(load_report(copy), page)
    assert problems == []
    assert "in Elmshorn 24,9\u00a0%" in after and "in Elmshorn 20,8\u00a0%" not in after


def test_macro_error_in_a_yaml_text_points_into_the_file(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DEMO, copy, ignore=shutil.ignore_patterns("snapshots"))
    shutil.copytree(DEMO / "snapshots", copy / "snapshots")
    path = copy / "handlungsfelder.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{{ wert("altersarmut") }}', '{{ wert("altersarmutt") }}', 1), encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "altersarmutt" in row)
    problems = [str(p) for p in check_texts(load_report(copy)).problems]
    assert len(problems) == 1 and problems[0].startswith(f"data/handlungsfelder.yml:{line}:")
    assert "unbekannte Kennzahl „altersarmutt“" in problems[0]


def _site_with_page(tmp_path: Path, markdown: str) -> Path:
    """The tiny test site plus the macro hook and one hand-written page."""
    config = TINY_CONFIG.read_text(encoding="utf-8")
    config = config.replace("../../../", f"{ROOT}/").replace("../tiny", str(TINY))
    config = config.replace("  - ../../../hooks/report_pages.py", "")
    config = config.replace(f"  - {ROOT}/hooks/report_pages.py\n",
                            f"  - {ROOT}/hooks/report_pages.py\n  - {ROOT}/hooks/macros.py\n")
    config += "  - Bericht: bericht.md\n"
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "bericht.md").write_text(markdown, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_a_macro_error_fails_the_build_with_file_and_line(tmp_path):
    from fokus_pi.publish import build_site

    config = _site_with_page(tmp_path, "---\ntitle: Bericht\n---\n\n# Bericht\n\nQuote: {{ wert(\"sgb-ii-quote\") }}\n"
                                       "Falsch: {{ wert(\"kinderarmut\") }}\n")
    with pytest.raises(DataError, match=r"content/bericht\.md:8:9: unbekannte Kennzahl „kinderarmut“"):
        build_site(TINY, tmp_path / "site", config)
    assert not (tmp_path / "site").exists()


def test_a_text_error_stops_the_downloads_already_started(tmp_path):
    """The downloads start in another process as soon as the report is loaded (on_config); a build that fails
    after that (here: the Handlungsfeld texts' check) stops them and removes what they wrote."""
    from fokus_pi.publish import build_site

    copy = tmp_path / "data"
    shutil.copytree(DEMO, copy)
    path = copy / "handlungsfelder.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('{{ wert("altersarmut") }}', '{{ wert("x") }}', 1),
                    encoding="utf-8")
    config = _site_with_page(tmp_path, "# Bericht\n")
    with pytest.raises(DataError, match="unbekannte Kennzahl „x“"):
        build_site(copy, tmp_path / "out" / "site", config)
    assert [p.name for p in (tmp_path / "out").iterdir()] == []  # neither the site nor the downloads' spool
    assert multiprocessing.active_children() == []


def test_the_cli_reports_the_macro_error(tmp_path):
    config = _site_with_page(tmp_path, "# Bericht\n\n{{ wert(\"sgb-ii-quote\", \"Nirgendwo\") }}\n")
    result = subprocess.run([sys.executable, "-m", "fokus_pi.cli", "build", "--data", str(TINY), "--out",
                             str(tmp_path / "site"), "--config", str(config)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/bericht.md:3:1: unbekanntes Gebiet „Nirgendwo“" in result.stderr


def test_check_names_a_macro_error_in_a_text_before_any_build(tmp_path):
    """`fokus check` reads the texts too: an unknown area is reported at file:line:column, a good text passes."""
    content = tmp_path / "content" / "bericht"
    content.mkdir(parents=True)
    page = content / "2025.md"
    page.write_text("---\ntitle: Bericht\n---\n\nQuote: {{ wert(\"sgb-ii-quote\", \"Cestadt\") }}\n"
                    "Falsch: {{ wert(\"sgb-ii-quote\", \"Nirgendwo\") }}\n", encoding="utf-8")

    def check() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "fokus_pi.cli", "check", "--data", str(TINY), "--content",
                               "content"], capture_output=True, text=True, cwd=tmp_path)

    result = check()
    assert result.returncode == 1
    assert "content/bericht/2025.md:6:9: unbekanntes Gebiet „Nirgendwo“" in result.stderr
    assert "1 Fehler gefunden" in result.stderr
    page.write_text(page.read_text(encoding="utf-8").replace("Nirgendwo", "Cestadt"), encoding="utf-8")
    result = check()
    assert result.returncode == 0, result.stderr
    assert "Makros in 1 Texten geprüft" in result.stdout
