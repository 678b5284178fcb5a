"""The demo data generator: reproducible output, the data contract and plausible content."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import shapely
import yaml
from shapely.geometry import Point, shape

from fokus_pi.demo import generate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REFERENCE = Path(__file__).resolve().parents[2] / "shared/reference/pinneberg_gemeinden.csv"
OLDER, NEWEST = "2025-06-30", "2026-06-30"
FIELD_IDS = [
    "demographie", "infrastruktur-sozialer-angebote", "mobilitaet", "gesundheitsversorgung-und-pflege",
    "wohnen", "zuwanderung-und-integration", "bildung", "inklusion", "arbeit", "armut",
    "soziales-leben-und-freizeit", "finanzen",
]
FLAGS = {"geheim", "unbekannt", "nichts", "nicht_sinnvoll", "folgt", "unsicher"}


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _values(snapshot: str) -> list[dict[str, str]]:
    return _csv(DATA / "snapshots" / snapshot / "values.csv")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("demo_a"), tmp_path_factory.mktemp("demo_b")
    generate(first)
    generate(second)
    return first, second


@pytest.fixture(scope="module")
def catalogue() -> dict:
    return yaml.safe_load((DATA / "indicators.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gemeinden() -> list[dict[str, str]]:
    return _csv(DATA / "areas" / "gemeinden.csv")


def test_two_runs_are_byte_identical(generated: tuple[Path, Path]) -> None:
    first, second = generated
    assert _files(first) == _files(second)
    # report, catalogue, 3 area files, 2 × 2 snapshot files, 2 funding files, 3 planning files, 2 spending files,
    # 2 Hilfeportal files (services.yml and services.csv)
    assert len(_files(first)) == 18
    for rel in _files(first):
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_committed_data_equals_generator_output(generated: tuple[Path, Path]) -> None:
    first, _ = generated
    for rel in _files(first):
        committed = DATA / rel
        assert committed.is_file(), f"{rel} missing: run python -m fokus_pi.demo --out data"
        assert committed.read_bytes() == (first / rel).read_bytes(), f"{rel} is stale: regenerate data/"


def test_gemeinden_ags_and_aemter(gemeinden: list[dict[str, str]]) -> None:
    assert len(gemeinden) == 49
    assert all(re.fullmatch(r"01056\d{3}", g["ags"]) for g in gemeinden)
    assert [g["ags"] for g in gemeinden] == sorted(g["ags"] for g in gemeinden)
    assert sum(1 for g in gemeinden if not g["amt"]) == 13
    aemter = Counter(g["amt"] for g in gemeinden if g["amt"])
    assert len(aemter) == 5 and sum(aemter.values()) == 36
    assert {g["bez"] for g in gemeinden} == {"Stadt", "Gemeinde"}


def test_planning_areas_cover_every_gemeinde(gemeinden: list[dict[str, str]]) -> None:
    areas = _csv(DATA / "areas" / "planungsraeume.csv")
    ids = {a["id"] for a in areas}
    assert len(areas) == 8 and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    assert {g["planning_area"] for g in gemeinden} == ids
    assert all("Demo-Zuschnitt" in a["description"] for a in areas)


def test_catalogue_fields_and_indicators(catalogue: dict) -> None:
    assert [f["id"] for f in catalogue["fields"]] == FIELD_IDS
    indicators = catalogue["indicators"]
    ids = [i["id"] for i in indicators]
    assert len(ids) == len(set(ids)) >= 75
    newest = {r["indicator"] for r in _values(NEWEST)}
    older = {r["indicator"] for r in _values(OLDER)}
    assert newest == set(ids) and len(newest) >= 73
    per_field = Counter(i["field"] for i in indicators if i["id"] in newest)
    assert set(per_field) == set(FIELD_IDS) and min(per_field.values()) >= 4
    new = newest - older
    assert len(new) == 2
    assert all(i["notes"] == "Neu ab dem Bericht 2026." for i in indicators if i["id"] in new)
    assert sum(1 for i in indicators if i.get("breaks")) >= 2
    for i in indicators:
        assert i["kind"] in {"count", "share", "rate", "amount", "index"}
        assert i["direction"] in {"higher_is_better", "higher_is_worse", "neutral"}
        if i["kind"] in ("share", "rate"):
            assert i["numerator"] and i["denominator"] and i["per"]
        if i["kind"] == "share":
            assert i["per"] == 100


def test_snapshot_metadata() -> None:
    for snapshot, year in ((OLDER, 2024), (NEWEST, 2025)):
        meta = yaml.safe_load((DATA / "snapshots" / snapshot / "snapshot.yml").read_text(encoding="utf-8"))
        assert meta["stichtag"] == dt.date.fromisoformat(snapshot)
        assert meta["demo"] is True and "Demo" in meta["description"] and meta["sources"]
        assert max(int(r["year"]) for r in _values(snapshot)) == year


def test_values_rows_are_complete_and_formatted(catalogue: dict, gemeinden: list[dict[str, str]]) -> None:
    kinds = {i["id"]: i["kind"] for i in catalogue["indicators"]}
    areas = {g["ags"] for g in gemeinden} | {"01056", "01", "DG"}
    rows = _values(NEWEST)
    cells: dict[str, set[tuple[str, str]]] = defaultdict(set)
    number = re.compile(r"-?\d+(\.\d{0,3}[1-9])?")
    flagged = Counter()
    for r in rows:
        cells[r["indicator"]].add((r["area"], r["year"]))
        if r["flag"]:
            assert r["flag"] in FLAGS and not r["value"] and not r["numerator"]
            flagged[r["flag"]] += 1
            continue
        assert number.fullmatch(r["value"]), r
        if kinds[r["indicator"]] == "count":
            assert "." not in r["value"] and not r["numerator"]
    years = {str(y) for y in range(2015, 2026)}
    planning = {g["planning_area"] for g in gemeinden}
    delivered_by_area = 0
    for ind, got in cells.items():
        by_area = {(a, y) for a in areas | planning for y in years}
        assert got in ({(a, y) for a in areas for y in years}, by_area), ind
        delivered_by_area += got == by_area
    # the Bundesagentur für Arbeit delivers planning areas where it keeps small Gemeinden secret
    assert delivered_by_area >= 4
    assert 0 < sum(flagged.values()) < 600


def test_kreis_share_is_ratio_of_sums() -> None:
    rows = [r for r in _values(NEWEST) if r["indicator"] == "betreuungsquote-u3" and r["year"] == "2024"]
    gemeinde_rows = [r for r in rows if len(r["area"]) == 8]
    assert len(gemeinde_rows) == 49 and not any(r["flag"] for r in gemeinde_rows)
    num = sum(int(r["numerator"]) for r in gemeinde_rows)
    den = sum(int(r["denominator"]) for r in gemeinde_rows)
    kreis = next(r for r in rows if r["area"] == "01056")
    assert (int(kreis["numerator"]), int(kreis["denominator"])) == (num, den)
    assert float(kreis["value"]) == round(100 * num / den, 4)


def test_einwohner_match_real_populations() -> None:
    with (ROOT / "src/fokus_pi/demo/facts.csv").open(encoding="utf-8") as handle:
        facts = {r["ags"]: r for r in csv.DictReader(handle)}
    rows = {(r["area"], r["year"]): r["value"] for r in _values(NEWEST) if r["indicator"] == "einwohner"}
    for ags, fact in facts.items():
        assert rows[(ags, "2019")] == fact["pop_2019"]
        assert rows[(ags, "2023")] == fact["pop_2023"]
    assert int(rows[("01056", "2023")]) == sum(int(f["pop_2023"]) for f in facts.values())


def _keyed(snapshot: str) -> dict[tuple[str, str, str], dict[str, str]]:
    return {(r["indicator"], r["area"], r["year"]): r for r in _values(snapshot)}


def test_revisions_between_snapshots() -> None:
    older, newest = _keyed(OLDER), _keyed(NEWEST)
    changed = {(key[0], key[2]) for key, row in older.items() if newest[key] != row}
    assert changed, "the newest snapshot should revise some values"
    assert {year for _, year in changed} <= {"2023", "2024"}
    assert len({ind for ind, _ in changed}) <= 5


def test_schematic_polygons(gemeinden: list[dict[str, str]]) -> None:
    collection = json.loads((DATA / "areas" / "gemeinden.geojson").read_text(encoding="utf-8"))
    assert "keine amtlichen Grenzen" in collection["name"]
    features = collection["features"]
    assert [f["properties"]["ags"] for f in features] == [g["ags"] for g in gemeinden]
    shapes = {}
    for feature, g in zip(features, gemeinden):
        assert feature["properties"]["schematic"] is True
        geom = shape(feature["geometry"])
        assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon")
        assert geom.contains(Point(float(g["lon"]), float(g["lat"]))), g["name"]
        shapes[g["ags"]] = geom
    keys = sorted(shapes)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            assert not shapely.relate_pattern(shapes[a], shapes[b], "2********"), (a, b)


def test_gemeinden_match_reference(gemeinden: list[dict[str, str]]) -> None:
    if not REFERENCE.is_file():
        pytest.skip("reference data not available")
    reference = {r["ags"]: r for r in _csv(REFERENCE)}
    assert set(reference) == {g["ags"] for g in gemeinden}
    for g in gemeinden:
        ref = reference[g["ags"]]
        assert (g["name"], g["bez"], g["amt"]) == (ref["name"], ref["bez"], ref["amt_name"])
