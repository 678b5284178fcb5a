"""MkDocs hook: the theme's Jinja templates compiled once and kept in the build cache (fokus_pi.cache).

Glue only; without FOKUS_CACHE the templates are compiled on every build, as MkDocs does alone."""

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from fokus_pi.cache import TemplateBytecode


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = TemplateBytecode()
    return env
