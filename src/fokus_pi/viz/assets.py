"""The shared files every map or chart page loads, written once per build (never committed, never a CDN).

Leaflet comes from the PyPI package django-js-lib-leaflet; Vega, Vega-Lite, Vega-Embed and vega-interpreter from
the npm packages in node_modules (package.json, installed by `make` with `npm ci`): their UMD builds, because the
site must work from file://, where ES modules do not load. vega-interpreter evaluates Vega's expressions without
eval, so the Content-Security-Policy (fokus_pi.csp) needs no 'unsafe-eval'.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path

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


NODE_ENV = "FOKUS_NODE_MODULES"
VEGA_FILES = ("vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js", "vega-embed/build/vega-embed.min.js")
INTERPRETER = "vega-interpreter/build/vega-interpreter.js"
ESM_IMPORT = re.compile(r"^import\s*\{([^}]*)\}\s*from\s*['\"]vega-util['\"];?\s*$", re.MULTILINE)
ESM_EXPORT = re.compile(r"^export\s*\{\s*(\w+)\s+as\s+expressionInterpreter\s*\};?\s*$", re.MULTILINE)


def node_modules() -> Path:
    """Where ``npm ci`` installed the front-end packages: $FOKUS_NODE_MODULES, else beside the project."""
    if os.environ.get(NODE_ENV):
        return Path(os.environ[NODE_ENV])
    for base in (Path(__file__).resolve().parents[3], Path.cwd()):
        if (base / "node_modules").is_dir():
            return base / "node_modules"
    return Path.cwd() / "node_modules"


@cache
def npm_file(name: str) -> str:
    """One file of an installed npm package ("package/path"), without its source-map comment; a clear message
    when `npm ci` has not run."""
    path = node_modules() / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} fehlt: npm ci --ignore-scripts (oder make) installiert die Bibliotheken "
                                "aus package.json")
    return _strip_source_map(path.read_text(encoding="utf-8"))


def classic_interpreter(module: str) -> str:
    """vega-interpreter's ES module as a classic script: its vega-util imports come from the global `vega`
    (Vega's UMD build re-exports vega-util), its one export becomes `vega.expressionInterpreter`."""
    imports = ESM_IMPORT.findall(module)
    exported = ESM_EXPORT.search(module)
    if len(imports) != 1 or exported is None or re.search(r"^\s*(import|export)\b", ESM_EXPORT.sub(
            "", ESM_IMPORT.sub("", module)), re.MULTILINE):
        raise ValueError(f"{INTERPRETER}: unerwarteter Aufbau (andere Version?), Umwandlung anpassen")
    body = ESM_EXPORT.sub(f"vega.expressionInterpreter = {exported.group(1)};", ESM_IMPORT.sub("", module))
    return f"(function (vega) {{\nconst {{{imports[0].strip()}}} = vega;\n{body}\n}})(window.vega);\n"


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite, Vega-Embed (UMD builds, which set window.vega, vegaLite, vegaEmbed) and the expression
    interpreter in one file, so a chart page loads one script for them."""
    parts = [npm_file(name) for name in VEGA_FILES] + [classic_interpreter(npm_file(INTERPRETER))]
    return "\n;\n".join(parts)


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
        **_hilfe_assets(report),
    }


def _hilfe_assets(report: Report) -> dict[str, str]:
    """The Hilfeportal's files (markers, Leaflet.markercluster), where the data have a directory of services."""
    from .hilfe import site_assets as hilfe_assets  # imported late: hilfe builds on this module

    return hilfe_assets(report)
