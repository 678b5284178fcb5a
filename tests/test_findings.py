"""Auffälligkeiten: correlations, robust z-scores and distances to the Kreis, on constructed data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from fokus_pi import findings
from fokus_pi.catalogue import Indicator


def indicator(id_: str, field: str, kind: str = "share") -> Indicator:
    return Indicator(id_, id_, id_, "%", field, "", "", kind, "neutral", 1)


def facts(columns: dict[str, list[float]], kreis: float = 10.0, change: dict | None = None) -> pd.DataFrame:
    rows = []
    for ind, values in columns.items():
        for i, v in enumerate(values):
            rows.append({"indicator": ind, "area": f"g{i:02d}", "year": 2025, "value": v, "kreis": kreis,
                         "change": (change or {}).get(ind, [0.0] * len(values))[i], "change_pct": np.nan})
    return pd.DataFrame(rows)


def test_robust_z_by_hand():
    # median 3, absolute deviations 2,1,0,1,97 -> MAD 1; z(100) = 0.6745 * 97
    z = findings.robust_z(np.array([1.0, 2, 3, 4, 100]))
    assert z[-1] == pytest.approx(0.6745 * 97)
    assert z[2] == 0
    assert np.isnan(findings.robust_z(np.array([5.0, 5, 5, 5]))).all()  # no spread, no verdict


def test_correlations_threshold_n_and_fields():
    n = 25
    x = list(range(n))
    data = facts({"a": x, "b": [v ** 2 for v in x], "c": [(-1) ** v for v in x], "d": [2 * v for v in x]})
    inds = [indicator("a", "f1"), indicator("b", "f2"), indicator("c", "f3"), indicator("d", "f1")]
    settings = findings.Settings(min_correlation=0.7, min_n=20)
    found = findings.correlations(data, inds, [f"g{i:02d}" for i in range(n)], {i.id: 2025 for i in inds}, settings)
    pairs = {(c.a.id, c.b.id): c for c in found}
    assert set(pairs) == {("a", "b"), ("b", "d")}  # a–d share a field; c is unrelated
    ab = pairs[("a", "b")]
    assert ab.spearman == pytest.approx(1.0) and ab.n == n
    assert ab.pearson == pytest.approx(stats.pearsonr(x, [v ** 2 for v in x]).statistic)
    too_few = findings.Settings(min_correlation=0.7, min_n=26)
    assert findings.correlations(data, inds, [f"g{i:02d}" for i in range(n)], {i.id: 2025 for i in inds}, too_few) == []


def test_unusual_change_only_for_larger_gemeinden():
    change = [0.1, -0.1, 0.2, 0.0, 0.15, -0.05, 5.0, 4.0]
    data = facts({"a": [1.0] * 8}, change={"a": change})
    population = {f"g{i:02d}": 10000 for i in range(8)} | {"g07": 100}
    found = findings.unusual_changes(data, [indicator("a", "f")], population, {"a": 2025}, findings.Settings())
    assert [(o.ags, o.measure) for o in found] == [("g06", 5.0)]  # g07 is as unusual, but too small


def test_unusual_changes_are_judged_within_each_indicator():
    quiet = [0.1, -0.1, 0.2, 0.0, 0.15, -0.05, 0.1, 0.05]
    data = facts({"a": [1.0] * 8, "b": [100.0] * 8, "c": [2.0] * 8},
                 change={"a": [*quiet[:6], 5.0, 0.1], "b": [50.0] * 8, "c": quiet})
    data.loc[data["indicator"] == "b", "change_pct"] = [*quiet[:3], -9.0, *quiet[4:]]  # a count: judged in %
    data.loc[data["indicator"] == "c", "year"] = 2024  # not its latest year: left out
    population = {f"g{i:02d}": 10000 for i in range(8)}
    inds = [indicator("a", "f"), indicator("b", "f", kind="count"), indicator("c", "f")]
    found = findings.unusual_changes(data, inds, population, {"a": 2025, "b": 2025, "c": 2025}, findings.Settings())
    assert [(o.indicator.id, o.ags, o.measure) for o in found] == [("b", "g03", -9.0), ("a", "g06", 5.0)]
    assert found[1].score == pytest.approx(findings.robust_z(np.array([*quiet[:6], 5.0, 0.1]))[6])
    assert abs(found[0].score) > abs(found[1].score)  # the larger departure first


def test_far_from_kreis():
    data = facts({"a": [15.0, 16.0, 4.0, 10.0]}, kreis=10.0)
    population = {"g00": 10000, "g01": 10000, "g02": 10000, "g03": 10000}
    found = findings.far_from_kreis(data, [indicator("a", "f")], population, {"a": 2025}, findings.Settings())
    assert [(o.ags, round(o.score, 2)) for o in found] == [("g01", 0.6), ("g02", -0.6), ("g00", 0.5)]
    counted = findings.far_from_kreis(data, [indicator("a", "f", kind="count")], population, {"a": 2025},
                                      findings.Settings())
    assert counted == []  # a count measures size, not a rate: never compared with the Kreis


def test_demo_page_lists_and_links(demo_report):
    from fokus_pi.pages import findings as page

    result = page.analyse(demo_report)
    assert result["correlations"] and all(c.a.field != c.b.field for c in result["correlations"])
    text = page.page(demo_report)
    first = result["correlations"][0]
    assert f"[{first.a.short_title}](../kennzahlen/{first.a.id}.md)" in text
    assert "Korrelation ist keine Kausalität" in text
