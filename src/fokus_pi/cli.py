"""The `fokus` command: check, build, serve, pages and demo."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
from pathlib import Path

import click

from .problems import DataError

DATA = click.option("--data", "data_dir", type=click.Path(path_type=Path), default=Path("data"),
                    show_default=True, help="Datenordner (indicators.yml, areas/, snapshots/)")
CONFIG = click.option("--config", "config_file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
                      show_default=True, help="MkDocs-Konfiguration")


def _report_problems(exc: DataError) -> None:
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(exc.problems)} Fehler gefunden; nichts veröffentlicht.", err=True)


@click.group()
def main() -> None:
    """fokus-pi: den Digitalen Sozialbericht aus versionierten Datenständen bauen."""


@main.command()
@DATA
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=Path("content"),
              show_default=True, help="Textordner, dessen Makros ({{ wert(...) }}) mitgeprüft werden")
def check(data_dir: Path, content_dir: Path) -> None:
    """Alle Eingaben prüfen und jeden Fehler als Datei:Zeile:Spalte melden."""
    from .macros import check_tree
    from .pages.fieldinfo import check_texts
    from .report import load_report

    try:
        report = load_report(data_dir)
        found = check_texts(report)
        texts = check_tree(report, content_dir, found) if content_dir.is_dir() else 0
        found.raise_if_any()
    except DataError as exc:
        _report_problems(exc)
        sys.exit(1)
    click.echo(
        f"OK: {len(report.published())} Kennzahlen, {len(report.register.gemeinden)} Gemeinden, "
        f"{len(report.snapshots)} Datenstände, {len(report.facts)} Werte im Datenstand {report.snapshot.id}"
        + (" (Demodaten)" if report.demo else "") + (f"; Makros in {texts} Texten geprüft" if texts else "")
    )


@main.command()
@DATA
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("build/site"), show_default=True)
@CONFIG
@click.option("--offline", is_flag=True,
              help="zusätzlich die Offline-Kopie für Tablets bauen: fokus-pi-offline.zip neben dem --out-Ordner")
@click.option("--pdf", is_flag=True,
              help="zusätzlich je Gemeinde ein PDF-Profil mit Chromium drucken: Ordner pdf/ neben dem --out-Ordner")
@click.option("--archiv", "archive", is_flag=True,
              help="frühere Ausgaben (neuester Datenstand je Jahr) unter archiv/<jahr>/ mitbauen")
@click.option("--cache-prune", "prune", is_flag=True,
              help="danach aus dem Build-Cache löschen, was keiner der letzten fünf Builds mit dieser Option "
                   "gebraucht hat (für CI; nicht, während ein anderer Build denselben Cache benutzt)")
def build(data_dir: Path, out_dir: Path, config_file: Path, offline: bool, pdf: bool, archive: bool,
          prune: bool) -> None:
    """Prüfen und die Website bauen; bei einem Fehler bleibt die alte Website unverändert."""
    from mkdocs.exceptions import MkDocsException

    from . import cachestore
    from .cache import cache_env
    from .pdf import PdfError
    from .publish import LeakError, build_site

    try:
        with cache_env(out_dir.parent / ".cache"):  # one cache for the site, its offline copy and the profiles
            if prune:
                cachestore.count_use()
            result = build_site(data_dir, out_dir, config_file, archive=archive)
            click.echo(f"{result.pages} Seiten, {result.files} Dateien, {result.bytes / 1e6:.1f} MB "
                       f"in {result.seconds:.1f} s nach {result.out_dir}")
            if offline:
                _build_offline(data_dir, result.out_dir.parent, config_file)
            if pdf:
                _print_profiles(data_dir, result.out_dir)
            if prune:
                _prune_cache()
    except PdfError as exc:
        click.echo(f"PDF abgebrochen: {exc}", err=True)
        sys.exit(1)
    except DataError as exc:
        _report_problems(exc)
        sys.exit(1)
    except MkDocsException as exc:
        click.echo(f"Build abgebrochen: {exc}", err=True)
        sys.exit(1)
    except LeakError as exc:
        click.echo(f"Build abgebrochen, geheime Werte in der Ausgabe:\n{exc}", err=True)
        sys.exit(1)


def _prune_cache() -> None:
    from . import cachestore, fmt
    from .cache import folder

    base = folder()
    if base is not None:  # FOKUS_CACHE=off: there is no cache
        removed, freed = cachestore.prune(base)
        click.echo(f"Build-Cache: {fmt.number(removed, 0)} nicht mehr gebrauchte Einträge gelöscht, "
                   f"{fmt.number(freed / 1e6, 1)} MB frei")


def _build_offline(data_dir: Path, folder: Path, config_file: Path) -> None:
    from .offline import ZIP_NAME, build_offline

    done = build_offline(data_dir, folder / ZIP_NAME, config_file)
    click.echo(f"Offline-Kopie: {done.pages} Seiten, {done.bytes / 1e6:.1f} MB nach {done.zip_path}")


def _print_profiles(data_dir: Path, site: Path) -> None:
    from .pdf import print_profiles
    from .report import load_report_cached

    written = print_profiles(load_report_cached(data_dir), site, site.parent / "pdf")
    size = sum(p.stat().st_size for p in written)
    click.echo(f"{len(written)} Gemeindeprofile als PDF ({size / 1e6:.1f} MB) nach {site.parent / 'pdf'}")


@main.command()
@DATA
@CONFIG
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(data_dir: Path, config_file: Path, dev_addr: str) -> None:
    """Live-Vorschau; baut bei Änderungen an Daten, Inhalten oder Vorlagen neu."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .publish import data_dir_env
    from .workers import WORKERS_ENV

    os.environ.setdefault(WORKERS_ENV, "1")  # the preview server runs threads, and forking them is not safe
    with data_dir_env(data_dir):
        mkdocs_serve(str(config_file), dev_addr=dev_addr, watch=[str(data_dir)])


@main.command()
@DATA
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True)
def pages(data_dir: Path, out_dir: Path) -> None:
    """Die erzeugten Seiten als Markdown schreiben (ohne MkDocs, z. B. für eine andere Site-Engine)."""
    from .pages import plan, write_pages
    from .report import load_report

    try:
        report = load_report(data_dir)
    except DataError as exc:
        _report_problems(exc)
        sys.exit(1)
    planned, files = plan(report, progress=True, spool=out_dir)
    written = write_pages([*planned, *files], out_dir)
    click.echo(f"{written} Dateien nach {out_dir}")


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("data"), show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option("--scale", type=click.Choice(["kreis", "land", "bund"]), default="kreis", show_default=True,
              help="land/bund: synthetische Gemeinden für Lasttests dazu (1.106 bzw. 10.800; nie einchecken)")
def demo(out_dir: Path, seed: int, scale: str) -> None:
    """Die Demodaten deterministisch neu erzeugen."""
    from .demo import generate

    if scale != "kreis" and out_dir.resolve() == Path("data").resolve():
        raise click.UsageError("synthetische Daten nicht nach data/ schreiben: --out ORDNER angeben")
    generate(out_dir, seed=seed)
    if scale != "kreis":
        import tempfile

        from .demo.scale import SCALES
        from .demo.scale import scale as grow

        with tempfile.TemporaryDirectory() as tmp:
            grow(out_dir, Path(tmp) / "data", SCALES[scale], seed=seed, region_name=scale)
            shutil.rmtree(out_dir)
            shutil.copytree(Path(tmp) / "data", out_dir)
    click.echo(f"Demodaten nach {out_dir} geschrieben" + (f" (synthetisch: {scale})" if scale != "kreis" else ""))


def run() -> None:
    """The `fokus` command as installed: ``main``, then the exit handlers, flushed output and an exit that skips
    tearing the interpreter down. That teardown freed every object of a finished build one by one (the report,
    the pages, the modules): 0.15–0.35 s of a 3 s rebuild, for nothing, since the process ends anyway. Every
    file is closed by then (each is written in a ``with`` block), and the cache's database by its exit handler
    (cachestore._close). An exception other than SystemExit ends the process as usual, with its traceback.
    Tests call ``main`` through click's runner instead."""
    try:
        main()  # click's standalone mode ends in SystemExit in every case
    except SystemExit as exc:
        code = exc.code
    else:  # pragma: no cover - only without standalone mode
        code = 0
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what the interpreter does with sys.exit("message")
        code = 1
    atexit._run_exitfuncs()  # multiprocessing's, logging's, temporary folders' finalizers
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    run()
