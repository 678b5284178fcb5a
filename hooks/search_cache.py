"""MkDocs hook: Material's search entries per page from the content-hash cache (fokus_pi.searchcache).

Glue only; without FOKUS_CACHE (see fokus_pi.cache) the search plugin works exactly as it would alone."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from fokus_pi.cache import folder
from fokus_pi.searchcache import cached_entries


@event_priority(-100)  # after the search plugin made its index for this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if index is not None and folder() is not None:
        index.add_entry_from_context = cached_entries(index)
    return config
