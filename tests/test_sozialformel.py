"""The Sozialformel recomputed independently from the raw CSV and the YAML configuration."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import pytest
import yaml

from fokus_pi.pages import sozialformel as page
from fokus_pi.problems import DataError
from fokus_pi.report import load_report

from .conftest import DEMO


@pytest.fixture(scope="module")
def inputs(demo_report):
    """The published inputs: the raw CSV without the cells disclosure control withheld (the report lists them),
    plus the planning-area totals the report publishes (computed from the Gemeinden's true figures)."""
    config = yaml.safe_load((DEMO / "sozialformel.yml").read_text(encoding="utf-8"))
    snap = sorted((DEMO / "snapshots").iterdir())[-1]
    with open(DEMO / "areas/gemeinden.csv", encoding="utf-8") as fh:
        gemeinden = {r["ags"]: r["name"] for r in csv.DictReader(fh)}
    names = [v["indicator"] for v in config["variables"]]
    values: dict[tuple[str, str, int], float] = {}
    withheld = set(zip(demo_report.suppressed["indicator"], demo_report.suppressed["area"],
                       demo_report.suppressed["year"]))
    with open(snap / "values.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            key = (r["indicator"], r["area"], int(r["year"]))
            if r["indicator"] in names and r["value"] and not r["flag"] and key not in withheld:
                values[key] = float(r["value"])
    assert len(withheld & {k for k in withheld if k[0] in names}) > 0  # the test does exercise withheld inputs
    return config, gemeinden, values


def recompute(config, gemeinden, values, year: int) -> dict[str, float]:
    """The documented method, written from scratch: z-scores over the Gemeinden, weighted mean, min-max."""
    variables = config["variables"]
    complete = [a for a in gemeinden if all((v["indicator"], a, year) in values for v in variables)]
    stats = {}
    for v in variables:
        xs = [values[(v["indicator"], a, year)] for a in gemeinden if (v["indicator"], a, year) in values]
        stats[v["indicator"]] = (statistics.fmean(xs), statistics.pstdev(xs))

    def raw(area: str) -> float:
        total = sum(v["weight"] for v in variables)
        score = 0.0
        for v in variables:
            mean, sd = stats[v["indicator"]]
            z = (values[(v["indicator"], area, year)] - mean) / sd
            score += v["weight"] * (-z if v.get("inverse") else z)
        return score / total

    raws = {a: raw(a) for a in complete}
    lo, hi = min(raws.values()), max(raws.values())
    result = {a: 100 * (r - lo) / (hi - lo) for a, r in raws.items()}
    result["01056"] = 100 * (raw("01056") - lo) / (hi - lo)
    return result


@pytest.mark.parametrize("year", [2016, 2020, 2025])
def test_index_recomputed_independently(demo_report, inputs, year):
    config, gemeinden, values = inputs
    expected = recompute(config, gemeinden, values, year)
    checked = 0
    for ags in ("01056015", "01056039", "01056047", "01056001", "01056025", "01056"):  # Elmshorn, Pinneberg, …
        if ags in expected:
            assert demo_report.row("sozialformel", ags, year)["value"] == pytest.approx(expected[ags], abs=1e-9)
            checked += 1
    assert checked >= 5
    assert max(expected.values()) == pytest.approx(100) and min(expected.values()) == pytest.approx(0)


def test_gemeinde_with_a_secret_input_gets_no_index(demo_report, inputs):
    config, gemeinden, values = inputs
    missing = [a for a in gemeinden if any((v["indicator"], a, 2025) not in values for v in config["variables"])]
    assert missing
    for ags in missing:
        row = demo_report.row("sozialformel", ags, 2025)
        assert row is None or row["value"] != row["value"]  # no row, or NaN


def test_groups_and_planning_areas_have_values(demo_report):
    table = page.table(demo_report)
    latest = table[table["year"] == 2025]
    group = latest[latest["area"] == "staedte-ueber-30000"].iloc[0]
    assert group["name"] == "Städte über 30.000 Einwohner"
    assert 0 < group["sozialformel"] <= 100
    areas = latest[latest["ebene"] == "Planungsraum"]
    assert len(areas) == 8 and areas["sozialformel"].notna().all()


def test_download_holds_the_published_values(demo_report):
    rows = list(csv.DictReader(page.csv_text(demo_report).splitlines()))
    elmshorn = next(r for r in rows if r["area"] == "01056015" and r["year"] == "2025")
    assert float(elmshorn["sozialformel"]) == pytest.approx(demo_report.row("sozialformel", "01056015", 2025)["value"], abs=1e-6)
    assert {"kinderarmut", "einkuenfte", "gewichteter_z_wert", "sozialformel_gleiche_gewichte"} <= set(rows[0])


def test_download_comes_from_the_cache_while_its_table_is_the_same(demo_report, tmp_path, monkeypatch):
    monkeypatch.setenv("FOKUS_CACHE", str(tmp_path))
    fresh = page.csv_text(demo_report)
    monkeypatch.setattr(page.pd.DataFrame, "to_csv", lambda *a, **k: pytest.fail("written again"))
    assert page.csv_text(demo_report) == fresh
    table = page.table(demo_report)
    changed = table.assign(sozialformel=table["sozialformel"].where(table.index != 0, 1.0))
    monkeypatch.setattr(page, "table", lambda report: changed)
    with pytest.raises(pytest.fail.Exception, match="written again"):
        page.csv_text(demo_report)


def test_page_shows_method_weights_and_sensitivity(demo_report):
    text = page.page(demo_report)
    assert "| [Kinderarmut](../kennzahlen/kinderarmut.md) (%) | 25,0 % | höher = größerer Bedarf |" in text
    assert "umgekehrt (höher = geringerer Bedarf)" in text
    assert "Rangkorrelation nach Spearman" in text
    assert "| 1 | [Elmshorn](../gemeinden/elmshorn.md) | 100 |" in text


def test_unknown_variable_is_reported_with_its_line(tiny_copy: Path):
    (tiny_copy / "sozialformel.yml").write_text(
        "title: S\nshort_title: S\nfield: armut\ndescription: d\npopulation_indicator: einwohner\n"
        "variables:\n  - indicator: sgb-ii-quote\n    weight: 1\n  - indicator: kinderarmut\n    weight: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_report(tiny_copy)
    assert [str(p) for p in info.value.problems] == ["data/sozialformel.yml:9:5: unbekannte Kennzahl „kinderarmut“"]
