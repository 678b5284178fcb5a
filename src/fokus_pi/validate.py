"""Row rules for a snapshot's value table: every problem, each with file, line and column."""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .areas import Register
from .catalogue import Catalogue, Indicator
from .mergers import Merger
from .problems import Collector
from .snapshots import Snapshot
from .symbols import FLAGS, SYMBOL_FLAGS
from .tables import Table, looks_like_date, parse_number, read_table

REQUIRED = ("indicator", "area", "year", "value")
OPTIONAL = ("numerator", "denominator", "flag")
FIRST_YEAR = 2000
COLUMNS = ["indicator", "area", "year", "value", "numerator", "denominator", "flag"]


def load_values(snap: Snapshot, catalogue: Catalogue, register: Register, out: Collector,
                retired: dict[str, Merger] | None = None) -> pd.DataFrame:
    """Check every row of the snapshot's values and return the clean ones as a typed long table.
    ``retired``: AGS dissolved by a merger (fusionen.yml), allowed for the years before it."""
    table = read_table(snap.values_file, REQUIRED, out, OPTIONAL, snap.dialect)
    if table is None:
        return pd.DataFrame(columns=COLUMNS)
    retired = retired or {}
    current = register.known_codes()
    known = current | set(retired)
    clean, frame = _screen(table, catalogue, current, snap.stichtag.year)
    seen: dict[tuple[str, str, int], int] = {}
    records = []
    for r in (r for r in range(len(table)) if not clean[r]):  # the rows that may hold a problem
        rec = _check_row(table, r, catalogue, known, snap.stichtag.year, out)
        if rec is None:
            continue
        gone = retired.get(rec["area"])
        if gone is not None and not gone.before(rec["year"]):
            out.add(table.path, *table.where(r, "area"), f"Gemeinde {rec['area']} besteht seit {gone.date:%d.%m.%Y} "
                    f"nicht mehr (fusionen.yml): Werte ab {gone.first_year} unter {gone.new} liefern")
            continue
        key = (rec["indicator"], rec["area"], rec["year"])
        if key in seen:
            out.add(table.path, *table.where(r, "indicator"),
                    f"doppelte Zeile für {key[0]}, {key[1]}, {key[2]} (zuerst in Zeile {seen[key]})")
            continue
        seen[key] = table.lines[r]
        records.append({"row": r, **rec})
    if records:
        records = _repeats_of_clean_rows(table, frame, clean, records, out)
    slow = pd.DataFrame.from_records(records, columns=["row", *COLUMNS]).set_index("row")
    frame = pd.concat([frame[clean], slow]) if len(slow) else frame[clean]
    frame = frame.sort_index().reset_index(drop=True)
    return frame.astype({"year": "int64", "value": "float64", "numerator": "float64", "denominator": "float64"})


def _repeats_of_clean_rows(t: Table, frame: pd.DataFrame, clean: np.ndarray, records: list[dict],
                           out: Collector) -> list[dict]:
    """A doubtful row may repeat a clean one once both are normalised (" 01056001", "٢٠٢٤" read as 2024): the
    later of the two is the repeat, as when every row is checked in order. Drops it (the clean one by clearing
    its ``clean`` mark) and says so."""
    slow = {(rec["indicator"], rec["area"], rec["year"]): i for i, rec in enumerate(records)}
    keys = pd.MultiIndex.from_frame(frame[["indicator", "area", "year"]])
    dropped = set()
    for r in np.flatnonzero(clean & keys.isin(list(slow))).tolist():
        key = keys[r]
        s = records[slow[key]]["row"]
        first, later = (r, s) if r < s else (s, r)
        out.add(t.path, *t.where(later, "indicator"),
                f"doppelte Zeile für {key[0]}, {key[1]}, {key[2]} (zuerst in Zeile {t.lines[first]})")
        if later == s:
            dropped.add(slow[key])
        else:
            clean[r] = False
    return [rec for i, rec in enumerate(records) if i not in dropped]


PLAIN = {".": r"-?[0-9]+(?:\.[0-9]+)?", ",": r"-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|-?[0-9]+(?:,[0-9]+)?"}  # ASCII
EMPTY_WITH = ("geheim", "unbekannt", "folgt", "nicht_sinnvoll")


def _screen(t: Table, cat: Catalogue, known: set[str], last_year: int) -> tuple[np.ndarray, pd.DataFrame]:
    """All rows at once, with the rules of _check_row: which rows are certainly clean, and their values.

    Checking a Land's million cells one Python call each took a minute. A row counts as clean only when every
    rule passes here for plain numbers; anything unusual (a problem, a number written another way, a Gemeinde
    dissolved by a merger, a repeated key) goes through _check_row, which words the messages. Values are parsed
    by ``floats``, which rounds as parse_number's Python float does, so both paths give the same figures."""
    def col(name: str) -> pd.Series:
        """One column as pandas' Arrow strings (their regular expressions run in C++), not stripped: a cell with
        spaces around it is not clean here, and _check_row, which strips, judges it."""
        i = t.column(name)
        return pd.Series(t.columns[i] if i is not None else [""] * len(t), dtype="str")

    ind, area, year_text, flag, value_text = (col(c) for c in ("indicator", "area", "year", "flag", "value"))
    symbol = value_text.isin(list(SYMBOL_FLAGS)) & flag.eq("")
    flag = flag.mask(symbol, value_text[symbol].map(SYMBOL_FLAGS))
    value_text = value_text.mask(symbol, "")
    number = PLAIN[t.dialect.decimal]

    def parse(text: pd.Series) -> tuple[pd.Series, pd.Series]:
        """(well written or empty, value or NaN)"""
        plain = text.str.fullmatch(number)
        if t.dialect.decimal == ",":
            text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        values = pd.Series(np.nan, index=text.index)
        values[plain] = floats(text[plain])
        return plain | text.eq(""), values

    ok_value, value = parse(value_text)
    ok_num, num = parse(col("numerator"))
    ok_den, den = parse(col("denominator"))
    year_ok = year_text.str.fullmatch(r"[0-9]{1,6}")
    year = pd.Series(pc.cast(pa.array(year_text.where(year_ok, "0"), pa.large_string()), pa.int64()).to_numpy(),
                     index=year_text.index)
    codes, names = pd.factorize(ind)  # each indicator's properties looked up once, not once per row
    about = [cat.by_id.get(name) for name in names]

    def per_row(prop: Callable[[Indicator], float | bool], unknown: float | bool) -> pd.Series:
        table = np.array([prop(i) if i is not None else unknown for i in about] or [unknown])
        return pd.Series(table[codes], index=ind.index)

    known_ind = per_row(lambda i: True, False)
    count = per_row(lambda i: i.kind == "count", False)
    share = per_row(lambda i: i.kind == "share", False)
    mult = per_row(lambda i: float(i.multiplier or 0), np.nan)
    places = per_row(lambda i: 0.5 * 10 ** -i.decimals, np.nan)
    has_value = value.notna()
    clean = (known_ind & area.isin(known) & year_ok & year.between(FIRST_YEAR, last_year)
             & (flag.eq("") | flag.isin(list(FLAGS))) & ok_value & ok_num & ok_den & np.isfinite(value.fillna(0))
             & (has_value | flag.ne("")) & ~(has_value & flag.isin(EMPTY_WITH)) & ~(num < 0) & ~(den < 0))
    clean &= ~(count & has_value & ((value < 0) | (value % 1 != 0)))
    clean &= ~(share & has_value & ~value.between(0, 100))
    both = num.notna() & den.notna()
    clean &= ~(both & share & (num > den)) & ~(both & den.eq(0) & (num > 0))
    check = both & has_value & mult.gt(0) & den.gt(0)
    clean &= ~(check & ((mult * num / den - value).abs() > places))
    key = pd.DataFrame({"i": ind, "a": area, "y": year})
    clean &= ~(year_ok & key.duplicated(keep=False))  # repeated rows: the slow path says which came first
    frame = pd.DataFrame({"indicator": ind.astype("str"), "area": area.astype("str"), "year": year, "value": value,
                          "numerator": num, "denominator": den, "flag": flag.astype("str")})
    return clean.to_numpy().copy(), frame  # writable: _repeats_of_clean_rows may clear a mark


def floats(texts: pd.Series) -> np.ndarray:
    """Plain decimal numbers ("-12.5") as doubles. Arrow rounds them correctly, as Python's float does (the same
    doubles, tested), in C++ instead of one Python call per cell."""
    return pc.cast(pa.array(texts, pa.large_string()), pa.float64()).to_numpy()


def _check_row(t: Table, r: int, cat: Catalogue, known: set[str], last_year: int, out: Collector) -> dict | None:
    say = lambda col, msg: out.add(t.path, *t.where(r, col), msg)  # noqa: E731
    ind_id, area, year_text = t.get(r, "indicator"), t.get(r, "area"), t.get(r, "year")
    ok = True
    ind = cat.by_id.get(ind_id)
    if ind is None:
        say("indicator", f"unbekannte Kennzahl „{ind_id}“ (nicht in indicators.yml)")
        ok = False
    if area not in known:
        hint = " (führende Null verloren?)" if len(area) == 7 and area.isdigit() else ""
        say("area", f"unbekanntes Gebiet „{area}“{hint}")
        ok = False
    year = int(year_text) if year_text.isdigit() else None
    if year is None or not FIRST_YEAR <= year <= last_year:
        say("year", f"Jahr „{year_text}“ außerhalb von {FIRST_YEAR} bis {last_year} (Stichtag)")
        ok = False
    flag, value_text = t.get(r, "flag"), t.get(r, "value")
    if value_text in SYMBOL_FLAGS and not flag:
        flag, value_text = SYMBOL_FLAGS[value_text], ""
    if flag and flag not in FLAGS:
        say("flag", f"unbekanntes Kennzeichen „{flag}“ (erlaubt: {', '.join(FLAGS)})")
        ok = False
    decimal = t.dialect.decimal
    value = parse_number(value_text, decimal) if value_text else None
    if value_text and value is None:
        if looks_like_date(value_text):
            say("value", f"Wert „{value_text}“ sieht wie ein Datum aus – hat Excel eine Zahl umgewandelt?")
        else:
            sep = "Dezimalkomma, Punkt nur als Tausendertrennzeichen" if decimal == "," else "Dezimalpunkt"
            say("value", f"Wert „{value_text}“ ist keine Zahl ({sep})")
        ok = False
    elif value is None and not flag:
        say("value", "Wert fehlt (leer ohne Kennzeichen)")
        ok = False
    elif value is not None and flag in ("geheim", "unbekannt", "folgt", "nicht_sinnvoll"):
        say("value", f"bei Kennzeichen „{flag}“ muss der Wert leer sein")
        ok = False
    num, den = (_fraction_part(t, r, col, say, decimal) for col in ("numerator", "denominator"))
    if num is False or den is False:
        ok = False
    if not ok or ind is None:
        return None
    if not _kind_rules(ind, value, num, den, flag, lambda col, msg: say(col, msg)):
        return None
    return {"indicator": ind_id, "area": area, "year": year, "value": value if value is not None else math.nan,
            "numerator": num if num is not None else math.nan, "denominator": den if den is not None else math.nan,
            "flag": flag}


def _fraction_part(t: Table, r: int, col: str, say, decimal: str) -> float | None | bool:
    text = t.get(r, col)
    if not text:
        return None
    x = parse_number(text, decimal)
    if x is None:
        say(col, f"{'Zähler' if col == 'numerator' else 'Nenner'} „{text}“ ist keine Zahl")
        return False
    if x < 0:
        say(col, f"{'Zähler' if col == 'numerator' else 'Nenner'} darf nicht negativ sein")
        return False
    return x


def _kind_rules(ind, value, num, den, flag, say) -> bool:
    ok = True
    if ind.kind == "count" and value is not None:
        if value < 0:
            say("value", f"negative Anzahl {value:g} bei {ind.id}")
            ok = False
        elif not value.is_integer():
            say("value", f"Anzahl {value:g} bei {ind.id} ist keine ganze Zahl")
            ok = False
    if ind.kind == "share" and value is not None and not 0 <= value <= 100:
        say("value", f"Anteil {value:g} % bei {ind.id} liegt nicht zwischen 0 und 100")
        ok = False
    if num is not None and den is not None:
        if ind.kind == "share" and num > den:
            say("numerator", f"Zähler {num:g} ist größer als Nenner {den:g}")
            ok = False
        elif den == 0 and num > 0:
            say("denominator", "Nenner ist 0")
            ok = False
        elif value is not None and ind.multiplier and den > 0:
            expected = ind.multiplier * num / den
            if abs(expected - value) > 0.5 * 10 ** -ind.decimals:
                say("value", f"Wert {value:g} passt nicht zu Zähler/Nenner (ergibt {expected:.{ind.decimals + 2}f})")
                ok = False
    return ok
