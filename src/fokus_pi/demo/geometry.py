"""Schematic Gemeinde shapes from the real centre points (no official boundaries are shipped).

The mainland cells are Voronoi cells of the 48 centres, clipped to a smooth hull ~1.5 km around them;
Helgoland, 45 km offshore, gets a small hexagon. Working in a locally scaled plane keeps the cells
roughly isotropic; coordinates are rounded to 5 decimals (about 1 m).
"""

from __future__ import annotations

import json
import math

import numpy as np
import shapely
from shapely.geometry import MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.polygon import orient

from .population import HELGOLAND, Gemeinde

KM_PER_DEGREE = 110.57
MARGIN_KM = 1.5
HEXAGON_KM = 1.5
TITLE = "Schematische Gemeindeflächen (Voronoi aus Gemeindemittelpunkten) – keine amtlichen Grenzen"


def _round(geom: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    return shapely.transform(geom, lambda xy: np.round(xy, 5))


def _hexagon(lon: float, lat: float) -> Polygon:
    dy = HEXAGON_KM / KM_PER_DEGREE
    dx = HEXAGON_KM / (KM_PER_DEGREE * math.cos(math.radians(lat)))
    ring = [(lon + dx * math.cos(math.radians(a)), lat + dy * math.sin(math.radians(a)))
            for a in range(0, 360, 60)]
    return Polygon(ring)


def schematic_shapes(gemeinden: list[Gemeinde]) -> dict[str, Polygon | MultiPolygon]:
    """One valid, non-overlapping (Multi)Polygon per AGS that contains the Gemeinde centre."""
    mainland = [g for g in gemeinden if g.ags != HELGOLAND]
    lat0 = float(np.mean([g.lat for g in mainland]))
    kx = math.cos(math.radians(lat0))
    points = [Point(g.lon * kx, g.lat) for g in mainland]
    cloud = MultiPoint(points)
    margin = MARGIN_KM / KM_PER_DEGREE
    hull = shapely.concave_hull(cloud, ratio=0.45)
    hull = hull.buffer(3 * margin, quad_segs=6).buffer(-2 * margin, quad_segs=6)
    cells = list(shapely.voronoi_polygons(cloud, extend_to=hull.envelope.buffer(0.2)).geoms)
    shapes: dict[str, Polygon | MultiPolygon] = {}
    for g, point in zip(mainland, points):
        owners = [c for c in cells if c.contains(point)]
        assert len(owners) == 1, g.name
        clipped = owners[0].intersection(hull)
        if isinstance(clipped, MultiPolygon):  # keep the part around the centre only
            clipped = next(p for p in clipped.geoms if p.contains(point))
        planar = shapely.transform(clipped, lambda xy: np.column_stack([xy[:, 0] / kx, xy[:, 1]]))
        shapes[g.ags] = _round(planar)
    for g in gemeinden:
        if g.ags == HELGOLAND:
            shapes[g.ags] = _round(_hexagon(g.lon, g.lat))
    for ags, shape in shapes.items():
        assert shape.is_valid, ags
    return shapes


def _rings(poly: Polygon) -> list[list[list[float]]]:
    poly = orient(poly, 1.0)  # RFC 7946: exterior counter-clockwise
    rings = [poly.exterior, *poly.interiors]
    return [[[round(x, 5), round(y, 5)] for x, y in ring.coords] for ring in rings]


def geojson_text(gemeinden: list[Gemeinde], shapes: dict[str, Polygon | MultiPolygon]) -> str:
    """FeatureCollection text, one feature per line, in AGS order."""
    lines = []
    for g in sorted(gemeinden, key=lambda x: x.ags):
        shape = shapes[g.ags]
        if isinstance(shape, Polygon):
            geometry = {"type": "Polygon", "coordinates": _rings(shape)}
        else:
            geometry = {"type": "MultiPolygon", "coordinates": [_rings(p) for p in shape.geoms]}
        feature = {"type": "Feature", "properties": {"ags": g.ags, "name": g.name, "schematic": True},
                   "geometry": geometry}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    head = json.dumps({"type": "FeatureCollection", "name": TITLE}, ensure_ascii=False)[:-1]
    return head + ', "features": [\n' + ",\n".join(lines) + "\n]}\n"
