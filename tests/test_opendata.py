"""Open data: CSV (plain and for German Excel), Parquet and the Frictionless data package hold exactly the
published figures, with source, licence and Stichtag; no suppressed cell leaves with a figure."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from fokus_pi import cache, leaks, longtable, opendata, packedscan
from fokus_pi.pages import (
    downloads,
    plan_downloads,
    plan_pages,
    relocate,
    start_downloads,
    write_pages,
)
from fokus_pi.viz.classes import round_half_up


def read_csv(text: str | bytes, excel: bool = False) -> pd.DataFrame:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return pd.read_csv(io.BytesIO(raw), sep=";" if excel else ",", decimal="," if excel else ".",
                       encoding="utf-8-sig" if excel else "utf-8", dtype={"gebiet": str}, keep_default_na=False,
                       na_values=[""])


@pytest.fixture(scope="module")
def tiny_files(tiny_report):
    return opendata.files(tiny_report)


def test_indicator_csv_holds_the_hand_checked_rows(tiny_files):
    frame = read_csv(tiny_files["daten/kennzahlen/sgb-ii-quote.csv"])
    assert list(frame.columns) == [c.name for c in opendata.COLUMNS]
    row = frame[(frame.gebiet == "01099003") & (frame.jahr == 2024)].iloc[0]
    assert (row.wert, row.zaehler, row.nenner, row.gebietsname, row.ebene) == (10.7, 1800, 16800, "Cestadt", "gemeinde")
    # delivered as secret (Bedorf) and withheld by secondary suppression (Adorf): empty, flagged
    for ags in ("01099001", "01099002"):
        for year in (2022, 2023):
            cell = frame[(frame.gebiet == ags) & (frame.jahr == year)].iloc[0]
            assert cell[["wert", "zaehler", "nenner"]].isna().all() and cell.kennzeichen == "geheim"
    kreis = frame[(frame.ebene == "kreis") & (frame.jahr == 2024)].iloc[0]
    assert (kreis.wert, kreis.gebietsname) == (10.3, "Kreis Musterland")
    assert set(frame.ebene) == {"gemeinde", "planungsraum", "kreis", "land", "bund"}


def test_excel_variant_has_bom_semicolons_and_decimal_commas(tiny_files):
    text = tiny_files["daten/kennzahlen/sgb-ii-quote-excel.csv"]
    assert text.startswith("\ufeffkennzahl;gebiet;")
    assert "sgb-ii-quote;01099003;Cestadt;gemeinde;2024;10,7;1800;16800;" in text
    plain = read_csv(tiny_files["daten/kennzahlen/sgb-ii-quote.csv"])
    pd.testing.assert_frame_equal(read_csv(text, excel=True), plain)


def test_values_keep_the_decimals_the_site_shows(tiny_files):
    einwohner = tiny_files["daten/kennzahlen/einwohner.csv"]
    assert "einwohner,01099001,Adorf,gemeinde,2024,1020,,," in einwohner  # a count: no ".0"
    cestadt = read_csv(tiny_files["daten/gemeinden/cestadt.csv"])
    assert set(cestadt.gebiet) == {"01099003"} and set(cestadt.kennzahl) == {"einwohner", "sgb-ii-quote",
                                                                             "geburtenrate", "einkommen"}


def test_metadata_beside_each_csv_names_source_licence_and_stichtag(tiny_files, demo_report):
    import json

    meta = json.loads(tiny_files["daten/kennzahlen/sgb-ii-quote.datapackage.json"])
    assert meta["stichtag"] == "2025-06-30" and meta["version"] == "2025-06-30"
    assert meta["sources"] == [{"title": "Bundesagentur für Arbeit"}]
    assert "licenses" not in meta  # a third party's figures: its own terms apply
    assert [r["path"] for r in meta["resources"]] == ["sgb-ii-quote.csv", "sgb-ii-quote-excel.csv"]
    own = next(i for i in demo_report.published() if i.source.startswith("Kreis Pinneberg"))
    assert opendata.licence(demo_report, own) == opendata.DL_DE_BY
    assert opendata.licence(demo_report, demo_report.catalogue.by_id["sgb-ii-quote"]) is None


def test_every_descriptor_and_the_archive_validate_with_frictionless(tiny_files, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    for path, content in tiny_files.items():
        target = tmp_path / "site" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    descriptors = sorted((tmp_path / "site").rglob("*.datapackage.json"))
    assert len(descriptors) == 4 + 3  # every indicator and every Gemeinde
    with zipfile.ZipFile(tmp_path / "site" / opendata.ARCHIVE) as zf:
        assert sorted(zf.namelist()) == ["LIZENZ.txt", "README.md", "datapackage.json", "gebiete.csv",
                                         "kennzahlen.csv", "werte.csv"]
        zf.extractall(tmp_path / "zip")
    for descriptor in [*descriptors, tmp_path / "zip" / "datapackage.json"]:
        report = frictionless.validate(str(descriptor))
        assert report.valid, (descriptor.name, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5])
    readme = (tmp_path / "zip" / "README.md").read_text(encoding="utf-8")
    assert "Stichtag 30.06.2025" in readme and "Demodaten" in readme
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in (tmp_path / "zip" / "LIZENZ.txt").read_text()


def test_archive_and_parquet_are_reproducible(tiny_report):
    values = opendata.table(tiny_report)
    assert opendata.archive(tiny_report, values) == opendata.archive(tiny_report, values)
    frame = pd.read_parquet(io.BytesIO(opendata.parquet(values)))
    assert len(frame) == len(values) and str(frame["zaehler"].dtype) == "Int64"


def _in_one_piece(report) -> pd.DataFrame:
    """The long table from all rows at once, sorted by catalogue order, then level, area and year."""
    whole = longtable._parts(report.facts, [], longtable.areas(report).set_index("gebiet"),
                             longtable.decimals_of(report))[""][0]
    order = {i.id: n for n, i in enumerate(report.catalogue.indicators)}
    return whole.sort_values("kennzahl", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def test_the_long_table_made_in_batches_is_the_table_in_one_piece(tiny_report, monkeypatch):
    """A Land's parts are made a quarter of a million rows at a time (memory); the table is the same."""
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setattr(longtable, "BATCH_ROWS", 12)
    assert longtable._batches(["a", "b", "c", "d"], {"a": 5, "b": 6, "c": 20, "d": 1}) == [["a", "b"], ["c"], ["d"]]
    made: list[list[str]] = []
    parts = longtable._parts
    monkeypatch.setattr(longtable, "_parts", lambda facts, indicators, *args: (made.append(list(indicators)),
                                                                                parts(facts, indicators, *args))[1])
    batched = longtable.long_table(tiny_report)
    assert len(made) > 2 and sorted(sum(made, [])) == sorted(set(tiny_report.facts["indicator"]))
    whole = _in_one_piece(tiny_report)
    decimals = longtable.decimals_of(tiny_report)
    assert batched.frame.equals(whole) and batched.plain == longtable.csv_text(whole, decimals=decimals)
    assert "\ufeff" + batched.excel == longtable.csv_text(whole, excel=True, decimals=decimals)


def test_the_long_table_from_cached_parts_is_the_table_in_one_piece(tiny_copy, tmp_path, monkeypatch):
    from fokus_pi.report import load_report

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    made: list[list[str]] = []
    parts = longtable._parts
    monkeypatch.setattr(longtable, "_parts", lambda facts, indicators, *args: (made.append(list(indicators)),
                                                                                parts(facts, indicators, *args))[1])
    report = load_report(tiny_copy)
    first = longtable.long_table(report)
    assert len(made) == 1 and sorted(made[0]) == sorted(set(report.facts["indicator"]))  # all parts in one go
    made.clear()
    decimals = longtable.decimals_of(report)
    whole = _in_one_piece(report)
    assert first.frame.equals(whole) and made == [[]]
    assert first.plain == longtable.csv_text(whole, decimals=decimals)
    assert "\ufeff" + first.excel == longtable.csv_text(whole, excel=True, decimals=decimals)

    values = tiny_copy / "snapshots/2025-06-30/values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(
        "einkommen,01099002,2023,41000,8200000,", "einkommen,01099002,2023,41500,8300000,"), encoding="utf-8")
    made.clear()
    changed = load_report(tiny_copy)
    again = longtable.long_table(changed)
    assert made == [["einkommen"]]  # the other parts came from the cache
    whole = _in_one_piece(changed)
    assert again.frame.equals(whole) and again.plain == longtable.csv_text(whole, decimals=decimals)
    assert "einkommen,01099002,Bedorf,gemeinde,2023,41500," in again.plain


def test_a_suppressed_figure_in_the_model_stops_the_export(tiny_report):
    broken = tiny_report.facts.copy()
    cell = tiny_report.suppressed.iloc[0]
    at = (broken.indicator == cell.indicator) & (broken.area == cell.area) & (broken.year == cell.year)
    broken.loc[at, "value"] = cell.value
    clone = dataclasses.replace(tiny_report, facts=broken, _by_indicator={}, _rows={})
    with pytest.raises(ValueError, match="geheim"):
        opendata.table(clone)


def test_indicator_and_gemeinde_pages_link_their_downloads(tiny_report, tiny_files):
    pages = {p.uri: p.markdown for p in plan_pages(tiny_report)}
    quote = pages["kennzahlen/sgb-ii-quote.md"]
    assert "[CSV](../daten/kennzahlen/sgb-ii-quote.csv)" in quote
    assert "[CSV für Excel](../daten/kennzahlen/sgb-ii-quote-excel.csv)" in quote
    assert "Quelle: Bundesagentur für Arbeit" in quote and "Stichtag 30.06.2025" in quote
    assert "[JSON](../api/v1/gebiete/01099003.json)" in pages["gemeinden/cestadt.md"]
    assert "Daten herunterladen" not in pages["handlungsfelder/armut.md"]
    downloads = {d.uri for d in plan_downloads(tiny_report)}
    for uri in ("daten/kennzahlen/sgb-ii-quote.csv", "daten/gemeinden/cestadt-excel.csv", opendata.ARCHIVE,
                opendata.PARQUET, "api/v1/gebiete/01099003.json"):
        assert uri in downloads



def test_spooled_downloads_are_written_as_made_and_hold_the_same_bytes(tiny_report, tmp_path: Path):
    """plan(..., spool=...) writes each download to its place and keeps only the path (a Land's downloads are
    550 MB); `fokus pages` writes them there, and write_pages leaves a file that is already in place."""
    held = {d.uri: d.content for d in plan_downloads(tiny_report)}
    spooled = plan_downloads(tiny_report, spool=tmp_path)
    assert [d.uri for d in spooled] == list(held) and all(d.content is None for d in spooled)
    assert {d.uri: d.path for d in spooled} == {uri: tmp_path / uri for uri in held}
    for uri, content in held.items():
        on_disk = (tmp_path / uri).read_bytes()
        assert on_disk == (content if isinstance(content, bytes) else content.encode("utf-8")), uri
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()) == sorted(held)
    other = tmp_path / "kopie"
    assert write_pages(spooled, other) == len(held) and write_pages(spooled, tmp_path) == len(held)
    assert (other / opendata.PARQUET).read_bytes() == held[opendata.PARQUET]
    assert (tmp_path / opendata.ARCHIVE).read_bytes() == held[opendata.ARCHIVE]


def test_downloads_made_in_another_process_are_moved_into_the_site(tiny_report, tmp_path: Path, monkeypatch):
    """The MkDocs build starts the downloads in a forked process (start_downloads) and moves them into the
    site when MkDocs wants its files (relocate): the same files with the same bytes, and no spool left."""
    monkeypatch.setenv("FOKUS_WORKERS", "2")
    held = {d.uri: d.content for d in plan_downloads(tiny_report)}
    spool, site = tmp_path / "spool", tmp_path / "site"
    (site / "daten").mkdir(parents=True)  # a folder the site already has is entered, not replaced
    (site / "daten" / "eigene.txt").write_text("bleibt", encoding="utf-8")
    moved = relocate(start_downloads(tiny_report, spool).result(), spool, site)
    assert [d.uri for d in moved] == list(held) and {d.path for d in moved} == {site / uri for uri in held}
    for uri, content in held.items():
        assert (site / uri).read_bytes() == (content if isinstance(content, bytes) else content.encode("utf-8")), uri
    assert not spool.exists() and (site / "daten" / "eigene.txt").read_text(encoding="utf-8") == "bleibt"


def test_a_build_starts_its_downloads_once_before_mkdocs_and_the_hook_takes_them_over(tiny_report, tmp_path,
                                                                                      monkeypatch):
    """`fokus build` starts the downloads as soon as it has the report (started_early); the MkDocs hook claims
    that job instead of starting its own. A job nobody claims is stopped and its spool removed."""
    from fokus_pi.publish import build_site

    from .conftest import TINY, TINY_CONFIG

    monkeypatch.setenv("FOKUS_WORKERS", "2")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    started, claimed = [], []
    start, claim = downloads.start, downloads.claim
    monkeypatch.setattr(downloads, "start", lambda report, site: started.append(site) or start(report, site))
    monkeypatch.setattr(downloads, "claim", lambda report, site: claimed.append(claim(report, site)) or claimed[-1])
    site = build_site(TINY, tmp_path / "site", TINY_CONFIG).out_dir
    assert len(started) == 1 and started[0].name.startswith(".tmp-site-")  # the build folder, before the swap
    assert len(claimed) == 1 and claimed[0] is not None  # the hook took over the job started before MkDocs
    assert (site / "daten" / "kennzahlen" / "sgb-ii-quote.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]  # no spool, no build folder left

    folder = tmp_path / "other"
    with downloads.started_early(tiny_report, folder):
        assert downloads.claim(tiny_report, tmp_path / "elsewhere") is None  # another build's folder
        spool = next(tmp_path.glob("other-downloads-*"))
        assert spool.is_dir()
    assert not spool.exists() and downloads.claim(tiny_report, folder) is None


def test_the_downloads_process_leaves_the_packed_files_numbers_for_the_leak_scan(tiny_report, tmp_path,
                                                                                   monkeypatch):
    """The zip and the Parquet file are scanned for numbers where they are made, on the second core, and the
    build's leak scan finds those numbers in the cache by the files' bytes; a site with downloads past
    SCAN_AHEAD leaves its scan to the end."""
    from fokus_pi import packedscan

    monkeypatch.setenv("FOKUS_WORKERS", "2")
    ahead = downloads.SCAN_AHEAD
    for limit, expected in ((ahead, 2), (0, 0)):
        monkeypatch.setattr(downloads, "SCAN_AHEAD", limit)
        monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / f"cache-{limit}"))
        spool = tmp_path / f"spool-{limit}"
        made = downloads.start_downloads(tiny_report, spool).result()
        packed = sorted(d.path.name for d in made if d.path.suffix in packedscan.PACKED)
        assert packed == ["sozialbericht.zip", "werte.parquet"] and cache.count("packed") == expected
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / f"cache-{ahead}"))
    monkeypatch.setattr(packedscan, "_numbers", lambda path: pytest.fail(f"{path.name} scanned again"))
    zipped = packedscan.numbers_in(tmp_path / f"spool-{ahead}" / opendata.ARCHIVE)
    assert {"werte.csv", "README.md"} <= set(zipped)  # every text member's numbers, from the cache


# --- the demo site as built ----------------------------------------------------------------------------------

def _suppressed_keys(report) -> set[tuple[str, str, int]]:
    return {(r.indicator, r.area, int(r.year)) for r in report.suppressed.itertuples()}


@pytest.mark.integration
def test_no_download_of_the_demo_site_holds_a_suppressed_value(demo_site, demo_report):
    keys = _suppressed_keys(demo_report)
    assert len(keys) > 1000
    with zipfile.ZipFile(demo_site / opendata.ARCHIVE) as zf:
        tables = {"zip:werte.csv": read_csv(zf.read("werte.csv"))}
    tables["werte.parquet"] = pd.read_parquet(demo_site / opendata.PARQUET)
    for path in sorted((demo_site / "daten").rglob("*.csv")):
        if path.parent.name in ("kennzahlen", "gemeinden"):
            tables[str(path.relative_to(demo_site))] = read_csv(path.read_bytes(), excel=path.stem.endswith("-excel"))
    assert len(tables) == 2 + 2 * (len(demo_report.published()) + len(demo_report.register.gemeinden))
    seen = 0
    for name, frame in tables.items():
        hit = [(k, a, int(y)) in keys for k, a, y in zip(frame.kennzahl, frame.gebiet, frame.jahr)]
        secret = frame[hit]
        seen += len(secret)
        assert secret[["wert", "zaehler", "nenner"]].isna().all(axis=None), name
        assert set(secret.kennzeichen) <= {"geheim"}, name
    assert seen >= 4 * len(keys)  # each cell is in the zip, the Parquet, its indicator's and its Gemeinde's files
    assert leaks.scan(demo_site, demo_report.suppressed) == []
    assert packedscan.scan(demo_site, demo_report.suppressed) == []


@pytest.mark.integration
def test_demo_archive_matches_the_model(demo_site, demo_report):
    with zipfile.ZipFile(demo_site / opendata.ARCHIVE) as zf:
        werte = read_csv(zf.read("werte.csv"))
        kennzahlen = read_csv(zf.read("kennzahlen.csv"))
    assert len(werte) == len(demo_report.facts)
    assert list(kennzahlen.kennzahl) == [i.id for i in demo_report.published()]
    row = demo_report.row("sgb-ii-quote", "01056015", 2025)
    got = werte[(werte.kennzahl == "sgb-ii-quote") & (werte.gebiet == "01056015") & (werte.jahr == 2025)].iloc[0]
    assert got.wert == round_half_up(row["value"], 1)
    assert got.zaehler == row["numerator"] and got.nenner == row["denominator"]
    page = BeautifulSoup((demo_site / "gemeinden" / "elmshorn" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    links = {a["href"] for a in page.find_all("a", href=True)}
    assert {"../../daten/gemeinden/elmshorn.csv", "../../daten/gemeinden/elmshorn-excel.csv",
            "../../api/v1/gebiete/01056015.json"} <= links
    assert (demo_site / "daten" / "gemeinden" / "elmshorn.csv").is_file()
    assert (demo_site / "daten" / "index.html").is_file() and (demo_site / "daten" / "api" / "index.html").is_file()


def test_the_daten_page_links_files_that_exist():
    text = (Path(__file__).resolve().parents[1] / "content" / "daten" / "index.md").read_text(encoding="utf-8")
    for name in ("sozialbericht.zip", "werte.parquet", "kennzahlen.csv", "gebiete.csv"):
        assert f"]({name})" in text
        assert f"daten/{name}" in {opendata.ARCHIVE, opendata.PARQUET, "daten/kennzahlen.csv", "daten/gebiete.csv"}


def test_csv_lines_quote_as_pandas_does():
    """The long table's lines come from Arrow's kernels; each must be the line pandas' csv writer makes."""
    frame = pd.DataFrame({
        "kennzahl": ["a", "a", "b", "b", "b"],
        "gebiet": ["01", "02", "03", "04", "05"],
        "gebietsname": pd.array(['Barmstedt, Rantzau', 'Sagt "Moin"', "Ost; West", "Zeile\nzwei", None],
                                dtype="string"),
        "jahr": [2024, 2024, 2025, 2025, 2025],
        "wert": [1.26, float("nan"), 3.0, 1234.5678, 0.1],
        "zaehler": pd.array([5, None, 7, 8, 9], dtype="Int64"),
        "kennzeichen": ["", "geheim", "", "", ""],
    })
    decimals = {"a": 1, "b": 2}
    for excel in (False, True):
        text = longtable.csv_text(frame, excel=excel, decimals=decimals).removeprefix("\ufeff")
        lines = longtable.csv_lines(frame, excel, decimals)
        assert "\n".join([text.split("\n", 1)[0], *lines]) + "\n" == text
    assert longtable.csv_lines(frame, False, decimals)[:2] == ['a,01,"Barmstedt, Rantzau",2024,1.3,5,',
                                                               'a,02,"Sagt ""Moin""",2024,,,geheim']
    assert longtable.csv_lines(frame, True, decimals)[2] == 'b;03;"Ost; West";2025;3,00;7;'


def test_slices_cut_lines_with_umlauts_in_any_order_and_refuse_a_line_break():
    """The per-indicator and per-Gemeinde CSVs are cut from the whole table's text by line positions."""
    frame = pd.DataFrame({"kennzahl": ["a", "a", "b"], "gebiet": ["01", "02", "03"],
                          "gebietsname": ["Kölln-Reisiek", "Groß Nordende", "Ærø"], "jahr": [2024, 2025, 2025]})
    excel = longtable.csv_text(frame, excel=True).removeprefix("\ufeff")  # Table.excel has no byte-order mark
    slices = opendata._Slices(longtable.Table(frame, longtable.csv_text(frame), excel))
    assert slices.text([2, 0]) == "kennzahl,gebiet,gebietsname,jahr\nb,03,Ærø,2025\na,01,Kölln-Reisiek,2024\n"
    assert slices.text([1], excel=True) == "\ufeffkennzahl;gebiet;gebietsname;jahr\na;02;Groß Nordende;2025\n"
    assert slices.text([]) == "kennzahl,gebiet,gebietsname,jahr\n"
    broken = frame.assign(gebietsname=["Zeile\nzwei", "b", "c"])
    with pytest.raises(ValueError, match="Zeilenumbruch"):
        opendata._Slices(longtable.Table(broken, longtable.csv_text(broken), longtable.csv_text(broken, excel=True)))


def test_zip_written_in_pieces_is_byte_for_byte_the_zip_written_whole(monkeypatch):
    """The archive's texts are compressed a piece at a time; the bytes must equal zipfile.writestr's."""
    text = "".join(f"kinderarmut,0105{i:04d},2024,{i * 0.37:.2f},Ölmühle „Süd“\n" for i in range(20000))
    files = {"werte.csv": text, "leer.txt": "", "bild.bin": bytes(range(256)) * 40}
    stamp = (2025, 6, 30)
    whole = io.BytesIO()
    with zipfile.ZipFile(whole, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, date_time=(*stamp, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            zf.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    monkeypatch.setattr(opendata, "ZIP_PIECE", 1000)  # many pieces, cut inside words and umlauts' neighbours
    assert opendata._zip(files, stamp) == whole.getvalue()
