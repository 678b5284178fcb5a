"""Where the build cache's entries live: one SQLite database for all entries up to SMALL bytes, and a file of its
own for each larger one (a Land's report pickle is 370 MB, written and read as a stream).

Why not a file per entry: a cold demo build stores 2,500 entries, which as files in 1,500 shard folders cost more
than their content, and on a file system without a journal, where each new file's inode is looked for past every
recently deleted one, a cold build spent three of its twelve seconds in the kernel creating them (`perf`: ext4's
find_inode_bit and recently_deleted). SQLite keeps them in one file, concurrent processes included (WAL: readers
never wait, writers take turns), with `synchronous=NORMAL`: a crash loses the last entries, never the database.

The table has rowids and a unique index on (namespace, digest), not the (namespace, digest) primary key of a
WITHOUT ROWID table, which SQLite meant for small rows: with pages of 40 KB as rows, finding one walked their
overflow pages, and 800 lookups took 0.07 s whether or not they read the data; with the index, 0.013 s with the
data and 0.004 s without. A database of the first layout (user_version 0) is converted when it is opened.

SQLite forbids using a connection across fork(): each process opens its own, and the one it inherited is kept,
unused and unclosed, until the process ends.

Nothing is removed by itself. ``fokus build --cache-prune`` notes the entries the build reads and writes (in its
forked processes too, handed back with their results: workers.hand_back) and at its end removes every entry that
none of the last KEEP such builds used: a cache carried from one CI run to the next stops growing.
"""

from __future__ import annotations

import atexit
import itertools
import os
import sqlite3
import threading
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from . import workers

DATABASE = "entries.sqlite"
SMALL = 8 << 20  # larger entries are files: never one bytes object of a Land's report in memory
LAYOUT = 1  # PRAGMA user_version of a database with the table below
SCHEMA = ("CREATE TABLE IF NOT EXISTS entry (id INTEGER PRIMARY KEY, namespace TEXT NOT NULL, digest TEXT NOT NULL, "
          "data BLOB, in_file INTEGER NOT NULL DEFAULT 0, UNIQUE (namespace, digest))")

_lock = threading.Lock()  # the live preview builds in a thread of its own
_open: list[tuple[str, int, sqlite3.Connection]] = []  # this process's connection: (folder, pid, connection)
_inherited: list[sqlite3.Connection] = []  # a parent's connections: never used nor closed after a fork
_serial = itertools.count()
_used: set[tuple[str, str]] | None = None  # (namespace, digest) of the entries read or written, while counted


def _connection(base: Path) -> sqlite3.Connection:
    """This process's connection to the database in ``base`` (one folder at a time: a build uses one)."""
    if _open and _open[0][:2] == (str(base), os.getpid()):
        return _open[0][2]
    if _open:
        _, pid, old = _open.pop()
        if pid == os.getpid():
            old.close()
        else:
            _inherited.append(old)
    base.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(base / DATABASE, timeout=120, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    if con.execute("PRAGMA user_version").fetchone()[0] != LAYOUT:
        _lay_out(con)
    _open.append((str(base), os.getpid(), con))
    return con


@atexit.register
def _close() -> None:
    """This process's connection closed when it ends, which folds the write-ahead log into the database file:
    the `fokus` command ends without the interpreter's teardown (cli.run), which closed it before."""
    with _lock:
        if _open and _open[0][1] == os.getpid():
            _open.pop()[2].close()


def _lay_out(con: sqlite3.Connection) -> None:
    """Create the table, or convert one of the first layout (WITHOUT ROWID) with its entries, in one transaction
    (two builds opening the same new cache at once: the second finds it done)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        if con.execute("PRAGMA user_version").fetchone()[0] != LAYOUT:
            con.execute(SCHEMA)
            if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").fetchone():
                con.execute("INSERT OR IGNORE INTO entry (namespace, digest, data, in_file) "
                            "SELECT namespace, digest, data, in_file FROM entries")
                con.execute("DROP TABLE entries")
            con.execute(f"PRAGMA user_version = {LAYOUT}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def read(base: Path, namespace: str, digest: str) -> bytes | Path | None:
    """The bytes of an entry, the path of its file when it is large, or None."""
    with _lock:
        row = _connection(base).execute("SELECT data, in_file FROM entry WHERE namespace = ? AND digest = ?",
                                        (namespace, digest)).fetchone()
    if row is None:
        return None
    if _used is not None:
        _used.add((namespace, digest))
    if not row[1]:
        return row[0]
    path = _file(base, namespace, digest)
    return path if path.is_file() else None


def contains(base: Path, namespace: str, digest: str) -> bool:
    """Whether an entry is stored, without reading it (a page's HTML is 40 KB)."""
    with _lock:
        row = _connection(base).execute("SELECT in_file FROM entry WHERE namespace = ? AND digest = ?",
                                        (namespace, digest)).fetchone()
    if row is not None and _used is not None:
        _used.add((namespace, digest))
    return row is not None and (not row[0] or _file(base, namespace, digest).is_file())


def write(base: Path, namespace: str, digest: str, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Store ``data``, or what ``data(out)`` writes to a binary file (pickle.dump): kept in memory up to SMALL
    bytes, then written on to a file of its own. A concurrent or killed build never reads half an entry."""
    if isinstance(data, bytes) and len(data) <= SMALL:
        return _insert(base, namespace, digest, data)
    target = _Spilling(_file(base, namespace, digest))
    try:
        if isinstance(data, bytes):
            target.write(data)
        else:
            data(target)  # type: ignore[arg-type]
        small = target.close()
    except BaseException:
        target.discard()
        raise
    _insert(base, namespace, digest, small)


def count(base: Path, namespace: str | None = None) -> int:
    """How many entries ``namespace`` holds, or all of them (for tests and the benchmark)."""
    with _lock:
        return _connection(base).execute("SELECT count(*) FROM entry WHERE ? IS NULL OR namespace = ?",
                                         (namespace, namespace)).fetchone()[0]


def _insert(base: Path, namespace: str, digest: str, data: bytes | None) -> None:
    with _lock:
        _connection(base).execute("INSERT OR REPLACE INTO entry (namespace, digest, data, in_file) "
                                  "VALUES (?, ?, ?, ?)", (namespace, digest, data, data is None))
    if _used is not None:
        _used.add((namespace, digest))


def count_use() -> None:
    """From now on, note every entry this process and the processes it forks read or write (for ``prune``)."""
    global _used
    _used = set()


def _take() -> set[tuple[str, str]] | None:
    """In a forked process: the entries noted since the last take (handed back with a result)."""
    if _used is None:
        return None
    taken = set(_used)
    _used.clear()
    return taken


def _add(taken: Iterable[tuple[str, str]] | None) -> None:
    if taken and _used is not None:
        _used.update(taken)


workers.hand_back(_take, _add)


KEEP = 5  # an entry stays while one of the last KEEP pruning builds used it


def prune(base: Path, keep: int = KEEP) -> tuple[int, int]:
    """Note the entries used since ``count_use()`` as used by this build, then remove every entry that none of
    the last ``keep`` pruning builds used, and every file of the folder that no kept entry names; (entries
    removed, bytes freed on disk). Not only the last build: a build whose report came from the cache read none
    of the entries the report is made from (each snapshot's checked values, each indicator's suppression),
    which the next change to the data needs again. The database is compacted when most of it was freed."""
    assert _used is not None, "count_use() was not called: every entry would go"
    before = _size(base)
    with _lock:
        con = _connection(base)
        con.execute("CREATE TABLE IF NOT EXISTS used (namespace TEXT NOT NULL, digest TEXT NOT NULL, "
                    "build INTEGER NOT NULL, PRIMARY KEY (namespace, digest)) WITHOUT ROWID")
        con.execute("CREATE TABLE IF NOT EXISTS pruned (build INTEGER PRIMARY KEY, at TEXT NOT NULL)")
        con.execute("BEGIN IMMEDIATE")
        try:
            build = con.execute("INSERT INTO pruned (at) VALUES (datetime('now'))").lastrowid
            con.executemany("INSERT INTO used VALUES (?, ?, ?) ON CONFLICT (namespace, digest) "
                            "DO UPDATE SET build = excluded.build", ((n, d, build) for n, d in _used))
            con.execute("DELETE FROM used WHERE build <= ?", (build - keep,))
            unused = "(namespace, digest) NOT IN (SELECT namespace, digest FROM used)"
            removed = con.execute(f"SELECT count(*) FROM entry WHERE {unused}").fetchone()[0]
            con.execute(f"DELETE FROM entry WHERE {unused}")
            con.execute("DELETE FROM used WHERE (namespace, digest) NOT IN (SELECT namespace, digest FROM entry)")
            files = {_file(base, n, d) for n, d in con.execute("SELECT namespace, digest FROM entry WHERE in_file")}
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        free, pages = (con.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
        if free * 2 > pages:
            con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in (p for p in base.glob("*/**/*") if p.is_file()):  # large entries, and files of older layouts
        if path not in files:
            path.unlink()
    return removed, before - _size(base)


def _size(base: Path) -> int:
    return sum(p.stat().st_size for p in base.rglob("*") if p.is_file())


def _file(base: Path, namespace: str, digest: str) -> Path:
    return base / namespace / digest[:2] / digest


class _Spilling:
    """A binary write target that holds up to SMALL bytes and moves on to a temporary file beside ``path`` when
    it grows past that; ``close()`` gives the bytes, or None when they went to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path, self.held, self.tmp, self.out = path, bytearray(), None, None

    def write(self, data: bytes) -> int:
        size = memoryview(data).nbytes  # pickle writes large buffers as PickleBuffer, which has no len()
        if self.out is None and len(self.held) + size <= SMALL:
            self.held += data
            return size
        if self.out is None:
            self.tmp = self.path.parent / f".tmp-{os.getpid()}-{next(_serial)}"
            self.tmp.parent.mkdir(parents=True, exist_ok=True)
            self.out = open(self.tmp, "wb")  # noqa: SIM115 - closed in close() or discard()
            self.out.write(self.held)
            self.held = bytearray()
        self.out.write(data)
        return size

    def close(self) -> bytes | None:
        if self.out is None:
            return bytes(self.held)
        self.out.close()
        os.replace(self.tmp, self.path)  # type: ignore[arg-type]
        return None

    def discard(self) -> None:
        if self.out is not None:
            self.out.close()
            Path(self.tmp).unlink(missing_ok=True)  # type: ignore[arg-type]
