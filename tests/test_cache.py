"""The content-hash cache: same output with and without it, keys that follow the inputs, specs still valid."""

from __future__ import annotations

import hashlib
import json
import pickle
from types import SimpleNamespace

import numpy as np
import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import load_schema
from bs4 import BeautifulSoup

from fokus_pi import cache
from fokus_pi.minify import minify_html
from fokus_pi.pages import plan_pages
from fokus_pi.viz import charts, html

PAGE = """<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <title>Elmshorn &amp; Umgebung</title>
  </head>
  <body>
    <nav class="md-nav" data-md-level="1" hidden="">
      <a href="../x/"   class="md-nav__link">Kinderarmut</a>
    </nav>
    <pre><code>  eingerückt
      bleibt</code></pre>
    <textarea>  auch  hier  </textarea>
    <p>1.234,5 &ndash; <b>fett</b>   </p>
    SCRIPT
  </body>
</html>
"""
SCRIPT = """<script>var spec = {"a": "x  y", "b": [1, 2]};  if (a < b) { f(); }</script>"""
PAGE = PAGE.replace("SCRIPT", SCRIPT)


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _dom(html: str) -> list[tuple]:
    """Every element with its attributes and its own text, whitespace runs collapsed as a browser renders them
    (pre and textarea exact): what minifying must not change."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for el in soup.find_all(True):
        texts = [t if el.name in ("pre", "code", "textarea", "script") else " ".join(t.split())
                 for t in el.find_all(string=True, recursive=False)]
        out.append((el.name, sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in el.attrs.items()),
                    [t for t in texts if t]))
    return out


def test_minify_keeps_every_element_text_and_script_and_drops_the_indentation(store):
    small = minify_html(PAGE)
    assert len(small) < len(PAGE) * 0.85
    assert _dom(small) == _dom(PAGE)
    assert "  eingerückt\n      bleibt" in small and "<textarea>  auch  hier  </textarea>" in small
    assert SCRIPT in small  # byte for byte: the Content-Security-Policy hashes it afterwards
    assert "</p>" in small and "<head>" in small  # closing tags kept for parsers other than browsers
    assert "\n    <nav" not in small
    assert cache.count("html") == 1 and minify_html(PAGE) == small  # second time from the cache


def test_an_entry_is_made_once_and_keyed_by_its_inputs(store):
    calls = []

    def make(a, b):
        calls.append((a, b))
        return {"a": a, "list": [b, 2.5], "z": None}

    def through_cache(a, b):
        return cache.cached_json("t", cache.key(cache.code_version("cache.py"), a, b), lambda: make(a, b))

    first, again, other = through_cache(1, "x"), through_cache(1, "x"), through_cache(2, "x")
    assert first == again == {"a": 1, "list": ["x", 2.5], "z": None} and other["a"] == 2
    assert calls == [(1, "x"), (2, "x")]
    assert json.dumps(again) == json.dumps(first)  # key order kept: pages come out byte for byte the same
    assert cache.code_version("cache.py") != cache.code_version("cache.py", "dist:altair")


def test_many_entries_are_made_together_only_where_missing(store):
    asked: list[list[str]] = []

    def make(missing: list[str]) -> dict[str, str]:
        asked.append(missing)
        return {k: k.upper() for k in missing}

    assert cache.cached_pickles("t", {"b": "hb", "a": "ha"}, make) == {"b": "B", "a": "A"}
    cache.store("t", "ha", b"not a pickle")  # e.g. written by another pandas
    assert list(cache.cached_pickles("t", {"c": "hc", "b": "hb", "a": "ha"}, make).items()) == [
        ("c", "C"), ("b", "B"), ("a", "A")]  # in the order asked, wherever each came from
    assert asked == [["b", "a"], ["c", "a"]]  # once together, then only the new and the unreadable one
    assert cache.cached_pickles("t", {"a": "ha"}, make) == {"a": "A"} and len(asked) == 2



def test_a_pickled_entry_is_kept_and_a_large_one_goes_to_a_file_of_its_own(store, monkeypatch):
    """Entries live in one database; one larger than cachestore.SMALL is pickled on into a file of its own (a
    Land's report is 370 MB of pickle, never held as bytes) and read back from it. A value that does not pickle
    leaves neither an entry nor a half-written file, and is still raised."""
    from fokus_pi import cachestore

    monkeypatch.setattr(cachestore, "SMALL", 2_000)
    small = {"name": "Kölln-Reisiek"}
    large = {"rows": list(range(5_000)), "values": np.arange(20_000)}  # the array: a PickleBuffer, past a frame
    assert cache.cached_pickle("p", "small", lambda: small) == small
    assert cache.cached_pickle("p", "large", lambda: large) is large
    assert cache.cached_pickle("p", "small", lambda: {"made": "again"}) == small  # from the entries
    back = cache.cached_pickle("p", "large", lambda: {"made": "again"})
    assert back["rows"] == large["rows"] and back["values"].tolist() == list(range(20_000))
    assert [p.name for p in (store / "p").rglob("*") if p.is_file()] == ["large"]  # only the large one a file
    assert pickle.loads((store / "p" / "la" / "large").read_bytes())["rows"] == large["rows"]
    assert cache.count("p") == 2 and (store / cachestore.DATABASE).is_file()
    odd = lambda: None  # noqa: E731 - a lambda does not pickle
    for name, value in (("odd", [odd]), ("odd-large", [*range(5_000), odd])):  # fails before / after spilling
        with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
            cache.cached_pickle("p", name, lambda value=value: value)
    assert cache.count("p") == 2 and [p.name for p in (store / "p").rglob("*") if p.is_file()] == ["large"]


def test_a_long_text_enters_the_key_by_its_hash_and_still_decides_it():
    """Page-sized texts are hashed, not escaped into JSON: equal texts give equal keys, a text one character
    longer or changed at its end another, and a short text the same key as before."""
    page = "<p>Elmshorn: 1.234,5 €</p>\n" * 1_000
    assert len(page) >= cache.LONG
    assert cache.key("html", page) == cache.key("html", "".join(list(page)))
    assert len({cache.key("html", page), cache.key("html", page + " "), cache.key("html", page[:-1] + "X"),
                cache.key("html", page, "x"), cache.key("theme", page)}) == 5
    assert cache.key("a", "kurz") == hashlib.sha256('["a","kurz"]'.encode()).hexdigest()


def test_has_tells_whether_an_entry_is_stored_without_reading_it(store, monkeypatch):
    """``has`` answers for entries in the database and in files of their own; a large entry whose file is gone
    is not there (read would not find it either)."""
    from fokus_pi import cachestore

    monkeypatch.setattr(cachestore, "SMALL", 100)
    cache.store("h", "small", b"<p>Elmshorn</p>")
    cache.store("h", "large", b"x" * 1_000)
    reads = []
    monkeypatch.setattr(cachestore, "read", lambda *a: reads.append(a))
    assert [cache.has("h", d) for d in ("small", "large", "missing")] == [True, True, False]
    assert not cache.has("other", "small") and reads == []
    (store / "h" / "la" / "large").unlink()
    assert not cache.has("h", "large")


def test_a_database_of_the_first_layout_is_converted_with_its_entries(tmp_path, monkeypatch):
    """Caches restored in CI were written with the WITHOUT ROWID table: opened now, their entries are moved into
    the table with rowids, once, and the old table is gone."""
    import sqlite3

    from fokus_pi import cachestore

    old = sqlite3.connect(tmp_path / cachestore.DATABASE)
    old.execute("CREATE TABLE entries (namespace TEXT NOT NULL, digest TEXT NOT NULL, data BLOB, "
                "in_file INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (namespace, digest)) WITHOUT ROWID")
    old.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)",
                    [("html", "a1", b"<h1>Pinneberg</h1>", 0), ("report", "r1", None, 1)])
    old.commit()
    old.close()
    (tmp_path / "report" / "r1").mkdir(parents=True)
    (tmp_path / "report" / "r1" / "r1").write_bytes(b"pickle")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    assert cache.lookup("html", "a1") == b"<h1>Pinneberg</h1>" and cache.lookup("report", "r1") == b"pickle"
    assert cache.count("html") == 1 and cache.count("report") == 1
    check = sqlite3.connect(tmp_path / cachestore.DATABASE)
    tables = [name for (name,) in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["entry"] and check.execute("PRAGMA user_version").fetchone()[0] == cachestore.LAYOUT
    check.close()


def test_entries_are_shared_with_forked_processes_which_open_their_own_connection(store):
    """A forked worker stores through a connection of its own (SQLite forbids sharing one across fork); the
    parent reads what its workers stored, and its own connection still works."""
    from fokus_pi import workers

    cache.store("s", "parent", b"vorher")
    done = dict(workers.run(lambda i: cache.store("s", f"worker-{i}", f"{i}".encode() * 3) or
                            cache.lookup("s", "parent"), 4, workers=2))
    assert done == {i: b"vorher" for i in range(4)}
    assert [cache.lookup("s", f"worker-{i}") for i in range(4)] == [b"000", b"111", b"222", b"333"]
    cache.store("s", "parent-after", b"nachher")
    assert cache.lookup("s", "parent-after") == b"nachher" and cache.count("s") == 6


def test_without_a_cache_folder_nothing_is_stored(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    calls = []
    for _ in range(2):
        cache.cached_text("t", "k", lambda: calls.append(1) or "text")
    assert len(calls) == 2 and cache.folder() is None
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache.folder() is None


def test_build_site_keeps_its_cache_beside_the_site(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    with cache.cache_env(tmp_path / ".cache"):
        assert cache.folder() == (tmp_path / ".cache").resolve()
        with cache.cache_env(tmp_path / "site" / ".cache"):  # an edition built inside the site reuses it
            assert cache.folder() == (tmp_path / ".cache").resolve()
    assert cache.folder() is None


def test_specs_are_valid_vega_lite(tiny_report):
    """charts._spec skips Altair's validation while building (a third of its time); it is checked here."""
    schema = load_schema()
    for ind in tiny_report.published():
        args = html.spec_args(tiny_report, ind)
        if args is not None:
            validate_jsonschema({"$schema": "x", **charts.indicator_spec(*args)}, schema)


def test_pages_are_the_same_with_a_cold_a_warm_and_no_cache(tiny_report, store, monkeypatch):
    cold = plan_pages(tiny_report)
    again = plan_pages(tiny_report)
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    plain = plan_pages(tiny_report)
    assert [p.markdown for p in cold] == [p.markdown for p in again] == [p.markdown for p in plain]


def test_indicator_specs_from_one_skeleton_are_altairs_own(demo_report):
    """charts.indicator_spec fills stand-ins in a spec Altair built once per kind of chart: for one demo
    indicator of every kind (compared or not, unit or not, direction, decimals) the result is the spec Altair
    builds for that indicator itself."""
    kinds = {}
    for ind in demo_report.published():
        args = html.spec_args(demo_report, ind)
        if args is not None:
            kinds.setdefault((charts.comparable(ind), ind.direction, ind.decimals, bool(ind.unit)), args)
    assert len(kinds) >= 8  # counts and rates, each direction, decimals, with and without unit
    for args in kinds.values():
        assert charts.indicator_spec(*args) == charts.altair_indicator_spec(*args), args[0].id


def test_search_entries_come_from_the_cache_unchanged(store):
    from types import SimpleNamespace

    from fokus_pi.searchcache import cached_entries

    class Index:  # the part of Material's SearchIndex the cache uses
        def __init__(self):
            self.config, self.entries, self.parsed = {"lang": ["de"]}, [], 0

        def add_entry_from_context(self, page):
            self.parsed += 1
            self.entries.append({"location": page.url, "title": page.title, "text": page.content.strip("<p>/")})

    page = SimpleNamespace(content="<p>Elmshorn</p>", url="gemeinden/elmshorn/", title="Elmshorn", meta={}, toc=[])
    first, second = Index(), Index()
    for index in (first, second):
        index.add_entry_from_context = cached_entries(index)
        index.add_entry_from_context(page)
    assert first.entries == second.entries == [{"location": "gemeinden/elmshorn/", "title": "Elmshorn",
                                                "text": "Elmshorn"}]
    assert (first.parsed, second.parsed) == (1, 0)
    changed = SimpleNamespace(**{**vars(page), "content": "<p>Wedel</p>"})
    second.add_entry_from_context(changed)
    assert second.parsed == 1 and second.entries[-1]["text"] == "Wedel"


def test_compiled_templates_are_reused_and_keyed_by_the_environment_options(store, monkeypatch):
    from jinja2 import DictLoader, Environment

    source = {"t.j2": "{% if x %}\n  ja\n{% endif %}\n"}

    def env(**options: object) -> Environment:
        return Environment(loader=DictLoader(source), bytecode_cache=cache.TemplateBytecode(), **options)

    assert env().get_template("t.j2").render(x=1) == "\n  ja\n"
    assert cache.count("jinja") == 1
    compile_ = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert env().get_template("t.j2").render(x=1) == "\n  ja\n"  # a new environment reads the stored code
    monkeypatch.setattr(Environment, "compile", compile_)
    assert env(trim_blocks=True).get_template("t.j2").render(x=1) == "  ja\n"  # other options: own entry
    assert cache.count("jinja") == 2


def test_chart_skeletons_are_read_back_from_the_cache_without_altair(store, monkeypatch):
    kinds = [("_indicator_base", (True, True)), ("_scatter_base", (1, 0, ("Gruppe", ("a", "b")))),
             ("gemeinde_spec", ({"kreis": "Kreis Pinneberg", "gemeinde": ""},))]
    charts._stored_spec.cache_clear()
    made = {name: getattr(charts, name)(*args) for name, args in kinds}
    assert cache.count("charts") == 3
    charts._stored_spec.cache_clear()  # as in a new process
    monkeypatch.setattr(charts, "alt", None)  # any use of Altair now fails
    assert {name: getattr(charts, name)(*args) for name, args in kinds} == made
    assert made["gemeinde_spec"]["params"][0]["value"]["kreis"] == "Kreis Pinneberg"
    assert [t["title"] for t in made["_scatter_base"]["encoding"]["tooltip"]] == ["Gemeinde", "\0x", "\0y", "Gruppe"]
    charts._stored_spec.cache_clear()


def test_the_loaded_report_is_reused_across_builds_until_a_data_file_changes(tiny_copy, store, monkeypatch):
    from fokus_pi import report as model

    first = model.load_report_cached(tiny_copy)
    assert cache.count("report") == 1
    model._CACHE.clear()  # as in the next build's process
    monkeypatch.setattr(model, "load_report", lambda data_dir: pytest.fail("loaded again"))
    again = model.load_report_cached(tiny_copy)
    assert again is not first and again.facts.equals(first.facts)
    assert [i.id for i in again.published()] == [i.id for i in first.published()]
    values = tiny_copy / "snapshots/2025-06-30/values.csv"
    values.write_text(values.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # one byte more
    model._CACHE.clear()
    with pytest.raises(pytest.fail.Exception, match="loaded again"):
        model.load_report_cached(tiny_copy)


def test_each_snapshot_is_checked_once_and_again_only_when_its_file_changes(tiny_copy, store, monkeypatch):
    from fokus_pi import report as model
    from fokus_pi.problems import DataError

    checked: list[str] = []
    load_values = model.load_values

    def counting(snap, *args):
        checked.append(snap.id)
        return load_values(snap, *args)

    monkeypatch.setattr(model, "load_values", counting)
    first = model.load_report(tiny_copy)
    assert checked == ["2024-06-30", "2025-06-30"]
    newest = tiny_copy / "snapshots/2025-06-30/values.csv"
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text + "\n", encoding="utf-8")  # the newest snapshot changed, the older did not
    checked.clear()
    again = model.load_report(tiny_copy)
    assert checked == ["2025-06-30"] and again.facts.equals(first.facts)
    assert again.history[0].equals(first.history[0])  # the older snapshot's values, read back from the cache

    newest.write_text(text + "sgb-ii-quote,01056999,2025,1.0,,,\n", encoding="utf-8")  # an unknown Gemeinde
    for _ in range(2):  # a snapshot with a problem is never stored: checked and reported on every load
        checked.clear()
        with pytest.raises(DataError, match="01056999"):
            model.load_report(tiny_copy)
        assert checked == ["2025-06-30"]


def test_stemmed_words_are_kept_and_the_stemmer_is_not_asked_again(store, monkeypatch):
    from fokus_pi import searchstems

    def index() -> dict:
        return {"docs": [{"title": "Ärzte", "text": "<p>Mütter und Kinder</p>"}]}

    monkeypatch.setattr(searchstems, "_KNOWN", {})
    first = searchstems.add_stems(index())
    assert first["docs"][0]["stems"] == "arzt arzte mutt mutter kind"
    monkeypatch.setattr(searchstems, "_KNOWN", {})  # as in the next build's process
    monkeypatch.setattr(searchstems, "_STEMMER", SimpleNamespace(stemWord=lambda word: pytest.fail(f"stemmed {word}")))
    assert searchstems.add_stems(index()) == first


def test_a_per_build_value_is_made_once_for_the_same_objects_and_again_for_others():
    made: list[int] = []
    build_key = cache.per_build(lambda config, nav: made.append(1) or len(made))
    config, nav = {"site": "a"}, ["page"]
    assert build_key(config, nav) == build_key(config, nav) == 1
    assert build_key({"site": "a"}, nav) == 2  # an equal but new object: another build
    assert build_key(config, nav) == 3 and len(made) == 3


def test_each_yaml_file_is_parsed_and_checked_once_until_it_changes(tiny_copy, store, monkeypatch):
    """The YAML files beside the data come from the cache while their bytes stay the same; one that changed is
    read again, and one with a problem is never stored, so the problem is reported on every load."""
    from fokus_pi import report as model
    from fokus_pi import schemas
    from fokus_pi.problems import DataError

    parsed: list[str] = []
    load_located = schemas.load_located
    monkeypatch.setattr(schemas, "load_located", lambda path, text: parsed.append(path.name) or
                        load_located(path, text))
    first = model.load_report(tiny_copy)
    assert {"indicators.yml", "report.yml"} <= set(parsed)
    parsed.clear()
    again = model.load_report(tiny_copy)
    assert parsed == [] and again.catalogue == first.catalogue and again.register == first.register

    catalogue = tiny_copy / "indicators.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    model.load_report(tiny_copy)
    assert parsed == ["indicators.yml"]

    meta = tiny_copy / "report.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "unbekannt: 1\n", encoding="utf-8")
    line = len(meta.read_text(encoding="utf-8").splitlines())
    for _ in range(2):
        parsed.clear()
        with pytest.raises(DataError, match=f"report.yml:{line}:1: unbekannter Schlüssel „unbekannt“"):
            model.load_report(tiny_copy)
        assert parsed == ["report.yml"]


def test_pruning_keeps_the_entries_used_here_and_in_forked_processes_and_removes_the_rest(store, monkeypatch):
    """`fokus build --cache-prune`: what the build read or wrote, in this process, its pool workers or its
    background job, stays; every other entry goes, with its file and with files of older layouts."""
    from fokus_pi import cachestore, workers

    monkeypatch.setattr(cachestore, "_used", None)
    monkeypatch.setattr(cachestore, "SMALL", 2_000)
    for name in ("read-here", "read-in-worker", "asked-in-job", "unused"):
        cache.store("s", name, name.encode())
    cache.store("big", "unused-large", b"x" * 5_000)  # a file of its own
    stray = store / "html" / "ab" / "abcdef"  # an entry as a file, as before session 12
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"<p>alt</p>")
    cachestore.count_use()
    assert cache.lookup("s", "read-here") == b"read-here"
    cache.store("s", "written-here", b"neu")
    done = dict(workers.run(lambda i: cache.lookup("s", "read-in-worker") if i == 0
                            else cache.store("big", f"written-in-worker-{i}", b"y" * 5_000), 3, workers=2))
    assert done[0] == b"read-in-worker"
    job = workers.Background(lambda: cache.has("s", "asked-in-job"))
    assert job.result() is True
    assert cache.lookup("s", "gone-before") is None  # a miss is not an entry
    removed, freed = cachestore.prune(store)
    assert removed == 2 and freed > 5_000
    kept = {"read-here", "read-in-worker", "asked-in-job", "written-here"}
    assert {name for name in kept | {"unused"} if cache.has("s", name)} == kept
    assert [cache.has("big", name) for name in ("unused-large", "written-in-worker-1", "written-in-worker-2")] \
        == [False, True, True]
    assert sorted(p.name for p in store.glob("*/**/*") if p.is_file()) == ["written-in-worker-1",
                                                                          "written-in-worker-2"]
    cachestore.count_use()  # a build that uses nothing, then another: what one of the last two used stays
    assert cachestore.prune(store, keep=2)[0] == 0
    cachestore.count_use()
    cache.lookup("s", "read-here")
    assert cachestore.prune(store, keep=2)[0] == 5  # the others were last used three builds ago
    assert cache.has("s", "read-here") and cachestore.count(store) == 1


def test_a_build_that_prunes_keeps_what_it_needs_and_drops_the_entries_of_the_data_before(tiny_copy, tmp_path):
    """Each `fokus build` its own process, as in CI (a second build in one process reuses what it holds in memory
    and reads less of the cache)."""
    import os
    import subprocess
    import sys

    from fokus_pi import cachestore

    from .conftest import TINY_CONFIG

    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache")}

    def build(*extra: str) -> str:
        done = subprocess.run([sys.executable, "-c", "from fokus_pi.cli import run; run()", "build", "--data",
                               str(tiny_copy), "--out", str(tmp_path / "site"), "--config", str(TINY_CONFIG), *extra],
                              env=env, capture_output=True, text=True, check=True)
        return done.stdout

    assert "Build-Cache" not in build()
    # the command ends without the interpreter's teardown (cli.run); its connection is closed all the same, which
    # folds the write-ahead log into the database
    assert not (tmp_path / "cache" / "entries.sqlite-wal").exists()
    assert (tmp_path / "cache" / "entries.sqlite").stat().st_size > 0
    values = sorted((tiny_copy / "snapshots").iterdir())[-1] / "values.csv"
    text = values.read_text(encoding="utf-8")
    values.write_text(text.replace(",2024,10.7143,1800,", ",2024,10.1190,1700,", 1), encoding="utf-8")
    removed = int(build("--cache-prune").split("Build-Cache: ")[1].split()[0])
    assert removed > 10  # the pages, values and report of the data before
    entries = cachestore.count(tmp_path / "cache")
    assert "Build-Cache: 0 nicht mehr gebrauchte Einträge gelöscht" in build("--cache-prune")
    assert cachestore.count(tmp_path / "cache") == entries  # nothing the build needed had gone
