"""Open data: the published figures as CSV (plain and for German Excel), Parquet and a Frictionless data package.

Only what the pages show leaves the building: the model's facts after disclosure control (withheld cells are
empty and keep their flag), values rounded half up to the indicator's decimals exactly as every table prints
them, numerators and denominators as published. One long table feeds every format and the JSON API (api.py),
so no two downloads can disagree. Everything is returned as in-memory files (path -> text or bytes) that any
site engine can publish; the bytes are reproducible (fixed zip timestamps, no wall-clock anywhere)."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
import pandas as pd

from . import fmt
from .catalogue import Indicator
from .disclosure import Policy
from .longtable import LEVELS, Table, areas, csv_text, decimals_of, long_table, table  # noqa: F401 - its API
from .render import render
from .report import Report
from .sozialformel import INDICATOR_ID as SOZIALFORMEL
from .symbols import FLAGS

FOLDER = "daten"
ARCHIVE = f"{FOLDER}/sozialbericht.zip"
PARQUET = f"{FOLDER}/werte.parquet"
Files = dict[str, str | bytes]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type
    title: str  # German description for the README, the data package and the daten/ page


COLUMNS = (
    Column("kennzahl", "string", "Kennung der Kennzahl (Beschreibung in kennzahlen.csv)"),
    Column("gebiet", "string", "Gebietsschlüssel: Amtlicher Gemeindeschlüssel, Kennung des Planungsraums, "
                               "Schlüssel von Kreis, Land oder Bund"),
    Column("gebietsname", "string", "Name des Gebiets"),
    Column("ebene", "string", "gemeinde, planungsraum, kreis, land oder bund"),
    Column("jahr", "integer", "Berichtsjahr"),
    Column("wert", "number", "Wert, gerundet wie auf der Website; leer, wenn ein Kennzeichen gesetzt ist"),
    Column("zaehler", "integer", "Zähler (bei Anteilen, Quoten und Beträgen), sonst leer"),
    Column("nenner", "integer", "Nenner (bei Anteilen, Quoten und Beträgen), sonst leer"),
    Column("kennzeichen", "string", "leer oder: nichts, geheim, unbekannt, nicht_sinnvoll, folgt, unsicher"),
)


@dataclass(frozen=True)
class Licence:
    id: str
    title: str
    url: str


DL_DE_BY = Licence("dl-de/by-2-0", "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                   "https://www.govdata.de/dl-de/by-2-0")


def licence(report: Report, ind: Indicator) -> Licence | None:
    """dl-de/by-2-0 for the county's own data (its offices, its analyses); None where a third party's terms
    apply: the county republishes those figures but cannot license them."""
    own = report.register.kreis.name in ind.source or ind.id == SOZIALFORMEL
    return DL_DE_BY if own else None


def licence_text(report: Report, ind: Indicator) -> str:
    """The licence in one German phrase, for tables and page footers."""
    lic = licence(report, ind)
    return lic.id if lic else f"Nutzungsbedingungen der Quelle ({ind.source})"


def catalogue(report: Report) -> pd.DataFrame:
    """One row per published indicator: meaning, unit, source, licence and years (the `kennzahlen` table)."""
    rows = []
    for ind in report.published():
        years = report.years(ind.id)
        rows.append({
            "kennzahl": ind.id, "titel": ind.title, "kurztitel": ind.short_title, "einheit": ind.unit,
            "handlungsfeld": report.catalogue.field(ind.field).title, "art": ind.kind, "richtung": ind.direction,
            "dezimalstellen": ind.decimals, "zaehler": ind.numerator or "", "nenner": ind.denominator or "",
            "je": "" if ind.multiplier is None else f"{ind.multiplier:g}",
            "erstes_jahr": min(years), "letztes_jahr": max(years),
            "brueche": "; ".join(f"{b.year}: {b.note}" for b in ind.breaks),
            "beschreibung": ind.description, "hinweise": ind.notes, "quelle": ind.source,
            "lizenz": licence_text(report, ind),
        })
    return pd.DataFrame(rows)


def field_schema(excel: bool = False) -> dict:
    """Table Schema of the long table; the Excel variant declares its decimal comma."""
    fields = []
    for c in COLUMNS:
        f = {"name": c.name, "type": c.type, "description": c.title}
        if excel and c.type == "number":
            f["decimalChar"] = ","
        fields.append(f)
    return {"fields": fields, "missingValues": [""], "primaryKey": ["kennzahl", "gebiet", "jahr"]}


def _resource(name: str, path: str, schema: dict, excel: bool = False, **extra: object) -> dict:
    res = {"name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
           "mediatype": "text/csv", "encoding": "utf-8-sig" if excel else "utf-8", "schema": schema, **extra}
    if excel:
        res["dialect"] = {"delimiter": ";"}
    return res


def _package(report: Report, name: str, title: str, resources: list[dict], inds: list[Indicator]) -> dict:
    """A Frictionless (Tabular) Data Package descriptor with source, licence and Stichtag."""
    snap = report.snapshot
    own = [i for i in inds if licence(report, i)]
    desc = (f"{title}. Datenstand {snap.title}, Stichtag {fmt.date(snap.stichtag)}. Nur veröffentlichte Werte: "
            "geheim gehaltene Felder sind leer und tragen das Kennzeichen „geheim“.")
    if not own:
        desc += " Es gelten die Nutzungsbedingungen der Quelle."
    elif len(own) < len(inds):
        desc += (f" Die Lizenz {DL_DE_BY.id} gilt für die Daten des Kreises; für Daten anderer Quellen gelten "
                 "deren Nutzungsbedingungen (Spalten „quelle“ und „lizenz“ in kennzahlen.csv).")
    if snap.demo:
        desc += " DEMODATEN: " + snap.description
    package = {
        "profile": "tabular-data-package", "name": name, "title": title, "description": desc,
        "version": snap.id, "created": f"{snap.stichtag.isoformat()}T00:00:00Z", "stichtag": snap.stichtag.isoformat(),
        "contributors": [{"title": report.register.kreis.name, "role": "publisher"}],
        "sources": [{"title": s} for s in sorted({i.source for i in inds})],
        "resources": resources,
    }
    if own:
        package["licenses"] = [{"name": "dl-de-by-2.0", "path": DL_DE_BY.url, "title": DL_DE_BY.title}]
    return package


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


class _Slices:
    """The long table's CSV (plain and Excel) cut into slices: a slice's file is the header plus its rows' lines.
    Writing each of the ~270 slices with pandas took two seconds of a build; cutting lines gives the same bytes.
    Only where each line starts is kept, not the lines: as lists of strings, a Land's two million lines took
    300 MB for as long as its files were made."""

    def __init__(self, values: Table):
        self._texts = {False: values.plain, True: values.excel}
        self._starts = {excel: _line_starts(text) for excel, text in self._texts.items()}
        if any(len(starts) != len(values.frame) + 3 for starts in self._starts.values()):  # header, rows, "", end
            raise ValueError("Zeilenumbruch in einem Feld der offenen Daten")

    def text(self, rows: Sequence[int], excel: bool = False) -> str:
        text, starts = self._texts[excel], self._starts[excel]
        at = np.asarray(rows, dtype=np.int64) + 1  # line 0 is the header
        lines = [text[a:b] for a, b in zip(starts[at].tolist(), (starts[at + 1] - 1).tolist())]
        body = "\n".join([text[:starts[1] - 1], *lines]) + "\n"
        return "\ufeff" + body if excel else body


def _line_starts(text: str) -> np.ndarray:
    """Where each line of ``text`` starts, and one past the last (line i is text[s[i]:s[i + 1] - 1]). The list
    of lines lives only in this call."""
    lengths = np.fromiter(map(len, text.split("\n")), dtype=np.int64)
    return np.concatenate([[0], np.cumsum(lengths + 1)])


def _subset_files(report: Report, slices: _Slices, rows: Sequence[int], stem: str, title: str,
                  inds: list[Indicator]) -> Files:
    """CSV, Excel CSV and a descriptor for one slice of the long table (an indicator or a Gemeinde)."""
    name = Path(stem).name
    resources = [_resource(name, f"{name}.csv", field_schema()),
                 _resource(f"{name}-excel", f"{name}-excel.csv", field_schema(excel=True), excel=True)]
    return {
        f"{stem}.csv": slices.text(rows),
        f"{stem}-excel.csv": slices.text(rows, excel=True),
        f"{stem}.datapackage.json": _json(_package(report, name, title, resources, inds)),
    }


ZIP_PIECE = 1 << 22  # characters encoded at a time: a Land's werte.csv (85 MB) is never held twice


def _zip(files: dict[str, str | bytes], stamp: tuple[int, int, int]) -> bytes:
    """A zip with fixed timestamps and order, so two builds give the same bytes. Texts are encoded and compressed
    a piece at a time (Deflate's output does not depend on how its input is cut)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, date_time=(*stamp, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            with zf.open(info, "w") as member:
                if isinstance(content, bytes):
                    member.write(content)
                else:
                    for start in range(0, len(content), ZIP_PIECE):
                        member.write(content[start:start + ZIP_PIECE].encode("utf-8"))
    return buffer.getvalue()


def archive(report: Report, values: pd.DataFrame, werte_csv: str | None = None) -> bytes:
    """The whole dataset: datapackage.json, README.md, LIZENZ.txt and the three tables (``werte_csv``: the long
    table already written)."""
    inds = list(report.published())
    cat, reg = catalogue(report), areas(report)
    resources = [
        _resource("werte", "werte.csv", field_schema() | {"foreignKeys": [
            {"fields": "kennzahl", "reference": {"resource": "kennzahlen", "fields": "kennzahl"}},
            {"fields": "gebiet", "reference": {"resource": "gebiete", "fields": "gebiet"}}]}),
        _resource("kennzahlen", "kennzahlen.csv", _plain_schema(cat, "kennzahl", {"dezimalstellen", "erstes_jahr",
                                                                                  "letztes_jahr"})),
        _resource("gebiete", "gebiete.csv", _plain_schema(reg, "gebiet", set())),
    ]
    kreis = report.register.kreis.name
    package = _package(report, "sozialbericht", f"Digitaler Sozialbericht {kreis}: alle Kennzahlen", resources, inds)
    readme = render("opendata/README.md.j2", report=report, snapshot=report.snapshot, columns=COLUMNS,
                    rows=len(values), indicators=len(inds), areas=len(reg), own=[i for i in inds if licence(report, i)],
                    licence=DL_DE_BY, kreis=kreis, flags=FLAGS,
                    min_count=Policy.from_mapping(report.register.disclosure).min_count)
    files: dict[str, str | bytes] = {
        "datapackage.json": _json(package),
        "README.md": readme,
        "LIZENZ.txt": render("opendata/dl-de-by-2-0.txt"),
        "werte.csv": werte_csv if werte_csv is not None else csv_text(values, decimals=decimals_of(report)),
        "kennzahlen.csv": csv_text(cat),
        "gebiete.csv": csv_text(reg),
    }
    day = report.snapshot.stichtag
    return _zip(files, (max(day.year, 1980), day.month, day.day))


def _plain_schema(frame: pd.DataFrame, key: str, integers: set[str]) -> dict:
    fields = [{"name": c, "type": "integer" if c in integers else "string"} for c in frame.columns]
    return {"fields": fields, "missingValues": [""], "primaryKey": [key]}


def parquet(values: pd.DataFrame) -> bytes:
    """The long table as Parquet (typed columns: Int64 counts, float values, strings)."""
    buffer = io.BytesIO()
    values.to_parquet(buffer, index=False, engine="pyarrow", compression="zstd")
    return buffer.getvalue()


def files(report: Report, values: Table | None = None) -> Files:
    """Every open-data file of the published snapshot, path -> content."""
    return dict(iter_files(report, values))


def iter_files(report: Report, values: Table | None = None) -> Iterator[tuple[str, str | bytes]]:
    """The files of ``files`` one by one, so that a caller can write each away before the next is made."""
    values = long_table(report) if values is None else values
    frame = values.frame
    slices = _Slices(values)
    for ind, rows in _by(frame, "kennzahl", {i.id: i for i in report.published()}):
        yield from _subset_files(report, slices, rows, f"{FOLDER}/kennzahlen/{ind.id}", f"{ind.title} – alle Gebiete",
                                 [ind]).items()
    by_id, kennzahl = report.catalogue.by_id, frame["kennzahl"].tolist()
    for g, rows in _by(frame, "gebiet", {g.ags: g for g in report.register.gemeinden}):
        inds = [by_id[k] for k in dict.fromkeys(kennzahl[i] for i in rows)]
        yield from _subset_files(report, slices, rows, f"{FOLDER}/gemeinden/{g.slug}", f"{g.name}: alle Kennzahlen",
                                 inds).items()
    yield f"{FOLDER}/kennzahlen.csv", csv_text(catalogue(report))
    yield f"{FOLDER}/gebiete.csv", csv_text(areas(report))
    yield ARCHIVE, archive(report, frame, values.plain)
    yield PARQUET, parquet(frame)


def _by(values: pd.DataFrame, column: str, subjects: dict) -> list[tuple[object, Sequence[int]]]:
    """Each subject with the positions of its rows, in table order."""
    groups = values.groupby(column, sort=False).indices
    return [(s, groups[k].tolist()) for k, s in subjects.items() if k in groups]


def download_block(report: Report, uri: str) -> str:
    """Markdown appended to an indicator or Gemeinde page: its own downloads with source, licence and
    Stichtag; "" for every other page. The one place where open data touches the page plan."""
    parts = uri.removesuffix(".md").split("/")
    if len(parts) != 2:
        return ""
    snap = report.snapshot
    stand = f"Datenstand {snap.title}, Stichtag {fmt.date(snap.stichtag)}"
    if parts[0] == "kennzahlen" and parts[1] in report.catalogue.by_id:
        ind = report.catalogue.by_id[parts[1]]
        stem, api = f"../{FOLDER}/kennzahlen/{ind.id}", f"../api/v1/kennzahlen/{ind.id}.json"
        lic = licence(report, ind)
        terms = f"[{lic.id}]({lic.url})" if lic else f"Nutzungsbedingungen der Quelle ({ind.source})"
        about = f"Alle Gebiete und Jahre dieser Kennzahl. Quelle: {ind.source}. Lizenz: {terms}. {stand}."
    elif parts[0] == "gemeinden":
        g = next((g for g in report.register.gemeinden if g.slug == parts[1]), None)
        if g is None:
            return ""
        stem, api = f"../{FOLDER}/gemeinden/{g.slug}", f"../api/v1/gebiete/{g.ags}.json"
        about = (f"Alle Kennzahlen für {g.name}, alle Jahre. Quellen und Lizenzen je Kennzahl stehen in den "
                 f"Metadaten. {stand}.")
    else:
        return ""
    return (
        "\n\n## Daten herunterladen {: #daten-herunterladen }\n\n"
        f"[CSV]({stem}.csv) · [CSV für Excel]({stem}-excel.csv) · [JSON]({api}) · "
        f"[Metadaten (Data Package)]({stem}.datapackage.json) · [alle Daten als ZIP](../{ARCHIVE})\n\n"
        f"{about} Nur veröffentlichte Werte: geheim gehaltene Felder sind leer.\n"
    )
