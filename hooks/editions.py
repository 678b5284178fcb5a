"""MkDocs hook: yearly editions. In the live site with its archive (FOKUS_ARCHIVE) the page archiv/ listing every
edition; in an archived edition (FOKUS_EDITION=<snapshot id>) a banner on every page and a nav without the hand-written
pages, which an edition does not contain.

Glue only: fokus_pi.editions builds the editions and writes the page; both are tested without this file."""

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from fokus_pi import editions
from fokus_pi.mkdocs_adapter import report_for


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if os.environ.get(editions.ARCHIVE_ENV) and config.nav is not None:
        config.nav = [*config.nav, {"Archiv": editions.INDEX}]
    return config


@event_priority(-50)  # after report_pages has added the generated pages the nav is checked against
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if os.environ.get(editions.ARCHIVE_ENV):
        files.append(File.generated(config, editions.INDEX, content=editions.index_markdown(report_for(config))))
    if os.environ.get(editions.EDITION_ENV):
        config.nav = editions.prune_nav(config.nav, lambda uri: files.get_file_from_path(uri) is not None)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    snapshot_id = os.environ.get(editions.EDITION_ENV)
    if not snapshot_id:
        return markdown
    return editions.banner(snapshot_id, get_relative_url("x", page.url)[:-1]) + markdown
