"""Dated snapshots (data/snapshots/<YYYY-MM-DD>/): the newest is published, older ones stay for revisions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .problems import Collector
from .tables import Dialect

DATED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VALUE_FILES = ("values.csv", "values.parquet")


@dataclass(frozen=True)
class Snapshot:
    """A snapshot's description (snapshot.yml) and where its values live."""

    folder: Path
    stichtag: dt.date
    title: str
    demo: bool
    description: str
    sources: tuple[str, ...]
    notes: str
    dialect: Dialect | None = None  # declared in snapshot.yml (format:), else detected from the file

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def values_file(self) -> Path:
        return next((self.folder / f for f in VALUE_FILES if (self.folder / f).exists()), self.folder / VALUE_FILES[0])


def discover(snapshots_dir: Path, out: Collector) -> list[Snapshot]:
    """All snapshots, oldest first; folders must be dated and hold snapshot.yml and a values file."""
    if not snapshots_dir.is_dir():
        out.add(snapshots_dir, 1, 1, "Ordner mit Datenständen fehlt")
        return []
    result = []
    for folder in sorted(p for p in snapshots_dir.iterdir() if p.is_dir()):
        if not DATED.match(folder.name):
            out.add(folder, 1, 1, "Ordnername muss ein Datum JJJJ-MM-TT sein")
            continue
        snap = _load_meta(folder, out)
        if snap is not None:
            result.append(snap)
    if not result:
        out.add(snapshots_dir, 1, 1, "kein gültiger Datenstand gefunden")
    return result


def _load_meta(folder: Path, out: Collector) -> Snapshot | None:
    path = folder / "snapshot.yml"
    if not path.exists():
        out.add(path, 1, 1, "snapshot.yml fehlt")
        return None
    if not any((folder / f).exists() for f in VALUE_FILES):
        out.add(folder / VALUE_FILES[0], 1, 1, "Wertetabelle fehlt (values.csv oder values.parquet)")
        return None
    doc, valid = schemas.load(path, "snapshot", out)
    if doc is None or not valid:
        return None
    d = doc.data
    stichtag = d["stichtag"] if isinstance(d["stichtag"], dt.date) else dt.date.fromisoformat(d["stichtag"])
    if stichtag.isoformat() != folder.name:
        out.add(path, *doc.where(("stichtag",)), f"Stichtag {stichtag.isoformat()} passt nicht zum Ordner {folder.name}")
    fmt = d.get("format")
    dialect = Dialect(fmt.get("delimiter", ","), fmt.get("decimal", "."), fmt.get("encoding", "utf-8")) if fmt else None
    return Snapshot(folder, stichtag, d["title"], bool(d["demo"]), str(d.get("description") or "").strip(),
                    tuple(d["sources"]), str(d.get("notes") or "").strip(), dialect)
