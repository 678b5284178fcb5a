"""An Atom feed (RFC 4287) of the newsletter posts and the data release notes: the site's replacement for the app's
push notices. Built with the standard library's ElementTree, from plain entries, so any engine can write it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"


@dataclass(frozen=True)
class Entry:
    title: str
    path: str  # URL of the page relative to the site root, e.g. "neu/2026-06-30/"
    date: dt.date
    summary: str
    category: str  # "Newsletter" or "Neue Daten"


def as_date(value: object) -> dt.date | None:
    """A page's ``date`` front matter: a date, a datetime, ISO text, or Material's {created: …} mapping."""
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def plain(html: str, limit: int = 300) -> str:
    """The first paragraph of rendered HTML as plain text, for entries without a description."""
    match = re.search(r"<p>(.*?)</p>", html, re.S)
    text = re.sub(r"<[^>]+>", "", match.group(1) if match else "")
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _href(site_url: str | None, path: str) -> str:
    return urljoin(site_url, path) if site_url else (path or "./")


def atom(entries: list[Entry], title: str, subtitle: str, author: str, site_url: str | None = None) -> str:
    """The feed as XML text; newest entry first. Without ``site_url`` links are relative to the feed, which lies
    at the site root; ids then use a stable ``urn:`` form so readers still recognise entries they have seen."""
    ET.register_namespace("", ATOM)
    ordered = sorted(entries, key=lambda e: (e.date, e.path), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    def ident(path: str) -> str:
        return urljoin(site_url, path) if site_url else f"urn:fokus-pi:{path.strip('/') or 'start'}"

    sub(feed, "id", ident(FEED_NAME))
    sub(feed, "title", title)
    sub(feed, "subtitle", subtitle)
    sub(feed, "updated", _stamp(ordered[0].date if ordered else dt.date(2000, 1, 1)))
    sub(sub(feed, "author"), "name", author)
    sub(feed, "link", href=_href(site_url, ""), rel="alternate", type="text/html")
    if site_url:
        sub(feed, "link", href=_href(site_url, FEED_NAME), rel="self", type="application/atom+xml")
    for e in ordered:
        entry = sub(feed, "entry")
        sub(entry, "id", ident(e.path))
        sub(entry, "title", e.title)
        sub(entry, "updated", _stamp(e.date))
        sub(entry, "published", _stamp(e.date))
        sub(entry, "link", href=_href(site_url, e.path), rel="alternate", type="text/html")
        sub(entry, "category", term=e.category)
        sub(entry, "summary", e.summary or e.title, type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
