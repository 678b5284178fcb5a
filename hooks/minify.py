"""MkDocs hook: minify every HTML page with minify-html (fokus_pi.minify), cached by content.

Glue only: fokus_pi.minify does the work and caches it by content hash, so a rebuild minifies changed pages only."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from fokus_pi.minify import minify_html


@event_priority(50)  # first, where the plugin ran: the feed, PWA and CSP hooks add their tags to minified pages
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return minify_html(output)


@event_priority(50)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return minify_html(output_content) if template_name.endswith(".html") else output_content
