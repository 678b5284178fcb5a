"""MkDocs hook: a Content-Security-Policy meta tag on every page, with hashes of the page's inline scripts.

Glue only: fokus_pi.csp builds the policy. Runs after every other hook and plugin has changed the page (the
service-worker registration, minification), since a hash must match the final text. In the offline copy the
search runs through the iframe-worker shim, whose frame script is allowed by its hash too."""

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from fokus_pi import csp


def _finish(html: str, config: MkDocsConfig) -> str:
    offline = config.plugins.get("material/offline")
    scripts: tuple[str, ...] = ()
    if offline is not None and offline.config.enabled:
        shim = resources.files("fokus_pi").joinpath("templates/vendor/iframe-worker-shim.js").read_text("utf-8")
        scripts = tuple(s for s in [csp.iframe_worker_script(html, shim)] if s)
    basemap = (config.extra.get("fokus_basemap") or {}).get("url")  # opt-in tiles from another host
    return csp.with_policy(html, scripts, {"img-src": (csp.host_source(basemap),)} if basemap else None)


@event_priority(-1000)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _finish(output, config)


@event_priority(-1000)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages such as 404.html, which MkDocs renders without the page events."""
    return _finish(output_content, config) if template_name.endswith(".html") else output_content
