"""Files as planners really deliver them (Excel exports, old encodings): a correct parse or a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from fokus_pi.problems import DataError
from fokus_pi.report import load_report

VALUES = "snapshots/2025-06-30/values.csv"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_report(data)
    return [str(p) for p in info.value.problems]


def german_excel(text: str) -> str:
    """The tiny values as German Excel writes them: `;`, decimal comma, thousands point."""
    out = []
    for line in text.splitlines():
        cells = line.split(",")
        for i in (3, 4, 5):
            if i < len(cells) and cells[i].replace(".", "").isdigit():
                number = float(cells[i])
                decimals = len(cells[i].split(".")[1]) if "." in cells[i] else 0
                cells[i] = f"{number:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
        out.append(";".join(cells))
    return "\r\n".join(out) + "\r\n"


def test_semicolon_decimal_comma_thousands_point_and_crlf_detected(tiny_copy):
    path = tiny_copy / VALUES
    path.write_text(german_excel(path.read_text(encoding="utf-8")), encoding="utf-8", newline="")
    assert "83.200.000" in path.read_text(encoding="utf-8") and "10,7143" in path.read_text(encoding="utf-8")
    report = load_report(tiny_copy)
    assert report.row("einwohner", "DG", 2024)["value"] == 83_200_000
    assert report.row("sgb-ii-quote", "01099003", 2024)["value"] == 10.7143


def test_declared_format_and_cp1252(tiny_copy):
    path = tiny_copy / VALUES
    text = german_excel(path.read_text(encoding="utf-8")).replace("\r\n", "\n")
    path.write_bytes(text.replace("geheim", "geheim").encode("cp1252"))
    meta = tiny_copy / "snapshots/2025-06-30/snapshot.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + 'format: {delimiter: ";", decimal: ",", encoding: cp1252}\n',
                    encoding="utf-8")
    assert load_report(tiny_copy).row("einkommen", "01099", 2024)["value"] == pytest.approx(40740.7407)


def test_ambiguous_point_in_a_decimal_comma_file(tiny_copy):
    path = tiny_copy / VALUES
    text = german_excel(path.read_text(encoding="utf-8")) + "sgb-ii-quote;01099001;2021;12.5;;;\r\n"
    path.write_text(text, encoding="utf-8", newline="")
    line = text.count("\r\n")
    assert problems(tiny_copy) == [f"data/{VALUES}:{line}:28: Wert „12.5“ ist keine Zahl (Dezimalkomma, Punkt nur als Tausendertrennzeichen)"]


def test_utf8_bom_is_read(tiny_copy):
    path = tiny_copy / VALUES
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_report(tiny_copy).row("einwohner", "01099001", 2024)["value"] == 1020


def test_cp1252_register_is_refused_not_garbled(tiny_copy):
    path = tiny_copy / "areas/planungsraeume.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))  # "Süd" on line 3, ü at column 7
    found = problems(tiny_copy)
    assert found == [("data/areas/planungsraeume.csv:3:7: Datei ist nicht UTF-8-kodiert (als „CSV UTF-8“ speichern "
                        "oder die Kodierung in snapshot.yml unter format.encoding angeben)")]


@pytest.mark.parametrize("text", ["01.05.2024", "5. Mai", "Mai-24", "2024-05-01"])
def test_excel_dates_are_named_as_such(tiny_copy, text):
    path = tiny_copy / VALUES
    path.write_text(path.read_text(encoding="utf-8") + f"einwohner,01099001,2021,{text},,,\n", encoding="utf-8")
    assert problems(tiny_copy) == [f"data/{VALUES}:58:25: Wert „{text}“ sieht wie ein Datum aus – hat Excel eine Zahl umgewandelt?"]


def test_empty_and_header_only(tiny_copy):
    path = tiny_copy / VALUES
    path.write_text("", encoding="utf-8")
    assert problems(tiny_copy) == [f"data/{VALUES}:1:1: Datei ist leer"]
    path.write_text("indicator,area,year,value,numerator,denominator,flag\n", encoding="utf-8")
    assert problems(tiny_copy) == [f"data/{VALUES}:2:1: Datei enthält nur die Kopfzeile, keine Daten"]


def test_renamed_and_extra_columns(tiny_copy):
    path = tiny_copy / VALUES
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = "indicator,area,year,wert,numerator,denominator,flag"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(tiny_copy)[0].startswith(f"data/{VALUES}:1:1: Spalte „value“ fehlt")
    assert "heißt sie „wert“?" in problems(tiny_copy)[0]
    lines[0] = "indicator,area,year,value,numerator,denominator,flag,bemerkung"
    path.write_text("\n".join(line + ("," if i else "") for i, line in enumerate(lines)) + "\n", encoding="utf-8")
    assert problems(tiny_copy) == [f"data/{VALUES}:1:54: unbekannte Spalte „bemerkung“ (erlaubt: area, denominator, flag, indicator, numerator, value, year)"]


def test_crlf_positions(tiny_copy):
    path = tiny_copy / VALUES
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n") + "einwohner,01099001,2021,zehn,,,\r\n"
    path.write_text(text, encoding="utf-8", newline="")
    assert problems(tiny_copy) == [f"data/{VALUES}:58:25: Wert „zehn“ ist keine Zahl (Dezimalpunkt)"]
