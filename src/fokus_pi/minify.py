"""Collapse the template indentation of every HTML page (about a third of its bytes), through the cache.

The same htmlmin call with the same options as mkdocs-minify-plugin's ``minify_html: true`` (a test compares
both), but keyed by the page's content hash: htmlmin parses each page in pure Python, and after one changed value
almost every page comes out as before, so a rebuild minifies only the pages that changed.
"""

from __future__ import annotations

import htmlmin

from .cache import cached_text, code_version, key

OPTIONS = {  # mkdocs-minify-plugin 0.8's defaults for minify_html
    "remove_comments": False,
    "remove_empty_space": False,
    "remove_all_empty_space": False,
    "reduce_empty_attributes": True,
    "reduce_boolean_attributes": False,
    "remove_optional_attribute_quotes": True,
    "convert_charrefs": True,
    "keep_pre": False,
    "pre_tags": ("pre", "textarea"),
    "pre_attr": "pre",
}


def minify_html(html: str) -> str:
    """htmlmin's output for ``html``, from the cache where this page was minified before."""
    digest = key(code_version("minify.py", "dist:htmlmin2"), html)
    return cached_text("html", digest, lambda: htmlmin.minify(html, **OPTIONS))
