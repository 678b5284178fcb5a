"""Arrow's split of quote-free CSV files gives exactly what the csv module gives: cells, lines, texts, messages."""

import random

import pytest

from fokus_pi import csvsplit
from fokus_pi.problems import Collector
from fokus_pi.tables import Dialect, read_table, split_by_csv_module

# letters, digits, umlauts, both delimiters, and white space Python strips but Arrow may not (\xa0, \u3000, \x1f)
ALPHABET = ["a", "Z", "7", "0", "ö", "ß", ",", ";", " ", "\t", "\xa0", "\u3000", "\x1f", "-", ".", "_"]


def _text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.15:
            lines.append("")
        elif kind < 0.3:
            lines.append("".join(rng.choice([";", ",", " ", "\xa0", "\t", "\x1f"]) for _ in range(rng.randint(1, 4))))
        else:
            lines.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 14))))
    text = rng.choice(["\n", "\r\n"]).join(lines)
    return text + rng.choice(["", "\n", "\r\n"])


def _plain(cut: csvsplit.Split) -> tuple:
    return (cut.header, [list(map(str, c)) if isinstance(c, list) else c.to_pylist() for c in cut.columns],
            [int(n) for n in cut.lines], [cut.raw[i] for i in range(len(cut.raw))], cut.raw_header, cut.short_or_long)


def test_split_equals_the_csv_module_on_random_texts():
    rng = random.Random(20261202)
    compared = 0
    for _ in range(3000):
        text = _text(rng)
        if not text.strip() or not csvsplit.splittable(text):
            continue
        delimiter = rng.choice([",", ";"])
        assert _plain(csvsplit.split(text, delimiter)) == _plain(split_by_csv_module(text, delimiter)), repr(text)
        compared += 1
    assert compared > 2500


def test_a_known_text_cell_by_cell():
    text = "indicator;area;year;value\r\nkinderarmut;01056001;2024;12,5\r\n\r\n ; \r\nx;y\nz;01056002;2023;1;2\n"
    cut = csvsplit.split(text, ";")
    assert cut.header == ["indicator", "area", "year", "value"]
    assert [c.to_pylist() for c in cut.columns] == [["kinderarmut", "x", "z"], ["01056001", "y", "01056002"],
                                                    ["2024", "", "2023"], ["12,5", "", "1"]]
    assert cut.lines.tolist() == [2, 5, 6]
    assert cut.raw[1] == "x;y" and cut.raw[2] == "z;01056002;2023;1;2"
    assert cut.short_or_long == [(5, 2), (6, 5)]


@pytest.mark.parametrize("text", ['a,b\n"x",1\n', "a,b\rx,1\r", "a,b\nx\x0b,1\n", "a,b\nx\u2028,1\n", "a,b\nx\x85,1\n"])
def test_quotes_and_unusual_line_breaks_go_to_the_csv_module(text):
    assert not csvsplit.splittable(text)


def test_both_ways_give_the_same_problems(tmp_path):
    body = "indicator;area;year;value\nkinderarmut;01056001\n\nkinderarmut;01056001;2024;1;9\n"
    messages = []
    quoted = body.replace("kinderarmut;01056001\n", '"kinderarmut";01056001\n')
    for name, text in (("plain.csv", body), ("quoted.csv", quoted)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = Collector()
        table = read_table(path, ("indicator", "area", "year", "value"), out, dialect=Dialect(";", ","))
        messages.append([(p.line, p.column, p.message) for p in out.problems])
        assert table is not None and len(table) == 2
        assert table.get(0, "indicator") == "kinderarmut" and table.get(0, "year") == ""
        assert table.where(1, "value") == (4, 27)
    assert messages[0] == messages[1] == [(2, 1, "Zeile hat 2 Felder, die Kopfzeile 4"),
                                          (4, 1, "Zeile hat 5 Felder, die Kopfzeile 4")]
