"""The Hilfeportal on the map: the directory as a site script, the marker library, and the HTML blocks of the
portal (filter, search, clustered markers) and of the gap maps (Angebotsanalyse).

The directory travels as a script (``hilfeangebote.js``, loaded by ``<script src>``) like the geometry: once per
site, readable from ``file://``, and outside the pages the leak scan reads (coordinates are not report figures).
Leaflet.markercluster comes from npm (``package.json``; ``make`` runs ``npm ci``) and is served by the site."""

from __future__ import annotations

from importlib import resources

from shapely.geometry import shape

from ..report import Report
from ..services import Directory, Service
from .assets import PREFIX, npm_file
from .data import script_json
from .geo import cached_geometry
from .html import _render

DATA_JS, CODE_JS, CLUSTER_JS, CSS = (PREFIX + n for n in ("hilfeangebote.js", "fokus-hilfe.js",
                                                          "markercluster.js", "hilfe.css"))
# Okabe-Ito, safe for the common colour-vision deficiencies; markers also carry the kind in their title
COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
CLUSTER_PACKAGE = "leaflet.markercluster"


def category_colors(directory: Directory) -> dict[str, str]:
    return {c.id: COLORS[i % len(COLORS)] for i, c in enumerate(directory.categories)}


def _inset_points(report: Report) -> dict[str, tuple[float, float]]:
    """Gemeinden the site map draws in an inset (far offshore): their services are shown inside the inset."""
    points = {}
    for f in cached_geometry(report.register).features:
        if f["properties"].get("inset"):
            p = shape(f["geometry"]).representative_point()
            points[f["properties"]["ags"]] = (round(p.y, 5), round(p.x, 5))
    return points


def _marker(s: Service, kinds: dict[str, int], insets: dict[str, tuple[float, float]]) -> list:
    lat, lon = insets.get(s.ags, (s.lat, s.lon))
    return [s.id, kinds[s.category], lat, lon, s.name]


def directory_script(report: Report) -> str:
    """hilfeangebote.js: kinds (id, title, colour) and one marker per service [id, kind, lat, lon, name]."""
    d = report.services
    assert d is not None
    kinds = {c.id: i for i, c in enumerate(d.categories)}
    colors = category_colors(d)
    insets = _inset_points(report)
    doc = {"categories": [{"id": c.id, "title": c.title, "color": colors[c.id]} for c in d.categories],
           "services": [_marker(s, kinds, insets) for s in d.services]}
    return "window.FOKUS_HILFE=" + script_json(doc) + ";\n"


def site_assets(report: Report) -> dict[str, str]:
    """The Hilfeportal's shared files; none when the data have no directory of services."""
    if report.services is None:
        return {}
    code = (resources.files("fokus_pi") / "templates" / "viz" / "fokus-hilfe.js").read_text(encoding="utf-8")
    css = "\n".join(npm_file(f"{CLUSTER_PACKAGE}/dist/{n}") for n in ("MarkerCluster.css", "MarkerCluster.Default.css"))
    own = (resources.files("fokus_pi") / "templates" / "viz" / "hilfe.css").read_text(encoding="utf-8")
    return {DATA_JS: directory_script(report), CODE_JS: code, CSS: css + "\n" + own,
            CLUSTER_JS: npm_file(f"{CLUSTER_PACKAGE}/dist/leaflet.markercluster.js")}


def portal_block(report: Report) -> str:
    """Filter by kind, search, the clustered map (hidden controls until the script runs)."""
    d = report.services
    assert d is not None
    colors = category_colors(d)
    kinds = [(c, len(d.in_category(c.id)), colors[c.id]) for c in d.categories]
    return _render("viz/hilfe_portal.html.j2", kinds=kinds, total=len(d.services), kreis=report.register.kreis.name)


def gap_block(report: Report, block_id: str, title: str, fills: dict[str, str], tips: dict[str, str],
              legend: list[tuple[str, str]], table_id: str) -> str:
    """A choropleth of gap classes (colours decided in Python), its legend and the table it stands for."""
    payload = {"fill": fills, "tip": tips}
    return _render("viz/hilfe_gaps.html.j2", block_id=block_id, title=title, payload_json=script_json(payload),
                   legend=legend, table_id=table_id)

