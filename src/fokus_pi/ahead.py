"""MkDocs' page-by-page work done ahead on every core, with the build cache as the only channel.

MkDocs converts and then renders the pages one after another on one core: six of a cold demo build's fifteen
seconds. Before it starts each of the two loops, the generated pages it would not find in the build cache are
converted (or rendered) in forked workers, which store their results in the content-hash cache (mdcache,
themecache, and the minified pages). MkDocs then runs its loops as always and finds them. Nothing a worker does
reaches the site except through an entry keyed by all of its inputs, so the site is the same with and without
this; a worker that fails leaves the page to MkDocs, which reports the failure itself, once.
"""

from __future__ import annotations

import logging
import os
from typing import Callable, Sequence

from jinja2 import Environment
from mkdocs.commands import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from . import mdcache, themecache
from . import workers as pool

MIN_PAGES = 24  # fewer pages to do are not worth starting workers (a rebuild after a changed value has three)
SHARE = pool.LIGHT  # a worker converting or rendering pages reads MkDocs' pages and the theme, not the report


def convert(generated: Sequence[File], config: MkDocsConfig, files: Files, shared: str | None) -> int:
    """Convert the generated pages whose HTML is not in the cache (``shared``: mdcache.site_key); the count."""
    if shared is None or not _workers():
        return 0
    todo = [f for f in generated if not mdcache.stored(mdcache.page_digest(
        shared, f.src_uri, f.url, meta.get_data(f.content_string)[0]))]

    def work(file: File) -> None:
        build._populate_page(file.page or Page(None, file, config), config, files)

    return _ahead(todo, work)


def render(generated: Sequence[File], config: MkDocsConfig, files: Files, nav: Navigation, env: Environment) -> int:
    """Render (and minify) the generated pages whose theme HTML is not in the cache; the count."""
    if not _workers():
        return 0
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    site = themecache.site_key(config, nav, env)
    todo = [f for f in generated if f.page is not None and f.page.content is not None
            and (k := themecache.page_key(site, f.page, build.get_context(nav, pages, config, f.page))) is not None
            and not themecache.stored(k)]
    return _ahead(todo, lambda file: build._build_page(file.page, config, pages, nav, env))


def _workers() -> bool:
    return pool.count() >= 2 and pool.can_fork()


def _ahead(todo: Sequence[File], work: Callable[[File], None]) -> int:
    """Do ``work`` for each of ``todo`` in forked workers; where fewer than two fit in memory, nothing (MkDocs
    does every page itself, logging as usual: a job run here must not silence this process)."""
    if len(todo) < MIN_PAGES or pool.affordable(min(pool.count(), len(todo)), SHARE) < 2:
        return 0
    parent = os.getpid()

    def job(index: int) -> None:
        if os.getpid() != parent:  # run() may still find less room than a moment ago and run the jobs here
            _quiet()
        try:
            work(todo[index])
        except Exception:  # noqa: BLE001 - MkDocs does this page again and reports its error
            pass

    try:
        for _ in pool.run(job, len(todo), share=SHARE):
            pass
    except Exception:  # noqa: BLE001 - no workers (a fork refused for memory): MkDocs does every page itself
        return 0
    return len(todo)


def _quiet() -> None:
    """A worker prints nothing: what it would log, MkDocs logs when it does the page itself. Handlers that only
    note records (mdcache's: a conversion that logged is not stored) are added later and still see them."""
    for name in ("", "mkdocs"):
        for handler in logging.getLogger(name).handlers[:]:
            logging.getLogger(name).removeHandler(handler)
