"""Derived figures of the tiny dataset against values worked out by hand (see fixtures/tiny)."""

import math

import numpy as np
import pytest

from fokus_pi.derive import comparison_level, comparison_text


def row(report, ind, area, year):
    r = report.row(ind, area, year)
    assert r is not None, (ind, area, year)
    return r


def test_change_absolute_and_percent(tiny_report):
    # Cestadt SGB-II-Quote: 10.7143 (2024) - 10.3659 (2023) = 0.3484; 0.3484 / 10.3659 = 3.3610 %
    r = row(tiny_report, "sgb-ii-quote", "01099003", 2024)
    assert r["change"] == pytest.approx(0.3484)
    assert r["change_pct"] == pytest.approx(3.36102, rel=1e-5)


def test_no_change_after_a_secret_previous_year(tiny_report):
    r = row(tiny_report, "sgb-ii-quote", "01099002", 2024)  # 2023 is `geheim`
    assert math.isnan(r["change"]) and math.isnan(r["change_pct"])


def test_no_change_across_a_break(tiny_report):
    r = row(tiny_report, "einkommen", "01099001", 2024)  # break in 2024: 48000 vs 46000 not compared
    assert r["break"] and math.isnan(r["change"])


def test_rank_descending_among_gemeinden_with_values(tiny_report):
    ranks = {a: row(tiny_report, "sgb-ii-quote", a, 2024)["rank"] for a in ("01099001", "01099002", "01099003")}
    assert ranks == {"01099003": 1, "01099001": 2, "01099002": 3}
    assert math.isnan(row(tiny_report, "sgb-ii-quote", "01099", 2024)["rank"])  # the Kreis is not ranked


def test_ties_share_a_rank_and_flags_are_not_ranked(tiny_report):
    # Geburtenrate 2024: Adorf 50.0 and Cestadt 50.0 tie; Bedorf is `folgt`
    assert row(tiny_report, "geburtenrate", "01099001", 2024)["rank"] == 1
    assert row(tiny_report, "geburtenrate", "01099003", 2024)["rank"] == 1
    assert row(tiny_report, "geburtenrate", "01099003", 2024)["n_ranked"] == 2
    assert math.isnan(row(tiny_report, "geburtenrate", "01099002", 2024)["rank"])


def test_reference_values_joined(tiny_report):
    r = row(tiny_report, "sgb-ii-quote", "01099001", 2024)
    assert (r["kreis"], r["land"], r["bund"]) == (10.3333, 6.9, 7.2)


def test_comparison_wording(tiny_report):
    # 10.7143 / 10.3333 = +3.7 % -> about the Kreis value; 6.25 / 10.3333 = -39.5 % -> clearly below, better
    assert row(tiny_report, "sgb-ii-quote", "01099003", 2024)["comparison"] == "etwa auf dem Kreiswert"
    below = row(tiny_report, "sgb-ii-quote", "01099001", 2024)["comparison"]
    assert below == "deutlich unter dem Kreiswert (günstiger)"
    # 48000 / 40740.74 = +17.8 % -> slightly above, and higher income is better
    assert row(tiny_report, "einkommen", "01099001", 2024)["comparison"] == "leicht über dem Kreiswert (günstiger)"


def test_counts_are_not_compared_with_the_kreis_total(tiny_report):
    assert row(tiny_report, "einwohner", "01099001", 2024)["comparison"] == ""


@pytest.mark.parametrize(
    ("value", "ref", "level"),
    [(100, 100, 0), (104.9, 100, 0), (105, 100, 1), (119.9, 100, 1), (120, 100, 2), (95.1, 100, 0),
     (95, 100, -1), (80, 100, -2), (0, 0, 0), (-5, -10, 2)],
)
def test_comparison_thresholds(value, ref, level):
    assert comparison_level(np.array([value]), np.array([ref]))[0] == level


def test_comparison_text_by_direction():
    assert comparison_text(2, "higher_is_worse") == "deutlich über dem Kreiswert (ungünstiger)"
    assert comparison_text(-1, "higher_is_worse") == "leicht unter dem Kreiswert (günstiger)"
    assert comparison_text(1, "neutral") == "leicht über dem Kreiswert"
    assert comparison_text(float("nan"), "neutral") == ""


def test_older_snapshot_is_kept_and_newest_published(tiny_report):
    assert [s.id for s in tiny_report.snapshots] == ["2024-06-30", "2025-06-30"]
    assert tiny_report.snapshot.id == "2025-06-30"
    assert row(tiny_report, "sgb-ii-quote", "01099003", 2023)["value"] == 10.3659  # the revised value


def test_the_row_index_holds_each_row_once_with_shared_values(demo_report):
    """report.row reads a dict per row; the dicts hold one object per distinct value and share their keys."""
    import sys

    facts = demo_report.facts
    for cells in facts.sample(300, random_state=1).itertuples(index=False):
        row = demo_report.row(cells.indicator, cells.area, cells.year)
        assert repr(list(row.values())) == repr(list(cells))  # the same values, -0.0 and NaN included
        assert [type(v) for v in row.values()] == [type(v) for v in cells]
    a = demo_report.row("kinderarmut", "01056015", 2025)
    b = demo_report.row("kinderarmut", "01056002", 2025)
    assert a["kreis"] == b["kreis"] and a["kreis"] is b["kreis"]  # one object for the Kreis value of all rows
    assert a["indicator"] is b["indicator"]
    assert sys.getsizeof(a) < sys.getsizeof(dict(a))  # key-sharing: the keys are stored once


def test_equal_numbers_with_other_bits_stay_apart():
    import pandas as pd

    from fokus_pi.rowindex import _cells

    cells = _cells(pd.Series([0.0, -0.0, 0.0, float("nan"), 2.5, 2.5]))
    assert [math.copysign(1, v) for v in cells[:3]] == [1, -1, 1]
    assert cells[0] is cells[2] and cells[4] is cells[5] and math.isnan(cells[3])
    assert _cells(pd.Series([3, 3], dtype="int64")) == [3, 3]
    assert _cells(pd.Series([3, None], dtype="Int64")) == [3, pd.NA]  # pandas' own integers: cells as they are
    assert _cells(pd.Series(["a", None, "a"], dtype="string"))[::2] == ["a", "a"]


def test_rows_made_on_demand_equal_the_rows_made_all_at_once(tiny_report):
    from fokus_pi.rowindex import RowIndex

    facts = tiny_report.facts
    keys = list(zip(facts["indicator"], facts["area"], facts["year"]))
    lazy, eager = RowIndex(facts), RowIndex(facts)
    eager.make_all()
    first = lazy.get(keys[3])
    assert repr(list(first.values())) == repr(list(next(facts.iloc[3:4].itertuples(index=False))))
    assert lazy.get(keys[3]) is first  # made once
    lazy.make_all()  # the rest; the row made before stays the same object
    assert lazy.get(keys[3]) is first
    for key in keys:
        assert repr(lazy.get(key)) == repr(eager.get(key)), key
    assert lazy.get(("keine-kennzahl", "01099001", 2024)) is None
    assert len(keys) == len(set(keys)) > 50


def test_the_last_row_made_on_demand_releases_the_columns(tiny_report):
    from fokus_pi.rowindex import RowIndex

    facts = tiny_report.facts.head(3)
    index = RowIndex(facts)
    for indicator, area, year in zip(facts["indicator"], facts["area"], facts["year"]):
        assert index.get((indicator, area, year))["area"] == area
    assert index._columns == [] and index._waiting == {}
    assert index.get((facts["indicator"][0], facts["area"][0], facts["year"][0]))["year"] == facts["year"][0]
