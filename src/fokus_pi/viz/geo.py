"""The Gemeinde geometry as the site ships it: once, simplified, rounded, with far-off parts in an inset.

A Gemeinde far from all others (Helgoland lies about 45 km offshore) would shrink the mainland to a stamp
when the map fits everything. Such outliers are moved, and enlarged if tiny, into a framed box in the
corner of the mainland that points towards their true position, and the box is labelled "nicht lagetreu".
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

from ..areas import Register

OUTLIER_SHARE = 0.25  # farther from every other Gemeinde than this share of the mainland's diagonal
INSET_SHARE = 0.14  # an inset is drawn at least this share of the mainland's height
TOLERANCE_SHARE = 1 / 3000  # simplification tolerance as a share of the mainland's diagonal
DIGITS = 4  # about 10 m: plenty for a choropleth, a third of the bytes of 5 decimals


@dataclass(frozen=True)
class SiteGeometry:
    features: list[dict]  # GeoJSON features with properties ags, name, slug (and inset: true when moved)
    areas: list[dict]  # planning areas: properties id, name, i (register position); union of their Gemeinden
    frames: list[dict]  # {"bounds": [[s, w], [n, e]], "name": "Helgoland", "note": "nicht lagetreu"}
    bounds: list[list[float]]  # [[south, west], [north, east]] of everything drawn
    neighbours: dict[str, list[str]]

    def to_json(self) -> dict:
        return {"features": self.features, "areas": self.areas, "frames": self.frames, "bounds": self.bounds}


def _shapes(register: Register) -> dict[str, BaseGeometry]:
    """One geometry per AGS (several features for one AGS, e.g. water parts, are merged)."""
    parts: dict[str, list[BaseGeometry]] = {}
    for feat in register.geometry.get("features", []):
        parts.setdefault(str(feat["properties"]["ags"]), []).append(shape(feat["geometry"]))
    return {ags: shapely.union_all(geoms) for ags, geoms in parts.items()}


def _diagonal(geoms: list[BaseGeometry]) -> float:
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    return math.hypot(maxx - minx, maxy - miny)


def outliers(shapes: dict[str, BaseGeometry]) -> list[str]:
    """AGS of Gemeinden that lie far from all others (in degrees; fine at the scale of one Kreis)."""
    if len(shapes) < 3:
        return []
    keys, geoms = list(shapes), np.array(list(shapes.values()))
    diag = _diagonal(list(geoms))
    # the distance to the union of all others is the distance to the nearest other: a tree, not n unions
    (source, target), distance = shapely.STRtree(geoms).query_nearest(geoms, return_distance=True, exclusive=True,
                                                                        all_matches=False)
    nearest = np.full(len(keys), np.inf)
    others = source != target
    np.minimum.at(nearest, source[others], distance[others])
    return [k for k, d in zip(keys, nearest) if d > OUTLIER_SHARE * diag]


def _simplify(shapes: dict[str, BaseGeometry], tolerance: float) -> dict[str, BaseGeometry]:
    """Simplify as a coverage, so neighbours keep one shared edge; fall back to shape by shape."""
    keys = list(shapes)
    try:
        simple = shapely.coverage_simplify(np.array([shapes[k] for k in keys]), tolerance)
        if all(g.is_valid and not g.is_empty for g in simple):
            return dict(zip(keys, simple))
    except (shapely.errors.GEOSException, AttributeError):  # not a clean coverage, or GEOS < 3.12
        pass
    return {k: g.simplify(tolerance, preserve_topology=True) for k, g in shapes.items()}


def _place_insets(main: dict[str, BaseGeometry], far: dict[str, BaseGeometry]) -> tuple[dict, list[tuple]]:
    """Move each outlier into a box inside the mainland's bounding box, in the corner towards it."""
    minx, miny, maxx, maxy = shapely.total_bounds(list(main.values()))
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    height = maxy - miny
    moved, frames = {}, []
    offset = 0.0
    for ags, geom in sorted(far.items()):
        gx0, gy0, gx1, gy1 = geom.bounds
        size = max(gx1 - gx0, gy1 - gy0)
        scale = max(1.0, INSET_SHARE * height / size) if size else 1.0
        geom = affinity.scale(geom, scale, scale, origin="centroid")
        gx0, gy0, gx1, gy1 = geom.bounds
        pad = 0.15 * max(gx1 - gx0, gy1 - gy0)
        w, h = gx1 - gx0 + 2 * pad, gy1 - gy0 + 2 * pad
        px, py = geom.centroid.x, geom.centroid.y
        left = minx if px < cx else maxx - w
        top = maxy - offset if py >= cy else miny + offset + h
        frame = box(left, top - h, left + w, top)
        if any(frame.intersects(g) for g in main.values()):  # the corner is not free: put the box beside
            left = minx - w - pad if px < cx else maxx + pad
            frame = box(left, top - h, left + w, top)
        geom = affinity.translate(geom, left + pad - gx0, top - h + pad - gy0)
        moved[ags] = geom
        frames.append((ags, frame))
        offset += h * 1.2
    return moved, frames


def _rounded(geom: BaseGeometry) -> dict:
    return mapping(shapely.set_precision(geom, 10.0**-DIGITS))


def site_geometry(register: Register) -> SiteGeometry:
    """Everything the maps draw, keyed by AGS, in register order."""
    shapes = _shapes(register)
    if not shapes:
        return SiteGeometry([], [], [], [], {})
    far = outliers(shapes)
    main = {a: g for a, g in shapes.items() if a not in far}
    simple = _simplify(main, TOLERANCE_SHARE * _diagonal(list(main.values())))
    moved, frames = _place_insets(main, {a: shapes[a] for a in far})
    simple.update(moved)
    names = register.by_ags()
    features = []
    for g in register.gemeinden:
        if g.ags not in simple:
            continue
        props = {"ags": g.ags, "name": g.name, "slug": g.slug, **({"inset": True} if g.ags in moved else {})}
        features.append({"type": "Feature", "properties": props, "geometry": _rounded(simple[g.ags])})
    minx, miny, maxx, maxy = shapely.total_bounds(list(simple.values()) + [f for _, f in frames])
    frame_json = [{"bounds": _latlng(f.bounds), "name": names[a].name, "note": "nicht lagetreu"} for a, f in frames]
    return SiteGeometry(features, planning_areas(register, simple), frame_json, _latlng((minx, miny, maxx, maxy)),
                        neighbours(shapes))


def planning_areas(register: Register, shapes: dict[str, BaseGeometry]) -> list[dict]:
    """Each planning area as the union of its Gemeinden's drawn shapes (dissolved at build time), so the
    area level shares every edge with the Gemeinde level, insets included."""
    members: dict[str, list[BaseGeometry]] = {}
    for g in register.gemeinden:
        if g.ags in shapes:
            members.setdefault(g.planning_area, []).append(shapes[g.ags])
    return [{"type": "Feature", "properties": {"id": p.id, "name": p.name, "i": i},
             "geometry": _rounded(shapely.union_all(members[p.id], grid_size=10.0**-DIGITS))}
            for i, p in enumerate(register.planning_areas) if p.id in members]


def _latlng(bounds: tuple[float, float, float, float]) -> list[list[float]]:
    minx, miny, maxx, maxy = (round(float(v), DIGITS) for v in bounds)
    return [[miny, minx], [maxy, maxx]]


def neighbours(shapes: dict[str, BaseGeometry]) -> dict[str, list[str]]:
    """Gemeinden that share a border (or nearly: schematic and official shapes may leave slivers)."""
    keys = list(shapes)
    tree = shapely.STRtree([shapes[k] for k in keys])
    diag = _diagonal(list(shapes.values()))
    result: dict[str, list[str]] = {k: [] for k in keys}
    for i, k in enumerate(keys):
        near = tree.query(shapes[k], predicate="dwithin", distance=diag / 2000)
        result[k] = sorted(keys[j] for j in near if j != i)
    return result


def geo_script(geometry: SiteGeometry, title: str) -> str:
    """The shared geo.js: a <script src> sets a global, which also works from file:// (no fetch/XHR)."""
    doc = {"title": title, **geometry.to_json()}
    return "window.FOKUS_GEO=" + json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + ";\n"


_CACHE: dict[int, tuple[Register, SiteGeometry]] = {}


def cached_geometry(register: Register) -> SiteGeometry:
    """site_geometry once per loaded register: every page and the geo.js asset share one result."""
    hit = _CACHE.get(id(register))
    if hit is None or hit[0] is not register:
        _CACHE.clear()
        hit = _CACHE[id(register)] = (register, site_geometry(register))
    return hit[1]
