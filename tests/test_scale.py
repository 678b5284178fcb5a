"""Synthetic data at scale (fokus demo --scale): valid input, clearly labelled, the demo Gemeinden unchanged."""

from __future__ import annotations

import csv

from fokus_pi.demo.scale import scale
from fokus_pi.report import load_report

from .conftest import DEMO


def test_a_grown_copy_of_the_demo_is_valid_and_labelled(tmp_path):
    out = tmp_path / "data"
    scale(DEMO, out, 70)
    report = load_report(out)  # raises DataError on any problem: geometry, codes, values
    gemeinden = report.register.gemeinden
    assert len(gemeinden) == 70
    synthetic = [g for g in gemeinden if g.name.startswith("Synthetische Gemeinde")]
    assert len(synthetic) == 21 and all(g.ags.startswith("019") for g in synthetic)
    assert any(g.name == "Elmshorn" for g in gemeinden)  # texts and macros still find the demo Gemeinden
    assert "synthetisch" in report.register.kreis.name and "Maßstabstest" in report.register.title
    assert "Synthetischer Maßstabstest" in (out / "snapshots" / report.snapshot.id / "snapshot.yml").read_text("utf-8")
    # every copy repeats its template's rows: same number of values per Gemeinde
    with (out / "snapshots" / report.snapshot.id / "values.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    per_area = {}
    for row in rows:
        per_area[row["area"]] = per_area.get(row["area"], 0) + 1
    first, copy = gemeinden[0].ags, "01900000"
    assert per_area[copy] == per_area[first]
    assert "01056" not in per_area and "01" in per_area  # the Kreis rows moved to the new reporting code
