"""Printable Gemeinde profiles: each Gemeinde page of the built site printed to PDF with headless Chromium.

The PDF is the page itself under the print stylesheet (content/assets/print.css: no navigation, maps and charts
drawn, tables kept whole), so paper and screen never disagree. Chromium opens the built page from disk
(file://) with networking features off, runs the page's scripts for a while of virtual time (maps and charts
are drawn by scripts) and prints. Chromium's PDF is tagged (a structure element per table cell, good for screen
readers) but writes each of those thousands of small objects uncompressed; pikepdf packs them into compressed
object streams, which keeps the tags and takes about two thirds off the size, and sets the document language.
Each PDF is written to a temporary name first and renamed when complete."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .areas import Gemeinde
from .report import Report

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
    "--no-pdf-header-footer", "--virtual-time-budget=20000", "--run-all-compositor-stages-before-draw",
)


class PdfError(Exception):
    """Chromium is missing or could not print a page."""


def find_browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError("Chromium fehlt: apt-get install chromium (oder --pdf weglassen)")


def page_file(site: Path, g: Gemeinde) -> Path:
    """The built page of a Gemeinde: gemeinden/<slug>/index.html, or gemeinden/<slug>.html in the offline build."""
    for candidate in (site / "gemeinden" / g.slug / "index.html", site / "gemeinden" / f"{g.slug}.html"):
        if candidate.is_file():
            return candidate
    raise PdfError(f"Seite der Gemeinde {g.name} fehlt in {site}")


def print_page(html: Path, pdf: Path, browser: str | None = None, timeout: float = 180) -> Path:
    """Print one built page to ``pdf`` (replaced only when Chromium succeeded)."""
    browser = browser or find_browser()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".chromium-") as profile:
        tmp = pdf.with_name(f".{pdf.name}.part")
        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp}", html.resolve().as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "HOME": profile})
        if done.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
            tmp.unlink(missing_ok=True)
            raise PdfError(f"Chromium konnte {html} nicht drucken: {done.stderr.strip()[-500:]}")
        compact(tmp, pdf)
        tmp.unlink()
    return pdf


def compact(source: Path, target: Path, lang: str = "de-DE") -> None:
    """Rewrite ``source`` into ``target`` with compressed object streams and the document language set
    (PDF/UA asks for /Lang); written to a sibling temp name and renamed, so ``target`` is never partial."""
    import pikepdf

    part = target.with_name(f".{target.name}.compact")
    with pikepdf.open(source) as doc:
        doc.Root.Lang = pikepdf.String(lang)
        doc.save(part, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 recompress_flate=True, deterministic_id=True)
    os.replace(part, target)


def print_profiles(report: Report, site: Path, out_dir: Path, only: list[str] | None = None,
                   workers: int = 2) -> list[Path]:
    """One PDF per Gemeinde (``only``: slugs or names to print), named <slug>.pdf, in register order."""
    browser = find_browser()
    chosen = [g for g in report.register.gemeinden if not only or g.slug in only or g.name in only]
    jobs = [(page_file(site, g), Path(out_dir) / f"{g.slug}.pdf") for g in chosen]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda job: print_page(*job, browser=browser), jobs))
