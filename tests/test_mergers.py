"""Gemeinde mergers (data/areas/fusionen.yml): rows under an old AGS are converted for the new Gemeinde, or the
series shows a break; bad mappings are refused with file, line and column. Built on a copy of the tiny dataset:
Cestadt (01099003) absorbs the invented Dorfheim (01099004) on 1 January 2024."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from fokus_pi.pages.gemeinde import page as gemeinde_page
from fokus_pi.problems import DataError
from fokus_pi.report import load_report

MERGER = """\
# Eingemeindung, erfunden für den Test
fusionen:
  - datum: 2024-01-01
    neu: "01099003"
    alt: ["01099003", "01099004"]
    hinweis: Dorfheim wurde eingemeindet.
"""
# Dorfheim's own rows: einwohner converts (a count), sgb-ii-quote 2022 converts (numerator and denominator),
# sgb-ii-quote 2023 cannot (a rate without them); geburtenrate has no Dorfheim row at all, so it cannot either.
DORFHEIM = """\
einwohner,01099004,2022,300,,,
einwohner,01099004,2023,310,,,
sgb-ii-quote,01099004,2022,5,10,200,
sgb-ii-quote,01099004,2023,6,,,
"""


def _write(data: Path, mapping: str = MERGER, rows: str = DORFHEIM) -> None:
    (data / "areas" / "fusionen.yml").write_text(mapping, encoding="utf-8")
    values = data / "snapshots" / "2025-06-30" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8") + rows, encoding="utf-8")


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_report(data)
    return [str(p) for p in err.value.problems]


def test_counts_are_summed_and_rates_come_from_summed_fractions(tiny_copy: Path):
    _write(tiny_copy)
    report = load_report(tiny_copy)
    cestadt = lambda ind, year: report.row(ind, "01099003", year)
    assert cestadt("einwohner", 2022)["value"] == 20000 + 300
    assert cestadt("einwohner", 2023)["value"] == 20500 + 310
    # 2024 as delivered; its change is against the converted 2023
    assert cestadt("einwohner", 2024)["change"] == 21000 - 20810 and not cestadt("einwohner", 2024)["break"]
    row = cestadt("sgb-ii-quote", 2022)
    assert (row["numerator"], row["denominator"]) == (1600 + 10, 16000 + 200)
    assert row["value"] == pytest.approx(100 * 1610 / 16200)  # not the mean of 10 and 5
    assert all(report.row(i, "01099004", y) is None for i in ("einwohner", "sgb-ii-quote") for y in (2022, 2023))


def test_a_year_that_cannot_be_converted_is_left_out_and_the_series_breaks(tiny_copy: Path):
    _write(tiny_copy)
    report = load_report(tiny_copy)
    assert report.row("sgb-ii-quote", "01099003", 2023) is None  # Dorfheim's 2023 rate has no fraction
    after = report.row("sgb-ii-quote", "01099003", 2024)
    assert after["break"] and math.isnan(after["change"])
    assert report.row("geburtenrate", "01099003", 2023) is None  # Cestadt alone is not today's area
    assert report.row("geburtenrate", "01099003", 2024)["break"]
    # other Gemeinden keep their series untouched
    assert report.row("einwohner", "01099001", 2024)["change"] == 10
    assert not report.row("einwohner", "01099001", 2024)["break"]
    text = gemeinde_page(report, report.gemeinde("01099003"))
    assert "**Gebietsänderung am 1. Januar 2024:** Cestadt umfasst seitdem auch die früheren Gemeinden mit den " \
           "Schlüsseln 01099004. Dorfheim wurde eingemeindet." in text
    assert "(je 1.000)</td><td>2024</td><td>50,0</td><td>|</td>" in text  # the change column shows the break symbol
    assert "Gebietsänderung" not in gemeinde_page(report, report.gemeinde("01099001"))


def test_a_source_figure_for_the_new_gemeinde_wins(tiny_copy: Path):
    """A statistics office that recomputed the past for today's area: its row is kept as delivered."""
    _write(tiny_copy, MERGER.replace('alt: ["01099003", "01099004"]', 'alt: ["01099005", "01099004"]'),
           DORFHEIM + "einwohner,01099005,2022,1,,,\neinwohner,01099005,2023,1,,,\n")
    report = load_report(tiny_copy)
    assert report.row("einwohner", "01099003", 2022)["value"] == 20000  # delivered, not 300 + 1
    assert report.row("einwohner", "01099005", 2022) is None


def test_rows_under_a_dissolved_ags_after_the_merger_are_refused(tiny_copy: Path):
    _write(tiny_copy, rows=DORFHEIM + "einwohner,01099004,2024,320,,,\n")
    assert _problems(tiny_copy) == [
        ("data/snapshots/2025-06-30/values.csv:62:11: Gemeinde 01099004 besteht seit 01.01.2024 nicht mehr "
        "(fusionen.yml): Werte ab 2024 unter 01099003 liefern")]


def test_without_the_mapping_an_old_ags_is_unknown(tiny_copy: Path):
    _write(tiny_copy, mapping="fusionen: []\n")
    assert _problems(tiny_copy)[0] == "data/snapshots/2025-06-30/values.csv:58:11: unbekanntes Gebiet „01099004“"


@pytest.mark.parametrize("mapping, expected", [
    (  # the new AGS is nowhere
        MERGER.replace('neu: "01099003"', 'neu: "01099009"').replace('"01099003", ', ""),
        [("data/areas/fusionen.yml:4:5: unbekannte AGS 01099009: steht nicht im Gemeinderegister (gemeinden.csv) "
         "und wird in keiner späteren Fusion aufgelöst")]),
    (  # an unquoted key loses its leading zero
        MERGER.replace('alt: ["01099003", "01099004"]', 'alt: ["01099003", 1099004]'),
        [("data/areas/fusionen.yml:5:23: „1099004“ ist kein 8-stelliger Gemeindeschlüssel (AGS); "
          "in Anführungszeichen schreiben, sonst geht die führende Null verloren")]),
    (  # a Gemeinde of the register cannot be dissolved
        MERGER.replace('alt: ["01099003", "01099004"]', 'alt: ["01099003", "01099004", "01099001"]'),
        [("data/areas/fusionen.yml:5:35: AGS 01099001 steht noch im Gemeinderegister (gemeinden.csv); eine "
         "aufgelöste Gemeinde gehört dort nicht mehr hin")]),
    (  # A into B and B into A
        ("fusionen:\n"
        "  - {datum: 2020-01-01, neu: '01099005', alt: ['01099004']}\n"
        "  - {datum: 2021-01-01, neu: '01099004', alt: ['01099005']}\n"),
        ["data/areas/fusionen.yml:2:25: Fusionen bilden einen Kreis: 01099005 → 01099004 → 01099005",
         "data/areas/fusionen.yml:3:25: Fusionen bilden einen Kreis: 01099004 → 01099005 → 01099004"]),
    (  # a chain must run forward in time
        ("fusionen:\n"
        "  - {datum: 2023-01-01, neu: '01099005', alt: ['01099004']}\n"
        "  - {datum: 2022-01-01, neu: '01099003', alt: ['01099003', '01099005']}\n"),
        [("data/areas/fusionen.yml:2:25: AGS 01099005 entsteht am 01.01.2023, wird aber schon am 01.01.2022 wieder "
         "aufgelöst")]),
    (  # one old AGS in two mergers
        ("fusionen:\n"
        "  - {datum: 2023-01-01, neu: '01099003', alt: ['01099004']}\n"
        "  - {datum: 2024-01-01, neu: '01099002', alt: ['01099004']}\n"),
        ["data/areas/fusionen.yml:3:48: AGS 01099004 ist schon in Zeile 2 als aufgelöste Gemeinde genannt"]),
    (  # the schema: a merger needs its date
        "fusionen:\n  - {neu: '01099003', alt: ['01099004']}\n",
        ["data/areas/fusionen.yml:2:5: Pflichtangabe „datum“ fehlt"]),
])
def test_bad_mappings_are_named_with_line_and_column(tiny_copy: Path, mapping: str, expected: list[str]):
    _write(tiny_copy, mapping, rows="")
    assert _problems(tiny_copy) == expected
