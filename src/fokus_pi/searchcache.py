"""Material's search index entries of a page, through the content-hash cache.

Material parses every page's HTML again with html.parser to cut it into sections for the index: a sixth of a
build, and after one changed value almost every page is as before. The entries of a page depend only on its
HTML, URL, title, front matter, table of contents and the plugin's settings, which together are the key; the
cached entries are the ones Material made, so the index is byte for byte the same.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from .cache import cached_json, code_version, key


def _toc(items: Any) -> list:
    return [[i.id, i.url, i.title, _toc(i.children)] for i in items or []]


def cached_entries(index: Any) -> Callable[[Any], None]:
    """A replacement for ``index.add_entry_from_context`` (a Material SearchIndex) that reads and fills the cache."""
    make = index.add_entry_from_context

    def add(page: Any) -> None:
        digest = key(code_version("searchcache.py", "dist:mkdocs-material"), index.config, page.content, page.url,
                     page.title, json.dumps(page.meta, sort_keys=True, default=str), _toc(page.toc))

        def entries() -> list[dict]:
            start = len(index.entries)
            make(page)
            return index.entries[start:]

        start = len(index.entries)
        found = cached_json("search", digest, entries)
        if len(index.entries) == start:  # from the cache: Material did not run
            index.entries.extend(found)

    return add
