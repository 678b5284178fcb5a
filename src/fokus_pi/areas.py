"""The area register: Gemeinden, planning areas, the reference areas and the Gemeinde geometry."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from shapely.geometry import shape
from shapely.validation import explain_validity
from slugify import slugify

from . import schemas
from .problems import Collector
from .tables import read_table

AGS = re.compile(r"^\d{8}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
GERMAN = [["ß", "ss"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"]]


@cache  # asked for every link to a Gemeinde page, tens of thousands of times per build
def slug(text: str) -> str:
    """URL slug in the German way (Groß Nordende → gross-nordende)."""
    return slugify(text, replacements=GERMAN)


@dataclass(frozen=True)
class Gemeinde:
    ags: str
    name: str
    bez: str
    amt: str  # "" when amtsfrei
    planning_area: str
    lon: float
    lat: float

    @property
    def slug(self) -> str:
        return slug(self.name)


@dataclass(frozen=True)
class PlanningArea:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Reference:
    """Kreis, Land or Bund: the comparison levels above the Gemeinden."""

    code: str
    name: str


@dataclass
class Register:
    title: str
    kreis: Reference
    land: Reference
    bund: Reference
    key_figures: tuple[str, ...]
    key_figure_marks: tuple[tuple[int, int], ...]
    analysis: dict
    disclosure: dict
    gemeinden: tuple[Gemeinde, ...]
    planning_areas: tuple[PlanningArea, ...]
    geometry: dict = field(repr=False, default_factory=dict)

    @property
    def references(self) -> tuple[Reference, Reference, Reference]:
        return (self.kreis, self.land, self.bund)

    def by_ags(self) -> Mapping[str, Gemeinde]:
        """Each Gemeinde by its AGS (read only); made once: a Land's pages asked for it 2,000 times (2.5 s)."""
        return self._by_ags

    @cached_property
    def _by_ags(self) -> Mapping[str, Gemeinde]:
        return {g.ags: g for g in self.gemeinden}

    def area_name(self, code: str) -> str:
        for ref in self.references:
            if ref.code == code:
                return ref.name
        for g in self.gemeinden:
            if g.ags == code:
                return g.name
        return next((p.name for p in self.planning_areas if p.id == code), code)

    def known_codes(self) -> set[str]:
        return {g.ags for g in self.gemeinden} | {p.id for p in self.planning_areas} | {r.code for r in self.references}

    def aemter(self) -> list[tuple[str, list[Gemeinde]]]:
        """Gemeinden grouped by Amt, the amtsfreie first, as the county lists them."""
        groups: dict[str, list[Gemeinde]] = {}
        for g in sorted(self.gemeinden, key=lambda g: g.name):
            groups.setdefault(g.amt or "Amtsfreie Städte und Gemeinden", []).append(g)
        amtsfrei = groups.pop("Amtsfreie Städte und Gemeinden", [])
        return ([("Amtsfreie Städte und Gemeinden", amtsfrei)] if amtsfrei else []) + sorted(groups.items())


def load_register(areas_dir: Path, report_file: Path, out: Collector) -> Register:
    """Read report.yml, the Gemeinde and planning-area registers and the geometry; report every mismatch."""
    meta = _load_report_meta(report_file, out)
    planning = _load_planning_areas(areas_dir / "planungsraeume.csv", out)
    gemeinden = _load_gemeinden(areas_dir / "gemeinden.csv", None if planning is None else {p.id for p in planning},
                                meta["kreis"].code, out)
    planning = planning or []
    rows = {g.ags: g for g in gemeinden}
    geometry = _load_geometry(areas_dir / "gemeinden.geojson", rows, areas_dir / "gemeinden.csv", out)
    return Register(meta["title"], meta["kreis"], meta["land"], meta["bund"], meta["key_figures"],
                    meta["key_figure_marks"], meta["analysis"], meta["disclosure"], tuple(gemeinden), tuple(planning), geometry)


def _load_report_meta(path: Path, out: Collector) -> dict:
    fallback = {"title": "Sozialbericht", "kreis": Reference("", "Kreis"), "land": Reference("", "Land"),
                "bund": Reference("DG", "Deutschland"), "key_figures": (), "key_figure_marks": (), "analysis": {}, "disclosure": {}}
    doc, valid = schemas.load(path, "report", out)
    if doc is None or not valid:
        return fallback
    d = doc.data
    return {
        "title": d["title"],
        **{lvl: Reference(str(d[lvl]["code"]), d[lvl]["name"]) for lvl in ("kreis", "land", "bund")},
        "key_figures": tuple(d.get("key_figures") or ()),
        "key_figure_marks": tuple(doc.where(("key_figures", i)) for i in range(len(d.get("key_figures") or []))),
        "analysis": dict(d.get("auffaelligkeiten") or {}),
        "disclosure": dict(d.get("disclosure") or {}),
    }


def _load_planning_areas(path: Path, out: Collector) -> list[PlanningArea] | None:
    table = read_table(path, ("id", "name"), out)
    if table is None:
        return None  # unreadable: the register's references to it are not checked
    result: list[PlanningArea] = []
    for r in range(len(table)):
        pid, name = table.get(r, "id"), table.get(r, "name")
        if not SLUG.match(pid):
            out.add(path, *table.where(r, "id"), f"„{pid}“ ist keine gültige Planungsraum-ID (a–z, 0–9, Bindestrich)")
        elif any(p.id == pid for p in result):
            out.add(path, *table.where(r, "id"), f"Planungsraum „{pid}“ ist doppelt")
        elif not name:
            out.add(path, *table.where(r, "name"), "Name fehlt")
        else:
            result.append(PlanningArea(pid, name, table.get(r, "description")))
    return result


def _load_gemeinden(path: Path, planning: set[str] | None, kreis: str, out: Collector) -> list[Gemeinde]:
    table = read_table(path, ("ags", "name", "bez", "amt", "planning_area", "lon", "lat"), out)
    if table is None:
        return []
    result: list[Gemeinde] = []
    for r in range(len(table)):
        ags, name = table.get(r, "ags"), table.get(r, "name")
        if not AGS.match(ags):
            hint = " (führende Null verloren?)" if re.fullmatch(r"\d{7}", ags) else ""
            out.add(path, *table.where(r, "ags"), f"„{ags}“ ist kein 8-stelliger Gemeindeschlüssel (AGS){hint}")
            continue
        if kreis and not ags.startswith(kreis):
            out.add(path, *table.where(r, "ags"), f"AGS {ags} liegt nicht im Kreis {kreis}")
        if any(g.ags == ags for g in result):
            out.add(path, *table.where(r, "ags"), f"AGS {ags} ist doppelt")
            continue
        pa = table.get(r, "planning_area")
        if planning is not None and pa not in planning:
            out.add(path, *table.where(r, "planning_area"), f"unbekannter Planungsraum „{pa}“")
        try:
            lon, lat = float(table.get(r, "lon")), float(table.get(r, "lat"))
        except ValueError:
            out.add(path, *table.where(r, "lon"), "Koordinaten sind keine Zahlen")
            lon = lat = float("nan")
        result.append(Gemeinde(ags, name, table.get(r, "bez"), table.get(r, "amt"), pa, lon, lat))
    slugs: dict[str, str] = {}
    for g in result:
        if g.slug in slugs:
            out.add(path, 1, 1, f"{g.name} und {slugs[g.slug]} ergeben dieselbe Adresse /gemeinden/{g.slug}/")
        slugs[g.slug] = g.name
    return result


def _text_position(text: str, needle: str) -> tuple[int, int]:
    """Line and column of the first ``needle`` in ``text`` (1, 1 when absent): JSON has no row numbers."""
    pos = text.find(needle)
    if pos < 0:
        return 1, 1
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _load_geometry(path: Path, register: dict[str, Gemeinde], register_path: Path, out: Collector) -> dict:
    """GeoJSON keyed by ``ags``; several features with one AGS (e.g. water parts) are allowed."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except FileNotFoundError:
        out.add(path, 1, 1, "Geometrie-Datei fehlt")
        return {}
    except json.JSONDecodeError as exc:
        out.add(path, exc.lineno, exc.colno, f"kein gültiges JSON: {exc.msg}")
        return {}
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        out.add(path, 1, 1, "keine FeatureCollection")
        return {}
    seen: set[str] = set()
    for i, feat in enumerate(features):
        ags = str((feat.get("properties") or {}).get("ags", ""))
        where = _text_position(text, f'"{ags}"') if ags else (1, 1)
        if ags not in register:
            out.add(path, *where, f"Fläche {i + 1}: AGS „{ags}“ steht nicht im Gemeinderegister")
            continue
        seen.add(ags)
        try:
            geom = shape(feat["geometry"])
        except Exception:  # shapely raises several types for malformed geometry
            out.add(path, *where, f"Fläche {i + 1} (AGS {ags}): Geometrie nicht lesbar")
            continue
        if not geom.is_valid:
            out.add(path, *where, f"Fläche {i + 1} (AGS {ags}): ungültige Geometrie ({explain_validity(geom)})")
    csv_text = register_path.read_text(encoding="utf-8-sig") if register_path.exists() else ""
    for ags in sorted(set(register) - seen):
        out.add(register_path, *_text_position(csv_text, ags),
                f"Gemeinde {ags} ({register[ags].name}) hat keine Fläche in {path.name}")
    return data
