"""hilfeportal/: the directory of help services on the map and as a searchable list, one page per kind of
service with its coverage, the Angebotsanalyse (coverage against need, with a map of gaps), the planners'
list of entries due for a check, and the "Hilfeangebote" section of each Gemeinde page."""

from __future__ import annotations

from .. import fmt
from ..areas import Gemeinde
from ..coverage import GAPS, SHORT, Analysis, Cell, analyse, analyse_all, gap_counts
from ..render import render
from ..report import Report
from ..services import BARRIER_FREE, Category, Directory, Service
from ..viz.hilfe import gap_block, portal_block

SECTION = "hilfeportal"
# ColorBrewer Reds (colour-blind safe): planning areas by the number of kinds of service with a gap
GAP_COUNT_COLORS = ("#fee5d9", "#fcae91", "#fb6a4a", "#cb181d")
GAP_COUNT_LABELS = ("keine Angebotsart mit Lücke", "1 Angebotsart mit Lücke", "2 Angebotsarten mit Lücke",
                    "3 und mehr Angebotsarten mit Lücke")


def _directory(report: Report) -> Directory:
    assert report.services is not None
    return report.services


def jobs(report: Report) -> list[tuple]:
    """(uri, title, make, subject) of every Hilfeportal page; none without a directory."""
    if report.services is None:
        return []
    d = report.services
    return [(f"{SECTION}/index.md", "Hilfeportal", portal, None),
            *((f"{SECTION}/{c.id}.md", c.title, category_page, c) for c in d.categories),
            (f"{SECTION}/angebotsanalyse.md", "Angebotsanalyse", analysis_page, None),
            (f"{SECTION}/pruefliste.md", "Prüfliste für die Datenpflege", checklist, None)]


def nav(report: Report) -> dict[str, list]:
    if report.services is None:
        return {f"{SECTION}/index.md": []}
    return {f"{SECTION}/index.md": [f"{SECTION}/index.md", f"{SECTION}/angebotsanalyse.md",
                                    {"Angebotsarten": [f"{SECTION}/{c.id}.md" for c in report.services.categories]},
                                    f"{SECTION}/pruefliste.md"]}


def _entry(s: Service, d: Directory, names: dict[str, Gemeinde]) -> dict:
    """What the list shows of one service, formatted (the template only places it)."""
    kind = next(c for c in d.categories if c.id == s.category)
    return {"s": s, "kind": kind, "g": names[s.ags], "barrier": BARRIER_FREE.get(s.barrier_free, ""),
            "tel": tel(s.phone), "verified": fmt.date(s.verified)}


def tel(phone: str) -> str:
    """The number for a tel: link, international (04101 0000-12 -> +494101000012); "" without a number."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not digits:
        return ""
    return "+" + digits if phone.startswith("+") else "+49" + digits.removeprefix("0")


def _entries(report: Report, services: list[Service]) -> list[dict]:
    d, names = _directory(report), report.register.by_ags()
    return [_entry(s, d, names) for s in sorted(services, key=lambda s: (s.name.casefold(), s.id))]


def portal(report: Report) -> str:
    d = _directory(report)
    kinds = [(c, len(d.in_category(c.id))) for c in d.categories]
    return render("hilfeportal.md.j2", d=d, kinds=kinds, entries=_entries(report, list(d.services)),
                  block=portal_block(report), kreis=report.register.kreis, demo=report.demo)


def _cells(cells: list[Cell]) -> list[dict]:
    return [{"c": c, "target": fmt.number(c.target, 0, c.flag or None), "per": fmt.number(c.per_1000, 2, c.flag or None),
             "need": fmt.number(c.need, 1), "gap": SHORT.get(c.gap or "", ".")} for c in cells]


def _tip(a: Analysis, cell: Cell) -> str:
    per = fmt.number(cell.per_1000, 2, cell.flag or None)
    return (f"Planungsraum {cell.name}: {SHORT.get(cell.gap or '', 'keine Einordnung')} ({per} je 1.000 "
            f"{a.category.target_label}, {a.kreis.name}: {fmt.number(a.kreis.per_1000, 2)})")


def category_page(report: Report, c: Category) -> str:
    d = _directory(report)
    a = analyse(report, d, c)
    reg = report.register
    planning = {cell.code: cell for cell in a.planning}
    fills = {g.ags: GAPS[planning[g.planning_area].gap][1] for g in reg.gemeinden
             if g.planning_area in planning and planning[g.planning_area].gap}
    tips = {g.ags: _tip(a, planning[g.planning_area]) for g in reg.gemeinden if g.planning_area in planning}
    legend = [(color, f"{SHORT[key]}: {label}") for key, (label, color) in GAPS.items()]
    block = gap_block(report, "hilfe-luecken", f"Versorgung mit {c.title} nach Planungsräumen", fills, tips, legend,
                      "hilfe-planungsraeume")
    by_need = sorted(a.gemeinden, key=lambda x: (x.need is None, -(x.need or 0), x.name))
    return render("hilfeportal_category.md.j2", c=c, a=a, entries=_entries(report, d.in_category(c.id)),
                  planning=_cells(a.planning), gemeinden=_cells(by_need), kreis=_cells([a.kreis])[0], block=block,
                  need=report.catalogue.by_id.get(c.need), target=report.catalogue.by_id[c.target_indicator],
                  slugs={g.ags: g.slug for g in reg.gemeinden}, d=d)


def analysis_page(report: Report) -> str:
    d = _directory(report)
    analyses = analyse_all(report, d)
    counts = gap_counts(analyses)
    reg = report.register
    fills = {g.ags: GAP_COUNT_COLORS[min(counts.get(g.planning_area, 0), 3)] for g in reg.gemeinden
             if g.planning_area in counts}
    names = {p.id: p.name for p in reg.planning_areas}
    tips = {g.ags: f"Planungsraum {names[g.planning_area]}: {counts[g.planning_area]} von {len(analyses)} "
                   "Angebotsarten mit Lücke" for g in reg.gemeinden if g.planning_area in counts}
    block = gap_block(report, "hilfe-luecken", "Angebotsarten mit Lücke je Planungsraum", fills, tips,
                      list(zip(GAP_COUNT_COLORS, GAP_COUNT_LABELS)), "hilfe-matrix")
    needs = {a.category.need for a in analyses}
    need = report.catalogue.by_id.get(needs.pop()) if len(needs) == 1 else None
    rows = [(p, [next(x for x in a.planning if x.code == p.id) for a in analyses], counts.get(p.id, 0))
            for p in reg.planning_areas]
    return render("hilfeportal_analysis.md.j2", analyses=analyses, rows=rows, block=block, need=need,
                  kreis=reg.kreis, gaps=GAPS, short=SHORT, d=d)


def checklist(report: Report) -> str:
    d = _directory(report)
    names = report.register.by_ags()
    return render("hilfeportal_stale.md.j2", d=d, entries=[_entry(s, d, names) for s in d.stale()])


def gemeinde_section(report: Report, g: Gemeinde) -> str:
    """The Hilfeangebote section of a Gemeinde page ("" without a directory)."""
    if report.services is None:
        return ""
    d, names = report.services, report.register.by_ags()
    planning = next((p for p in report.register.planning_areas if p.id == g.planning_area), None)
    nearby = [s for s in d.services if planning is not None and s.ags != g.ags
              and names[s.ags].planning_area == planning.id]
    return render("_hilfe_gemeinde.md.j2", g=g, entries=_entries(report, d.in_gemeinde(g.ags)), nearby=len(nearby),
                  planning=planning).strip()
