"""MkDocs hook: German stems in the search index (see fokus_pi.searchstems for why not Material's stemmer).

Runs after the search plugin has written search/search_index.json and before the offline plugin copies it into
search_index.js (that one runs last), so both the site and its offline copy search with stems."""

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from fokus_pi.searchstems import add_stems


def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        index = add_stems(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
