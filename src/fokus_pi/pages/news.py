"""neu/: release notes generated from the differences between the data snapshots (they replace the app's push
notices and go into the feed with the newsletter)."""

from __future__ import annotations

from ..releases import Release, releases
from ..render import render
from ..report import Report


def title(release: Release) -> str:
    return f"Neue Daten: {release.snapshot.title}"


def index(report: Report) -> str:
    return render("releases_index.md.j2", releases=releases(report), title=title)


def page(report: Report, release: Release) -> str:
    published = {i.id for i in report.published()}
    names = {i.id: i.short_title for i in report.catalogue.indicators}
    return render("release.md.j2", rel=release, title=title(release), names=names, published=published)
