"""German stemming for the site search, also in the offline copy.

Material's search appends a wildcard to every query term ("Arzt" becomes "Arzt*"), and lunr does not stem terms
with wildcards, so a stemmed index would miss "Ärzte" when a reader types "Ärzte". Instead the index keeps every
word as written and each entry gets one more field, ``stems``, with the German Snowball stem and the umlaut-free
form of its words: "Arzt" then finds pages that only say "Ärzte", "Mutter" finds "Mütter", and exact and prefix
searches keep working through the text itself."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import snowballstemmer

FIELD = "stems"
WORD = re.compile(r"[^\W\d_]{3,}")
TAG = re.compile(r"<[^>]+>")
FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_STEMMER = snowballstemmer.stemmer("german")


@lru_cache(maxsize=None)
def variants(word: str) -> tuple[str, ...]:
    """The stem and the umlaut-free form of one lower-case word, where they differ from it."""
    found = {_STEMMER.stemWord(word), word.translate(FOLD)} - {word}
    return tuple(sorted(v for v in found if len(v) >= 2))


def stems(text: str) -> str:
    """All variants of the words of an index entry (HTML removed), each once, in first-seen order."""
    seen: dict[str, None] = {}
    for word in WORD.findall(html.unescape(TAG.sub(" ", text)).lower()):
        for v in variants(word):
            seen.setdefault(v, None)
    return " ".join(seen)


def add_stems(index: dict, boost: float = 1.0) -> dict:
    """Add the ``stems`` field to every entry of a Material search index (search_index.json) and its config."""
    index.setdefault("config", {}).setdefault("fields", {})[FIELD] = {"boost": boost}
    for doc in index.get("docs", []):
        doc[FIELD] = stems(f"{doc.get('title', '')} {doc.get('text', '')}")
    return index
