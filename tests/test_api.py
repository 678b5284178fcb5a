"""The static JSON API (api/v1/): every file follows its JSON Schema, names its snapshot and carries exactly the
published figures; the documentation page's example is a valid file too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fokus_pi import api
from fokus_pi.viz.classes import round_half_up

DOC = Path(__file__).resolve().parents[1] / "content" / "daten" / "api.md"


def validate_tree(root: Path) -> dict[str, int]:
    """Validate every JSON file below api/v1/ against its schema; returns how many files of each kind."""
    counts: dict[str, int] = {}
    for path in sorted(root.rglob("*.json")):
        rel = path.relative_to(root).as_posix()
        data = json.loads(path.read_text(encoding="utf-8"))
        name = api.schema_for(rel)
        if name is None:
            assert rel.startswith("schema/"), rel
            name = "schema"
        else:
            errors = sorted(api.validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
            assert not errors, f"{rel}: {errors[0].message} at {list(errors[0].absolute_path)}"
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_schemas_are_valid_draft_2020_12():
    import jsonschema

    for name in api.SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(json.loads(api._schema_text(name)))


def test_every_file_of_the_tiny_api_is_valid(tiny_report, tmp_path):
    for path, text in api.files(tiny_report).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    counts = validate_tree(tmp_path / api.ROOT)
    assert counts == {"api-index": 1, "api-kennzahlen": 1, "api-gebiete": 1, "api-kennzahl": 4, "api-gebiet": 8,
                      "schema": len(api.SCHEMAS)}


def test_tiny_api_holds_the_hand_checked_figures(tiny_report):
    files = {k: json.loads(v) for k, v in api.files(tiny_report).items()}
    quote = files["api/v1/kennzahlen/sgb-ii-quote.json"]
    cestadt = [w for w in quote["werte"] if w["gebiet"] == "01099003" and w["jahr"] == 2024]
    assert cestadt == [{"gebiet": "01099003", "jahr": 2024, "wert": 10.7, "zaehler": 1800, "nenner": 16800,
                        "kennzeichen": None}]
    adorf = [w for w in quote["werte"] if w["gebiet"] == "01099001" and w["jahr"] == 2023]
    assert adorf == [{"gebiet": "01099001", "jahr": 2023, "wert": None, "zaehler": None, "nenner": None,
                      "kennzeichen": "geheim"}]
    area = files["api/v1/gebiete/01099003.json"]
    assert area["gebiet"]["name"] == "Cestadt" and area["gebiet"]["planungsraum"] == "sued"
    assert {"kennzahl": "einwohner", "jahr": 2024, "wert": 21000, "zaehler": None, "nenner": None,
            "kennzeichen": None} in area["werte"]  # a count is an integer, as the page prints it
    assert all(f["datenstand"]["id"] == "2025-06-30" for k, f in files.items() if "/schema/" not in k)
    index = files["api/v1/index.json"]
    assert index["anzahl"] == {"kennzahlen": 4, "gebiete": 8, "werte": len(tiny_report.facts)}


def test_a_withheld_cell_with_a_figure_breaks_the_schema(tiny_report):
    data = json.loads(api.files(tiny_report)["api/v1/kennzahlen/sgb-ii-quote.json"])
    secret = next(w for w in data["werte"] if w["kennzeichen"] == "geheim")
    secret["wert"] = 3.1
    assert not api.validator("api-kennzahl").is_valid(data)


def test_the_documented_example_is_a_valid_file():
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Beispiel: eine Kennzahl", 1)[1]
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
    api.validator("api-kennzahl").validate(example)
    for link in re.findall(r"\]\(\.\./(api/v1/[^)]+)\)", text):
        assert link.endswith(".json")


@pytest.mark.integration
def test_every_file_of_the_demo_api_is_valid_and_names_its_snapshot(demo_site, demo_report):
    root = demo_site / api.ROOT
    counts = validate_tree(root)
    areas = len(demo_report.register.gemeinden) + len(demo_report.register.planning_areas) + 3
    assert counts == {"api-index": 1, "api-kennzahlen": 1, "api-gebiete": 1,
                      "api-kennzahl": len(demo_report.published()), "api-gebiet": areas, "schema": len(api.SCHEMAS)}
    snapshot = demo_report.snapshot.id
    for path in root.rglob("*.json"):
        if path.parent.name != "schema":
            assert json.loads(path.read_text(encoding="utf-8"))["datenstand"]["id"] == snapshot, path
    # documented links resolve in the built site
    for link in re.findall(r"\]\(\.\./(api/v1/[^)]+)\)", DOC.read_text(encoding="utf-8")):
        assert (demo_site / link).is_file(), link


@pytest.mark.integration
def test_demo_api_values_equal_the_model_and_hide_suppressed_cells(demo_site, demo_report):
    data = json.loads((demo_site / api.ROOT / "kennzahlen" / "sgb-ii-quote.json").read_text(encoding="utf-8"))
    by_key = {(w["gebiet"], w["jahr"]): w for w in data["werte"]}
    row = demo_report.row("sgb-ii-quote", "01056015", 2025)
    assert by_key[("01056015", 2025)]["wert"] == round_half_up(row["value"], 1)
    assert by_key[("01056015", 2025)]["zaehler"] == row["numerator"]
    for cell in demo_report.suppressed[demo_report.suppressed.indicator == "sgb-ii-quote"].itertuples():
        got = by_key[(cell.area, int(cell.year))]
        assert (got["wert"], got["zaehler"], got["nenner"]) == (None, None, None)


def test_a_file_is_the_json_text_of_its_records():
    """Files are joined from each record's text: byte for byte what json.dumps writes for the whole."""
    import pandas as pd

    values = pd.DataFrame({
        "kennzahl": pd.array(["a", "a", "b"], dtype="string"), "gebiet": ['0"1', "Ölde\\", "0\n1"],
        "jahr": [2024, 2025, 2025], "wert": [5.0, float("nan"), 0.1 + 0.2],
        "zaehler": pd.array([5, None, 3], dtype="Int64"), "nenner": pd.array([None, None, 10], dtype="Int64"),
        "kennzeichen": ["", "geheim", ""],
    })
    rows = api._Values(values, {"a": 0, "b": 2})
    head = {"datenstand": {"id": "x"}, "gebiet": {"name": "Tür „zu“"}}
    expected = [{"gebiet": '0"1', "jahr": 2024, "wert": 5, "zaehler": 5, "nenner": None, "kennzeichen": None},
                {"gebiet": "Ölde\\", "jahr": 2025, "wert": None, "zaehler": None, "nenner": None,
                 "kennzeichen": "geheim"}]
    text = rows.file(head, "kennzahl", "a", "gebiet")
    assert text == json.dumps({**head, "werte": expected}, ensure_ascii=False, separators=(",", ":")) + "\n"
    other = json.loads(rows.file(head, "gebiet", "0\n1", "kennzahl"))["werte"]
    assert other == [{"kennzahl": "b", "jahr": 2025, "wert": 0.30000000000000004, "zaehler": 3, "nenner": 10,
                      "kennzeichen": None}]
    assert json.loads(rows.file(head, "gebiet", "nowhere", "kennzahl"))["werte"] == []


def test_a_few_missing_files_write_only_their_own_records_with_the_same_bytes(tiny_report, monkeypatch):
    """After a data commit only the changed indicator's and area's files are made again: their records are
    written for their rows alone (every row's held 550 MB of a Land's rebuild), past a tenth of the table for
    all rows at once; either way each file is the same text."""
    from fokus_pi import cache, opendata

    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setattr(api, "ALONE", 0.25)  # the tiny table's smallest file has an eighth of its rows
    values = opendata.table(tiny_report)
    decimals = {i.id: i.decimals for i in tiny_report.catalogue.indicators}
    in_one = api._columns(values, decimals)
    monkeypatch.setattr(api, "CHUNK", 7)  # converted a few rows at a time, the same texts
    assert api._columns(values, decimals) == in_one and len(in_one["rest"]) == len(values)
    few, whole = api._Values(values, decimals), api._Values(values, decimals)
    assert len(whole.columns["rest"]) == len(values)  # every row's cells first, as a cold build comes to
    head = {"datenstand": {"id": "x"}}
    smallest = min(few.groups["gebiet"], key=lambda k: len(few.groups["gebiet"][k][0]))
    assert len(few.groups["gebiet"][smallest][0]) <= len(values) * api.ALONE
    assert few.file(head, "gebiet", smallest, "kennzahl") == whole.file(head, "gebiet", smallest, "kennzahl")
    assert "columns" not in few.__dict__  # its rows alone
    for by, shown in (("kennzahl", "gebiet"), ("gebiet", "kennzahl")):
        for key in few.groups[by]:
            assert few.file(head, by, key, shown) == whole.file(head, by, key, shown), (by, key)
    assert "columns" in few.__dict__  # past a tenth: every row's at once
