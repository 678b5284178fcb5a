"""The planning-area map level and the analysis figures without a browser: area shapes dissolved from the
Gemeinden, area values equal to the report's aggregates, scatter points only from published values."""

from __future__ import annotations

import json
import math
import re

import pytest
import shapely
from shapely.geometry import shape

from fokus_pi import fmt
from fokus_pi.funding import reach_by_year
from fokus_pi.pages import findings, funding, planning, sozialformel
from fokus_pi.viz import charts, data, geo
from fokus_pi.viz.figures import correlation_points, funding_blocks
from fokus_pi.viz.html import indicator_blocks

PAYLOADS = re.compile(r'<script type="application/json" class="fokus-data">(.*?)</script>', re.S)


def payloads(text: str) -> list[dict]:
    return [json.loads(m) for m in PAYLOADS.findall(text)]


def published(row: dict | None) -> bool:
    return row is not None and not row["flag"] and not math.isnan(row["value"])


# ---- planning-area level ----

@pytest.mark.parametrize("which", ["tiny_report", "demo_report"])
def test_area_shapes_are_the_union_of_their_gemeinden(which, request):
    report = request.getfixturevalue(which)
    site = geo.cached_geometry(report.register)
    areas = {f["properties"]["id"]: shape(f["geometry"]) for f in site.areas}
    assert list(areas) == [p.id for p in report.register.planning_areas]  # one shape per planning area
    gemeinden = {f["properties"]["ags"]: shape(f["geometry"]) for f in site.features}
    for p in report.register.planning_areas:
        members = [gemeinden[g.ags] for g in report.register.gemeinden if g.planning_area == p.id]
        union = shapely.union_all(members)
        assert areas[p.id].symmetric_difference(union).area < 1e-3 * union.area, p.id
        assert all(areas[p.id].contains(m.representative_point()) for m in members)
    assert [f["properties"]["i"] for f in site.areas] == list(range(len(areas)))  # the payload's positions


def test_area_values_on_the_map_are_the_reports_aggregates(demo_report):
    ind = demo_report.catalogue.by_id["sgb-ii-quote"]
    d = data.indicator_payload(demo_report, ind)
    areas = demo_report.register.planning_areas
    assert len(d["a"]) == len(d["ac"]) == len(areas)  # one series per area, in register order
    for k, p in enumerate(areas):
        for i, year in enumerate(d["years"]):
            row = demo_report.row(ind.id, p.id, year)
            slot = d["a"][k][i]
            if row is None:
                assert slot is None
            elif row["flag"]:
                assert slot == row["flag"]  # withheld stays withheld on the map
            elif not math.isnan(row["value"]):
                assert fmt.number(slot, ind.decimals) == fmt.number(row["value"], ind.decimals), (p.id, year)
    # and those aggregates are sums of numerators over sums of denominators, never a mean of rates
    year = d["year"]
    area = demo_report.register.planning_areas[1]
    members = [demo_report.row(ind.id, g.ags, year) for g in demo_report.register.gemeinden
               if g.planning_area == area.id]
    if all(published(m) for m in members):
        expected = sum(m["numerator"] for m in members) / sum(m["denominator"] for m in members) * ind.per
        assert fmt.number(d["a"][1][-1], 1) == fmt.number(expected, 1)


def test_level_switch_only_where_areas_have_values(tiny_report):
    with_areas = indicator_blocks(tiny_report, tiny_report.catalogue.by_id["sgb-ii-quote"])
    assert 'name="fokus-ebene" value="planungsraeume"' in with_areas.map
    assert payloads(with_areas.map)[0]["a"][1] == [10.0, 10.4, 10.7]  # Süd: Cestadt alone
    assert data.area_series(tiny_report, tiny_report.catalogue.by_id["sgb-ii-quote"], [1990]) == {}  # no values


def test_planning_area_page_has_a_locator_map(demo_report):
    area = next(p for p in demo_report.register.planning_areas if p.id == "wedel")
    text = planning.page(demo_report, area)
    assert "\nfokus_viz: planungsraum\n" in text.split("---")[1] + "\n"
    (d,) = payloads(text)
    assert d == {"id": "wedel", "name": area.name,
                 "members": [g.ags for g in planning.members(demo_report, area)]}
    assert 'aria-label="Lagekarte: Planungsraum Wedel im Kreis Pinneberg"' in text


def test_sozialformel_page_has_the_index_map_with_both_levels(demo_report):
    text = sozialformel.page(demo_report)
    assert "fokus_viz: kennzahl" in text
    (d,) = payloads(text)
    assert d["ind"]["id"] == "sozialformel" and len(d["a"]) == len(demo_report.register.planning_areas)
    year = d["years"].index(d["year"])
    for k, p in enumerate(demo_report.register.planning_areas):
        row, slot = demo_report.row("sozialformel", p.id, d["year"]), d["a"][k][year]
        assert fmt.number(None if isinstance(slot, str) else slot, 0, slot if isinstance(slot, str) else None) \
            == fmt.number(row["value"], 0, row["flag"] or None)


# ---- scatter charts ----

def test_scatter_spec_names_its_data_and_fills_the_titles():
    spec = charts.scatter_spec("A (%)", "B (je 1.000)", 1, 2, "A und B")
    text = json.dumps(spec, ensure_ascii=False)
    assert spec["data"] == {"name": "punkte"} and '"values"' not in text and "\\u0000" not in text
    assert spec["encoding"]["x"]["title"] == "A (%)" and spec["encoding"]["y"]["axis"]["format"] == ",.2f"
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == ["Gemeinde", "A (%)", "B (je 1.000)"]
    assert spec["description"] == "A und B" and "$schema" not in spec


def test_correlation_scatters_plot_published_values_only(demo_report):
    found = findings.analyse(demo_report)
    assert found["correlations"]
    text = findings.page(demo_report)
    blocks = payloads(text)
    assert len(blocks) == len(found["correlations"]) and "fokus_viz: streuung" in text
    for c, d in zip(found["correlations"], blocks):
        ya, yb = demo_report.latest_year(c.a.id), demo_report.latest_year(c.b.id)
        both = [g.ags for g in demo_report.register.gemeinden
                if published(demo_report.row(c.a.id, g.ags, ya)) and published(demo_report.row(c.b.id, g.ags, yb))]
        assert [p[0] for p in d["points"]] == both and len(both) == c.n  # the correlation's own n
        assert d["points"] == correlation_points(demo_report, c)
        for ags, name, x, y in d["points"]:
            assert name == demo_report.gemeinde(ags).name
            assert fmt.number(x, c.a.decimals) == fmt.number(demo_report.row(c.a.id, ags, ya)["value"], c.a.decimals)
            assert fmt.number(y, c.b.decimals) == fmt.number(demo_report.row(c.b.id, ags, yb)["value"], c.b.decimals)
        assert d["x"]["title"].startswith(c.a.short_title) and d["y"]["title"].startswith(c.b.short_title)


def test_suppressed_values_never_become_points(demo_report):
    """Every Gemeinde with a withheld value of a plotted indicator is missing from that scatter."""
    secret = demo_report.facts[demo_report.facts["flag"] == "geheim"]
    found = findings.analyse(demo_report)["correlations"]
    hits = 0
    for c in found:
        plotted = {p[0] for p in correlation_points(demo_report, c)}
        for ind in (c.a, c.b):
            withheld = set(secret[(secret["indicator"] == ind.id)
                                  & (secret["year"] == demo_report.latest_year(ind.id))]["area"])
            assert not plotted & withheld
            hits += len(withheld)
    assert hits > 0  # the demo does withhold some of these cells, so the check is not empty


def test_funding_map_and_scatter(demo_report):
    programme = demo_report.programmes[0]
    years = funding._years(demo_report, programme)
    gemeinden = [g.ags for g in demo_report.register.gemeinden]
    blocks = funding_blocks(demo_report, programme, reach_by_year(programme, demo_report.of, gemeinden, years))
    (m,) = payloads(blocks.map)
    (s,) = payloads(blocks.chart)
    year = years[-1]
    amounts = programme.amounts[programme.amounts["year"] == year].set_index("ags")["amount"]
    checked = 0
    for g in demo_report.register.gemeinden:
        target = demo_report.row(programme.target_indicator, g.ags, year)
        slot = m["v"][g.ags][-1]
        if target is not None and target["flag"]:
            assert slot == target["flag"]
        elif target is not None and target[programme.target_part] > 0:
            expected = amounts.get(g.ags, 0.0) / target[programme.target_part]
            assert fmt.number(slot, 2) == fmt.number(expected, 2), g.name
            checked += 1
    assert checked > 30 and m["years"] == years and m["ind"]["unit"] == "€"
    need = demo_report.catalogue.by_id[programme.need]
    for ags, name, x, y, fifth in s["points"]:
        assert isinstance(m["v"][ags][-1], (int, float)) and y == m["v"][ags][-1]
        assert fmt.number(x, need.decimals) == fmt.number(demo_report.row(need.id, ags, year)["value"], need.decimals)
        assert fifth in ("größter Bedarf", "mittel", "geringster Bedarf")
    page = funding.page(demo_report, programme)
    assert "fokus_viz: kennzahl" in page and 'id="foerderung-bedarf"' in page and 'id="karte"' in page
