"""Installable web site: a web app manifest and a service worker that keeps the site for offline reading.

After one visit the worker has stored every page with its styles, scripts, maps and search index (not the
downloads, the API or the archive, which are large and fetched when asked for), so a tablet reads the report
without network. The worker's file names a version computed from the content of everything it stores: a new
edition (or any change) gives a new sw.js, the browser installs it in the background, the new worker stores the
new pages and deletes the old cache once it takes over. Nothing here runs from file:// (browsers allow service
workers only over http(s)); the offline zip is the copy for that case."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
ICON = "assets/images/fokus-icon.svg"
SKIP_PREFIXES = ("daten/", "api/", "archiv/")  # large, fetched on demand
SKIP_SUFFIXES = (".zip", ".parquet", ".csv", ".map", ".gz", ".webmanifest", ".xml")


def manifest(name: str, short_name: str, description: str, colour: str = "#3f51b5") -> str:
    """The web app manifest (paths relative to the manifest, so the site works under any sub-path)."""
    return json.dumps({
        "name": name, "short_name": short_name, "description": description, "lang": "de", "dir": "ltr",
        "start_url": "./", "scope": "./", "display": "standalone", "background_color": "#ffffff",
        "theme_color": colour,
        "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }, ensure_ascii=False, indent=1) + "\n"


def icon(letter: str, colour: str = "#3f51b5") -> str:
    """A plain square icon with the report's initial: no image tooling, no external file."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" '
            f'rx="96" fill="{colour}"/><text x="256" y="340" font-family="sans-serif" font-size="260" '
            f'font-weight="700" text-anchor="middle" fill="#fff">{letter}</text></svg>\n')


def precache(site: Path) -> dict[str, str]:
    """Files the worker stores at install, URL (relative to the site root, folders for pages) -> file."""
    urls = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel == WORKER or rel.startswith(SKIP_PREFIXES) or rel.endswith(SKIP_SUFFIXES):
            continue
        urls["./" if rel == "index.html" else rel.removesuffix("index.html")] = rel
    return urls


def version(site: Path, files: dict[str, str]) -> str:
    """A hash of the stored files' contents: changes exactly when a reader's copy would be out of date."""
    h = hashlib.sha256()
    for url, rel in files.items():
        h.update(url.encode() + b"\0" + (site / rel).read_bytes())
    return h.hexdigest()[:16]


def worker(urls: list[str], version_id: str, snapshot_id: str) -> str:
    """The service worker: precache on install, drop old caches on activate, cache first with network fallback."""
    return f"""/* fokus-pi service worker: offline reading after one visit. Datenstand {snapshot_id}. */
"use strict";
const CACHE = "fokus-{snapshot_id}-{version_id}";
const PRECACHE = {json.dumps(urls, ensure_ascii=False)};

self.addEventListener("install", (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
}});

self.addEventListener("activate", (event) => {{
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("fokus-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
}});

self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(request, {{ignoreSearch: request.mode === "navigate"}}).then((hit) => hit || fetch(request))));
}});
"""


def head_tags(base: str, colour: str = "#3f51b5") -> str:
    """What every page's <head> gets: the manifest, the theme colour and the worker's registration."""
    return (f'<link rel="manifest" href="{base}{MANIFEST}"><meta name="theme-color" content="{colour}">'
            f'<script>if("serviceWorker"in navigator&&location.protocol.startsWith("http"))'
            f'addEventListener("load",function(){{navigator.serviceWorker.register("{base}{WORKER}")}})</script>')
