"""One broken fixture per validation rule: each must be reported as path:line:column: message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fokus_pi.problems import DataError
from fokus_pi.report import load_report

VALUES = "snapshots/2025-06-30/values.csv"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_report(data)
    return [str(p) for p in info.value.problems]


def append_row(data: Path, line: str) -> int:
    """Append a row to the newest values.csv and return its line number."""
    path = data / VALUES
    text = path.read_text()
    path.write_text(text + line + "\n")
    return text.count("\n") + 1


def replace(data: Path, rel: str, old: str, new: str) -> int:
    """Replace text once and return the line number where it stood."""
    path = data / rel
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return text[: text.index(old)].count("\n") + 1


def test_clean_fixture_has_no_problem(tiny_copy):
    assert load_report(tiny_copy).snapshot.id == "2025-06-30"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("foo,01099001,2024,1,,,", 1, "unbekannte Kennzahl „foo“"),
        ("einwohner,01099009,2024,1,,,", 11, "unbekanntes Gebiet „01099009“"),
        ("einwohner,1099001,2024,1,,,", 11, "unbekanntes Gebiet „1099001“ (führende Null verloren?)"),
        ("einwohner,01099001,2031,1,,,", 20, "Jahr „2031“ außerhalb von 2000 bis 2025 (Stichtag)"),
        ("einwohner,01099001,1999,1,,,", 20, "Jahr „1999“ außerhalb"),
        ("einwohner,01099001,2021,\"1.020,5\",,,", 25, "Wert „1.020,5“ ist keine Zahl"),
        ("einwohner,01099001,2021,,,,", 25, "Wert fehlt (leer ohne Kennzeichen)"),
        ("einwohner,01099001,2021,-5,,,", 25, "negative Anzahl -5 bei einwohner"),
        ("einwohner,01099001,2021,10.5,,,", 25, "Anzahl 10.5 bei einwohner ist keine ganze Zahl"),
        ("sgb-ii-quote,01099001,2021,120,,,", 28, "Anteil 120 % bei sgb-ii-quote liegt nicht zwischen 0 und 100"),
        ("sgb-ii-quote,01099001,2021,50,900,800,", 31, "Zähler 900 ist größer als Nenner 800"),
        ("sgb-ii-quote,01099001,2021,7,50,800,", 28, "Wert 7 passt nicht zu Zähler/Nenner (ergibt 6.250)"),
        ("sgb-ii-quote,01099001,2021,5,abc,800,", 30, "Zähler „abc“ ist keine Zahl"),
        ("sgb-ii-quote,01099001,2021,,,,streng", 31, "unbekanntes Kennzeichen „streng“"),
        ("sgb-ii-quote,01099001,2021,5,,,geheim", 28, "bei Kennzeichen „geheim“ muss der Wert leer sein"),
    ],
)
def test_value_rules(tiny_copy, row, column, message):
    line = append_row(tiny_copy, row)
    found = problems(tiny_copy)
    assert any(p.startswith(f"data/{VALUES}:{line}:{column}: {message}") for p in found), found


def test_duplicate_row_names_the_first(tiny_copy):
    line = append_row(tiny_copy, "einwohner,01099001,2024,1020,,,")
    assert f"data/{VALUES}:{line}:1: doppelte Zeile für einwohner, 01099001, 2024 (zuerst in Zeile 4)" in problems(tiny_copy)


def test_all_problems_reported_in_one_run(tiny_copy):
    append_row(tiny_copy, "foo,01099001,2024,1,,,")
    append_row(tiny_copy, "einwohner,1099001,2024,1,,,")
    replace(tiny_copy, "indicators.yml", "    source: Statistikamt Nord\n", "")
    assert len(problems(tiny_copy)) == 3


def test_official_symbol_in_value_column_becomes_a_flag(tiny_copy):
    append_row(tiny_copy, "einwohner,01099001,2021,.,,,")
    assert load_report(tiny_copy).row("einwohner", "01099001", 2021)["flag"] == "geheim"


def test_missing_required_metadata_at_the_entry(tiny_copy):
    line = replace(tiny_copy, "indicators.yml", "    source: Statistikamt Nord\n", "")
    # the first indicator's mapping starts on the line of `- id: einwohner`
    start = (tiny_copy / "indicators.yml").read_text().splitlines().index("  - id: einwohner") + 1
    assert f"data/indicators.yml:{start}:5: Pflichtangabe „source“ fehlt" in problems(tiny_copy)
    assert line > start


def test_unknown_field_and_bad_enum_at_the_key(tiny_copy):
    line = replace(tiny_copy, "indicators.yml", "    field: armut\n    description: Anteil", "    field: reichtum\n    description: Anteil")
    line2 = replace(tiny_copy, "indicators.yml", "    kind: rate", "    kind: quote")
    found = problems(tiny_copy)
    assert f"data/indicators.yml:{line}:5: unbekanntes Handlungsfeld „reichtum“" in found
    assert any(p.startswith(f"data/indicators.yml:{line2}:5: ungültiger Wert „quote“") for p in found), found


def test_yaml_syntax_error_has_a_position(tiny_copy):
    replace(tiny_copy, "indicators.yml", "    unit: Personen", "    unit: [Personen")
    found = problems(tiny_copy)
    assert len(found) == 1 and found[0].startswith("data/indicators.yml:") and "YAML-Syntaxfehler" in found[0]


def test_snapshot_metadata_checked(tiny_copy):
    line = replace(tiny_copy, "snapshots/2025-06-30/snapshot.yml", "stichtag: 2025-06-30", "stichtag: 2025-07-01")
    assert f"data/snapshots/2025-06-30/snapshot.yml:{line}:1: Stichtag 2025-07-01 passt nicht zum Ordner 2025-06-30" in problems(tiny_copy)


def test_geometry_missing_for_a_gemeinde(tiny_copy):
    path = tiny_copy / "areas/gemeinden.geojson"
    geo = json.loads(path.read_text())
    geo["features"] = geo["features"][:2]
    path.write_text(json.dumps(geo))
    assert "data/areas/gemeinden.csv:4:1: Gemeinde 01099003 (Cestadt) hat keine Fläche in gemeinden.geojson" in problems(tiny_copy)


def test_geometry_for_an_unknown_gemeinde(tiny_copy):
    replace(tiny_copy, "areas/gemeinden.geojson", '"ags": "01099002"', '"ags": "01099022"')
    found = problems(tiny_copy)
    assert any(p.startswith("data/areas/gemeinden.geojson:3:") and "AGS „01099022“ steht nicht im Gemeinderegister" in p for p in found), found


def test_register_ags_lost_leading_zero(tiny_copy):
    line = replace(tiny_copy, "areas/gemeinden.csv", "01099002,Bedorf", "1099002,Bedorf")
    found = problems(tiny_copy)
    assert f"data/areas/gemeinden.csv:{line}:1: „1099002“ ist kein 8-stelliger Gemeindeschlüssel (AGS) (führende Null verloren?)" in found


def test_unknown_planning_area_in_register(tiny_copy):
    line = replace(tiny_copy, "areas/gemeinden.csv", "Amt Nordheide,nord,10.15", "Amt Nordheide,west,10.15")
    assert f"data/areas/gemeinden.csv:{line}:40: unbekannter Planungsraum „west“" in problems(tiny_copy)


def test_unknown_key_figure(tiny_copy):
    line = replace(tiny_copy, "report.yml", "key_figures: [einwohner, sgb-ii-quote]", "key_figures: [einwohner, armutsquote]")
    assert f"data/report.yml:{line}:26: Schlüsselkennzahl „armutsquote“ steht nicht in indicators.yml" in problems(tiny_copy)


def test_not_utf8(tiny_copy):
    path = tiny_copy / VALUES
    path.write_bytes(path.read_bytes() + "einwohner,01099001,2021,5,,,Größe\n".encode("cp1252"))
    found = problems(tiny_copy)
    assert any(p.startswith(f"data/{VALUES}:58:") and "nicht UTF-8" in p for p in found), found


def test_parquet_snapshot_is_accepted(tiny_copy):
    import pandas as pd

    folder = tiny_copy / "snapshots/2025-06-30"
    frame = pd.read_csv(folder / "values.csv", dtype=str, keep_default_na=False)
    frame.to_parquet(folder / "values.parquet")
    (folder / "values.csv").unlink()
    report = load_report(tiny_copy)
    assert report.row("sgb-ii-quote", "01099003", 2024)["value"] == 10.7143


MESSY_ROWS = [  # unusual but valid, and wrong in every way the rules know; each must be judged as row by row
    "einwohner,01099001,2021,1e3,,,", "einwohner,01099002,2021, 510 ,,,", "einwohner,01099003,2021,+2000,,,",
    "einwohner,01099001,2020,.,,,", "einwohner,01099002,2020,–,,,", "einwohner,01099003,2020,,,,folgt",
    "einwohner,01099001,2019,12.5,,,", "einwohner,01099002,2019,-3,,,", "einwohner,01099003,2019,1_000,,,",
    "sgb-ii-quote,01099001,2021,150,,,", "sgb-ii-quote,01099002,2021,10,5,4,", "sgb-ii-quote,01099003,2021,10,1,0,",
    "sgb-ii-quote,01099001,2020,10,1,20,", "sgb-ii-quote,01099002,2020,5,1,20,", "sgb-ii-quote,01099003,2020,5,-1,20,",
    "einwohner,01099001,2024,1020,,,", "einwohner,01099001,02023,1,,,", "einwohner,0109900,2021,1,,,",
    "gibtsnicht,01099001,2021,1,,,", "einwohner,01099001,1999,1,,,", "einwohner,01099002,2018,1,,,schlecht",
    "einwohner,01099003,2018,5,,,geheim", "einwohner,01099003,2017,,,,", "einwohner,01099003,2016,inf,,,",
    "einwohner,01099003,2015,1" + "0" * 400 + ",,,", "einwohner,01099003,2014,٣,,,",
    "einwohner, 01099002 ,2024,7,,,", "einwohner,01099003,٢٠٢٣,7,,,",  # repeat clean rows once stripped or read
]


def test_the_whole_table_screen_judges_as_the_row_checks_do(tiny_copy, monkeypatch):
    """load_values checks all rows at once and sends only doubtful ones through the row checks: with every row
    sent through them instead, the figures and the messages must be the same."""
    import fokus_pi.validate as validate

    for line in MESSY_ROWS:
        append_row(tiny_copy, line)
    values = tiny_copy / VALUES
    header, rest = values.read_text().split("\n", 1)  # a doubtful row before the clean row it repeats
    values.write_text(f"{header}\neinwohner,01099001 ,2022,1000,,,\n{rest}")
    screened = problems(tiny_copy)
    assert "data/snapshots/2025-06-30/values.csv:3:1: doppelte Zeile für einwohner, 01099001, 2022 (zuerst in Zeile 2)" in screened
    screen = validate._screen

    def nothing_clean(*args):
        clean, frame = screen(*args)
        return clean & False, frame

    monkeypatch.setattr(validate, "_screen", nothing_clean)
    assert problems(tiny_copy) == screened
    assert len(screened) == 22  # the rows above that break a rule (1e3, " 510 ", "+2000", symbols … pass)
    assert sum("doppelte Zeile" in p for p in screened) == 5
    assert any("Wert „1_000“ ist keine Zahl" in p for p in screened)
    assert any("Wert „٣“ ist keine Zahl" in p for p in screened)


def test_the_screen_keeps_every_figure_of_the_demo_data(demo_report, monkeypatch):
    import fokus_pi.validate as validate

    screen = validate._screen
    monkeypatch.setattr(validate, "_screen", lambda *args: (screen(*args)[0] & False, screen(*args)[1]))
    slow = load_report(Path(__file__).resolve().parents[1] / "data")
    import pandas as pd

    pd.testing.assert_frame_equal(slow.facts, demo_report.facts)


def test_the_screen_reads_numbers_as_pythons_float_does():
    """Rounding at the last bit: long mantissas, halfway cases, tiny and huge numbers."""
    import random

    import pandas as pd

    from fokus_pi.validate import floats

    rng = random.Random(7)
    texts = ["0.1", "-0", "-0.0", "9007199254740993", "0.30000000000000004", "1" + "0" * 308, "1" + "0" * 309,
             "0." + "0" * 320 + "1", "2.2250738585072011", "179769313486231580793728971405301"]
    for _ in range(20000):
        whole = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 20)))
        part = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 25)))
        texts.append(rng.choice(["", "-"]) + whole + (f".{part}" if part else ""))
    got = floats(pd.Series(texts, dtype="str"))
    want = [float(t) for t in texts]
    assert [x.hex() for x in got.tolist()] == [x.hex() for x in want]
