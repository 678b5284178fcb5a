"""German stemming for the site search, also in the offline copy.

Material's search appends a wildcard to every query term ("Arzt" becomes "Arzt*"), and lunr does not stem terms
with wildcards, so a stemmed index would miss "Ärzte" when a reader types "Ärzte". Instead the index keeps every
word as written and each entry gets one more field, ``stems``, with the German Snowball stem and the umlaut-free
form of its words: "Arzt" then finds pages that only say "Ärzte", "Mutter" finds "Mütter", and exact and prefix
searches keep working through the text itself."""

from __future__ import annotations

import html
import json
import re
from importlib import metadata

import snowballstemmer

from .cache import code_version, key, lookup, store

FIELD = "stems"
WORD = re.compile(r"[^\W\d_]{3,}")
TAG = re.compile(r"<[^>]+>")
FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_STEMMER = snowballstemmer.stemmer("german")
# snowballstemmer hands out PyStemmer's stemmers (the same Snowball algorithms in C) where it is installed: a
# twenty-fifth of the time, the same stems for the demo's 2,957 words; each has its own stored vocabulary
_ALGORITHMS = ("PyStemmer", metadata.version("PyStemmer")) if type(_STEMMER).__module__ == "Stemmer" \
    else ("snowballstemmer", metadata.version("snowballstemmer"))
_KNOWN: dict[str, tuple[str, ...]] = {}  # word -> variants; with a build cache, kept across builds


def variants(word: str) -> tuple[str, ...]:
    """The stem and the umlaut-free form of one lower-case word, where they differ from it."""
    if word not in _KNOWN:
        found = {_STEMMER.stemWord(word), word.translate(FOLD)} - {word}
        _KNOWN[word] = tuple(sorted(v for v in found if len(v) >= 2))
    return _KNOWN[word]


def _vocabulary_key() -> str:
    return key(code_version("searchstems.py"), *_ALGORITHMS)


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
    stored = lookup("stems", _vocabulary_key())  # every word stemmed before: stemming was a third of a second
    if stored is not None:
        _KNOWN.update((w, tuple(v)) for w, v in json.loads(stored).items())
    before = len(_KNOWN)
    for doc in index.get("docs", []):
        doc[FIELD] = stems(f"{doc.get('title', '')} {doc.get('text', '')}")
    if len(_KNOWN) != before or stored is None:
        store("stems", _vocabulary_key(), json.dumps(_KNOWN, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return index
