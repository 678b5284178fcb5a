"""The MkDocs side: turn the planned pages and nav into MkDocs files and config. Nothing else lives here,
so another engine (e.g. Zensical) needs only its own version of these few functions."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import blocks, fmt
from .pages import downloads, nav, plan, relocate
from .problems import DataError
from .publish import DATA_ENV
from .report import Report, load_report_cached
from .workers import Background


def data_dir(config: MkDocsConfig) -> Path:
    """FOKUS_DATA from `fokus build --data`, else `extra.fokus_data` relative to mkdocs.yml."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    return Path(config.config_file_path).parent / config.extra.get("fokus_data", "data")


_built: list[tuple[MkDocsConfig, Report]] = []  # the report of the build in progress


def report_for(config: MkDocsConfig) -> Report:
    """The report of this build. Hooks ask on every page; hashing every data file each time (the check that the
    data did not change) took seconds at the scale of a Land, so it runs once per build (each build, also each
    rebuild of the live preview, has its own config object)."""
    if _built and _built[0][0] is config:
        return _built[0][1]
    try:
        report = load_report_cached(data_dir(config))
    except DataError as exc:
        raise PluginError(f"Die Daten enthalten Fehler:\n{exc}") from exc
    _built[:] = [(config, report)]
    return report


def expand_nav(items: list | None, sections: dict[str, list]) -> list | None:
    """Replace each nav entry that names a generated section index with the whole generated subtree."""
    if items is None:
        return None
    result = []
    for item in items:
        if isinstance(item, dict):
            expanded = {k: _expand_value(v, sections) for k, v in item.items()}
            expanded = {k: v for k, v in expanded.items() if v != []}
            if expanded:
                result.append(expanded)
        elif _expand_value(item, sections) != []:
            result.append(_expand_value(item, sections))
    return result


def _expand_value(value, sections: dict[str, list]):
    if isinstance(value, str) and value in sections:
        return sections[value]
    if isinstance(value, list):
        return expand_nav(value, sections)
    return value


_downloads: list[tuple[Background, Path]] = []  # the downloads of the build in progress, made meanwhile


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    report = report_for(config)
    on_build_error(None)  # what an earlier build in this process left
    site = Path(config.site_dir)
    # started by `fokus build` as soon as it had the report (publish.py), else now
    _downloads.append(downloads.claim(report, site) or downloads.start(report, site))
    snap = report.snapshot
    config.extra["fokus"] = {
        "demo": report.demo,
        "stichtag": fmt.date(snap.stichtag),
        "snapshot_title": snap.title,
        "kreis": report.register.kreis.name,
    }
    config.nav = expand_nav(config.nav, nav(report))
    return config


_blocks: dict[str, tuple[str, ...]] = {}  # HTML blocks of the generated pages of the build in progress, by URI


def on_files(files: Files, config: MkDocsConfig) -> Files:
    report = report_for(config)
    _blocks.clear()
    pages, _ = plan(report, progress=True, directory_urls=config.use_directory_urls, downloads=False)
    # the downloads were made meanwhile (on_config); moved to their place in the site, MkDocs leaves them there
    # (it cleaned the site before this event; a Land's downloads are 550 MB, never held in memory)
    background, spool = _downloads[0]
    downloads = relocate(background.result(), spool, Path(config.site_dir))
    _downloads.clear()
    for page in pages:
        if files.get_file_from_path(page.uri) is not None:
            raise PluginError(f"content/{page.uri} überschneidet sich mit einer erzeugten Seite")
        inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.uri, content=page.source, inclusion=inclusion))  # see blocks.py
        _blocks[page.uri] = page.blocks
    for download in downloads:
        files.append(File.generated(config, download.uri, abs_src_path=str(download.path)))
    return files


def on_build_error(error: Exception | None) -> None:
    """Stop the downloads of a failed build and remove what they wrote."""
    for background, spool in _downloads:
        background.cancel()
        shutil.rmtree(spool, ignore_errors=True)
    _downloads.clear()


def generated(uri: str) -> bool:
    """Whether the page at ``uri`` (a Markdown path) is one of the generated pages of the build in progress."""
    return uri in _blocks


@event_priority(100)  # before minify (50) and every hook that reads the finished page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the HTML blocks back in place of their placeholders."""
    return blocks.fill(output, _blocks.get(page.file.src_uri, ()))
