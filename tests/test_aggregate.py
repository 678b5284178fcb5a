"""Planning-area values: summed counts, ratios of summed numerators and denominators, never a mean of rates."""

from __future__ import annotations

import csv
import math
from collections import defaultdict

import pytest

from .conftest import DEMO


def value(report, ind, area, year):
    row = report.row(ind, area, year)
    return None if row is None else row["value"]


def test_counts_are_summed(tiny_report):
    assert value(tiny_report, "einwohner", "nord", 2024) == 1020 + 480


def test_shares_from_summed_numerators_and_denominators(tiny_report):
    # (50 + 10) / (800 + 400) * 100 = 5.0 -- the mean of the two rates (6.25, 2.5) would be 4.375
    assert value(tiny_report, "sgb-ii-quote", "nord", 2024) == pytest.approx(5.0)
    row = tiny_report.row("sgb-ii-quote", "nord", 2024)
    assert (row["numerator"], row["denominator"]) == (60, 1200)


def test_amounts_from_sums(tiny_report):
    # (23,000,000 + 8,200,000) / (500 + 200)
    assert value(tiny_report, "einkommen", "nord", 2023) == pytest.approx(31_200_000 / 700)


def test_a_secret_member_leaves_the_area_empty(tiny_report):
    row = tiny_report.row("sgb-ii-quote", "nord", 2023)  # Bedorf 2023 is `geheim`
    assert math.isnan(row["value"]) and row["flag"] == "unbekannt"


def test_planning_areas_ranked_among_themselves(tiny_report):
    assert tiny_report.row("sgb-ii-quote", "sued", 2024)["rank"] == 1
    assert tiny_report.row("sgb-ii-quote", "nord", 2024)["rank"] == 2
    assert tiny_report.row("sgb-ii-quote", "nord", 2024)["n_ranked"] == 2
    assert tiny_report.row("sgb-ii-quote", "01099003", 2024)["n_ranked"] == 3  # Gemeinden unchanged


def test_planning_page_shows_area_members_and_kreis(tiny_report):
    from fokus_pi.pages import plan_pages

    text = next(p.markdown for p in plan_pages(tiny_report) if p.uri == "planungsraeume/nord.md")
    assert "<tr><td><strong>Nord</strong></td><td>5,0</td><td>45.714</td>" in text
    assert '<tr><td><a href="../../gemeinden/adorf/">Adorf</a></td><td>6,3</td><td>48.000</td>' in text
    assert "<tr><td><strong>Kreis Musterland</strong></td><td>10,3</td><td>40.741</td>" in text


def test_demo_planning_areas_equal_ratio_of_sums(demo_report):
    """Recomputed from the raw CSV, independent of the package; rows delivered for an area are kept as delivered."""
    with open(DEMO / "areas/gemeinden.csv", encoding="utf-8") as fh:
        area_of = {r["ags"]: r["planning_area"] for r in csv.DictReader(fh)}
    snap = sorted((DEMO / "snapshots").iterdir())[-1]
    sums = defaultdict(lambda: [0.0, 0.0, 0, 0])
    delivered = {}
    with open(snap / "values.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["year"] != "2025":
                continue
            if r["area"] in set(area_of.values()) and r["value"]:
                delivered[(r["indicator"], r["area"])] = float(r["value"])
            if r["area"] in area_of:
                s = sums[(r["indicator"], area_of[r["area"]])]
                s[2] += 1
                if r["numerator"] and r["denominator"] and not r["flag"]:
                    s[0] += float(r["numerator"])
                    s[1] += float(r["denominator"])
                    s[3] += 1
    shares = [i for i in demo_report.catalogue.indicators if i.kind == "share"]
    computed = kept = 0
    for ind in shares:
        for area in demo_report.register.planning_areas:
            num, den, n, complete = sums[(ind.id, area.id)]
            if (ind.id, area.id) in delivered:
                assert value(demo_report, ind.id, area.id, 2025) == delivered[(ind.id, area.id)]
                kept += 1
            elif n and complete == n:
                got = value(demo_report, ind.id, area.id, 2025)
                if got != got:  # NaN: allowed only where disclosure control withheld the total itself
                    assert demo_report.row(ind.id, area.id, 2025)["flag"] == "geheim"
                    continue
                assert got == pytest.approx(100 * num / den, rel=1e-12)
                computed += 1
    assert computed >= 8 * 10 and kept >= 8 * 3
