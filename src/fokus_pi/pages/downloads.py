"""The downloads published beside the pages (open data under daten/, the JSON API under api/v1/), made in a
forked process while the pages are planned and rendered, and written to a spool folder as they are made.

A build starts them as soon as its report is loaded (``started_early``, before MkDocs imports its plugins and
reads its config); the engine's hook then takes over that job (``claim``) instead of starting its own, so the
downloads have a head start of everything the engine does before its first event."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import api, cache, heap, opendata, packedscan
from ..report import Report
from ..workers import Background
from . import sozialformel


@dataclass(frozen=True)
class Download:
    """A generated file that is not a page (CSV and the like), published beside the pages: its ``content``, or
    the ``path`` of the file it was already written to (``plan(..., spool=...)``)."""

    uri: str
    content: str | bytes | None = None  # bytes for zip and Parquet
    path: Path | None = None


def plan_downloads(report: Report, spool: Path | None = None) -> list[Download]:
    """Every download. With ``spool``, each is written to ``spool/<uri>`` as soon as it is made and only its path
    is kept: a Land's downloads are 550 MB, which held in memory until the engine wrote them made the peak of its
    build."""
    return [_spooled(uri, content, spool) if spool is not None else Download(uri, content)
            for uri, content in _download_files(report)]


def start_downloads(report: Report, spool: Path) -> Background[list[Download]]:
    """``plan_downloads(report, spool)`` in a forked process from now on. Started as soon as the report is
    loaded, they are made on the second core while this process reads the config and the navigation and plans
    the pages (for a rebuild: a second of work that was in the way)."""
    return Background(lambda: _scanned(plan_downloads(report, spool)))


SCAN_AHEAD = 64 << 20  # downloads up to this size are leak-scanned where they are made


def _scanned(downloads: list[Download]) -> list[Download]:
    """``downloads``, with the numbers of the packed ones (zip, Parquet) put into the cache for the leak scan,
    which finds them there by the files' bytes: made here, on the second core, they are off the build's path
    (0.1 s of a demo rebuild). Not for a Land's 550 MB, whose scan is shared out over the cores at the end,
    rather than held beside the page planning."""
    if cache.folder() is None or sum(d.path.stat().st_size for d in downloads if d.path) > SCAN_AHEAD:
        return downloads
    for d in downloads:
        if d.path is not None and d.path.suffix in packedscan.PACKED:
            packedscan.numbers_in(d.path)
    return downloads


def relocate(downloads: list[Download], spool: Path, target: Path) -> list[Download]:
    """Move the spooled downloads from ``spool`` to the same places under ``target`` (renames, not copies:
    a Land's downloads are 550 MB) and remove ``spool``."""
    moved = []
    for download in downloads:
        assert download.path == spool / download.uri, download
        path = target / download.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(download.path, path)
        moved.append(Download(download.uri, path=path))
    shutil.rmtree(spool)
    return moved


def _download_files(report: Report) -> Iterator[tuple[str, str | bytes]]:
    if report.sozialformel is not None:
        yield f"sozialformel/{sozialformel.CSV_NAME}", sozialformel.csv_text(report)
    values = opendata.long_table(report)  # open data (daten/) and the JSON API (api/v1/) share one table
    heap.release()  # what making the table freed
    yield from opendata.iter_files(report, values)
    frame = values.frame
    del values  # its CSV texts (160 MB for a Land) are not needed while the API makes its records
    heap.release()
    yield from api.iter_files(report, frame)


def _spooled(uri: str, content: str | bytes, spool: Path) -> Download:
    return Download(uri, path=_write(spool / uri, content))


def _write(target: Path, content: str | bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return target


_early: list[tuple[Report, Path, Background[list[Download]], Path]] = []  # report, site folder, job, spool


def start(report: Report, site_dir: Path) -> tuple[Background[list[Download]], Path]:
    """Start the downloads of ``report`` for a site to be built in ``site_dir``: the job and its spool folder,
    beside the site (outside what the engine cleans)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    spool = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}-downloads-", dir=site_dir.parent))
    return start_downloads(report, spool), spool


@contextmanager
def started_early(report: Report, site_dir: Path) -> Iterator[None]:
    """The downloads of a build of ``report`` into ``site_dir``, started now for the engine to ``claim``; on
    leaving, a job nobody claimed (the engine failed before its first event) is stopped and its spool removed."""
    entry = (report, site_dir, *start(report, site_dir))
    _early.append(entry)
    try:
        yield
    finally:
        if any(e is entry for e in _early):  # not claimed (an edition's build inside this one has its own)
            _early[:] = [e for e in _early if e is not entry]  # by identity: a Report does not compare
            entry[2].cancel()
            shutil.rmtree(entry[3], ignore_errors=True)


def claim(report: Report, site_dir: Path) -> tuple[Background[list[Download]], Path] | None:
    """The job ``started_early`` for this very report and site folder, handed over once; else None."""
    for index, (early_report, early_site, job, spool) in enumerate(_early):
        if early_report is report and early_site == site_dir:
            del _early[index]
            return job, spool
    return None
