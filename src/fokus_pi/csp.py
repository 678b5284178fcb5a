"""The Content-Security-Policy every page carries as a meta tag (a static host may send no headers at all).

Scripts run only from the site's own files and from the inline blocks the page itself holds, each allowed by its
SHA-256 hash (Material's small bootstrap scripts, the service-worker registration, a filter form): no
'unsafe-inline' and no 'unsafe-eval' for scripts, so injected markup cannot run code. The hashes are computed from
the finished HTML, after every other hook and plugin has changed it. Vega runs its expressions through
vega-interpreter, which needs no eval. Styles keep 'unsafe-inline': charts, swatches and Material set style
attributes, and a style cannot run code. Nothing may come from another host (see README), so every source is
'self', plus data: URLs for the images and fonts that stylesheets embed."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from urllib.parse import urlsplit

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)  # not data-src
CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
MD_CONFIG = re.compile(r"<script\b[^>]*\bid=[\"']?__config\b[^>]*>(.*?)</script", re.DOTALL)
IFRAME = re.compile(r"""<iframe\b[^>]*\ssrc\s*=\s*["']?(https?://[^/"'\s>]+)""", re.IGNORECASE)
SHIM_BLOCK = re.compile(r"document\.write\(`<html><body><script>(.*?)<\\/script>")

# directive -> sources; script-src gets the page's hashes appended
DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "media-src": ("'self'",),
    "worker-src": ("'self'",),  # Material's search worker; the offline copy's shim uses a frame instead
    "manifest-src": ("'self'",),
    "frame-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline block the browser would execute (data blocks such as JSON are not scripts)."""
    found = []
    for attrs, body in SCRIPT.findall(html):
        kind = TYPE.search(attrs)
        if SRC.search(attrs) or (kind.group(1).lower() if kind else "") not in JS_TYPES:
            continue
        found.append(body)
    return found


def script_hash(body: str) -> str:
    """CSP source for one inline block; the HTML parser turns CR LF into LF before the browser hashes it."""
    digest = hashlib.sha256(body.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _function_source(code: str, name: str) -> str:
    """The source text of ``function name(…){…}`` in minified code (braces counted; none sit in its strings)."""
    start = code.index(f"function {name}(")
    depth, i = 0, code.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(code[i], 0)
        if depth == 0:
            return code[start: i + 1]
        i += 1


def iframe_worker_script(html: str, shim: str) -> str | None:
    """The block the offline copy's iframe-worker shim writes into its hidden frame, which inherits the page's
    policy: its text is the shim's template with two of the shim's functions and the page's search-worker URL
    (Material's __config) filled in, so the build knows it and can allow it by hash. None without search."""
    config = MD_CONFIG.search(html)
    block = SHIM_BLOCK.search(shim)
    if config is None or block is None:
        return None
    worker = json.loads(config.group(1)).get("search")
    if not worker:
        return None
    values = {"${c}": _function_source(shim, "c"), "${d}": _function_source(shim, "d"), "${e}": worker}
    return re.sub(r"\$\{[cde]\}", lambda m: values[m.group(0)], block.group(1))


def host_source(url: str) -> str:
    """The CSP source for a URL template such as https://{s}.tile.example.org/{z}/{x}/{y}.png."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"


def policy(html: str, scripts: tuple[str, ...] = (), extra: dict[str, tuple[str, ...]] | None = None) -> str:
    """The policy for one finished page: the fixed directives plus the hash of each of its inline scripts and
    of ``scripts`` that code on the page writes (the offline copy's worker shim). ``extra`` adds sources a site
    opts into (a basemap's tile host); a video the reader chooses to load from another host (the video macro's
    <template>) adds that host to frame-src on its page only."""
    extra = {**(extra or {})}
    extra["frame-src"] = (*extra.get("frame-src", ()), *sorted(set(IFRAME.findall(html))))
    extra["script-src"] = (*extra.get("script-src", ()), *(script_hash(b) for b in [*inline_scripts(html), *scripts]))
    return "; ".join(" ".join((name, *dict.fromkeys((*sources, *extra.get(name, ())))))
                     for name, sources in DIRECTIVES.items())


def with_policy(html: str, scripts: tuple[str, ...] = (), extra: dict[str, tuple[str, ...]] | None = None) -> str:
    """The page with its CSP meta tag first in <head> (right after the charset): a policy only covers what
    follows it. Pages without a <head> (fragments) are returned unchanged."""
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, scripts, extra)}">'
    return html[: anchor.end()] + tag + html[anchor.end():]
