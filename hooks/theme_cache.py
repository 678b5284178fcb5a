"""MkDocs hook: the theme's rendering of generated pages from the build cache (fokus_pi.themecache).

MkDocs picks a page's template before the plugins see its context, so every generated page gets the template
that prints finished HTML, and the context event supplies it: from the cache, or rendered here with the page's
own template exactly as MkDocs would. Glue only; without FOKUS_CACHE nothing changes."""

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from fokus_pi.cache import folder
from fokus_pi.mkdocs_adapter import generated
from fokus_pi import themecache

_build: dict = {}  # the environment of the build in progress
OWN = "fokus_template"  # the page's own template, kept in its metadata


@event_priority(-100)  # last: every page's Markdown is converted and every other hook has set up the environment
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _build.clear()
    if folder() is None:
        return env
    _build["env"] = env
    themecache.install(env)
    for file in files.documentation_pages():
        if file.page is not None and generated(file.src_uri):
            file.page.meta[OWN] = file.page.meta.get("template", "main.html")
            file.page.meta["template"] = themecache.TEMPLATE
    return env


@event_priority(-100)  # last: the key holds the context every other plugin made
def on_page_context(context, page: Page, config: MkDocsConfig, nav: Navigation):
    env = _build.get("env")
    if env is None or page.meta.get("template") != themecache.TEMPLATE:
        return context
    digest = themecache.page_key(themecache.site_key(config, nav, env), page, context)
    html = themecache.rendered(digest)
    if html is None:
        html = env.get_template(page.meta[OWN]).render(context)
        themecache.keep(digest, html)
    context["fokus_rendered"] = html
    return context
