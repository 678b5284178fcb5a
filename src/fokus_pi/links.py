"""Links written as HTML inside generated pages, with the same URLs and the same strictness as Markdown links.

The large tables of the generated pages are written as HTML, not as Markdown tables: python-markdown spent six of a
build's seconds on their 15,000 lines. Links inside raw HTML are neither rewritten nor checked by the engine, so
this module does both. ``href("gemeinden/elmshorn.md")`` gives the link relative to the page being rendered, in
the engine's URL style (``gemeinden/elmshorn/`` for the web site, ``gemeinden/elmshorn.html`` for the offline
copy), and every target is recorded, so ``plan_pages`` fails on a link to a page that does not exist, as a
strict MkDocs build would.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Iterable, Iterator


@dataclass
class _Links:
    directory_urls: bool
    page: str = "index.md"
    targets: dict[str, set[str]] = field(default_factory=dict)  # target URI -> pages that link to it


_state: ContextVar[_Links | None] = ContextVar("fokus_links", default=None)


def url(uri: str, directory_urls: bool = True) -> str:
    """Site URL of a Markdown page, as MkDocs makes it ("" for the start page with directory URLs)."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else f"{stem}/"


def relative(source: str, target: str, directory_urls: bool = True) -> str:
    """Link from page ``source`` to page ``target`` (both Markdown URIs, optionally with #anchor): the shortest
    relative path, as MkDocs writes it (without posixpath.relpath, which asks the OS for the working folder)."""
    target, _, anchor = target.partition("#")
    base = url(source, directory_urls).split("/")[:-1]  # the folder the browser resolves against
    parts = url(target, directory_urls).split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    rel = "../" * (len(base) - common) + "/".join(parts[common:]) or "./"
    return f"{rel}#{anchor}" if anchor else rel


def href(target: str) -> str:
    """Jinja global: the link from the page being rendered to ``target`` (a Markdown URI from the docs root)."""
    state = _state.get()
    if state is None:  # rendering outside plan_pages (a single page in a test): web URLs from the start page
        return relative("index.md", target)
    state.targets.setdefault(target.partition("#")[0], set()).add(state.page)
    return relative(state.page, target, state.directory_urls)


@contextmanager
def collecting(directory_urls: bool = True) -> Iterator[_Links]:
    """Record the links of every page rendered inside; the caller checks them with :func:`check`."""
    token = _state.set(_Links(directory_urls))
    try:
        yield _state.get()  # type: ignore[misc]
    finally:
        _state.reset(token)


@contextmanager
def on_page(uri: str) -> Iterator[None]:
    """Links rendered inside are relative to page ``uri``."""
    state = _state.get()
    before = state.page if state else None
    if state:
        state.page = uri
    try:
        yield
    finally:
        if state and before is not None:
            state.page = before


def check(targets: dict[str, set[str]], pages: Iterable[str]) -> None:
    """Raise when a recorded link (``_Links.targets``: target -> linking pages) names a page not in ``pages``."""
    known = set(pages)
    broken = sorted((target, sorted(sources)[0]) for target, sources in targets.items() if target not in known)
    if broken:
        lines = "\n".join(f"{source}: Verweis auf {target}, diese Seite gibt es nicht" for target, source in broken)
        raise ValueError(f"Erzeugte Seiten verweisen auf fehlende Seiten:\n{lines}")
