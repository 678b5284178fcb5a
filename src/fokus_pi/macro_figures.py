"""Macros that print figures of the indicators: a value, a change, a table, a chart, a year, a name.

Each takes the ``Library`` first (the report and the page) and raises ``MacroError`` with a German message that
names what is wrong and what would be right."""

from __future__ import annotations

import difflib
import math
import re

from . import fmt, svgchart
from .catalogue import Indicator
from .macros import Library, MacroError
from .symbols import FLAGS, MISSING

__all__ = ["wert", "veraenderung", "tabelle", "diagramm", "jahr", "stichtag", "name"]

PARTS = {"wert": "value", "zaehler": "numerator", "nenner": "denominator"}
AREA_HINT = "Gemeindeschlüssel oder -name, Kurzname eines Planungsraums, „kreis“, „land“ oder „bund“"


def indicator(lib: Library, ident: object) -> Indicator:
    by_id = lib.report.catalogue.by_id
    if not isinstance(ident, str) or ident not in by_id:
        close = difflib.get_close_matches(str(ident), list(by_id), n=1)
        hint = f" (meinten Sie „{close[0]}“?)" if close else ""
        raise MacroError(f"unbekannte Kennzahl „{ident}“{hint}")
    return by_id[ident]


def area(lib: Library, ident: object) -> str:
    """The area code for a code, a reference word or a Gemeinde or planning-area name."""
    reg = lib.report.register
    text = str(ident).strip()
    aliases = {"kreis": reg.kreis.code, "land": reg.land.code, "bund": reg.bund.code}
    if text.lower() in aliases:
        return aliases[text.lower()]
    if text in reg.known_codes():
        return text
    names = {g.name.lower(): g.ags for g in reg.gemeinden}
    names.update({p.name.lower(): p.id for p in reg.planning_areas if p.name.lower() not in names})
    if text.lower() in names:
        return names[text.lower()]
    raise MacroError(f"unbekanntes Gebiet „{text}“ (erwartet: {AREA_HINT})")


def _year(lib: Library, ind: Indicator, year: object) -> int:
    years = lib.report.years(ind.id)
    if year is None:
        latest = lib.report.latest_year(ind.id)
        if latest is None:
            raise MacroError(f"für „{ind.id}“ liegen keine Werte vor")
        return latest
    if not isinstance(year, int) or year not in years:
        span = f"{years[0]}–{years[-1]}" if years else "keine"
        raise MacroError(f"für „{ind.id}“ gibt es kein Jahr {year} (vorhanden: {span})")
    return year


def _row(lib: Library, ind: Indicator, code: str, year: int) -> dict:
    row = lib.report.row(ind.id, code, year)
    if row is None:
        name = lib.report.register.area_name(code)
        raise MacroError(f"kein Wert für „{ind.id}“ in {name} {year} (diese Kennzahl gibt es dort nicht)")
    return row


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _symbol(row: dict) -> str:
    flag = row.get("flag") or ""
    return FLAGS[flag][0] if flag in FLAGS else MISSING[0]


def _shown_unit(ind: Indicator) -> str:
    return "" if ind.unit in ("Anzahl", "") else ind.unit


def wert(lib: Library, kennzahl: str, gebiet: str = "kreis", jahr: int | None = None, teil: str = "wert",
         einheit: bool = True, stellen: int | None = None) -> str:
    """A published figure with its unit, e.g. „12,9 %“; flags show their official symbol. ``stellen`` rounds to
    fewer decimals (plain-language texts)."""
    ind = indicator(lib, kennzahl)
    if stellen is not None and (not isinstance(stellen, int) or not 0 <= stellen <= ind.decimals):
        raise MacroError(f"stellen={stellen!r}: ganze Zahl von 0 bis {ind.decimals}")
    decimals = ind.decimals if stellen is None else stellen
    if teil not in PARTS:
        raise MacroError(f"teil=„{teil}“ gibt es nicht (erlaubt: {', '.join(PARTS)})")
    year = _year(lib, ind, jahr)
    row = _row(lib, ind, area(lib, gebiet), year)
    part = PARTS[teil]
    if part != "value":
        if row.get("flag") or _missing(row.get(part)):
            return _symbol(row) if row.get("flag") else MISSING[0]
        return fmt.number(row[part], 0)
    if row.get("flag") or _missing(row["value"]):
        return _symbol(row)
    unit = _shown_unit(ind) if einheit else ""
    return fmt.with_unit(row["value"], decimals, unit)


def veraenderung(lib: Library, kennzahl: str, gebiet: str = "kreis", seit: int | None = None,
                 bis: int | None = None, art: str = "absolut") -> str:
    """The change between two years, with sign: „+1,2 Prozentpunkte“ or, with art="prozent", „+3,4 %“."""
    ind = indicator(lib, kennzahl)
    code = area(lib, gebiet)
    end = _year(lib, ind, bis)
    start = _year(lib, ind, end - 1 if seit is None else seit)
    if start >= end:
        raise MacroError(f"seit={start} muss vor dem Jahr {end} liegen")
    if art not in ("absolut", "prozent"):
        raise MacroError(f"art=„{art}“ gibt es nicht (erlaubt: absolut, prozent)")
    first, last = _row(lib, ind, code, start), _row(lib, ind, code, end)
    if any(r.get("flag") or _missing(r["value"]) for r in (first, last)):
        return MISSING[0]
    diff = last["value"] - first["value"]
    if art == "prozent":
        if first["value"] == 0:
            return MISSING[0]
        text = fmt.signed(100 * diff / first["value"], 1) + fmt.NBSP + "%"
    elif ind.unit == "%":
        text = fmt.signed(diff, ind.decimals) + fmt.NBSP + "Prozentpunkte"
    elif ind.unit == "Index":
        text = fmt.signed(diff, ind.decimals) + fmt.NBSP + "Punkte"
    else:
        unit = _shown_unit(ind)
        text = fmt.signed(diff, ind.decimals) + (fmt.NBSP + unit if unit else "")
    breaks = sorted(y for y in ind.break_years() if start < y <= end)
    if breaks:
        text += f" (Bruch in der Zeitreihe {', '.join(map(str, breaks))})"
    return text


def _areas(lib: Library, gebiete: object, ind: Indicator) -> list[str]:
    reg = lib.report.register
    if gebiete == "vergleich":
        return [r.code for r in reg.references]
    if gebiete == "planungsraeume":
        return [p.id for p in reg.planning_areas] + [reg.kreis.code]
    if gebiete == "gemeinden":
        return [g.ags for g in reg.gemeinden] + [reg.kreis.code]
    if isinstance(gebiete, str):
        return [area(lib, gebiete)]
    if isinstance(gebiete, (list, tuple)) and gebiete:
        return [area(lib, g) for g in gebiete]
    raise MacroError("gebiete: „vergleich“, „planungsraeume“, „gemeinden“, ein Gebiet oder eine Liste "
                     "von Gebieten")


def _years(lib: Library, ind: Indicator, jahre: object) -> list[int]:
    available = lib.report.years(ind.id)
    if isinstance(jahre, int) and not isinstance(jahre, bool) and 0 < jahre < 100:
        return available[-jahre:]
    if isinstance(jahre, (list, tuple)) and jahre:
        return [_year(lib, ind, y) for y in jahre]
    raise MacroError("jahre: Anzahl der letzten Jahre (z. B. 5) oder eine Liste von Jahren")


def _cell(row: dict | None, ind: Indicator) -> str:
    if row is None:
        return MISSING[0]
    if row.get("flag") or _missing(row["value"]):
        return _symbol(row)
    return fmt.number(row["value"], ind.decimals)


def _caption(lib: Library, ind: Indicator) -> str:
    unit = f" ({ind.unit})" if ind.unit else ""
    return f"{ind.title}{unit}. Quelle: {ind.source}. Datenstand: {fmt.date(lib.report.snapshot.stichtag)}."


def tabelle(lib: Library, kennzahl: str, gebiete: object = "vergleich", jahre: object = 5) -> str:
    """A Markdown table of one indicator: areas in rows, years in columns."""
    ind = indicator(lib, kennzahl)
    codes, years = _areas(lib, gebiete, ind), _years(lib, ind, jahre)
    names = lib.report.register.area_name
    lines = ["| Gebiet | " + " | ".join(map(str, years)) + " |", "| --- |" + " ---: |" * len(years)]
    for code in codes:
        cells = [_cell(lib.report.row(ind.id, code, y), ind) for y in years]
        lines.append(f"| {names(code)} | " + " | ".join(cells) + " |")
    return "\n" + "\n".join(lines) + "\n\n" + f"*{_caption(lib, ind)}*\n"


def diagramm(lib: Library, kennzahl: str, gebiete: object = None, von: int | None = None,
             bis: int | None = None) -> str:
    """A line chart of one indicator over the years (static SVG with the figures as a table)."""
    ind = indicator(lib, kennzahl)
    default = lib.report.register.kreis.code if ind.kind == "count" else "vergleich"
    codes = _areas(lib, default if gebiete is None else gebiete, ind)
    years = [y for y in lib.report.years(ind.id)
             if (von is None or y >= von) and (bis is None or y <= bis)]
    if von is not None:
        _year(lib, ind, von)
    if bis is not None:
        _year(lib, ind, bis)
    series = []
    for code in codes:
        values = []
        for y in years:
            row = lib.report.row(ind.id, code, y)
            values.append(None if row is None or row.get("flag") or _missing(row["value"]) else float(row["value"]))
        series.append(svgchart.Series(lib.report.register.area_name(code), values))
    ident = "d-" + re.sub(r"[^a-z0-9]+", "-", f"{ind.id}-{'-'.join(codes)}-{von}-{bis}".lower())
    chart = svgchart.line_chart(ind.title, [str(y) for y in years], series, ind.unit, ind.decimals,
                                _caption(lib, ind), ident)
    return "\n" + chart + "\n" if chart else MISSING[0]


def jahr(lib: Library, kennzahl: str) -> str:
    """The newest year with figures for the indicator."""
    return str(_year(lib, indicator(lib, kennzahl), None))


def stichtag(lib: Library, lang: bool = False) -> str:
    """The date of the published data snapshot."""
    return fmt.date(lib.report.snapshot.stichtag, long=lang)


def name(lib: Library, gebiet: str) -> str:
    """The name of an area, e.g. for a code."""
    return lib.report.register.area_name(area(lib, gebiet))
