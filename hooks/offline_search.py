"""MkDocs hook: the site search works in the offline copy too (a folder opened from disk, file://).

Material's offline plugin (enabled in mkdocs.yml with FOKUS_OFFLINE=true) inlines the search index into a script,
because browsers do not let pages from file:// start web workers or fetch files. It then needs the iframe-worker
shim, which it would load from unpkg.com; this hook ships the shim with the site instead (vendored in
fokus_pi/templates/vendor, MIT licence), so nothing loads from another host."""

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

SHIM = "assets/offline/iframe-worker-shim.js"


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


@event_priority(100)  # before the offline plugin, which adds the unpkg.com shim only if no shim is listed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _offline(config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _offline(config):
        text = resources.files("fokus_pi").joinpath("templates/vendor/iframe-worker-shim.js").read_text("utf-8")
        files.append(File.generated(config, SHIM, content=text))
    return files
