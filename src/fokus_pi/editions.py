"""Yearly editions: each published edition stays readable at archiv/<jahr>/, built from that year's snapshot.

An edition is the newest snapshot of a calendar year (of its Stichtag); the newest edition is the live site, the
others are built again into archiv/<jahr>/ with today's code from a copy of the data folder that ends at their
snapshot (load_report always reads the newest snapshot, so the copy is how an older one is loaded). Hand-written
pages and the planning texts (Handlungsfeld profiles, recommendations, focus groups) are not part of an archived
edition: they are written for the current data, and their figure macros may name indicators the old snapshot
lacks. An edition holds the generated report pages, its own downloads and API, and a banner that leads to the
current edition; the texts as they were stay in the repository's history.
archiv/ (a generated page) lists every edition with what changed since the edition before (releases.compare).
Each edition goes through publish.build_site, so it is checked and leak-scanned against its own snapshot."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd

from . import fmt
from .releases import Release, compare
from .report import Report
from .snapshots import Snapshot

ARCHIVE_ENV = "FOKUS_ARCHIVE"  # set while the live site is built with its archive: the archiv/ page exists
EDITION_ENV = "FOKUS_EDITION"  # set while an archived edition is built: its snapshot id
INDEX = "archiv/index.md"
DROPPED_PLUGINS = {"blog", "material/blog"}  # the newsletter is hand-written content, not part of an edition
TEXT_FILES = ("handlungsfelder.yml", "recommendations.yml", "fokusgruppen.yml")  # texts of the current edition
# the help directory is kept up to date, not per edition: an old edition must not show today's services as its own
CURRENT_ONLY = ("services.yml", "services.csv")


@dataclass(frozen=True)
class Edition:
    year: int
    snapshot: Snapshot
    values: pd.DataFrame
    current: bool


def editions(report: Report) -> list[Edition]:
    """The newest snapshot of each Stichtag year, oldest first; the last one is the live site."""
    newest: dict[int, int] = {}
    for i, snap in enumerate(report.snapshots):
        newest[snap.stichtag.year] = i
    picked = [newest[y] for y in sorted(newest)]
    return [Edition(report.snapshots[i].stichtag.year, report.snapshots[i], report.history[i], i == picked[-1])
            for i in picked]


def changes(report: Report) -> list[tuple[Edition, Release]]:
    """Each edition with what changed since the edition before (the first one with its size only)."""
    eds = editions(report)
    return [(ed, compare(eds[n - 1].values if n else None, ed.values, ed.snapshot, eds[n - 1].snapshot if n else None))
            for n, ed in enumerate(eds)]


def index_markdown(report: Report) -> str:
    """The archiv/ page. Links into the archived sites are HTML: they are folders MkDocs does not know."""
    rows = []
    for ed, rel in reversed(changes(report)):
        href = "../" if ed.current else f"{ed.year}/"
        label = "aktuelle Ausgabe" if ed.current else f"Ausgabe {ed.year}"
        rows.append(f'| <a href="{href}">{label}</a> | {fmt.date(ed.snapshot.stichtag)} | {ed.snapshot.title} | '
                    f"{rel.summary()} |")
    return "\n".join([
        "# Archiv der Ausgaben", "",
        "Jede Ausgabe des Sozialberichts bleibt lesbar, mit den Zahlen ihres Datenstands: Seiten, Karten, "
        "Downloads und Schnittstelle (API) so, wie sie damals veröffentlicht wurden. Die Spalte „Änderungen“ "
        "nennt, was sich gegenüber der Ausgabe davor geändert hat: neue Berichtsjahre und Kennzahlen, revidierte "
        "und nachgelieferte Werte. Einzelheiten zu jedem Datenstand stehen unter [Neue Daten](../neu/index.md).", "",
        "| Ausgabe | Stichtag | Titel | Änderungen gegenüber der Ausgabe davor |",
        "| --- | --- | --- | --- |", *rows, "",
    ])


def banner(snapshot_id: str, base: str) -> str:
    """Markdown put above every page of an archived edition; ``base`` leads from the page to the edition root."""
    day = dt.date.fromisoformat(snapshot_id)
    return (f'!!! warning "Archiv: Ausgabe {day.year}"\n'
            f"    Sie lesen eine frühere Ausgabe des Sozialberichts, Datenstand vom {fmt.date(day)}. "
            f'<a href="{base}../../">Zur aktuellen Ausgabe</a> · <a href="{base}../">alle Ausgaben</a>\n\n')


def prune_nav(items: list | None, exists: Callable[[str], bool]) -> list | None:
    """The nav without entries whose page does not exist (hand-written pages in an archived edition)."""
    if items is None:
        return None
    out = []
    for item in items:
        if isinstance(item, str):
            if exists(item):
                out.append(item)
        elif isinstance(item, dict):
            kept = {}
            for title, value in item.items():
                value = prune_nav(value, exists) if isinstance(value, list) else value
                if (isinstance(value, list) and value) or (isinstance(value, str) and exists(value)):
                    kept[title] = value
            if kept:
                out.append(kept)
    return out


@contextmanager
def _env(name: str, value: str | None) -> Iterator[None]:
    before = os.environ.get(name)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def archive_env(report: Report | None) -> AbstractContextManager[None]:
    """FOKUS_ARCHIVE for the live build when there is more than one edition (None: switched off)."""
    on = report is not None and len(editions(report)) > 1
    return _env(ARCHIVE_ENV, "1" if on else None)


def copy_data_until(data_dir: Path, snapshot_id: str, target: Path) -> Path:
    """The data folder for an edition: without the snapshots after ``snapshot_id`` and without the texts written
    for the current data (TEXT_FILES), whose figure macros may name indicators the old snapshot lacks, and
    without the help directory (CURRENT_ONLY)."""
    def skip(folder: str, names: list[str]) -> set[str]:
        here = Path(folder).resolve()
        if here == (Path(data_dir) / "snapshots").resolve():
            return {n for n in names if n > snapshot_id}
        return set(TEXT_FILES + CURRENT_ONLY) & set(names) if here == Path(data_dir).resolve() else set()

    shutil.copytree(data_dir, target, ignore=skip)
    return target


def build_archive(report: Report, target: Path, config_file: Path, **overrides: object) -> list[Path]:
    """Build every earlier edition into ``target``/<jahr>/ (called by build_site before the swap)."""
    from mkdocs.utils.yaml import yaml_load

    from .publish import build_site

    with open(config_file, encoding="utf-8") as fh:
        raw = yaml_load(fh)
    root = Path(config_file).resolve().parent
    docs_src = root / raw.get("docs_dir", "docs")
    plugins = [p for p in overrides.pop("plugins", raw.get("plugins", []))
               if (next(iter(p)) if isinstance(p, dict) else p) not in DROPPED_PLUGINS]
    built = []
    for ed in editions(report):
        if ed.current:
            continue
        with tempfile.TemporaryDirectory(prefix=f".edition-{ed.year}-") as tmp:
            data = copy_data_until(report.data_dir, ed.snapshot.id, Path(tmp) / "data")
            docs = Path(tmp) / "docs"
            shutil.copytree(docs_src / "assets", docs / "assets") if (docs_src / "assets").is_dir() else docs.mkdir()
            with _env(EDITION_ENV, ed.snapshot.id), _env(ARCHIVE_ENV, None):
                result = build_site(data, target / str(ed.year), config_file, docs_dir=str(docs), plugins=plugins,
                                    **overrides)
        built.append(result.out_dir)
    return built
