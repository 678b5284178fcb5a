"""Which pages exist and what they say: a list of Markdown pages any static site engine can publish.

Nothing here imports MkDocs. ``plan_pages(report)`` is the whole contract with an engine:
URI (relative Markdown path), title, and Markdown text; ``nav(report)`` gives the section trees.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .. import blocks, heap, links
from ..opendata import download_block
from ..releases import releases
from ..report import Report
from ..viz import charts
from ..workers import run as workers_run
from . import (
    context,
    findings,
    funding,
    gemeinde,
    indicator,
    news,
    overview,
    planning,
    recommendations,
    reuse,
    sozialformel,
    views,
)
from . import services as hilfeportal
from .downloads import Download, _write, plan_downloads, relocate, start_downloads

__all__ = ["Download", "Page", "nav", "plan", "plan_downloads", "plan_pages", "relocate", "start_downloads",
           "write_pages"]


@dataclass(frozen=True)
class Page:
    uri: str  # e.g. "kennzahlen/sgb-ii-quote.md" -> URL kennzahlen/sgb-ii-quote/
    title: str
    source: str  # Markdown with a placeholder for each finished HTML block (blocks.py)
    blocks: tuple[str, ...] = ()
    listed: bool = True  # in the navigation; False: reached through its section's index (views.land_scale)

    @property
    def markdown(self) -> str:
        """The page as plain Markdown with its HTML blocks in place, for any engine."""
        return blocks.fill(self.source, self.blocks)


def plan_pages(report: Report, progress: bool = False, directory_urls: bool = True,
               workers: int | None = None) -> list[Page]:
    """Every generated page of the report, in a stable order. ``directory_urls`` is the engine's URL style
    (False for the offline copy's .html links): the HTML tables' links are written in it (links.py). The pages
    are planned on ``workers`` processes (default: every core, workers.py), with the same result as on one."""
    return plan(report, progress, directory_urls, workers, downloads=False)[0]


def plan(report: Report, progress: bool = False, directory_urls: bool = True, workers: int | None = None,
         downloads: bool = True, spool: Path | None = None) -> tuple[list[Page], list[Download]]:
    """The pages and, while worker processes plan them, the downloads (open data, API) in this process;
    ``spool``: the folder the downloads are written to as they are made (plan_downloads)."""
    jobs = _page_jobs(report)
    listed = not views.land_scale(report)
    inputs = reuse.Inputs(report)
    style = (directory_urls, not listed)
    keys = [reuse.job_key(uri, title, make, subject, style) for uri, title, make, subject in jobs]
    # only pages whose inputs changed are planned (reuse.py)
    made: dict[int, reuse.Planned] = {}
    for index, job in enumerate(keys):
        if (stored := reuse.find(job, inputs)) is not None:
            made[index] = stored
    todo = [i for i in range(len(jobs)) if i not in made]
    if todo:
        _warm(report, every_row=len(todo) > len(jobs) // 10)  # before the fork: inherited, not built per worker
        heap.release()  # and not the memory building them freed

    def one(index: int) -> tuple[str, tuple[str, ...], dict[str, set[str]], set]:
        uri, _, make, subject = jobs[index]
        reads = reuse.Reads(report) if keys[index] is not None else report
        with links.collecting(directory_urls) as linked, links.on_page(uri), blocks.collecting() as html:
            markdown = make(reads, subject) if subject is not None else make(reads)
            markdown += download_block(reads, uri)
        return markdown, tuple(html), linked.targets, getattr(reads, "tokens", set())

    files: list[Download] = []
    done = workers_run(lambda k: one(todo[k]), len(todo), workers,
                       meanwhile=(lambda: files.extend(plan_downloads(report, spool))) if downloads else None)
    for k, (markdown, html, linked, tokens) in tqdm(done, total=len(todo), desc="Seiten", unit="Seite",
                                                     disable=not progress or None):
        made[todo[k]] = reuse.keep(keys[todo[k]], markdown, html, linked, tokens, inputs)
    pages: list[Page] = []
    targets: dict[str, set[str]] = {}
    for index, (uri, title, _, _) in enumerate(jobs):
        one_gemeinde = uri.startswith("gemeinden/") and uri != "gemeinden/index.md"
        pages.append(Page(uri, title, made[index].source, made[index].blocks, listed=listed or not one_gemeinde))
        for target, sources in made[index].linked.items():
            targets.setdefault(target, set()).update(sources)
    links.check(targets, (p.uri for p in pages))
    return pages, files


def _page_jobs(report: Report) -> list[tuple]:
    """(URI, title, page function, subject) of every generated page, in the order of the site."""
    jobs = [
        *((f"kennzahlen/{i.id}.md", i.short_title, indicator.page, i) for i in report.published()),
        *((f"gemeinden/{g.slug}.md", g.name, gemeinde.page, g) for g in report.register.gemeinden),
        *((f"handlungsfelder/{f.id}.md", f.title, overview.field_page, f) for f in report.catalogue.fields),
        *((f"planungsraeume/{p.id}.md", p.name, planning.page, p) for p in report.register.planning_areas),
        ("index.md", report.register.title, overview.start_page, None),
        ("kennzahlen/index.md", "Kennzahlen", overview.indicators_index, None),
        ("gemeinden/index.md", "Gemeinden", overview.gemeinden_index, None),
        ("handlungsfelder/index.md", "Handlungsfelder", overview.fields_index, None),
        ("planungsraeume/index.md", "Planungsräume", planning.index, None),
        ("methodik.md", "Methodik und Zeichenerklärung", overview.methods_page, None),
        ("auffaelligkeiten/index.md", "Auffälligkeiten", findings.page, None),
    ]
    if report.sozialformel is not None:
        jobs.append(("sozialformel/index.md", "Sozialformel", sozialformel.page, None))
    if report.programmes:
        jobs.append(("foerderung/index.md", "Förderung", funding.index, None))
        jobs.extend((f"foerderung/{p.id}.md", p.title, funding.page, p) for p in report.programmes)
    jobs.extend(_planning_jobs(report))
    jobs.extend(hilfeportal.jobs(report))
    return jobs


def _warm(report: Report, every_row: bool) -> None:
    """Build the report's lazy indexes and the chart skeletons that nearly every page reads; ``every_row``:
    make all derived rows too, when enough pages are planned to read most of them (a Gemeinde page reads
    about 1/50 of them, so a rebuild's few pages are cheaper making only their own)."""
    rows = report.rows()  # the index itself in any case: a Land's takes 3 s, better once than in every worker
    if every_row:
        rows.make_all()
    report.of("")
    report.years("")
    report.latest_year("")
    charts.prepare(report.published())


def nav(report: Report) -> dict[str, list]:
    """Navigation subtrees for the generated sections, keyed by the section's index page; an empty list
    means the section does not exist for this data (e.g. no Sozialformel configured)."""
    return {
        "kennzahlen/index.md": ["kennzahlen/index.md"] + [
            {f.title: [f"kennzahlen/{i.id}.md" for i in report.published() if i.field == f.id]}
            for f in report.catalogue.fields if any(i.field == f.id for i in report.published())
        ],
        "gemeinden/index.md": ["gemeinden/index.md"] + [
            {amt: [f"gemeinden/{g.slug}.md" for g in members]} for amt, members in report.register.aemter()
        ] if not views.land_scale(report) else ["gemeinden/index.md"],
        "handlungsfelder/index.md": ["handlungsfelder/index.md"]
        + [f"handlungsfelder/{f.id}.md" for f in report.catalogue.fields],
        "planungsraeume/index.md": ["planungsraeume/index.md"]
        + [f"planungsraeume/{p.id}.md" for p in report.register.planning_areas],
        "foerderung/index.md": ["foerderung/index.md"] + [f"foerderung/{p.id}.md" for p in report.programmes]
        if report.programmes else [],
        "sozialformel/index.md": ["sozialformel/index.md"] if report.sozialformel is not None else [],
        **_planning_nav(report),
        **hilfeportal.nav(report),
    }


def _planning_jobs(report: Report) -> list[tuple]:
    """Pages of the planning side (recommendations, focus groups, context, release notes), where data exist."""
    jobs: list[tuple] = []
    plan = report.planning
    if plan is not None and plan.recommendations:
        jobs.append(("handlungsempfehlungen/index.md", "Handlungsempfehlungen", recommendations.index, None))
        jobs.extend((f"handlungsempfehlungen/{r.id}.md", r.title, recommendations.page, r)
                    for r in plan.recommendations)
    if plan is not None and plan.groups:
        jobs.append(("fokusgruppen/index.md", "Fokusgruppen", recommendations.groups_index, None))
        jobs.extend((f"fokusgruppen/{g.id}.md", g.title, recommendations.group_page, g) for g in plan.groups)
    if context.has_demographie(report):
        jobs.append(("demographie/index.md", "Demographie", context.demographie, None))
    if plan is not None and plan.spending is not None:
        jobs.append(("finanzen/index.md", "Finanzen", context.finanzen, None))
    jobs.append(("neu/index.md", "Neue Daten", news.index, None))
    jobs.extend((f"neu/{r.id}.md", news.title(r), news.page, r) for r in releases(report))
    return jobs


def _planning_nav(report: Report) -> dict[str, list]:
    plan = report.planning
    by_year: dict[int, list[str]] = {}
    for r in sorted(plan.recommendations if plan else [], key=lambda r: (-r.year, r.id)):
        by_year.setdefault(r.year, []).append(f"handlungsempfehlungen/{r.id}.md")
    return {
        "handlungsempfehlungen/index.md": ["handlungsempfehlungen/index.md"]
        + [{f"Fokusbericht {y}": uris} for y, uris in by_year.items()] if by_year else [],
        "fokusgruppen/index.md": ["fokusgruppen/index.md"] + [f"fokusgruppen/{g.id}.md" for g in plan.groups]
        if plan and plan.groups else [],
        "demographie/index.md": ["demographie/index.md"] if context.has_demographie(report) else [],
        "finanzen/index.md": ["finanzen/index.md"] if plan and plan.spending is not None else [],
        "neu/index.md": ["neu/index.md"] + [f"neu/{r.id}.md" for r in releases(report)],
    }


def write_pages(pages: Iterable[Page | Download], out_dir: Path) -> int:
    """Write pages and downloads as files (for engines without an in-memory API, and for inspection)."""
    count = 0
    for item in pages:
        target = out_dir / item.uri
        if isinstance(item, Page):
            _write(target, item.markdown)
        elif item.path is None:
            _write(target, item.content)
        elif not (target.exists() and target.samefile(item.path)):  # not spooled there already
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(item.path, target)
        count += 1
    return count
