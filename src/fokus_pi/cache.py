"""Content-hash cache on disk for expensive build artefacts (chart specs, minified pages, the Vega bundle).

As in Observable Framework or OWID's etl, an entry is keyed by the hash of everything it is made from: its inputs
and the version of the code that makes it. A changed value therefore changes only the keys of the artefacts
that read it, and a rebuild recomputes those alone; nothing is ever invalidated by hand or by time. The folder is
``FOKUS_CACHE`` (``fokus build`` sets it to ``build/.cache`` beside the site); without it nothing is stored, so
library use and `fokus pages` stay free of side effects. Set ``FOKUS_CACHE=off`` to build without the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from contextlib import contextmanager
from functools import cache, wraps
from importlib import metadata, resources
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from . import cachestore

CACHE_ENV = "FOKUS_CACHE"
T = TypeVar("T")
K = TypeVar("K")


def folder() -> Path | None:
    """The cache folder, or None when caching is off (unset, empty or "off")."""
    value = os.environ.get(CACHE_ENV, "")
    return None if value in ("", "off") else Path(value)


@contextmanager
def cache_env(path: Path) -> Iterator[None]:
    """Use ``path`` as the cache while building, unless the caller already chose one (tests, benchmarks)."""
    if os.environ.get(CACHE_ENV):
        yield
        return
    os.environ[CACHE_ENV] = str(Path(path).resolve())
    try:
        yield
    finally:
        os.environ.pop(CACHE_ENV, None)


@cache
def code_version(*parts: str) -> str:
    """Hash of the named package folders' source and templates (e.g. "viz", "templates/viz") and of the versions
    of the named distributions ("dist:altair"): an entry made by other code is never reused."""
    h = hashlib.sha256()
    root = resources.files("fokus_pi")
    for part in parts:
        if part.startswith("dist:"):
            h.update(f"{part}={metadata.version(part[5:])}".encode())
            continue
        base = Path(str(root / part))
        for path in sorted(base.rglob("*") if base.is_dir() else [base]):
            if path.is_file() and path.suffix in (".py", ".j2", ".js", ".json"):
                h.update(str(path.relative_to(base)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def per_build(make: Callable[..., T]) -> Callable[..., T]:
    """``make(*objects)`` computed once while it is called with the same objects (by identity: one build's
    config, files, navigation). The last objects are held, not their ids, so a later build's objects cannot match
    through a reused address."""
    last: list = []

    @wraps(make)
    def once(*objects: object) -> T:
        if not (last and len(last[0]) == len(objects) and all(a is b for a, b in zip(last[0], objects))):
            last[:] = [objects, make(*objects)]
        return last[1]

    return once


LONG = 1 << 14  # a text part this long enters key() by its own hash


def key(*parts: object) -> str:
    """Stable hash of JSON-able parts; other objects (frozen dataclasses) enter by their repr. A long text among
    the parts (a page's HTML) enters by its SHA-256, tagged with a NUL no text part holds: hashing its UTF-8 bytes
    takes half the time of escaping it into JSON, 0.02 instead of 0.05 s for the demo's 263 pages."""
    parts = tuple(_long(p) if isinstance(p, str) and len(p) >= LONG else p for p in parts)
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _long(text: str) -> list[str]:
    return ["\0sha256", hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()]


def lookup(namespace: str, digest: str) -> bytes | None:
    """The bytes stored under ``digest``, or None (also when caching is off)."""
    base = folder()
    found = None if base is None else cachestore.read(base, namespace, digest)
    return found.read_bytes() if isinstance(found, Path) else found


def has(namespace: str, digest: str) -> bool:
    """Whether an entry is stored under ``digest`` (False when caching is off), without reading it."""
    base = folder()
    return base is not None and cachestore.contains(base, namespace, digest)


def store(namespace: str, digest: str, data: bytes) -> None:
    """Store ``data`` under ``digest``; nothing when caching is off."""
    base = folder()
    if base is not None:
        cachestore.write(base, namespace, digest, data)


def count(namespace: str) -> int:
    """The number of entries in ``namespace`` (0 when caching is off)."""
    base = folder()
    return 0 if base is None else cachestore.count(base, namespace)


def cached_text(namespace: str, digest: str, make: Callable[[], str]) -> str:
    """The text stored under ``digest``, or ``make()`` stored there first."""
    found = lookup(namespace, digest)
    if found is not None:
        return found.decode("utf-8")
    text = make()
    store(namespace, digest, text.encode("utf-8"))
    return text


def cached_json(namespace: str, digest: str, make: Callable[[], T]) -> T:
    """Like cached_text for JSON values (dicts keep their key order, so the output is byte for byte the same)."""
    made: list[T] = []

    def text() -> str:
        made.append(make())
        return json.dumps(made[0], ensure_ascii=False)

    stored = cached_text(namespace, digest, text)
    return made[0] if made else json.loads(stored)


_MISSING = object()


def _unpickled(namespace: str, digest: str) -> object:
    """The object stored under ``digest``, or _MISSING (also when it no longer unpickles: made again then)."""
    base = folder()
    found = None if base is None else cachestore.read(base, namespace, digest)
    try:
        if isinstance(found, Path):
            with found.open("rb") as stored:  # from the file: a Land's report is 370 MB of pickle
                return pickle.load(stored)
        if found is not None:
            return pickle.loads(found)
    except Exception:  # noqa: BLE001 - any failure to read back only means: make it again
        pass
    return _MISSING


def _store_pickled(namespace: str, digest: str, value: object) -> None:
    """Pickle ``value`` straight into its entry, never as one bytes object in memory when it is large (the peak
    of a Land's cold build was the report plus its 370 MB pickle)."""
    base = folder()
    if base is not None:
        cachestore.write(base, namespace, digest, lambda out: pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL))


def cached_pickle(namespace: str, digest: str, make: Callable[[], T],
                  keep: Callable[[T], bool] = lambda made: True) -> T:
    """Like cached_text for Python objects (the loaded report); ``keep(made)`` False: not stored (a snapshot that
    had problems). An entry that no longer unpickles (another pandas) is made again; the key should name the
    versions of everything inside, so this stays the exception."""
    found = _unpickled(namespace, digest)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    made = make()
    if folder() is not None and keep(made):
        _store_pickled(namespace, digest, made)
    return made


def cached_pickles(namespace: str, digests: dict[K, str], make: Callable[[list[K]], dict[K, T]]) -> dict[K, T]:
    """cached_pickle for many entries at once: ``make`` gets every key whose entry is missing, in the order of
    ``digests``, and makes them together, which is much cheaper than one by one where the work is a pandas
    operation over a table (a cold build's long table: one sort and two CSV writes instead of one per
    indicator)."""
    found: dict[K, T] = {}
    for k, digest in digests.items():
        if (stored := _unpickled(namespace, digest)) is not _MISSING:
            found[k] = stored  # type: ignore[assignment]
    missing = [k for k in digests if k not in found]
    if missing:
        made = make(missing)
        for k in missing:
            _store_pickled(namespace, digests[k], made[k])
        found.update(made)
    return {k: found[k] for k in digests}


class TemplateBytecode(BytecodeCache):
    """Compiled Jinja templates (ours and the theme's) in the cache folder: compiling them took a second of every
    build. Jinja checks the source's checksum and its own and Python's version before using an entry; the key adds
    the environment's options that shape the compiled code (Jinja's own file cache leaves them out)."""

    OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
               "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
               "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
               "autoescape", "finalize")

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        options = [stable_name(getattr(environment, o)) for o in self.OPTIONS] + sorted(environment.extensions)
        bucket = Bucket(environment, key(self.get_cache_key(name, filename), options), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        found = lookup("jinja", bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if folder() is not None:
            store("jinja", bucket.key, bucket.bytecode_to_string())


def stable_name(value: object) -> str:
    """An option as text that is the same in every process (a function's repr holds its address)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr(value)
