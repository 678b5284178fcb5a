"""The offline copy for the Kreistag's tablets: the whole site as one zip that works from disk (file://).

It is a second MkDocs build with Material's offline plugin switched on (FOKUS_OFFLINE=true in mkdocs.yml): links
end in .html instead of folders, and the search index is inlined as a script, because browsers let pages from
file:// neither fetch files nor start web workers (hooks/offline_search.py ships the worker shim with the site).
Maps, charts and downloads are files of the site anyway; nothing is loaded from another host. The build goes
through publish.build_site, so the copy passes the same checks and leak scan as the web site, and the zip is
replaced in one rename: a failed build leaves the previous zip as it was."""

from __future__ import annotations

import os
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .publish import build_site
from .report import load_report_cached

OFFLINE_ENV = "FOKUS_OFFLINE"
ZIP_NAME = "fokus-pi-offline.zip"
FOLDER = "sozialbericht"  # the zip unpacks into one folder: open sozialbericht/index.html
README = """Digitaler Sozialbericht – Offline-Kopie
======================================

Datenstand {stand}, Stichtag {stichtag}.

So öffnen Sie die Kopie: den Ordner „{folder}“ aus dem ZIP entpacken und darin die Datei index.html
im Browser öffnen (Doppelklick). Suche, Karten und Diagramme funktionieren ohne Internetverbindung.
Die Kopie lädt nichts aus dem Internet nach.
"""


@dataclass(frozen=True)
class OfflineResult:
    zip_path: Path
    pages: int
    files: int
    bytes: int


@contextmanager
def offline_env() -> Iterator[None]:
    """Switch Material's offline plugin on for one build (mkdocs.yml reads it with !ENV)."""
    before = os.environ.get(OFFLINE_ENV)
    os.environ[OFFLINE_ENV] = "true"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(OFFLINE_ENV, None)
        else:
            os.environ[OFFLINE_ENV] = before


def _stamp(day) -> tuple[int, int, int, int, int, int]:
    """Zip timestamps: SOURCE_DATE_EPOCH where set (reproducible builds), else the snapshot's Stichtag."""
    import datetime as dt

    if os.environ.get("SOURCE_DATE_EPOCH"):
        t = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc)
        return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)


def zip_folder(folder: Path, target: Path, stamp: tuple[int, ...], extra: dict[str, str] | None = None) -> int:
    """Zip ``folder`` below FOLDER/ with sorted entries and fixed timestamps; write atomically. Returns bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for name, text in sorted((extra or {}).items()):
                zf.writestr(zipfile.ZipInfo(name, date_time=stamp), text)
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(folder).as_posix()}", date_time=stamp)
                info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
                zf.writestr(info, path.read_bytes())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the copy is for sharing
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target.stat().st_size


def build_offline(data_dir: Path, zip_path: Path, config_file: Path = Path("mkdocs.yml")) -> OfflineResult:
    """Build the offline variant of the site into a temporary folder and zip it to ``zip_path``."""
    zip_path = Path(zip_path).resolve()
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=zip_path.parent) as tmp:
        with offline_env():
            result = build_site(data_dir, Path(tmp) / "site", config_file)
        snap = load_report_cached(data_dir).snapshot
        readme = README.format(stand=snap.title, stichtag=snap.stichtag.strftime("%d.%m.%Y"), folder=FOLDER)
        pages = sum(1 for p in result.out_dir.rglob("*.html") if p.name != "404.html")  # links end in .html here
        size = zip_folder(result.out_dir, zip_path, _stamp(snap.stichtag), {"LIESMICH.txt": readme})
    return OfflineResult(zip_path, pages, result.files, size)
