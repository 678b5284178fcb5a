"""Funding reach against need, on the tiny dataset with figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from fokus_pi.funding import concentration, reach
from fokus_pi.problems import DataError
from fokus_pi.report import load_report

PROGRAMME = """\
title: Testprogramm
description: Ein erfundenes Programm.
source: Test
need: sgb-ii-quote
target_group: {indicator: einwohner, part: value, label: Einwohner}
"""


@pytest.fixture()
def funded(tiny_copy: Path) -> Path:
    (tiny_copy / "funding").mkdir()
    (tiny_copy / "funding/test.yml").write_text(PROGRAMME, encoding="utf-8")
    (tiny_copy / "funding/test.csv").write_text(
        "ags,year,amount\n01099001,2024,1020\n01099002,2024,960\n01099003,2024,2100\n", encoding="utf-8")
    return tiny_copy


def test_reach_and_concentration(funded):
    report = load_report(funded)
    programme = report.programmes[0]
    frame = reach(programme, report.facts, [g.ags for g in report.register.gemeinden], 2024).set_index("ags")
    # need 2024 (SGB-II-Quote): Cestadt 10.71 > Adorf 6.25 > Bedorf 2.5; with 3 Gemeinden a fifth is 1 Gemeinde
    assert frame.loc["01099003", "fifth"] == "hoch" and frame.loc["01099002", "fifth"] == "gering"
    assert frame.loc["01099001", "per_head"] == pytest.approx(1020 / 1020)
    c = concentration(frame.reset_index(), 2024)
    assert c.total == 4080
    assert c.share_high == pytest.approx(100 * 2100 / 4080)
    assert c.share_low == pytest.approx(100 * 960 / 4080)
    assert c.target_share_high == pytest.approx(100 * 21000 / 22500)
    assert (c.per_head_high, c.per_head_low) == (pytest.approx(0.1), pytest.approx(2.0))
    assert c.spearman == pytest.approx(-1.0)  # per head falls exactly as need rises


def test_page_says_it_in_plain_language(funded):
    from fokus_pi.pages import funding

    report = load_report(funded)
    text = funding.page(report, report.programmes[0])
    assert "erhielt **51,5 %** der Mittel; dort leben 93,3 % der Zielgruppe (Einwohner)" in text
    assert "**0,10 €** bei größtem und **2,00 €** bei geringstem Bedarf" in text
    assert "überwiegend dorthin, wo der Bedarf geringer ist" in text


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("01099009,2024,5", ":5:1: unbekannte Gemeinde „01099009“"),
        ("01099001,2023,-5", ":5:15: Betrag „-5“ ist keine Zahl ≥ 0"),
        ("01099001,2024,5", ":5:1: doppelte Zeile für 01099001, 2024 (zuerst in Zeile 2)"),
    ],
)
def test_bad_funding_rows(funded, row, expected):
    path = funded / "funding/test.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_report(funded)
    assert [str(p) for p in info.value.problems] == ["data/funding/test.csv" + expected + ("" if "doppelte" in expected or "unbekannte" in expected else " (Dezimalpunkt verwenden)")]


def test_demo_programme_reproduces_the_countys_finding(demo_report):
    """The demo reproduces what the county found: per head, most money goes where need is least."""
    programme = next(p for p in demo_report.programmes if p.id == "elternberatung-in-der-kita")
    frame = reach(programme, demo_report.facts, [g.ags for g in demo_report.register.gemeinden], 2025)
    c = concentration(frame, 2025)
    assert c.per_head_low > 2 * c.per_head_high
    assert c.spearman < 0
