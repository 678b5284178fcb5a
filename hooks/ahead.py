"""MkDocs hook: generated pages converted and rendered on every core before MkDocs' own loops (fokus_pi.ahead).

Glue only; without FOKUS_CACHE, or with one core, MkDocs does all of it, as it would alone."""

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from fokus_pi import ahead
from fokus_pi.cache import folder
from fokus_pi.mdcache import site_key
from fokus_pi.mkdocs_adapter import generated

_nav: dict = {}


@event_priority(-110)  # after markdown_cache (-100): its page.render replacement is what the workers run
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _nav.clear()
    if folder() is not None:
        _nav["nav"] = nav
        ahead.convert(_generated(files), config, files, site_key(config, files))
    return nav


@event_priority(-110)  # after theme_cache (-100) gave the generated pages their template
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if "nav" in _nav:
        ahead.render(_generated(files), config, files, _nav["nav"], env)
    return env


def _generated(files: Files) -> list:
    return [f for f in files.documentation_pages() if generated(f.src_uri)]
