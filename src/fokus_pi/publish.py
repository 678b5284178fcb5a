"""Build the site with MkDocs into a temporary folder and swap it in only when everything succeeded."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import leaks, packedscan, workers
from .cache import cache_env
from .pages import downloads
from .report import Report, load_report_cached

DATA_ENV = "FOKUS_DATA"


class LeakError(Exception):
    """A suppressed figure appeared in the output: the build is not published."""

    def __init__(self, found: list[leaks.Leak]):
        self.leaks = found
        super().__init__("\n".join(str(leak) for leak in found[:20]))


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    pages: int
    files: int
    bytes: int
    seconds: float


@contextmanager
def data_dir_env(data_dir: Path) -> Iterator[None]:
    """Tell the MkDocs hooks which data folder to read (MkDocs config has no place for a CLI option)."""
    before = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(Path(data_dir).resolve())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = before


def build_site(data_dir: Path, out_dir: Path, config_file: Path = Path("mkdocs.yml"), strict: bool = True,
               archive: bool = False, **overrides: object) -> BuildResult:
    """Validate, build into a sibling temp folder, then replace ``out_dir``; on any failure it stays untouched.
    ``archive`` also builds the earlier yearly editions into archiv/<jahr>/ (editions.py) before the swap;
    ``overrides`` are MkDocs settings that replace the config file's (docs_dir, nav, hooks …)."""
    started = time.perf_counter()
    out_dir = Path(out_dir).resolve()
    with cache_env(out_dir.parent / ".cache"):
        report = load_report_cached(data_dir)  # raises DataError before anything is written
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.parent.glob(f".tmp-{out_dir.name}-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{out_dir.name}-", dir=out_dir.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; a web server (or rsync -a to one) must read the site
    try:  # one cache for the site and its editions, beside the site (build/.cache), never inside it
        with cache_env(out_dir.parent / ".cache"), downloads.started_early(report, tmp):
            _build_into(tmp, data_dir, config_file, strict, archive, report, overrides)
        _swap(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()  # what the forks froze (workers.freeze) is the collector's again, for a next build here
    files = [p for p in out_dir.rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.name == "index.html" and p.parent.name != "assets")
    return BuildResult(out_dir, pages, len(files), sum(p.stat().st_size for p in files), time.perf_counter() - started)


def _build_into(tmp: Path, data_dir: Path, config_file: Path, strict: bool, archive: bool, report: Report,
                overrides: dict) -> None:
    """MkDocs into ``tmp``, the leak scan, then the editions: whatever fails leaves ``tmp`` to be removed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from . import editions  # imports build_site itself

    with data_dir_env(data_dir), editions.archive_env(report if archive else None):
        config = load_config(str(config_file), site_dir=str(tmp), strict=strict, **overrides)
        build(config)
    found = scan_leaks(tmp, report.suppressed)
    if found:
        raise LeakError(found)
    if archive:  # each edition is checked and leak-scanned against its own snapshot
        editions.build_archive(report, tmp / "archiv", Path(config_file), **overrides)


SCAN_ALONE = 200 << 20  # a site smaller than this is scanned in this process: forking costs more than it saves


def scan_leaks(site: Path, suppressed: pd.DataFrame) -> list[leaks.Leak]:
    """``leaks.scan`` and ``packedscan.scan`` of the whole site; a large site's files shared out over the cores
    (a Land's 680 MB: 9.7 s in one process, 7.7 s on two); the same leaks in the same order."""
    files = sorted(site.rglob("*"))
    if sum(p.stat().st_size for p in files if p.is_file()) < SCAN_ALONE:  # the demo's 42 MB: 0.2 s here, 0.3 s on two
        return leaks.scan(site, suppressed, files) + packedscan.scan(site, suppressed, files)
    leaks.needles(suppressed)  # before the fork: every run's scans read them
    size = max(1, -(-len(files) // (4 * workers.count())))  # runs of neighbouring files, a few per core
    runs = [files[i:i + size] for i in range(0, len(files), size)]
    try:
        done = dict(workers.run(lambda i: (leaks.scan(site, suppressed, runs[i]),
                                           packedscan.scan(site, suppressed, runs[i])), len(runs),
                                share=workers.LIGHT))
    except OSError:  # no workers (a fork refused for memory): the same scans in this process
        return leaks.scan(site, suppressed) + packedscan.scan(site, suppressed)
    return [leak for kind in (0, 1) for i in range(len(runs)) for leak in done[i][kind]]


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` with two renames; the old tree is removed last."""
    old = None
    if target.exists():
        old = target.with_name(f".old-{target.name}-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
