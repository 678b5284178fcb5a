"""MkDocs hook: the installable site (web app manifest, icon, service worker for offline reading after one visit).

Glue only: fokus_pi.pwa writes the files. Left out of the offline copy (file:// has no service workers) and of
archived editions (the live site's worker is the one a tablet keeps)."""

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from fokus_pi import editions, pwa
from fokus_pi.mkdocs_adapter import report_for


def _active(config: MkDocsConfig) -> bool:
    offline = config.plugins.get("material/offline")
    return not (offline is not None and offline.config.enabled) and not os.environ.get(editions.EDITION_ENV)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _active(config):
        files.append(File.generated(config, pwa.MANIFEST, content=pwa.manifest(
            config.site_name, "Sozialbericht", config.site_description or config.site_name)))
        files.append(File.generated(config, pwa.ICON, content=pwa.icon("S")))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _active(config):
        return output
    return output.replace("</head>", pwa.head_tags(get_relative_url("x", page.url)[:-1]) + "</head>", 1)


@event_priority(-200)  # last: after the search index got its stems and every page is written
def on_post_build(config: MkDocsConfig) -> None:
    if _active(config):
        site = Path(config.site_dir)
        files = pwa.precache(site)
        text = pwa.worker(list(files), pwa.version(site, files), report_for(config).snapshot.id)
        (site / pwa.WORKER).write_text(text, encoding="utf-8")
