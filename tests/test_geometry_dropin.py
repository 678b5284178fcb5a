"""Official boundaries drop in for the schematic demo shapes (tested when ../shared/reference exists)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fokus_pi.report import load_report

from .conftest import DEMO, REFERENCE


@pytest.mark.parametrize("name", ["pinneberg_gemeinden.geojson", "pinneberg_gemeinden_vg250ew_raw.geojson"])
def test_official_boundaries_work_as_a_drop_in(tmp_path: Path, name: str):
    source = REFERENCE / name
    if not source.exists():
        pytest.skip(f"{source} not present on this machine")
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    shutil.copy(source, data / "areas/gemeinden.geojson")
    report = load_report(data)
    features = report.register.geometry["features"]
    assert {f["properties"]["ags"] for f in features} == {g.ags for g in report.register.gemeinden}
    assert len(report.register.gemeinden) == 49


def test_demo_shapes_are_labelled_schematic():
    geo = json.loads((DEMO / "areas/gemeinden.geojson").read_text(encoding="utf-8"))
    assert "schematisch" in geo["name"].lower()
    assert all(f["properties"]["schematic"] is True for f in geo["features"])
