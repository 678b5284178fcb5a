"""Release notes from snapshot differences, the Atom feed and the German search stems (no MkDocs needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pandas as pd

from fokus_pi.feed import ATOM, Entry, as_date, atom, plain
from fokus_pi.releases import compare, releases
from fokus_pi.searchstems import add_stems, stems
from fokus_pi.snapshots import Snapshot

A = f"{{{ATOM}}}"


def _snap(day: str) -> Snapshot:
    return Snapshot(Path(day), dt.date.fromisoformat(day), f"Bericht {day[:4]}", True, "", (), "")


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator", "area", "year", "value", "numerator", "denominator", "flag"])


def test_compare_counts_each_kind_of_change():
    old = _frame([("a", "x", 2023, 1.0, None, None, ""), ("a", "x", 2024, 2.0, None, None, ""),
                  ("a", "y", 2024, None, None, None, "folgt"), ("b", "x", 2024, 5.0, None, None, ""),
                  ("gone", "x", 2024, 1.0, None, None, "")])
    new = _frame([("a", "x", 2023, 1.0, None, None, ""), ("a", "x", 2024, 2.5, None, None, ""),
                  ("a", "y", 2024, 7.0, None, None, ""), ("a", "x", 2025, 3.0, None, None, ""),
                  ("b", "x", 2024, None, None, None, "geheim"), ("new", "x", 2025, 1.0, None, None, "")])
    rel = compare(old, new, _snap("2026-06-30"), _snap("2025-06-30"))
    assert rel.new_years == (2025,) and rel.new_year_values == 1
    assert rel.new_indicators == ("new",) and rel.dropped_indicators == ("gone",)
    assert rel.revised == {"a": (2024,)} and rel.revised_count == 1
    assert rel.delivered == {"a": (2024,)} and rel.delivered_count == 1
    assert rel.withdrawn_count == 1
    assert rel.summary() == "Neues Berichtsjahr 2025, 1 neue Kennzahl, 1 revidierter Wert in 1 Kennzahl, " \
                            "1 nachgelieferter Wert."
    first = compare(None, old, _snap("2025-06-30"), None)
    assert first.first and first.summary().startswith("Erste Ausgabe: 3 Kennzahlen mit 4 Werten")


def test_demo_releases_match_the_snapshot_notes(demo_report):
    newest, oldest = releases(demo_report)
    assert oldest.first and newest.previous == oldest.snapshot
    assert newest.new_years == (2025,)
    assert newest.new_indicators == ("fruehe-hilfen", "ladepunkte")
    assert set(newest.revised) == {"hilfen-zur-erziehung", "baufertigstellungen", "sgb-ii-quote"}
    assert {"pflegebeduerftige", "pflegequote-80-plus"} <= set(newest.delivered)


def _entries() -> list[Entry]:
    return [Entry("Newsletter 1/2025", "newsletter/2025/03/eins/", dt.date(2025, 3, 31), "Erster Beitrag",
                  "Newsletter"),
            Entry("Neue Daten: Bericht 2026", "neu/2026-06-30/", dt.date(2026, 6, 30), "Neues Jahr", "Neue Daten")]


def test_atom_feed_is_valid_and_newest_first():
    text = atom(_entries(), "Sozialbericht", "Neuigkeiten", "Kreis – Sozialplanung", "https://example.org/bericht/")
    root = ET.fromstring(text)
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{tag}") is not None
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://example.org/bericht/feed.xml"
    entries = root.findall(f"{A}entry")
    assert [e.find(f"{A}title").text for e in entries] == ["Neue Daten: Bericht 2026", "Newsletter 1/2025"]
    for e in entries:
        assert {c.tag for c in e} >= {f"{A}{t}" for t in ("id", "title", "updated", "link", "summary")}
    parsed = feedparser.parse(text)
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.entries[0].link == "https://example.org/bericht/neu/2026-06-30/"
    assert root.find(f"{A}updated").text == "2026-06-30T00:00:00Z"  # from the entries: the same every build


def test_feed_without_site_url_uses_relative_links():
    parsed = feedparser.parse(atom(_entries(), "S", "N", "K"))
    assert not parsed.bozo
    assert {e.id for e in parsed.entries} == {"urn:fokus-pi:newsletter/2025/03/eins", "urn:fokus-pi:neu/2026-06-30"}


def test_dates_and_summaries_from_pages():
    assert as_date({"created": dt.datetime(2025, 3, 31, 10)}) == dt.date(2025, 3, 31)
    assert as_date("2025-03-31") == dt.date(2025, 3, 31) and as_date(None) is None
    assert plain("<h1>T</h1><p>Ein <a href='#'>Satz</a>.</p><p>Zwei</p>") == "Ein Satz."


def test_search_stems_find_inflected_and_umlaut_forms():
    words = stems("<p>Ärzte und Mütter &amp; Kindern, 2024</p>").split()
    assert {"arzt", "arzte", "mutt", "mutter", "kind"} <= set(words)
    assert "2024" not in words and "und" not in words  # only words that differ from the text are added
    index = add_stems({"config": {"fields": {}}, "docs": [{"location": "", "title": "Häuser", "text": ""}]})
    assert index["config"]["fields"]["stems"] == {"boost": 1.0} and index["docs"][0]["stems"] == "haus hauser"


def test_the_c_stemmer_is_used_and_stems_as_snowballs_python_algorithm():
    """PyStemmer (a dependency) makes the search stems; its German stemmer gives the stems of snowballstemmer's
    own Python algorithm for the words of the hand-written pages and of the demo's indicator titles."""
    from snowballstemmer.german_stemmer import GermanStemmer

    from fokus_pi import searchstems

    assert searchstems._ALGORITHMS[0] == "PyStemmer" and type(searchstems._STEMMER).__module__ == "Stemmer"
    root = Path(__file__).resolve().parents[1]
    text = " ".join(p.read_text(encoding="utf-8") for p in [*(root / "content").rglob("*.md"), root / "data" /
                                                             "indicators.yml"])
    words = sorted({w for w in searchstems.WORD.findall(text.lower())})
    assert len(words) > 2000
    python = GermanStemmer()
    assert [searchstems._STEMMER.stemWord(w) for w in words] == [python.stemWord(w) for w in words]


def test_a_data_commit_compares_only_the_changed_snapshot_again(tiny_copy, tmp_path, monkeypatch):
    from fokus_pi import cache
    from fokus_pi import releases as module
    from fokus_pi.report import load_report

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    compared: list[str] = []
    real = module.compare
    monkeypatch.setattr(module, "compare", lambda old, new, snap, prev: (compared.append(snap.id),
                                                                         real(old, new, snap, prev))[1])
    first = releases(load_report(tiny_copy))
    assert compared == ["2024-06-30", "2025-06-30"]
    compared.clear()
    assert releases(load_report(tiny_copy)) == first and compared == []  # both from the cache
    values = tiny_copy / "snapshots/2025-06-30/values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(
        "einwohner,01099003,2023,20500,", "einwohner,01099003,2023,20510,"), encoding="utf-8")  # a revision
    changed = releases(load_report(tiny_copy))
    assert compared == ["2025-06-30"]  # the older comparison did not change
    assert changed[0].revised_count == first[0].revised_count + 1 and changed[1] == first[1]
