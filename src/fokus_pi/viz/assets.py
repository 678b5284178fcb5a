"""The shared files every map or chart page loads, written once per build (never committed, never a CDN).

Leaflet comes from the PyPI package django-js-lib-leaflet, Vega, Vega-Lite and Vega-Embed from
vl-convert-python's bundle; both are read from the installed packages at build time.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..catalogue import Indicator
from ..report import Report
from . import charts, data
from .geo import cached_geometry, geo_script

PREFIX = "assets/fokus/"
LEAFLET_JS, LEAFLET_CSS = PREFIX + "leaflet.js", PREFIX + "leaflet.css"
VEGA_JS, GEO_JS, SITE_JS, VIZ_JS = PREFIX + "vega.js", PREFIX + "geo.js", PREFIX + "kennzahlen.js", PREFIX + "fokus-viz.js"


def _strip_source_map(text: str) -> str:
    """Drop the sourceMappingURL comment: the map is not shipped and dev tools would ask for it."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL="))


@cache
def leaflet(name: str) -> str:
    return _strip_source_map(
        (resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet" / name).read_text(encoding="utf-8"))


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed in one script that sets window.vegaEmbed (wrapped so its top-level
    names stay private: the bundle is written as a module and would otherwise share the global scope)."""
    import vl_convert

    return "(function(){\n" + _strip_source_map(vl_convert.javascript_bundle()) + "\n})();\n"


def viz_script() -> str:
    """fokus-viz.js: the settings it needs from Python (symbols, locale, embed options), then the code."""
    conf = {"flags": data.flag_table(), "embed": charts.embed_options()}
    code = (resources.files("fokus_pi") / "templates" / "viz" / "fokus-viz.js").read_text(encoding="utf-8")
    return "window.FOKUS_CONF=" + data.script_json(conf) + ";\n" + code


def site_script(report: Report, published: list[Indicator]) -> str:
    """kennzahlen.js: what every Gemeinde page shares (metadata, Kreis/Land/Bund series, the chart spec)."""
    doc = data.site_payload(report, published)
    names = {r["level"]: r["name"] for r in doc["refs"]}
    doc["spec"] = charts.gemeinde_spec({"gemeinde": "", **names})
    return "window.FOKUS_SITE=" + data.script_json(doc) + ";\n"


def site_assets(report: Report) -> dict[str, str]:
    """Site path -> text of every shared map and chart file."""
    title = str(report.register.geometry.get("name") or report.register.geometry.get("title") or "")
    return {
        LEAFLET_JS: leaflet("leaflet.js"),
        LEAFLET_CSS: leaflet("leaflet.css"),
        VEGA_JS: vega_bundle(),
        GEO_JS: geo_script(cached_geometry(report.register), title),
        SITE_JS: site_script(report, report.published()),
        VIZ_JS: viz_script(),
    }
