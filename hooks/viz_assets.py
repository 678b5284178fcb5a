"""MkDocs hook: add the shared map and chart files (Leaflet, Vega, geometry, fokus-viz.js) once per build.

Glue only; the files come from fokus_pi.viz.site_assets, which is tested without MkDocs."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from fokus_pi.mkdocs_adapter import report_for
from fokus_pi.viz import site_assets


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, text in site_assets(report_for(config)).items():
        files.append(File.generated(config, path, content=text))
    return files
