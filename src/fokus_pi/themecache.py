"""The theme's rendering of a generated page through the content-hash cache.

After the page plan and the Markdown conversion came from the cache, Material's templates were the largest part
of a rebuild left (1.5 s for the demo, mostly the navigation drawn into every page), although a page whose
content, place and navigation did not change renders to the same HTML. The rendering reads the page (content,
table of contents, metadata, title, URL, neighbours), the whole navigation (titles, URLs and metadata of every
page), the site's settings and the templates; those form the key. A context that a plugin extended beyond what
MkDocs itself passes is rendered as usual, because its extra values are not in the key.

Only the template's output is stored: the page hooks that run after it (minifying, the security policy, the
offline list) still see every page, so the state they collect is complete.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import material
from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from .cache import code_version, has, key, lookup, per_build, stable_name, store

PACKAGES = ("dist:mkdocs", "dist:mkdocs-material", "dist:jinja2", "dist:babel")
STANDARD = {"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc",
            "config", "page"}  # mkdocs.commands.build.get_context; build_date_utc is not read by the theme
NOT_RENDERED = {"plugins", "hooks", "nav", "markdown_extensions", "mdx_configs", "watch", "theme", "site_dir",
                "docs_dir", "config_file_path", "exclude_docs", "not_in_nav", "draft_docs", "validation"}


@per_build  # asked for by the hook for every page, by ahead.py before the render loop and by its workers
def site_key(config: MkDocsConfig, nav: Navigation, env: Environment) -> str:
    """What every page's rendering shares: templates, settings, hooks, the environment's names and the whole
    navigation (every page's title, URL and metadata: the drawer lists them, with status and icons)."""
    settings = {k: config[k] for k in config if k not in NOT_RENDERED}
    theme = (config.theme.name, dict(config.theme))
    hooks = [_file_hash(Path(config.config_file_path).parent / h) for h in config["hooks"]]
    names = (sorted(env.globals), sorted(env.filters), sorted(env.tests))
    plugins = {name: _plain(dict(getattr(plugin, "config", {}))) for name, plugin in config.plugins.items()}
    return key(code_version("themecache.py", *PACKAGES), _templates(config), settings, theme, hooks, names,
               plugins, [_item(i) for i in nav.items], _link(nav.homepage))


def page_key(shared: str, page: Page, context: dict[str, Any]) -> str | None:
    """The key of one page's rendering, or None when a plugin put something into the context."""
    if set(context) - STANDARD:
        return None
    return key(shared, page.url, page.file.src_uri, page.title, page.content, [_toc(t) for t in page.toc],
               page.meta, page.canonical_url, page.edit_url, page.is_homepage, _link(page.previous_page),
               _link(page.next_page), [a.title for a in page.ancestors], context["base_url"],
               [str(c) for c in context["extra_css"]], [str(j) for j in context["extra_javascript"]])


TEMPLATE = "fokus-rendered.html"  # prints the context's `fokus_rendered`: the page's finished HTML


def install(env: Environment) -> None:
    """Give ``env`` the template that prints finished HTML (no file in overrides/: any site config works)."""
    if not isinstance(env.loader, ChoiceLoader) or TEMPLATE not in getattr(env.loader.loaders[0], "mapping", {}):
        env.loader = ChoiceLoader([DictLoader({TEMPLATE: "{{ fokus_rendered }}"}), env.loader])


def rendered(digest: str | None) -> str | None:
    found = lookup("theme", digest) if digest is not None else None
    return None if found is None else found.decode("utf-8")


def stored(digest: str) -> bool:
    return has("theme", digest)


def keep(digest: str | None, html: str) -> None:
    if digest is not None:
        store("theme", digest, html.encode("utf-8"))


def _templates(config: MkDocsConfig) -> list:
    """Every template folder's files by content; the theme's own by the package version (in PACKAGES): its
    ten thousand icons are not read on every build."""
    theme_root = Path(material.__file__).parent
    out: list = []
    for folder in map(Path, config.theme.dirs):
        if folder.is_relative_to(theme_root):
            out.append(str(folder.relative_to(theme_root)))
        else:
            out.append(sorted((str(p.relative_to(folder)), _file_hash(p)) for p in folder.rglob("*") if p.is_file()))
    return out


def _plain(value: object) -> object:
    """A plugin's settings (the header reads search's) as JSON-able values the same in every process: a
    function by its name (its repr holds its address)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return stable_name(value) if callable(value) else value


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _item(item: Page | Section | Link) -> list:
    if isinstance(item, Section):
        return ["section", item.title, [_item(c) for c in item.children]]
    if isinstance(item, Page):
        return ["page", item.title, item.url, item.file.src_uri, item.meta, item.is_index]
    return ["link", item.title, item.url]


def _link(page: Page | None) -> list | None:
    return None if page is None else [page.url, page.title]


def _toc(item: AnchorLink) -> list:
    return [item.level, item.id, item.title, [_toc(c) for c in item.children]]
