"""Maps and charts without a browser: classes, legend, page JSON, chart specs, geometry and shared assets."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest
from shapely.geometry import box, shape

from fokus_pi import fmt
from fokus_pi.areas import Gemeinde
from fokus_pi.pages import plan_pages
from fokus_pi.viz import assets, charts, data, geo
from fokus_pi.viz.classes import SEQUENTIAL, classify, labels, round_half_up
from fokus_pi.viz.html import gemeinde_block, indicator_blocks

HIDDEN_JSON = re.compile(r'<script type="application/json" class="fokus-data">(.*?)</script>', re.S)


def page_json(markdown: str) -> dict:
    return json.loads(HIDDEN_JSON.search(markdown).group(1))


# ---- classes and legend ----

def test_round_half_up_matches_the_tables():
    assert round_half_up(6.25, 1) == 6.3  # babel alone would print 6,2
    assert round_half_up(2.675, 2) == 2.68
    assert str(round_half_up(-0.04, 1)) == "0.0"  # no negative zero


def test_neutral_indicator_gets_quantile_classes_like_mapclassify():
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    classes = classify(values, 1)
    assert list(classes.bins) == [2.8, 4.6, 6.4, 8.2, 10.0]  # position 0.2·9 = 1.8 → 2 + 0.8, …
    assert list(classes.colors) == SEQUENTIAL[5]
    assert classes.centre is None
    assert classes.index(1.0) == 0 and classes.index(10.0) == 4
    assert classify([4.0, 4.0, 4.0, 9.0], 0).bins == (4.0, 9.0)  # ties collapse: two classes, not five


def _mapclassify_classes(monkeypatch, values, decimals, direction, centre, breaks):
    """classify() with mapclassify's own bounds: the oracle the NumPy port in viz/classes.py must equal."""
    import mapclassify

    from fokus_pi.viz import classes as module

    def quantiles(data, k):
        return [float(b) for b in mapclassify.Quantiles(data, k=max(1, min(k, len(np.unique(data))))).bins]

    with monkeypatch.context() as patch:
        patch.setattr(module, "_quantile_bins", quantiles)
        patch.setattr(module, "_user_bins", lambda data, b: [float(x) for x in mapclassify.UserDefined(data, sorted(b)).bins])
        return classify(values, decimals, direction, centre, breaks)


@pytest.mark.filterwarnings("ignore")  # mapclassify warns when ties leave fewer classes than asked
def test_classes_equal_mapclassifys_on_random_values(monkeypatch):
    rng = np.random.default_rng(7)
    checked = 0
    for t in range(600):
        values = list(rng.normal(50, 20, int(rng.integers(1, 80))) if t % 2 else rng.gamma(1.5, 3, int(rng.integers(1, 80))))
        direction = ("neutral", "higher_is_worse", "higher_is_better")[t % 3]
        centre = float(rng.normal(50, 20)) if direction != "neutral" else None
        breaks = [20.0, 40.0, 60.0] if t % 7 == 0 else None
        decimals = int(rng.integers(0, 3))
        ours = classify(values, decimals, direction, centre, breaks)
        assert ours == _mapclassify_classes(monkeypatch, values, decimals, direction, centre, breaks), (t, values)
        checked += len(ours.bins)
    assert checked > 2000  # the sets really had classes to compare


def test_classes_need_neither_mapclassify_nor_scipy(monkeypatch):
    import sys

    for name in ("mapclassify", "scipy", "sklearn"):
        monkeypatch.setitem(sys.modules, name, None)  # any import of these now fails
    assert classify([3.1, 4.7, 5.0, 12.5, 2.2], 1, "higher_is_worse", centre=6.0).bins[-1] == 12.5
    assert classify([3.1, 4.7, 12.5], 1, breaks=[4.0, 8.0]).bins == (4.0, 8.0, 12.5)


def test_german_legend_labels_with_class_bounds():
    assert labels([5.0, 7.5, 1234.5], 1) == ["bis 5,0", "über 5,0 bis 7,5", "über 7,5 bis 1.234,5"]


def test_directed_indicator_diverges_at_the_kreis_value():
    values = [2.0, 3.0, 4.0, 5.0, 6.0, 11.0, 12.0, 13.0, 14.0]
    worse = classify(values, 0, "higher_is_worse", centre=8.4)
    assert 8.0 in worse.bins  # the Kreis value (rounded like the values) is a class bound
    low = worse.bins.index(8.0) + 1
    assert all(c.startswith(("#d1e5f0", "#67a9cf", "#2166ac", "#92c5de", "#0571b0")) for c in worse.colors[:low])  # blue
    assert all(c in ("#fddbc7", "#ef8a62", "#b2182b", "#f4a582", "#ca0020") for c in worse.colors[low:])  # red
    better = classify(values, 0, "higher_is_better", centre=8.4)
    assert better.colors[0] == worse.colors[-1] and better.favourable_low is False


def test_breaks_from_metadata_win():
    classes = classify([1.0, 4.0, 9.0, 20.0], 0, breaks=[5, 10])
    assert classes.bins == (5.0, 10.0, 20.0)
    assert classes.labels == ("bis 5", "über 5 bis 10", "über 10 bis 20")


def test_no_values_no_classes():
    assert classify([], 1).bins == ()


# ---- the page JSON holds the figures of the tables ----

def test_indicator_json_holds_rounded_values_flags_and_changes(tiny_report):
    ind = tiny_report.catalogue.by_id["sgb-ii-quote"]
    d = data.indicator_payload(tiny_report, ind)
    assert d["years"] == [2022, 2023, 2024] and d["year"] == 2024
    assert d["v"]["01099001"] == ["geheim", "geheim", 6.3]  # 6.25 printed as 6,3; 2022/23 secondary secrecy
    assert d["v"]["01099002"] == ["geheim", "geheim", 2.5]
    assert d["v"]["01099003"] == [10.0, 10.4, 10.7]
    assert d["c"]["01099003"] == [None, 0.4, 0.3]
    assert d["c"]["01099001"] == [None, None, None]
    assert d["v"]["01099"] == [9.6, 10.0, 10.3]  # Kreis
    einkommen = data.indicator_payload(tiny_report, tiny_report.catalogue.by_id["einkommen"])
    assert "|" in einkommen["c"]["01099003"]  # break in the series: no change


def test_every_value_in_the_page_json_is_the_table_value(tiny_report):
    pages = {p.uri: p.markdown for p in plan_pages(tiny_report)}
    ind = tiny_report.catalogue.by_id["sgb-ii-quote"]
    d = page_json(pages["kennzahlen/sgb-ii-quote.md"])
    for g in tiny_report.register.gemeinden:
        for i, year in enumerate(d["years"]):
            row = tiny_report.row(ind.id, g.ags, year)
            slot = d["v"][g.ags][i]
            shown = fmt.number(None if isinstance(slot, str) else slot, ind.decimals, slot if isinstance(slot, str) else None)
            assert shown == fmt.number(row["value"], ind.decimals, row["flag"] or None), (g.name, year)


def test_legend_has_classes_and_separate_entries_for_secret_and_missing(tiny_report):
    blocks = indicator_blocks(tiny_report, tiny_report.catalogue.by_id["sgb-ii-quote"])
    legend = re.search(r'<ul class="fokus-key".*?</ul>', blocks.map, re.S).group(0)
    assert "bis " in legend and "über " in legend
    assert 'fill="url(#fokus-geheim)"' in legend and "geheim (Zahlenwert geheim zu halten)" in legend
    assert 'fill="url(#fokus-keine)"' in legend and "keine Daten" in legend
    assert '<pattern id="fokus-geheim"' in blocks.map and '<pattern id="fokus-keine"' in blocks.map
    assert "Kreis Musterland 2024 (10,3\u00a0%)" in blocks.map  # where the palette turns


def test_blocks_are_raw_html_markdown_keeps(tiny_report):
    blocks = indicator_blocks(tiny_report, tiny_report.catalogue.by_id["sgb-ii-quote"])
    for html in (blocks.map, blocks.charts):
        assert "\n\n" not in html and html.startswith("<div") and html.endswith("</div>")
    table = re.search(r'<table id="fokus-map-table">.*?</table>', blocks.map, re.S).group(0)
    assert "<caption>" in table and '<th scope="col">Gemeinde</th>' in table


def test_json_is_safe_inside_a_script_element():
    text = data.script_json({"name": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>&"}


def test_gemeinde_block_locator_and_own_series(tiny_report):
    adorf = tiny_report.gemeinde("01099001")
    html = gemeinde_block(tiny_report, adorf, tiny_report.published())
    d = json.loads(HIDDEN_JSON.search(html).group(1))
    assert d["ags"] == "01099001" and d["v"]["sgb-ii-quote"] == ["geheim", "geheim", 6.3]
    assert 'aria-label="Lagekarte: Adorf im Kreis Musterland"' in html
    assert re.search(r"Nachbargemeinden</th><td>Bedorf, Cestadt</td>", html)


# ---- chart specs ----

def test_indicator_spec_binds_year_and_selection(tiny_report):
    ind = tiny_report.catalogue.by_id["sgb-ii-quote"]
    spec = charts.indicator_spec(ind, 2024, ["01099003"], "Kreis Musterland", {"kreis": "Kreis Musterland"})
    params = {p["name"]: p for p in spec["params"]}
    assert params["jahr"]["value"] == 2024
    assert params["auswahl"]["select"]["toggle"] == "true" and params["auswahl"]["value"] == [{"ags": "01099003"}]
    assert "$schema" not in spec  # no URL in the page
    text = json.dumps(spec, ensure_ascii=False)
    assert '"format": ",.1f"' in text and "Veränderung zum Vorjahr" in text
    assert '"name": "werte"' in text and '"values"' not in text  # data is filled in by the page


def test_counts_are_not_drawn_against_the_kreis_total(tiny_report):
    ind = tiny_report.catalogue.by_id["einwohner"]
    spec = json.dumps(charts.indicator_spec(ind, 2024, [], "Kreis", {}))
    assert '"name": "refs"' not in spec
    assert data.map_classes(tiny_report, ind, 2024).centre is None


def test_embed_options_are_svg_and_german():
    opts = charts.embed_options()
    assert opts["renderer"] == "svg" and opts["actions"] is False
    assert opts["formatLocale"]["decimal"] == "," and opts["formatLocale"]["thousands"] == "."
    assert opts["timeFormatLocale"]["months"][2] == "März"


# ---- geometry ----

def test_geometry_keeps_every_gemeinde_and_shares_borders(tiny_report):
    site = geo.site_geometry(tiny_report.register)
    assert [f["properties"]["ags"] for f in site.features] == ["01099001", "01099002", "01099003"]
    assert site.frames == []
    assert site.neighbours["01099001"] == ["01099002", "01099003"]


def test_far_off_gemeinde_goes_into_an_inset(tiny_report):
    """An island 45 km away is moved next to the mainland, framed and labelled, instead of stretching the map."""
    reg = tiny_report.register
    island = {"type": "Feature", "properties": {"ags": "01099004"}, "geometry": {"type": "Polygon", "coordinates": [
        [[9.40, 54.20], [9.42, 54.20], [9.42, 54.21], [9.40, 54.21], [9.40, 54.20]]]}}
    register = dataclasses.replace(
        reg, gemeinden=reg.gemeinden + (Gemeinde("01099004", "Insel", "Gemeinde", "", "nord", 9.41, 54.205),),
        geometry={**reg.geometry, "features": reg.geometry["features"] + [island]})
    site = geo.site_geometry(register)
    assert [f["name"] for f in site.frames] == ["Insel"] and site.frames[0]["note"] == "nicht lagetreu"
    (south, west), (north, east) = site.bounds
    assert west > 9.8 and north < 54.15  # the island's true position no longer widens the map
    moved = next(f for f in site.features if f["properties"]["ags"] == "01099004")
    assert moved["properties"]["inset"] is True
    (fs, fw), (fn, fe) = site.frames[0]["bounds"]
    assert shape(moved["geometry"]).within(box(fw, fs, fe, fn).buffer(1e-4))


def test_demo_helgoland_is_the_only_inset(demo_report):
    site = geo.cached_geometry(demo_report.register)
    assert len(site.features) == 49
    assert [f["properties"]["name"] for f in site.features if f["properties"].get("inset")] == ["Helgoland"]
    (south, west), (north, east) = site.bounds
    assert west > 9.0  # Helgoland lies at 7.89 E: the map is not stretched to reach it


# ---- shared assets and page budget ----

def test_shared_assets_are_local_and_set_globals(tiny_report):
    files = assets.site_assets(tiny_report)
    assert set(files) == {assets.LEAFLET_JS, assets.LEAFLET_CSS, assets.VEGA_JS, assets.GEO_JS, assets.SITE_JS,
                          assets.VIZ_JS}
    assert files[assets.GEO_JS].startswith("window.FOKUS_GEO=")
    assert files[assets.SITE_JS].startswith("window.FOKUS_SITE=")
    assert files[assets.VIZ_JS].startswith("window.FOKUS_CONF=")
    # npm's UMD builds set the globals vega, vegaLite and vegaEmbed; the interpreter hangs off vega (CSP, no eval)
    assert ").vegaEmbed=" in files[assets.VEGA_JS] and "vega.expressionInterpreter = " in files[assets.VEGA_JS]
    assert 'version="1.9.4"' in files[assets.LEAFLET_JS]
    for text in files.values():
        assert "sourceMappingURL" not in text
    geo_doc = json.loads(files[assets.GEO_JS][len("window.FOKUS_GEO="):].rstrip().rstrip(";"))
    assert len(geo_doc["features"]) == 3


def test_geometry_is_not_inlined_into_pages(tiny_report):
    for page in plan_pages(tiny_report):
        assert '"coordinates"' not in page.markdown, page.uri


def test_viz_share_of_a_demo_page_stays_small(demo_report):
    """The maps and charts add at most 17 KB to an indicator page (about 0.6 KB of it the planning-area
    level) and 10 KB to a Gemeinde page (the whole page budget of 60 KB also holds Material's navigation
    and the tables; test_page_budget_of_the_built_site measures it)."""
    ind = demo_report.catalogue.by_id["sgb-ii-quote"]
    blocks = indicator_blocks(demo_report, ind)
    assert len((blocks.map + blocks.charts).encode()) < 17_000
    g = next(g for g in demo_report.register.gemeinden if g.name == "Elmshorn")
    assert len(gemeinde_block(demo_report, g, demo_report.published()).encode()) < 10_000


@pytest.mark.integration
def test_page_budget_of_the_built_site(demo_site):
    """The issue's budget: the median Gemeinde and indicator page stays at or under 60 KB of HTML (shared
    assets excluded). Where the bytes go: Material's navigation and header, the tables, then maps/charts."""
    import statistics

    for section in ("gemeinden", "kennzahlen"):
        sizes = [p.stat().st_size for p in (demo_site / section).glob("*/index.html")]
        assert statistics.median(sizes) <= 60 * 1024, (section, statistics.median(sizes))
    shared = {p.name: p.stat().st_size for p in (demo_site / "assets" / "fokus").iterdir()}
    assert {"leaflet.js", "leaflet.css", "vega.js", "geo.js", "kennzahlen.js", "fokus-viz.js"} <= set(shared)
    assert shared["geo.js"] < 40_000  # geometry once per site, simplified
