"""Vega-Lite chart specs built with Altair, with German labels; the browser fills the named datasets.

Specs name their data ("werte", "refs", "reihen") instead of inlining it: the page ships its numbers once,
in the compact form of data.py, and fokus-viz.js expands them into rows for both map and charts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache, wraps

from ..cache import cached_json, code_version, key
from ..catalogue import Indicator
from ..lazy import Lazy
from .classes import FAVOURABLE, UNFAVOURABLE
from .data import comparable

alt = Lazy("altair")  # imported when a chart skeleton is built: they usually come from the cache (0.45 s saved)

# d3-format and d3-time-format locales for de-DE (as published with d3), with the true minus sign
FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"], "minus": "\u2212"}
TIME_FORMAT_LOCALE = {
    "dateTime": "%A, der %e. %B %Y, %X", "date": "%d.%m.%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
    "days": ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember"],
    "shortMonths": ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
}
# Okabe-Ito, safe for the common colour-vision deficiencies; dashes tell the references apart without colour
LEVEL_COLORS = {"gemeinde": "#0072B2", "kreis": "#E69F00", "land": "#009E73", "bund": "#555555"}
LEVEL_DASHES = {"gemeinde": [1, 0], "kreis": [6, 3], "land": [2, 2], "bund": [8, 3, 2, 3]}
PICK_COLORS = ["#0072B2", "#D55E00", "#CC79A7", "#56B4E9", "#009E73", "#E69F00", "#000000", "#F0E442"]
NEUTRAL_CHANGE = "#7a7a7a"
BAR_STEP = 13
WIDE = 560


_makers: dict[str, Callable[..., dict]] = {}  # the Altair functions behind _stored, by name


def _stored(make: Callable[..., dict]) -> Callable[..., dict]:
    """Keep a chart kind's spec in memory and in the build cache: Altair takes a quarter of a second per spec,
    and a spec depends only on its arguments (JSON values: tuples arrive as lists), this module and Altair."""
    @wraps(make)
    def spec(*args: object) -> dict:
        frozen = json.dumps(args, sort_keys=True, ensure_ascii=False)  # dict arguments (names) as a cache key
        return _stored_spec(make.__name__, frozen)

    _makers[make.__name__] = make
    return spec


@cache
def _stored_spec(name: str, frozen: str) -> dict:
    digest = key(code_version("viz/charts.py", "dist:altair"), name, frozen)
    return cached_json("charts", digest, lambda: _makers[name](*json.loads(frozen)))


def axis_format(decimals: int) -> str:
    return f",.{decimals}f"


def unit_title(ind: Indicator) -> str:
    return f"{ind.short_title} ({ind.unit})" if ind.unit else ind.short_title


def _spec(chart: alt.TopLevelMixin, description: str) -> dict:
    """The plain spec: no $schema URL (vega-embed defaults to Vega-Lite), German description for screen readers."""
    spec = chart.properties(description=description).to_dict(validate=False)  # tests validate; 30 % of the time
    spec.pop("$schema", None)
    return spec


# stand-ins in the specs Altair builds once per kind of chart; the indicator's own titles and values replace them
T_TITLE, T_UNIT, T_KREIS, T_YEAR, T_PICKED, T_NAMES, T_FORMAT, T_UP, T_DOWN = (
    f"\u0000{n}" for n in ("title", "unit", "kreis", "year", "picked", "names", "format", "up", "down"))


def indicator_spec(ind: Indicator, year: int, picked: list[str], kreis_name: str, names: dict[str, str]) -> dict:
    """Ranking with the Kreis as a reference line, the change against the previous year, and the series of
    the Gemeinden the reader picks (click a bar; click again to drop it) against Kreis, Land and Bund.

    Altair takes about a quarter of a second per spec (deep copies of its schema objects), so it builds one
    skeleton per kind of chart (compared with the Kreis or not, with a unit or not) and each indicator's titles,
    number format, colours and values are filled in; a test compares the result with Altair's own for one demo
    indicator of every kind (tests/test_cache.py)."""
    base = _indicator_base(comparable(ind), bool(ind.unit))
    up, down = _change_colors(ind.direction)
    values = {T_YEAR: year, T_PICKED: [{"ags": a} for a in picked], T_NAMES: names,
              T_FORMAT: axis_format(ind.decimals), T_UP: up, T_DOWN: down}
    return _filled(base, values, {T_TITLE: ind.short_title, T_UNIT: ind.unit, T_KREIS: kreis_name})


def prepare(indicators: Iterable[Indicator]) -> None:
    """Build (or read from the cache) the skeletons of these indicators' charts in this process. Called before
    the page workers are forked: each inherits them instead of importing Altair (half a second) and building
    the same few skeletons again (a cold demo build did both in each worker)."""
    for compared, has_unit in sorted({(comparable(i), bool(i.unit)) for i in indicators}):
        _indicator_base(compared, has_unit)


@_stored
def _indicator_base(compared: bool, has_unit: bool) -> dict:
    stand_in = Indicator(id="x", title=T_TITLE, short_title=T_TITLE, unit=T_UNIT if has_unit else "", field="",
                         description="", source="", kind="rate" if compared else "count", direction="",
                         decimals=0)
    return altair_indicator_spec(stand_in, T_YEAR, T_PICKED, T_KREIS, T_NAMES, T_FORMAT, (T_UP, T_DOWN))


def _filled(node: object, values: dict[str, object], texts: dict[str, str]) -> object:
    """A copy of a skeleton spec: a string equal to a key of ``values`` becomes that value, and the keys of
    ``texts`` are replaced inside every string."""
    if isinstance(node, dict):
        return {k: _filled(v, values, texts) for k, v in node.items()}
    if isinstance(node, list):
        return [_filled(v, values, texts) for v in node]
    if isinstance(node, str) and "\u0000" in node:
        if node in values:
            return values[node]
        for token, text in texts.items():
            node = node.replace(token, text)
    return node


def altair_indicator_spec(ind: Indicator, year: int | str, picked: list[str] | str, kreis_name: str,
                          names: dict[str, str] | str, number_format: str | None = None,
                          change_colors: tuple[str, str] | None = None) -> dict:
    """The indicator's charts built by Altair (``picked`` a list of AGS, or a stand-in for the whole list;
    number format and colours of rise and fall follow the indicator unless given)."""
    jahr = alt.param(name="jahr", value=year)
    chosen = picked if isinstance(picked, str) else [{"ags": a} for a in picked]
    pick = alt.selection_point(name="auswahl", fields=["ags"], toggle="true", value=chosen)
    fmt = number_format or axis_format(ind.decimals)
    this_year = "datum.year == jahr && isValid(datum.value)"
    order = alt.EncodingSortField("value", order="descending")
    tip = [alt.Tooltip("name:N", title="Gemeinde"), alt.Tooltip("text:N", title=unit_title(ind)),
           alt.Tooltip("ctext:N", title="Veränderung zum Vorjahr")]
    bars = alt.Chart(alt.Data(name="werte")).transform_filter(this_year).mark_bar(cursor="pointer").encode(
        x=alt.X("value:Q", title=unit_title(ind), axis=alt.Axis(format=fmt)),
        y=alt.Y("name:N", sort=order, title=None),
        color=alt.Color("color:N", scale=None),
        stroke=alt.when(pick, empty=False).then(alt.value("#000000")).otherwise(alt.value("#8a8a8a")),
        strokeWidth=alt.when(pick, empty=False).then(alt.value(2)).otherwise(alt.value(0.5)),  # pale classes
        tooltip=tip,
    ).add_params(pick).properties(name="rang")
    layers: list[alt.Chart] = [bars]
    if comparable(ind):
        layers.append(alt.Chart(alt.Data(name="refs")).transform_filter(
            f"{this_year} && datum.level == 'kreis'").mark_rule(color="#000000", strokeDash=[5, 3], size=2).encode(
            x="value:Q", tooltip=[alt.Tooltip("name:N", title="Vergleich"), alt.Tooltip("text:N", title="Wert")]))
    ranking = alt.layer(*layers).properties(
        width=300, height=alt.Step(BAR_STEP),
        title=f"Rangfolge {'(Linie: ' + kreis_name + ')' if comparable(ind) else ''}".strip())
    up, down = change_colors or _change_colors(ind.direction)
    change = alt.Chart(alt.Data(name="werte")).transform_filter(this_year).mark_bar().encode(
        x=alt.X("chg:Q", title="Veränderung zum Vorjahr", axis=alt.Axis(format=fmt)),
        y=alt.Y("name:N", sort=order, axis=None),
        color=alt.when("datum.chg > 0").then(alt.value(up)).otherwise(alt.value(down)),
        tooltip=tip,
    ).properties(width=170, height=alt.Step(BAR_STEP), title="Veränderung zum Vorjahr")
    top = alt.hconcat(ranking, change).resolve_scale(y="shared")
    namen = alt.param(name="namen", value=names)
    return _spec(alt.vconcat(top, _comparison(ind, pick, fmt)).add_params(jahr, namen),
                 f"Diagramme zu {ind.short_title}: Rangfolge der Gemeinden, Veränderung zum Vorjahr "
                 f"und Entwicklung ausgewählter Gemeinden")


def _change_colors(direction: str) -> tuple[str, str]:
    """Colour of a rise and of a fall: favourable blue, unfavourable red, grey where neither."""
    good, bad = FAVOURABLE[2][1], UNFAVOURABLE[2][1]
    return {"higher_is_better": (good, bad), "higher_is_worse": (bad, good)}.get(direction, (NEUTRAL_CHANGE,) * 2)


def _comparison(ind: Indicator, pick: alt.Parameter, fmt: str) -> alt.LayerChart:
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=unit_title(ind), axis=alt.Axis(format=fmt), scale=alt.Scale(zero=False))
    tip = [alt.Tooltip("name:N", title="Gebiet"), alt.Tooltip("year:O", title="Jahr"),
           alt.Tooltip("text:N", title=unit_title(ind))]
    picked = alt.Chart(alt.Data(name="werte")).transform_filter({"param": "auswahl", "empty": False}).mark_line(
        point=True).encode(x=x, y=y, tooltip=tip, color=alt.Color(
            "name:N", scale=alt.Scale(range=PICK_COLORS), legend=alt.Legend(title="Ausgewählte Gemeinden")))
    layers = [picked]
    if comparable(ind):
        levels = list(LEVEL_COLORS)[1:]
        layers.append(alt.Chart(alt.Data(name="refs")).mark_line(point=True).encode(
            x=x, y=y, tooltip=tip,
            **_level_encoding(levels, alt.Legend(title="Vergleich", labelExpr=_level_names_expr()))))
    return alt.layer(*layers).resolve_scale(color="independent").properties(
        width=WIDE, height=220, title="Entwicklung (Balken oben anklicken, um Gemeinden auszuwählen)")


def _level_encoding(levels: list[str], legend: alt.Legend) -> dict:
    """Colour and dash by level (Gemeinde, Kreis, Land, Bund), merged into one legend that shows both."""
    return {
        "color": alt.Color("level:N", scale=alt.Scale(domain=levels, range=[LEVEL_COLORS[k] for k in levels]),
                           legend=legend),
        "strokeDash": alt.StrokeDash("level:N", legend=legend,
                                     scale=alt.Scale(domain=levels, range=[LEVEL_DASHES[k] for k in levels])),
    }


def _level_names_expr() -> str:
    """Legend labels from the names the page passes in (param "namen"), so one spec fits every Kreis."""
    return "namen[datum.value] || datum.value"


@_stored
def gemeinde_spec(names: dict[str, str]) -> dict:
    """Small multiples for one Handlungsfeld: each indicator's series for the Gemeinde, Kreis, Land and Bund.
    One spec serves every Gemeinde page; the page adds its own name to the param "namen" (level -> name)."""
    levels = list(LEVEL_COLORS)
    chart = alt.Chart(alt.Data(name="reihen")).mark_line(point=alt.OverlayMarkDef(size=18)).encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, labelOverlap="greedy")),
        y=alt.Y("value:Q", title=None, axis=alt.Axis(format=",~f", tickCount=4), scale=alt.Scale(zero=False)),
        **_level_encoding(levels, alt.Legend(title=None, orient="top", labelExpr=_level_names_expr())),
        tooltip=[alt.Tooltip("label:N", title="Kennzahl"), alt.Tooltip("name:N", title="Gebiet"),
                 alt.Tooltip("year:O", title="Jahr"), alt.Tooltip("text:N", title="Wert")],
    ).properties(width=165, height=95)
    facet = chart.facet(
        facet=alt.Facet("label:N", title=None, sort=alt.EncodingSortField("i", op="min"),
                        header=alt.Header(labelFontSize=11, labelLimit=180)),
        columns=3,
    ).resolve_scale(y="independent").resolve_axis(x="independent").add_params(alt.param(name="namen", value=names))
    return _spec(facet, "Zeitreihen der Kennzahlen eines Handlungsfelds: die Gemeinde im Vergleich mit "
                 f"{names.get('kreis', 'dem Kreis')}, Land und Bund")


X_TITLE, Y_TITLE = "\u0000x", "\u0000y"  # placeholders in the cached scatter spec


def scatter_spec(x_title: str, y_title: str, x_dec: int, y_dec: int, description: str,
                 group: tuple[str, list[str]] | None = None) -> dict:
    """One point per Gemeinde (dataset "punkte": name, x, y, their German texts, optional group g); the
    tooltip shows the name and both values as the tables print them. Altair builds the spec once per
    kind (a page of 25 scatters would otherwise spend seconds in Altair); the titles are filled in."""
    base = _scatter_base(x_dec, y_dec, None if group is None else (group[0], tuple(group[1])))
    return {**_filled(base, {X_TITLE: x_title, Y_TITLE: y_title}, {}), "description": description}


@_stored
def _scatter_base(x_dec: int, y_dec: int, group: tuple[str, tuple[str, ...]] | None) -> dict:
    tip = [alt.Tooltip("name:N", title="Gemeinde"), alt.Tooltip("xtext:N", title=X_TITLE),
           alt.Tooltip("ytext:N", title=Y_TITLE)]
    colour: dict = {"color": alt.value(LEVEL_COLORS["gemeinde"])}
    if group:
        title, domain = group[0], list(group[1])
        tip.append(alt.Tooltip("g:N", title=title))
        colour = {"color": alt.Color("g:N", title=title, scale=alt.Scale(domain=domain, range=PICK_COLORS[:len(domain)])),
                  "shape": alt.Shape("g:N", title=title, scale=alt.Scale(domain=domain))}
    chart = alt.Chart(alt.Data(name="punkte")).mark_point(filled=True, size=45, opacity=0.85).encode(
        x=alt.X("x:Q", title=X_TITLE, axis=alt.Axis(format=axis_format(x_dec)), scale=alt.Scale(zero=False)),
        y=alt.Y("y:Q", title=Y_TITLE, axis=alt.Axis(format=axis_format(y_dec)), scale=alt.Scale(zero=False)),
        tooltip=tip, **colour,
    ).properties(width=380, height=260)
    return _spec(chart, "")


def embed_options() -> dict:
    """vega-embed options: SVG for accessibility and crisp print, no action menu, German number format."""
    return {"renderer": "svg", "actions": False, "formatLocale": FORMAT_LOCALE, "timeFormatLocale": TIME_FORMAT_LOCALE}
