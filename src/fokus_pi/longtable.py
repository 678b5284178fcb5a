"""The long table of published values (`werte`): one row per indicator, area and year, as the open data, the
API and the archive publish it, with its CSV text.

Built per indicator through the build cache: an indicator whose rows did not change comes back with its rows
and its CSV lines, so a rebuild after a data commit formats one indicator again instead of the whole table (for
a Land, a million values rounded and written twice: 16 s). The parts are joined in catalogue order, which is the
table's first sort key, so the result is the table built in one piece (a test compares them)."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import heap
from .cache import cached_pickles, code_version, key
from .digest import group_digests
from .report import STORED_WITH, Report
from .viz.classes import round_half_up

LEVELS = ("gemeinde", "planungsraum", "kreis", "land", "bund")


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame  # the columns of opendata.COLUMNS, sorted by catalogue order, level, area, year
    plain: str  # the frame as CSV (csv_text with each indicator's decimals)
    excel: str  # the same for Excel (csv_text(excel=True)) without its byte-order mark, which would make Python
    # hold the whole text at two bytes a character (162 instead of 81 MB for a Land): each file adds it


def areas(report: Report) -> pd.DataFrame:
    """Every area with its level and names: the `gebiete` table."""
    reg = report.register
    rows = [{"gebiet": g.ags, "gebietsname": g.name, "ebene": "gemeinde", "bezeichnung": g.bez, "amt": g.amt,
             "planungsraum": g.planning_area} for g in reg.gemeinden]
    rows += [{"gebiet": p.id, "gebietsname": p.name, "ebene": "planungsraum", "bezeichnung": "Planungsraum",
              "amt": "", "planungsraum": p.id} for p in reg.planning_areas]
    rows += [{"gebiet": r.code, "gebietsname": r.name, "ebene": lvl, "bezeichnung": lvl.capitalize(), "amt": "",
              "planungsraum": ""} for lvl, r in zip(LEVELS[2:], reg.references)]
    return pd.DataFrame(rows)


def table(report: Report) -> pd.DataFrame:
    """The published values as one long table (the columns of opendata.COLUMNS), sorted by catalogue order,
    level, area, year."""
    return long_table(report).frame


def long_table(report: Report) -> Table:
    """The long table and its CSV texts, each indicator's part from the build cache where its rows and the
    areas did not change."""
    facts, decimals = report.facts, decimals_of(report)
    known = areas(report).set_index("gebiet")
    order = {i.id: n for n, i in enumerate(report.catalogue.indicators)}
    shared = key(code_version("longtable.py", "viz/classes.py", *STORED_WITH), known.to_dict("index"), decimals)
    groups = group_digests(facts, "indicator")

    def make(missing: list[str]) -> dict[str, Part]:
        made: dict[str, Part] = {}
        for batch in _batches(missing, {ind: len(groups[ind][0]) for ind in missing}):
            made.update(_parts(facts.iloc[np.concatenate([groups[ind][0] for ind in batch])], batch, known, decimals))
            heap.release()  # what making the batch took beside its parts
        return made

    parts = cached_pickles("werte", {ind: key(shared, ind, digest) for ind, (_, digest) in groups.items()}, make)
    frames, plain, excel = (list(column) for column in zip(*(parts[k] for k in sorted(
        parts, key=lambda k: order.get(k, len(order)))))) if parts else ([], [], [])
    del parts  # each column of the parts is let go once it is joined (a Land's are 460 MB together)
    frame = pd.concat(frames, ignore_index=True) if frames else _parts(facts, [], known, decimals)[""][0]
    del frames
    heap.release()  # the allocators keep what was freed: given back between the steps, a Land's peak is 120 MB less
    _assert_withheld_empty(frame, report.suppressed)
    header = ",".join(frame.columns) + "\n"
    plain_text = "".join([header, *plain])  # one join: header + "".join(...) would copy the whole text once more
    del plain
    heap.release()
    return Table(frame, plain_text, "".join([header.replace(",", ";"), *excel]))


BATCH_ROWS = 1 << 18  # rows made together: a Land's million at once took 790 MB beside its parts, a quarter 480


def _batches(indicators: list[str], rows: dict[str, int]) -> list[list[str]]:
    """The indicators in runs of about BATCH_ROWS rows (at least one indicator each), in their order."""
    batches: list[list[str]] = [[]]
    filled = 0
    for ind in indicators:
        if batches[-1] and filled + rows[ind] > BATCH_ROWS:
            batches.append([])
            filled = 0
        batches[-1].append(ind)
        filled += rows[ind]
    return batches if batches[0] else []


Part = tuple[pd.DataFrame, str, str]  # one indicator's rows of the long table and their CSV lines, plain and Excel


def _parts(facts: pd.DataFrame, indicators: list[str], known: pd.DataFrame,
           decimals: dict[str, int]) -> dict[str, Part]:
    """The parts of ``indicators`` (all rows of ``facts``; without indicators, the empty table under ""), each
    sorted by level, area and year, made together: one frame, one sort and two CSV writes, then cut at the
    indicators' bounds (a line of CSV is the same whatever rows surround it)."""
    frame = pd.DataFrame({
        "kennzahl": facts["indicator"].astype(str),
        "gebiet": facts["area"].astype(str),
        "gebietsname": facts["area"].map(known["gebietsname"]).fillna(facts["area"]).astype(str),
        "ebene": facts["area"].map(known["ebene"]).fillna("").astype(str),
        "jahr": facts["year"].astype("int64"),
        "wert": [math.nan if v != v else round_half_up(v, decimals[i])
                 for i, v in zip(facts["indicator"].tolist(), facts["value"].tolist())],
        "zaehler": facts["numerator"].round().astype("Int64"),
        "nenner": facts["denominator"].round().astype("Int64"),
        "kennzeichen": facts["flag"].fillna("").astype(str),
    })
    frame["_i"] = frame["kennzahl"].map({ind: n for n, ind in enumerate(indicators)})
    frame["_e"] = frame["ebene"].map({e: n for n, e in enumerate(LEVELS)})
    frame = frame.sort_values(["_i", "_e", "gebiet", "jahr"], kind="stable").drop(columns=["_i", "_e"])
    frame = frame.reset_index(drop=True)
    if not indicators:
        return {"": (frame, "", "")}
    text = _formatted(frame, False, decimals)  # each value formatted once, for both variants
    plain, excel = _lines(text, ","), _lines(_excel(text), ";")
    del text
    bounds = np.cumsum([0, *frame["kennzahl"].value_counts(sort=False).reindex(indicators).to_numpy()])
    return {ind: (frame.iloc[a:b].reset_index(drop=True), _text(plain, a, b), _text(excel, a, b))
            for ind, a, b in zip(indicators, bounds[:-1], bounds[1:])}


def _lines(text: pd.DataFrame, sep: str) -> pa.LargeStringArray:
    """Each row's CSV line with its line end, kept in Arrow: as Python strings, a Land's two million lines
    took 300 MB at the peak of its build."""
    return pc.binary_join_element_wise(pc.cast(_joined_array(text, sep), pa.large_string()),
                                       pa.scalar("", pa.large_string()), pa.scalar("\n", pa.large_string()))


def _text(lines: pa.LargeStringArray, start: int, stop: int) -> str:
    """Lines ``start`` to ``stop`` as one text, decoded straight from Arrow's buffer."""
    if start == stop:
        return ""  # an array of empty strings may have no data buffer
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset:]
    return memoryview(lines.buffers()[2])[offsets[start]:offsets[stop]].tobytes().decode("utf-8")


def _assert_withheld_empty(frame: pd.DataFrame, suppressed: pd.DataFrame) -> None:
    """A guard of its own: whatever the model holds, a suppressed cell never leaves with a figure."""
    if suppressed.empty:
        return
    keys = pd.MultiIndex.from_frame(suppressed[["indicator", "area", "year"]].astype({"year": "int64"}))
    hit = pd.MultiIndex.from_frame(frame[["kennzahl", "gebiet", "jahr"]]).isin(keys)
    if frame.loc[hit, ["wert", "zaehler", "nenner"]].notna().any(axis=None):
        raise ValueError("geheim gehaltene Werte in den offenen Daten")


def csv_text(frame: pd.DataFrame, excel: bool = False, decimals: dict[str, int] | None = None) -> str:
    """CSV as UTF-8 with `,`; with ``excel`` the German variant: `;`, decimal comma and a byte-order mark, so a
    double click in Excel shows umlauts and numbers right. ``decimals`` (per indicator) prints each value with
    the places the website shows, so 10.0 stays 10.0 and a count stays 1234."""
    buffer = io.StringIO()
    _formatted(frame, excel, decimals).to_csv(buffer, index=False, sep=";" if excel else ",", lineterminator="\n")
    return ("\ufeff" if excel else "") + buffer.getvalue()


def _formatted(frame: pd.DataFrame, excel: bool, decimals: dict[str, int] | None) -> pd.DataFrame:
    """The frame with its values formatted (a new column; with pandas' copy-on-write the others are shared, not
    copied: a Land's table is 130 MB)."""
    if decimals is None:
        return frame
    text = frame.assign(wert=[("" if v != v else f"{v:.{decimals[k]}f}")  # lists: iterating Arrow strings is slow
                              for k, v in zip(frame["kennzahl"].tolist(), frame["wert"].tolist())])
    return _excel(text) if excel else text


def _excel(text: pd.DataFrame) -> pd.DataFrame:
    """Formatted values with the decimal comma."""
    return text.assign(wert=text["wert"].str.replace(".", ",", regex=False))


def csv_lines(frame: pd.DataFrame, excel: bool, decimals: dict[str, int]) -> list[str]:
    """The rows of csv_text (no header, no line ends), the same text made in Arrow's compute kernels: pandas'
    writer, a Python loop over every cell, took 19 of a Land's 200 s cold build for the long table. Fields are
    quoted as Python's csv module quotes them (QUOTE_MINIMAL: only a field with the separator, a quote or a line
    break, its quotes doubled); a test compares the two on awkward names."""
    if not len(frame) or not len(frame.columns):
        return []
    return _joined_array(_formatted(frame, excel, decimals), ";" if excel else ",").to_pylist()


def _joined_array(text: pd.DataFrame, sep: str) -> pa.StringArray:
    special = f"[{sep}\"\r\n]"
    fields = []
    for name, column in text.items():
        cells = pa.array(column, from_pandas=True)
        number = pa.types.is_integer(cells.type)
        if not (number or pa.types.is_string(cells.type) or pa.types.is_large_string(cells.type)):
            raise TypeError(f"Spalte {name}: {cells.type} wird nicht wie von pandas geschrieben")
        cells = pc.cast(cells, pa.string())
        needs = None if number else pc.match_substring_regex(cells, special)
        if needs is not None and pc.any(needs).as_py():  # most columns have no such field: nothing to quote
            quoted = pc.binary_join_element_wise('"', pc.replace_substring(cells, '"', '""'), '"', "")
            cells = pc.if_else(needs, quoted, cells)
        fields.append(cells)
    return pc.binary_join_element_wise(*fields, sep, null_handling="replace", null_replacement="")


def decimals_of(report: Report) -> dict[str, int]:
    return {i.id: i.decimals for i in report.catalogue.indicators}
