"""The packed leak scan reads zips and Parquet files in pieces and finds exactly what a scan of the whole finds."""

import random
import zipfile

import pandas as pd
import pytest

from fokus_pi import leaks, packedscan


def _numbers_text(rng: random.Random, lines: int) -> str:
    cells = ["-0.2381", "12.34567", "1.199", "7", "0.5", "Ölmühle", "–", "1.2345.6789", "-3.14159265", ".12345",
             "2024-06-30 12:00:00.123456", "x-1.00001", "1e-05", "10.0000"]
    cells += [f"{rng.uniform(-100, 100):.{rng.randint(1, 9)}f}" for _ in range(2000)]
    rows = [",".join(rng.choice(cells) + rng.choice(["", "1", "99"]) for _ in range(rng.randint(1, 8)))
            for _ in range(lines)]
    return "".join(row + rng.choice(["\n", "\r\n"]) for row in rows)


def test_zip_member_in_pieces_has_the_numbers_of_the_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(packedscan, "CHARACTERS", 4096)  # many pieces, breaks at every kind of place
    data = _numbers_text(random.Random(3), 20000).encode("utf-8") + b"\xff\xfe 0.98765\n"  # and bytes not UTF-8
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("werte.csv", data)
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        pieces = list(packedscan.member_pieces(zf, "werte.csv"))
    whole = sorted(set(leaks.find_numbers(data.decode("utf-8", "replace"))))
    assert len(pieces) > 50 and len(whole) > 100 and "0.98765" in whole and "-0.2381" in whole
    assert packedscan._found(pieces) == whole


def test_parquet_in_batches_has_the_numbers_of_all_its_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(packedscan, "ROWS", 100)
    rng = random.Random(5)
    frame = pd.DataFrame({"gebiet": [f"0105{rng.randint(0, 9999):04d}" for _ in range(1000)],
                          "wert": [rng.choice([rng.random() * 100, -rng.random(), 2.5, float("nan")])
                                   for _ in range(1000)],
                          "jahr": [rng.randint(2015, 2025) for _ in range(1000)],
                          "text": [rng.choice(["a", "0.123456 Personen", None]) for _ in range(1000)]})
    frame.to_parquet(tmp_path / "t.parquet", index=False)
    pieces = list(packedscan.cell_pieces(tmp_path / "t.parquet"))
    every_cell = "\n".join(",".join(map(str, frame[c].tolist())) for c in frame.columns)
    whole = sorted(set(leaks.find_numbers(every_cell)))
    assert len(pieces) == 40 and len(whole) > 400 and "0.123456" in whole
    assert packedscan._found(pieces) == whole


@pytest.mark.parametrize("suffix", [".zip", ".parquet"])
def test_numbers_are_cached_by_the_files_bytes(tmp_path, monkeypatch, suffix):
    monkeypatch.setenv("FOKUS_CACHE", str(tmp_path / "cache"))
    path = tmp_path / f"t{suffix}"

    def write(value: float) -> None:
        if suffix == ".zip":
            with zipfile.ZipFile(path, "w") as zf:
                zf.writestr("w.csv", f"wert\n{value!r}\n")
        else:
            pd.DataFrame({"wert": [value]}).to_parquet(path, index=False)

    write(0.12345)
    key = "w.csv" if suffix == ".zip" else ""
    assert packedscan.numbers_in(path) == {key: ["0.12345"]}
    calls = []
    monkeypatch.setattr(packedscan, "_numbers", lambda p: calls.append(p) or {})
    assert packedscan.numbers_in(path) == {key: ["0.12345"]} and calls == []  # from the cache
    write(0.54321)
    assert packedscan.numbers_in(path) == {} and calls == [path]  # other bytes: read again
