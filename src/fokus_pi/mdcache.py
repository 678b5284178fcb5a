"""MkDocs' Markdown-to-HTML step of a page, through the content-hash cache.

MkDocs converts every page's Markdown on every build (a fifth of the demo build), although after one changed
value nearly every generated page has the same Markdown as before: its figures sit in the HTML blocks, which
pass the converter as placeholders (blocks.py), and the hand-written pages rarely change (their twenty
conversions were another 0.25 s of every rebuild). The conversion depends only on the page's Markdown, its place
in the site, the URLs of all other files (for its links), the Markdown settings and the versions of the
converter's packages; those form the key. An entry holds what ``Page.render`` leaves on the page: the HTML,
the table of contents, the title found in the text and the anchors. A conversion that logged anything is not
stored, so a warning (which fails a strict build) is raised again on every build until it is fixed.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from .cache import code_version, has, key, lookup, per_build, store

PACKAGES = ("dist:mkdocs", "dist:markdown", "dist:pymdown-extensions", "dist:mkdocs-material", "dist:pygments")


@per_build  # asked for by the hook and by ahead.py in the same navigation event
def site_key(config: MkDocsConfig, files: Files) -> str:
    """What every page's conversion shares: Markdown settings, link checks, URL style and every file's URL."""
    anchors = logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG  # see Page.render
    return key(code_version("mdcache.py", *PACKAGES), config["markdown_extensions"], config["mdx_configs"],
               config["use_directory_urls"], config["validation"], config["site_url"], anchors,
               sorted((f.src_uri, f.url, str(f.inclusion)) for f in files))


def cached_render(page: Page, config: MkDocsConfig, files: Files, shared: str) -> Callable[..., None]:
    """A replacement for ``page.render`` that reads the cache or converts and stores (``shared``: site_key)."""
    convert = page.render

    def render(config: MkDocsConfig = config, files: Files = files) -> None:
        digest = page_digest(shared, page.file.src_uri, page.file.url, page.markdown)
        found = lookup("markdown", digest)
        if found is not None:
            _restore(page, json.loads(found), files)
            return
        with _Records() as logged:
            convert(config, files)
        if not logged.any:
            store("markdown", digest, json.dumps(_entry(page), ensure_ascii=False).encode("utf-8"))

    return render


READS_FILES = {"pymdownx.snippets"}  # extensions that put other files' text into a page: not in any key


def cacheable(page: Page, config: MkDocsConfig, generated: bool) -> bool:
    """Whether the conversion of ``page`` may come from the cache: every generated page, and a hand-written page
    of MkDocs' own page class (the blog's posts and views make their excerpts and listings themselves) where no
    extension reads other files into it. Its figure macros are expanded before, so the key holds their values."""
    if generated:
        return True
    return type(page) is Page and not READS_FILES & {str(e) for e in config["markdown_extensions"]}


def page_digest(shared: str, src_uri: str, url: str, markdown: str) -> str:
    return key(shared, src_uri, url, markdown)


def stored(digest: str) -> bool:
    return has("markdown", digest)


def _entry(page: Page) -> dict:
    return {
        "content": page.content,
        "toc": [_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if page.links_to_anchors is None
        else {f.src_uri: links for f, links in page.links_to_anchors.items()},
    }


def _token(item: AnchorLink) -> dict:
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(c) for c in item.children]}


def _restore(page: Page, entry: dict, files: Files) -> None:
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links"].items()}


class _Records(logging.Handler):
    """Notes whether anything was logged (at any level that is emitted) while it is active."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.any = False

    def emit(self, record: logging.LogRecord) -> None:
        self.any = True

    def __enter__(self) -> "_Records":
        for name in ("", "mkdocs"):
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc: Any) -> None:
        for name in ("", "mkdocs"):
            logging.getLogger(name).removeHandler(self)
