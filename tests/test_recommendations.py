"""Planning data: recommendations, focus groups, Handlungsfeld profiles and social spending are validated like
the figures (every problem with file, line and column), and the demo counts are the county's published ones."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fokus_pi.problems import DataError
from fokus_pi.recommendations import tally
from fokus_pi.report import load_report

GROUPS = """\
groups:
- id: armut-gruppe
  title: Armut
  topic: Armut im Kreis
  fields: [armut]
  members: 12
  meetings:
  - date: 2025-02-03
    topic: Auftakt
"""


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_report(folder)
    return [str(p) for p in err.value.problems]


def test_demo_counts_are_those_the_county_reports(demo_report):
    counts = tally(demo_report.planning.recommendations)
    assert (counts.developed, counts.adopted, counts.in_deliberation) == (46, 21, 11)
    assert counts.developed == counts.adopted + counts.in_deliberation + counts.rejected + counts.waiting
    assert len(demo_report.planning.groups) == 12
    assert 140 <= sum(g.members for g in demo_report.planning.groups) <= 160
    assert len(demo_report.planning.profiles) == 12
    assert all(len(p.key_figures) == 4 for p in demo_report.planning.profiles.values())


def test_demo_spending_adds_up_to_the_indicator(demo_report):
    spending = demo_report.planning.spending
    for year in spending.years:
        row = demo_report.row("sozialausgaben", demo_report.register.kreis.code, year)
        assert spending.total(year) == pytest.approx(row["numerator"])
        assert 60 < spending.share(year) < 85


def test_valid_planning_files_load(tiny_copy):
    _write(tiny_copy, "fokusgruppen.yml", GROUPS)
    _write(tiny_copy, "recommendations.yml", """\
        recommendations:
        - id: he-1
          title: Beratung ausbauen
          field: armut
          group: armut-gruppe
          year: 2024
          text: Mehr Beratung.
          cost: {once: 1000, yearly: 25000.5}
          history:
          - {date: 2024-09-01, status: entwickelt}
          - {date: 2024-10-01, status: in_beratung}
          - {date: 2025-01-01, status: abgelehnt}
          - {date: 2025-06-01, status: in_beratung, note: erneut}
        """)
    report = load_report(tiny_copy)
    (item,) = report.planning.recommendations
    assert item.status == "in_beratung" and item.status_text == "in Beratung"
    assert item.cost_yearly == 25000.5 and [s.status for s in item.history][-2] == "abgelehnt"


def test_recommendation_problems_name_file_line_and_column(tiny_copy):
    _write(tiny_copy, "fokusgruppen.yml", GROUPS)
    _write(tiny_copy, "recommendations.yml", """\
        recommendations:
        - id: he-1
          title: Gut
          field: wohnen
          group: armut-gruppe
          year: 2024
          text: Text.
          cost: {once: 0, yearly: 0}
          history:
          - {date: 2024-09-01, status: entwickelt}
        - id: he-1
          title: Doppelt
          field: armut
          group: niemand
          year: 2024
          text: Text.
          cost: {once: 0, yearly: 0}
          history:
          - {date: 2024-09-01, status: in_beratung}
          - {date: 2024-08-01, status: umgesetzt}
        """)
    problems = _problems(tiny_copy)
    assert "data/recommendations.yml:4:3: unbekanntes Handlungsfeld „wohnen“" in problems
    assert "data/recommendations.yml:11:3: Handlungsempfehlung „he-1“ ist doppelt (zuerst in Zeile 2)" in problems
    assert "data/recommendations.yml:14:3: unbekannte Fokusgruppe „niemand“ (nicht in fokusgruppen.yml)" in problems
    assert any(p.startswith("data/recommendations.yml:19:") and "muss mit „entwickelt“ beginnen" in p
               for p in problems)
    assert any(p.startswith("data/recommendations.yml:20:") and "liegt vor dem vorigen Schritt" in p for p in problems)
    assert any(p.startswith("data/recommendations.yml:20:") and "kann „umgesetzt“ nicht folgen" in p
               for p in problems)


def test_recommendation_schema_problems(tiny_copy):
    _write(tiny_copy, "fokusgruppen.yml", GROUPS)
    _write(tiny_copy, "recommendations.yml", """\
        recommendations:
        - id: he-1
          title: Ohne Kosten
          field: armut
          group: armut-gruppe
          year: 2024
          text: Text.
          history:
          - {date: 2024-09-01, status: vielleicht}
        """)
    problems = _problems(tiny_copy)
    assert "data/recommendations.yml:2:3: Pflichtangabe „cost“ fehlt" in problems
    assert any(p.startswith("data/recommendations.yml:9:") and "ungültiger Wert „vielleicht“" in p
               for p in problems)


def test_group_profile_and_spending_problems(tiny_copy):
    _write(tiny_copy, "fokusgruppen.yml", GROUPS.replace("fields: [armut]", "fields: [armut, armutt]"))
    _write(tiny_copy, "handlungsfelder.yml", """\
        fields:
        - id: armut
          summary: Kurz.
          interactions:
          - {field: armut, text: sich selbst}
          key_figures:
          - {indicator: kinderarmut, label: Kinderarmut}
          - {indicator: sgb-ii-quote, label: Menschen, part: numerator}
          - {indicator: sgb-ii-quote, label: Ort, area: '09999'}
        """)
    _write(tiny_copy, "finanzen/sozialausgaben.yml", """\
        title: Sozialausgaben
        description: Test.
        source: Test
        budget: Haushalt
        areas:
        - {id: jugendhilfe, title: Jugendhilfe}
        """)
    _write(tiny_copy, "finanzen/sozialausgaben.csv", "year,budget,jugendhilfe\n2024,100,50\n2025,100,abc\n2026,10,50\n")
    problems = _problems(tiny_copy)
    assert "data/fokusgruppen.yml:5:19: unbekanntes Handlungsfeld „armutt“" in problems
    assert "data/handlungsfelder.yml:5:6: Wechselwirkung mit unbekanntem oder demselben Handlungsfeld „armut“" \
        in problems
    assert "data/handlungsfelder.yml:7:6: unbekannte Kennzahl „kinderarmut“" in problems
    assert "data/handlungsfelder.yml:8:48: bei Zähler oder Nenner die Einheit (unit) angeben" in problems
    assert "data/handlungsfelder.yml:9:43: unbekanntes Gebiet „09999“" in problems
    assert "data/finanzen/sozialausgaben.csv:3:10: Betrag „abc“ ist keine Zahl ≥ 0 (Dezimalpunkt verwenden)" \
        in problems
    assert "data/finanzen/sozialausgaben.csv:4:6: die Sozialausgaben 2026 übersteigen den Haushalt" in problems


def test_data_without_planning_files_still_loads(tiny_report):
    assert tiny_report.planning is None
