"""Finished HTML blocks (data tables, maps, charts) that a page carries past the engine's Markdown converter.

A generated page is Markdown with large raw-HTML blocks in it. Python-markdown passes raw HTML through unchanged,
but not for free: md_in_html, MkDocs (looking for anchors) and Material's search each parse it again with
html.parser, which cost more than half of a build. So a template marks such a block with the ``opaque`` filter;
while pages are planned, the block is replaced by a one-line placeholder comment and kept beside the page. An
engine adapter that can (MkDocs: ``on_post_page``) lets the converter see only the placeholder and puts the
block back into the finished page; any other engine gets ``Page.markdown``, the blocks already in place. Data
tables are also kept out of the search index that way (their numbers and the names of all Gemeinden on every
indicator page only made search results noisy), as ``data-search-exclude`` would.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Sequence

_blocks: ContextVar[list[str] | None] = ContextVar("fokus_blocks", default=None)
PLACEHOLDER = re.compile(r"<!--fokus-block-(\d+)-->")


def opaque(html: str) -> str:
    """Jinja filter: the block's placeholder while a page is planned (the block is kept), else the block."""
    found = _blocks.get()
    if found is None or not html.strip():
        return html
    found.append(html.strip("\n"))
    return f"\n\n<!--fokus-block-{len(found) - 1}-->\n\n"  # a block of its own in any Markdown


@contextmanager
def collecting() -> Iterator[list[str]]:
    """Collect the opaque blocks of one page, in the order of their placeholders."""
    token = _blocks.set([])
    try:
        yield _blocks.get()  # type: ignore[misc]
    finally:
        _blocks.reset(token)


def fill(text: str, blocks: Sequence[str]) -> str:
    """Put each block in place of its placeholder; every block must appear exactly once."""
    if not blocks:
        return text
    seen: list[int] = []

    def put(match: re.Match) -> str:
        number = int(match.group(1))
        if number >= len(blocks):
            raise ValueError(f"Platzhalter {match.group(0)} ohne HTML-Block")
        seen.append(number)
        return blocks[number]

    filled = PLACEHOLDER.sub(put, text)
    if sorted(seen) != list(range(len(blocks))):
        raise ValueError(f"{len(blocks)} HTML-Blöcke, aber Platzhalter {sorted(seen)} gefunden")
    return filled
