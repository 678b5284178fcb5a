"""MkDocs hook: the Markdown conversion of unchanged pages from the build cache (fokus_pi.mdcache).

Glue only; without FOKUS_CACHE (see fokus_pi.cache) MkDocs converts every page, as it would alone."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from fokus_pi.cache import folder
from fokus_pi.mdcache import cacheable, cached_render, site_key
from fokus_pi.mkdocs_adapter import generated

_site: dict[int, str] = {}  # id(config) -> site_key of the build in progress


@event_priority(-100)  # after every plugin changed the files: the links resolve against the final set
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _site.clear()
    if folder() is not None:
        _site[id(config)] = site_key(config, files)
    return nav


@event_priority(-100)  # last: the cache is keyed by the Markdown every other hook made
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    shared = _site.get(id(config))
    if shared is not None and cacheable(page, config, generated(page.file.src_uri)):
        page.render = cached_render(page, config, files, shared)  # type: ignore[method-assign]
    return markdown
