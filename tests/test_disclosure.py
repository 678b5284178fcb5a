"""Disclosure control: primary and secondary suppression, nothing recoverable, nothing leaked."""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from fokus_pi import leaks
from fokus_pi.report import load_report

from .conftest import DEMO

VALUES = "snapshots/2025-06-30/values.csv"


def edit(data: Path, old: str, new: str) -> None:
    path = data / VALUES
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def hidden(report, ind, area, year) -> bool:
    row = report.row(ind, area, year)
    return row is not None and math.isnan(row["value"]) and row["flag"] == "geheim"


def test_small_numerator_is_suppressed_with_a_second_cell(tiny_copy):
    # Adorf 2024: 2 of 800 -> primary; the Kreis total would give it away, so the smallest other Gemeinde
    # (Bedorf, 480 inhabitants) is suppressed as well; Cestadt and the Kreis stay published.
    edit(tiny_copy, "sgb-ii-quote,01099001,2024,6.25,50,800,", "sgb-ii-quote,01099001,2024,0.25,2,800,")
    edit(tiny_copy, "sgb-ii-quote,01099,2024,10.3333,1860,18000,", "sgb-ii-quote,01099,2024,10.0667,1812,18000,")
    report = load_report(tiny_copy)
    assert hidden(report, "sgb-ii-quote", "01099001", 2024)
    assert hidden(report, "sgb-ii-quote", "01099002", 2024)
    assert not hidden(report, "sgb-ii-quote", "01099003", 2024)
    assert report.row("sgb-ii-quote", "01099", 2024)["value"] == 10.0667
    reasons = report.suppressed.set_index(["indicator", "area", "year"])["reason"]
    assert reasons[("sgb-ii-quote", "01099001", 2024)] == "primär"
    assert reasons[("sgb-ii-quote", "01099002", 2024)] == "sekundär"
    # Bedorf is delivered as secret in 2022 and 2023, so the Kreis total would reveal it: Adorf goes too
    assert reasons[("sgb-ii-quote", "01099001", 2023)] == "sekundär"
    # the area total comes from the true figures (2 + 10 of 1,200) and stays: its two members are both hidden
    assert report.row("sgb-ii-quote", "nord", 2024)["value"] == pytest.approx(1.0)


def test_counts_of_zero_and_non_confidential_indicators_stay(tiny_copy):
    edit(tiny_copy, "einwohner,01099002,2024,480,,,", "einwohner,01099002,2024,2,,,")
    indicators = tiny_copy / "indicators.yml"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "    kind: count\n", "    kind: count\n    confidential: false\n"), encoding="utf-8")
    report = load_report(tiny_copy)
    assert report.row("einwohner", "01099002", 2024)["value"] == 2


def test_a_delivered_area_total_is_kept_and_protected(tiny_copy):
    # nord is delivered by the source: Adorf primary -> Bedorf must go (the only other member); Cestadt is alone
    # in its area (sued, a published total too) and has no unknown cell, so it stays
    edit(tiny_copy, "sgb-ii-quote,01099001,2024,6.25,50,800,", "sgb-ii-quote,01099001,2024,0.25,2,800,\n"
         "sgb-ii-quote,nord,2024,1,12,1200,")
    report = load_report(tiny_copy)
    assert hidden(report, "sgb-ii-quote", "01099002", 2024)
    assert not hidden(report, "sgb-ii-quote", "01099003", 2024)
    assert report.row("sgb-ii-quote", "nord", 2024)["value"] == 1


def test_a_small_area_total_is_suppressed(tiny_copy):
    # Adorf 1 and Bedorf 1: both primary; the area total of 2 would tell each is 1, so it goes as well
    edit(tiny_copy, "sgb-ii-quote,01099001,2024,6.25,50,800,", "sgb-ii-quote,01099001,2024,0.125,1,800,")
    edit(tiny_copy, "sgb-ii-quote,01099002,2024,2.5,10,400,", "sgb-ii-quote,01099002,2024,0.25,1,400,")
    report = load_report(tiny_copy)
    assert hidden(report, "sgb-ii-quote", "nord", 2024)


def test_a_lone_secret_with_no_partner_hides_its_total(tiny_copy):
    # Cestadt is the only member of sued: if it is secret, the area total (which equals it) must go. Then
    # Cestadt is the one unknown of "Kreis minus nord": rather than the Kreis total, nord's total goes, and
    # the smallest Gemeinde of nord (Bedorf) is withheld with Cestadt
    edit(tiny_copy, "sgb-ii-quote,01099003,2024,10.7143,1800,16800,", "sgb-ii-quote,01099003,2024,0.0119,2,16800,")
    report = load_report(tiny_copy)
    assert hidden(report, "sgb-ii-quote", "01099003", 2024)
    assert hidden(report, "sgb-ii-quote", "sued", 2024)
    assert hidden(report, "sgb-ii-quote", "nord", 2024)
    assert hidden(report, "sgb-ii-quote", "01099002", 2024)
    assert not hidden(report, "sgb-ii-quote", "01099", 2024)


def test_no_suppressed_demo_cell_can_be_recovered(demo_report):
    """Independent audit: for every published total, the cells it sums over never have exactly one unknown."""
    with open(DEMO / "areas/gemeinden.csv", encoding="utf-8") as fh:
        area_of = {r["ags"]: r["planning_area"] for r in csv.DictReader(fh)}
    protected = {i.id for i in demo_report.catalogue.indicators
                 if i.kind in ("count", "share", "rate") and i.confidential}
    facts = demo_report.facts[demo_report.facts["indicator"].isin(protected)]
    published = facts[facts["value"].notna()]
    known = set(zip(published["indicator"], published["area"], published["year"]))
    secret = facts[facts["flag"].isin(["geheim", "unsicher"])]
    withheld = set(zip(secret["indicator"], secret["area"], secret["year"]))
    delivered_rows = published[published["area"].isin(set(area_of.values()))]
    checked = 0
    for (ind, year), _ in facts.groupby(["indicator", "year"]):
        sets = defaultdict(list)
        for ags, area in area_of.items():
            key = area if (ind, area, year) in known else "rest"
            sets[key].append(ags)
        if (ind, "01056", year) not in known:
            sets.pop("rest", None)
        for cells in sets.values():
            unknown = [a for a in cells if (ind, a, year) in withheld]
            assert len(unknown) != 1, (ind, year, unknown)
            checked += 1
    assert checked > 1000
    assert len(delivered_rows) > 0


def test_primary_rule_independently(demo_report):
    """Every count 1–2 and every numerator 1–2 of a confidential indicator in the raw data is hidden."""
    kinds = {i.id: i.kind for i in demo_report.catalogue.indicators if i.confidential}
    snap = sorted((DEMO / "snapshots").iterdir())[-1]
    n = 0
    with open(snap / "values.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["indicator"] not in kinds or len(r["area"]) != 8 or r["flag"]:
                continue
            people = r["value"] if kinds[r["indicator"]] == "count" else r["numerator"]
            if people and 1 <= float(people) < 3:
                assert hidden(demo_report, r["indicator"], r["area"], int(r["year"])), r
                n += 1
    assert n > 500


def test_leak_scan_finds_a_planted_value(tmp_path):
    suppressed = pd.DataFrame([{"indicator": "x", "area": "01099001", "year": 2024, "value": 0.2381,
                                "numerator": 2, "denominator": 840, "reason": "primär"}])
    (tmp_path / "ok.json").write_text('{"v": 0.238, "w": 10.2381, "text": "1.199 Personen"}', encoding="utf-8")
    (tmp_path / "lib.js").write_text("var c = 0.2381;", encoding="utf-8")  # scripts hold no report figures
    assert leaks.scan(tmp_path, suppressed) == []
    (tmp_path / "data").mkdir()
    (tmp_path / "data/bad.csv").write_text("area,value\n01099001,0.2381\n", encoding="utf-8")
    found = leaks.scan(tmp_path, suppressed)
    assert [str(f) for f in found] == ["data/bad.csv: geheimer Wert 0.2381 (x 01099001 2024) steht in der Ausgabe"]


def test_packed_scan_finds_a_planted_value_in_parquet_and_zip(tmp_path):
    import zipfile

    from fokus_pi import packedscan

    suppressed = pd.DataFrame([{"indicator": "x", "area": "01099001", "year": 2024, "value": 0.23809523809523808,
                                "numerator": 2, "denominator": 840, "reason": "primär"}])
    table = pd.DataFrame({"gebiet": ["01099001", "01099002"], "wert": [0.2, 12.5], "nenner": [840, 500]})
    table.to_parquet(tmp_path / "ok.parquet", index=False)
    with zipfile.ZipFile(tmp_path / "ok.zip", "w") as zf:
        zf.writestr("werte.csv", "gebiet,wert\n01099001,0.2\n")
    assert packedscan.scan(tmp_path, suppressed) == []
    table.assign(wert=[0.23809523809523808, 12.5]).to_parquet(tmp_path / "bad.parquet", index=False)
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as zf:
        zf.writestr("werte.csv", "gebiet,wert\n01099001,0.2381\n")  # rounded to four places: still the figure
    found = sorted(str(f) for f in packedscan.scan(tmp_path, suppressed))
    assert found == ["bad.parquet: geheimer Wert 0.23809523809523808 (x 01099001 2024) steht in der Ausgabe",
                     "bad.zip:werte.csv: geheimer Wert 0.2381 (x 01099001 2024) steht in der Ausgabe"]


def test_the_site_scan_on_two_cores_finds_what_the_scans_find_in_one_process(tmp_path, monkeypatch):
    """publish.scan_leaks shares the files out over worker processes: the same leaks, in the same order."""
    import zipfile

    from fokus_pi import packedscan, publish, workers
    from fokus_pi.publish import scan_leaks

    monkeypatch.setenv("FOKUS_WORKERS", "2")
    monkeypatch.setattr(publish, "SCAN_ALONE", 0)  # every site counts as large
    suppressed = pd.DataFrame([{"indicator": "x", "area": f"0109900{i}", "year": 2024, "value": v, "numerator": 2,
                                "denominator": 840, "reason": "primär"} for i, v in enumerate([0.2381, 1.23456])])
    for i in range(60):
        folder = tmp_path / f"teil{i % 7}"
        folder.mkdir(exist_ok=True)
        planted = ["0.2381", "1.23456", "1.2345", "7"][i % 4]
        (folder / f"seite{i}.html").write_text(f"<td>{planted}</td><td>1.23456</td>" * (i % 3), encoding="utf-8")
        if i % 9 == 0:
            with zipfile.ZipFile(folder / f"paket{i}.zip", "w") as zf:
                zf.writestr("b.csv", f"wert\n{planted}\n")
                zf.writestr("a.csv", "wert\n0.2381\n")
    expected = leaks.scan(tmp_path, suppressed) + packedscan.scan(tmp_path, suppressed)
    assert len(expected) > 40 and any(":a.csv" in str(f) for f in expected)
    assert scan_leaks(tmp_path, suppressed) == expected
    asked, real = [], workers.affordable  # its workers read files, not the report: counted as a share of a copy
    monkeypatch.setattr(workers, "affordable", lambda wanted, share=1.0: asked.append(share) or real(wanted, share))
    assert scan_leaks(tmp_path, suppressed) == expected and asked == [workers.LIGHT]

    def refused(*args, **kwargs):
        raise OSError(12, "Cannot allocate memory")
        yield  # a generator, as workers.run is

    monkeypatch.setattr(workers, "run", refused)  # no workers at all: the scans run here
    assert scan_leaks(tmp_path, suppressed) == expected
    monkeypatch.setattr(publish, "SCAN_ALONE", 200 << 20)  # a small site: no workers asked for
    monkeypatch.setattr(workers, "run", None)
    assert scan_leaks(tmp_path, suppressed) == expected


def test_demo_site_has_no_leak_and_shows_points(demo_site, demo_report):
    assert leaks.scan(demo_site, demo_report.suppressed) == []
    # a suppressed cell of the newest year appears as "." in the Gemeinde's table row
    from bs4 import BeautifulSoup

    cell = demo_report.suppressed[(demo_report.suppressed["year"] == 2025)
                                  & demo_report.suppressed["area"].str.len().eq(8)].iloc[0]
    g = demo_report.gemeinde(cell["area"])
    page = BeautifulSoup((demo_site / "gemeinden" / g.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    target = f"kennzahlen/{cell['indicator']}/"
    row = next(tr for tr in page.find_all("tr") if tr.find("a", href=lambda h: h and target in h))
    assert row.find_all("td")[2].get_text(strip=True) == "."


def test_fast_number_search_finds_what_the_reference_pattern_finds():
    """The leak scan's hand-written search must agree with its defining regular expression on any text."""
    import random

    from fokus_pi.leaks import NUMBER, find_numbers

    rng = random.Random(7)
    alphabet = "0123456789.-,e x\\n٣"
    texts = ["1.2345.6789", "-1.23456", "5-1.23456", ".-1.23456", "x.12345", "12.3456789 -0.00012", "١٢.٣٤٥٦٧"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(20000)]
    for text in texts:
        assert find_numbers(text) == NUMBER.findall(text), text


def test_secondary_cells_are_worked_out_again_only_for_an_indicator_whose_rows_changed(tiny_copy, tmp_path,
                                                                                         monkeypatch):
    from fokus_pi import cache, disclosure

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    edit(tiny_copy, "sgb-ii-quote,01099001,2024,6.25,50,800,", "sgb-ii-quote,01099001,2024,0.25,2,800,")
    edit(tiny_copy, "sgb-ii-quote,01099,2024,10.3333,1860,18000,", "sgb-ii-quote,01099,2024,10.0667,1812,18000,")
    worked: list[str] = []
    secondary = disclosure._secondary

    def noting(cells, *args):
        worked.append(cells[0][0] if cells else "")
        return secondary(cells, *args)

    monkeypatch.setattr(disclosure, "_secondary", noting)
    first = load_report(tiny_copy)
    assert len(worked) == 3  # the protected indicators: einwohner, sgb-ii-quote, geburtenrate
    worked.clear()
    again = load_report(tiny_copy)
    assert worked == [] and again.suppressed.equals(first.suppressed) and again.facts.equals(first.facts)
    edit(tiny_copy, "geburtenrate,01099003,2024,50,200,4000,", "geburtenrate,01099003,2024,50.25,201,4000,")
    changed = load_report(tiny_copy)
    assert len(worked) == 1
    assert hidden(changed, "sgb-ii-quote", "01099002", 2024)  # the secondary cell of the unchanged indicator
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    plain = load_report(tiny_copy)
    assert changed.suppressed.equals(plain.suppressed) and changed.facts.equals(plain.facts)
