"""The static JSON API under api/v1/: the catalogue, one file per indicator and one per area.

Plain files on the web server, no service behind them, so it works on any static host and from the offline copy.
Every file names the snapshot it was built from (`datenstand`), so a client can tell editions apart; older
editions keep their own API under archiv/<jahr>/api/v1/. Figures come from opendata.table (rounded as the
pages print them, withheld cells empty), so the API and the downloads cannot disagree. All paths inside the
files are relative to api/v1/. JSON Schemas for every file type are packaged (schemas/api-*.schema.json) and
published beside the files under api/v1/schema/."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from . import opendata
from .cache import cached_text, code_version
from .cache import key as cache_key
from .catalogue import Indicator
from .digest import frame_rows, group_digests
from .report import Report

if TYPE_CHECKING:
    import jsonschema

ROOT = "api/v1"
SCHEMAS = ("api-common", "api-index", "api-kennzahlen", "api-kennzahl", "api-gebiete", "api-gebiet")
# which schema a file follows, by its path below api/v1/
KINDS = (
    (re.compile(r"^index\.json$"), "api-index"),
    (re.compile(r"^kennzahlen\.json$"), "api-kennzahlen"),
    (re.compile(r"^kennzahlen/[^/]+\.json$"), "api-kennzahl"),
    (re.compile(r"^gebiete\.json$"), "api-gebiete"),
    (re.compile(r"^gebiete/[^/]+\.json$"), "api-gebiet"),
)


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _none(value: object) -> object:
    """NaN and pandas' NA become null; numpy scalars become Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def snapshot_info(report: Report) -> dict:
    snap = report.snapshot
    return {"id": snap.id, "stichtag": snap.stichtag.isoformat(), "titel": snap.title, "demo": snap.demo}


def indicator_meta(report: Report, ind: Indicator) -> dict:
    lic = opendata.licence(report, ind)
    years = report.years(ind.id)
    stem = f"../../{opendata.FOLDER}/kennzahlen/{ind.id}"
    return {
        "id": ind.id, "titel": ind.title, "kurztitel": ind.short_title, "einheit": ind.unit,
        "handlungsfeld": ind.field, "art": ind.kind, "richtung": ind.direction, "dezimalstellen": ind.decimals,
        "zaehler": ind.numerator, "nenner": ind.denominator, "je": ind.multiplier,
        "beschreibung": ind.description, "hinweise": ind.notes or None,
        "brueche": [{"jahr": b.year, "hinweis": b.note} for b in ind.breaks],
        "quelle": ind.source,
        "lizenz": {"id": lic.id, "titel": lic.title, "url": lic.url} if lic else None,
        "jahre": years,
        "url": f"kennzahlen/{ind.id}.json",
        "downloads": {"csv": f"{stem}.csv", "excel": f"{stem}-excel.csv", "datapackage": f"{stem}.datapackage.json"},
    }


ALONE = 0.1  # the share of the table up to which missing files' records are written for their own rows


class _Values:
    """Each row of the long table as the JSON text of its record, written once for both kinds of file (by
    indicator and by area): NaN and NA become null, a value shown without decimals an integer (51166, not
    51166.0), an empty flag null. A file is its head's JSON with the records' texts joined in, byte for byte what
    json.dumps writes for the whole (a test compares them): building a dict per record and encoding it took a
    seventh of a Land's cold build. A file whose rows and head did not change comes from the build cache; the
    records are written only when one did not."""

    def __init__(self, values: pd.DataFrame, decimals: dict[str, int]):
        self.values, self.decimals = values, decimals
        hashes = frame_rows(values)
        self.groups = {c: group_digests(values, c, hashes) for c in ("kennzahl", "gebiet")}  # positions, hash
        self._alone = 0  # rows whose records were written for their own file only

    @cached_property
    def columns(self) -> dict[str, list[str]]:
        """Every row's cells as JSON text: its area, its indicator, and the rest of its record."""
        return _columns(self.values, self.decimals)

    def records(self, shown: str, rows: np.ndarray) -> list[str]:
        """The records of ``rows``, naming their ``shown`` column first. While few files are missing from the
        cache (after a data commit: the changed indicator's and area's), only their rows' cells are written:
        every row's held 550 MB of a Land's rebuild for two files. Past a tenth of the table (a cold build),
        every row's, once for all files."""
        if "columns" in self.__dict__ or self._alone + len(rows) > len(self.values) * ALONE:
            c, at = self.columns, rows.tolist()
        else:
            self._alone += len(rows)
            c, at = _columns(self.values.iloc[rows], self.decimals), range(len(rows))
        first, rest = c[shown], c["rest"]
        return [f'{{"{shown}":{first[i]},{rest[i]}' for i in at]

    def file(self, head: dict, by: str, key: str, shown: str) -> str:
        """The JSON text of ``head`` with the records of ``key`` as "werte"."""
        group = self.groups[by].get(key)
        found = cache_key(code_version("api.py"), head, by, key, shown, self.decimals, group and group[1])

        def make() -> str:
            records = ",".join(self.records(shown, group[0])) if group is not None else ""
            return _dump({**head, "werte": []}).removesuffix("[]}\n") + f"[{records}]}}\n"

        return cached_text("api", found, make)


CHUNK = 1 << 17  # rows whose cells are converted at a time: a Land's million rows' cells as Python lists took 250 MB


def _columns(values: pd.DataFrame, decimals: dict[str, int]) -> dict[str, list[str]]:
    """Each row's area and indicator as JSON text, and the rest of its record ("jahr" to the closing brace): the
    two kinds of file name a different column first, the rest is the same (one text per row instead of one per
    cell: a Land's cells held 400 MB)."""
    out: dict[str, list[str]] = {"kennzahl": [], "gebiet": [], "rest": []}
    for start in range(0, len(values), CHUNK):
        part = values.iloc[start:start + CHUNK]
        whole = part["kennzahl"].map(decimals).eq(0).tolist()
        wert = (None if v != v else (int(v) if w else v) for v, w in zip(part["wert"].tolist(), whole))
        years = {y: str(int(y)) for y in part["jahr"].unique().tolist()}  # one text per year, not per row
        out["rest"] += [f'"jahr":{years[j]},"wert":{w},"zaehler":{z},"nenner":{n},"kennzeichen":{k}}}'
                        for j, w, z, n, k in zip(part["jahr"].tolist(), _numbers(wert),
                                                 _numbers(_none(v) for v in part["zaehler"].tolist()),
                                                 _numbers(_none(v) for v in part["nenner"].tolist()),
                                                 _strings(v or None for v in part["kennzeichen"].tolist()))]
        out["kennzahl"] += _strings(part["kennzahl"].tolist())  # lists: iterating Arrow strings is slow
        out["gebiet"] += _strings(part["gebiet"].tolist())
    return out


def _strings(cells: Iterable[str | None]) -> list[str]:
    """JSON text of strings (or null), each distinct one encoded once."""
    cells = list(cells)
    known = {v: "null" if v is None else json.dumps(v, ensure_ascii=False) for v in set(cells)}
    return [known[v] for v in cells]


def _numbers(cells: Iterable[int | float | None]) -> Iterator[str]:
    """JSON text of numbers (or null), one at a time: json.dumps writes an int and a float by their repr."""
    return ("null" if v is None else repr(v) for v in cells)


def files(report: Report, values: pd.DataFrame | None = None) -> dict[str, str]:
    """Every API file, path -> JSON text."""
    return dict(iter_files(report, values))


def iter_files(report: Report, values: pd.DataFrame | None = None) -> Iterator[tuple[str, str]]:
    """The files of ``files`` one by one, so that a caller can write each away before the next is made."""
    values = opendata.table(report) if values is None else values
    stand = snapshot_info(report)
    inds = list(report.published())
    area_rows = opendata.areas(report)
    decimals = {i.id: i.decimals for i in report.catalogue.indicators}
    rows = _Values(values, decimals)
    for ind in inds:
        yield f"{ROOT}/kennzahlen/{ind.id}.json", rows.file(
            {"datenstand": stand, "kennzahl": indicator_meta(report, ind)}, "kennzahl", ind.id, "gebiet")
    gemeinden = {g.ags: g for g in report.register.gemeinden}
    areas = []
    for a in area_rows.to_dict("records"):
        g = gemeinden.get(a["gebiet"])
        area = {"gebiet": a["gebiet"], "name": a["gebietsname"], "ebene": a["ebene"],
                "bezeichnung": a["bezeichnung"], "amt": a["amt"] or None, "planungsraum": a["planungsraum"] or None,
                "url": f"gebiete/{a['gebiet']}.json"}
        if g is not None:
            stem = f"../../{opendata.FOLDER}/gemeinden/{g.slug}"
            area["downloads"] = {"csv": f"{stem}.csv", "excel": f"{stem}-excel.csv",
                                 "datapackage": f"{stem}.datapackage.json"}
        areas.append(area)
        yield f"{ROOT}/gebiete/{a['gebiet']}.json", rows.file(
            {"datenstand": stand, "gebiet": area}, "gebiet", a["gebiet"], "kennzahl")
    yield f"{ROOT}/kennzahlen.json", _dump({
        "datenstand": stand,
        "handlungsfelder": [{"id": f.id, "titel": f.title} for f in report.catalogue.fields
                            if any(i.field == f.id for i in inds)],
        "kennzahlen": [indicator_meta(report, i) for i in inds],
    })
    yield f"{ROOT}/gebiete.json", _dump({"datenstand": stand, "gebiete": areas})
    yield f"{ROOT}/index.json", _dump({
        "api": "v1", "datenstand": stand, "herausgeber": report.register.kreis.name,
        "kennzahlen": "kennzahlen.json", "gebiete": "gebiete.json",
        "schemas": {name.removeprefix("api-"): f"schema/{name}.schema.json" for name in SCHEMAS},
        "downloads": {"zip": f"../../{opendata.ARCHIVE}", "parquet": f"../../{opendata.PARQUET}"},
        "anzahl": {"kennzahlen": len(inds), "gebiete": len(areas), "werte": len(values)},
    })
    for name in SCHEMAS:
        yield f"{ROOT}/schema/{name}.schema.json", _schema_text(name)


def _schema_text(name: str) -> str:
    return resources.files("fokus_pi").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")


def _inline(node: object, doc: dict) -> object:
    """Replace each `$ref` (within a file or to api-common) by its target: the schemas are not recursive."""
    if isinstance(node, list):
        return [_inline(v, doc) for v in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target = _schema("api-common") if file == "api-common.schema.json" else doc
        home = target
        for part in pointer.strip("/").split("/"):
            target = target[part]
        return _inline(target, home)
    return {k: _inline(v, doc) for k, v in node.items()}


@cache
def _schema(name: str) -> dict:
    return json.loads(_schema_text(name))


def schema_for(path: str) -> str | None:
    """The schema name of an API file, from its path below api/v1/ (None for the schemas themselves)."""
    return next((name for pattern, name in KINDS if pattern.match(path)), None)


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """A validator for one file type, with the `$ref`s inlined: no network, no registry, and twice as fast on
    the hundred thousand records of a county's API as resolving them for every record."""
    import jsonschema  # here: only the tests validate API files, and a build need not import it (0.05 s)

    schema = _schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(_inline(schema, schema), format_checker=cls.FORMAT_CHECKER)
