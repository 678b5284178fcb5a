"""The numbers behind maps and charts, shaped as compact JSON (one array per area, one slot per year).

Values are rounded half up to the indicator's decimals here, exactly as the tables print them, so the
browser only formats and never rounds; a flag travels as its key ("geheim"), a missing row as null.
"""

from __future__ import annotations

import json
import math

from ..areas import Gemeinde
from ..catalogue import Indicator
from ..report import Report
from ..symbols import BREAK, FLAGS
from .classes import Classes, classify, round_half_up

Slot = float | int | str | None


def _rounded(value: float, decimals: int) -> float | int:
    """Rounded like the tables; whole numbers as int, which saves ".0" per value in the page JSON."""
    x = round_half_up(value, decimals)
    return int(x) if x.is_integer() else x


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def value_slot(row: dict | None, decimals: int) -> Slot:
    """What one table cell shows, as data: a rounded number, a flag key, or None where there is no row."""
    if row is None:
        return None
    if row["flag"]:
        return str(row["flag"])
    return None if _missing(row["value"]) else _rounded(row["value"], decimals)


def change_slot(row: dict | None, decimals: int) -> Slot:
    """The change against the previous year: rounded, "|" at a break in the series, None where unknown."""
    if row is None or row["flag"] or _missing(row["value"]):
        return None
    if row["break"]:
        return BREAK[0]
    return None if _missing(row["change"]) else _rounded(row["change"], decimals)


def series(report: Report, ind: Indicator, code: str, years: list[int], slot=value_slot) -> list[Slot]:
    return [slot(report.row(ind.id, code, y), ind.decimals) for y in years]


def comparable(ind: Indicator) -> bool:
    """Counts are not compared with the Kreis total (their sum) nor with Land and Bund; the rest is."""
    return ind.kind != "count"


def indicator_meta(ind: Indicator) -> dict:
    return {"id": ind.id, "title": ind.short_title, "unit": ind.unit, "dec": ind.decimals, "dir": ind.direction}


def references(report: Report) -> list[dict]:
    reg = report.register
    return [{"code": r.code, "name": r.name, "level": lvl}
            for lvl, r in (("kreis", reg.kreis), ("land", reg.land), ("bund", reg.bund))]


def map_classes(report: Report, ind: Indicator, year: int) -> Classes:
    """Classes over every Gemeinde value of every year, split at the Kreis value of ``year``."""
    rows = report.of(ind.id)
    gemeinden = {g.ags for g in report.register.gemeinden}
    values = [float(v) for a, v, f in zip(rows["area"], rows["value"], rows["flag"])
              if a in gemeinden and not f and not _missing(v)]
    kreis = report.row(ind.id, report.register.kreis.code, year) if comparable(ind) else None
    centre = None if kreis is None or kreis["flag"] or _missing(kreis["value"]) else float(kreis["value"])
    return classify(values, ind.decimals, ind.direction, centre)


def indicator_payload(report: Report, ind: Indicator, classes: Classes | None = None) -> dict | None:
    """Everything the map and charts of one indicator page draw; None while no Gemeinde has a value."""
    year = report.latest_year(ind.id)
    if year is None:
        return None
    classes = classes or map_classes(report, ind, year)
    years = report.years(ind.id)
    gemeinden = report.register.gemeinden
    refs = references(report)
    return {
        "ind": indicator_meta(ind),
        "years": years,
        "year": year,
        "refs": refs,
        "v": {c: series(report, ind, c, years) for c in [g.ags for g in gemeinden] + [r["code"] for r in refs]},
        "c": {g.ags: series(report, ind, g.ags, years, change_slot) for g in gemeinden},
        "classes": classes.to_json(),
        **area_series(report, ind, years),
    }


def area_series(report: Report, ind: Indicator, years: list[int]) -> dict:
    """The planning-area level: the report's aggregates (summed numerators over summed denominators, never
    a mean of rates) as "a" (values) and "ac" (changes), one list per area in register order (geo.js gives
    each area shape its position "i"); nothing where the indicator has no area values."""
    codes = [p.id for p in report.register.planning_areas]
    values = [series(report, ind, c, years) for c in codes]
    if all(v is None for s in values for v in s):
        return {}
    return {"a": values, "ac": [series(report, ind, c, years, change_slot) for c in codes]}


def gemeinde_payload(report: Report, g: Gemeinde, published: list[Indicator]) -> dict:
    """The Gemeinde's own series for every published indicator; the rest is shared (see site_payload)."""
    return {
        "ags": g.ags,
        "name": g.name,
        "v": {ind.id: series(report, ind, g.ags, report.years(ind.id)) for ind in published},
    }


def site_payload(report: Report, published: list[Indicator]) -> dict:
    """What every Gemeinde page shares: indicator metadata, years, and the Kreis, Land and Bund series."""
    refs = references(report)
    fields = []
    for f in report.catalogue.fields:
        inds = []
        for ind in (i for i in published if i.field == f.id):
            years = report.years(ind.id)
            shown = refs if comparable(ind) else []
            inds.append({**indicator_meta(ind), "years": years,
                         "v": {r["code"]: series(report, ind, r["code"], years) for r in shown}})
        if inds:
            fields.append({"id": f.id, "title": f.title, "ind": inds})
    return {"refs": refs, "fields": fields}


def flag_table() -> dict[str, list[str]]:
    """Flag key -> [symbol, legend text], for the browser's formatter."""
    return {k: list(v) for k, v in FLAGS.items()}


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element and inside Markdown (no "<", ">" or "&" left)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
