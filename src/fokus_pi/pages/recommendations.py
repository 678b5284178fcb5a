"""handlungsempfehlungen/: the counts as the county reports them, a filterable list and one page per
recommendation with its cost and dated history; fokusgruppen/: the twelve groups and what they proposed."""

from __future__ import annotations

from collections import Counter

from ..planning import FocusGroup
from ..recommendations import STATUSES, Recommendation, status_label, tally
from ..render import render
from ..report import Report

PATH = ("entwickelt", "in_beratung", "beschlossen", "umgesetzt")


def _titles(report: Report) -> dict[str, str]:
    return {f.id: f.title for f in report.catalogue.fields}


def index(report: Report) -> str:
    planning = report.planning
    assert planning is not None
    items = sorted(planning.recommendations, key=lambda r: (-r.year, r.id))
    counts = Counter(r.status for r in items)
    by_status = [(status_label(s), counts[s], sum(r.cost_once for r in items if r.status == s),
                  sum(r.cost_yearly for r in items if r.status == s)) for s in STATUSES]
    years = sorted({r.year for r in items}, reverse=True)
    by_year = [(y, Counter(r.status for r in items if r.year == y)) for y in years]
    titles = _titles(report)
    fields = [t for f, t in titles.items() if any(r.field == f for r in items)]
    return render(
        "recommendations_index.md.j2", items=items, tally=tally(items), by_status=by_status, by_year=by_year,
        statuses=[status_label(s) for s in STATUSES if counts[s]], fields=fields, years=years,
        titles=titles, groups={g.id: g for g in planning.groups}, demo=report.demo,
        adopted_yearly=sum(r.cost_yearly for r in items if r.status in ("beschlossen", "umgesetzt")),
    )


def page(report: Report, item: Recommendation) -> str:
    assert report.planning is not None
    reached = {s.status for s in item.history}
    steps = [(status_label(s), s in reached, s == item.status) for s in PATH]
    return render("recommendation.md.j2", r=item, field_title=_titles(report)[item.field],
                  group=report.planning.group(item.group), steps=steps, demo=report.demo)


def groups_index(report: Report) -> str:
    planning = report.planning
    assert planning is not None
    counts = Counter(r.group for r in planning.recommendations)
    return render("groups_index.md.j2", groups=planning.groups, counts=counts, titles=_titles(report),
                  members=sum(g.members for g in planning.groups), demo=report.demo,
                  stichtag=report.snapshot.stichtag)


def group_page(report: Report, group: FocusGroup) -> str:
    planning = report.planning
    assert planning is not None
    items = sorted(planning.for_group(group.id), key=lambda r: (-r.year, r.id))
    return render("group.md.j2", g=group, items=items, titles=_titles(report), demo=report.demo,
                  tally=tally(items), stichtag=report.snapshot.stichtag)
