"""Small read-only views of the derived facts, shaped for the templates (no new figures here)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from ..catalogue import Indicator
from ..report import Report


LAND_SCALE = 150  # more Gemeinden than any Kreis has (the largest has about 130): a Land or more


def land_scale(report: Report) -> bool:
    """A Land's thousand Gemeinden leave the navigation for their index page (30 KB of links on every page and
    rendering time growing with the square of the pages), and an indicator page leaves the table of every
    Gemeinde and year (300 KB) to its CSV download."""
    return len(report.register.gemeinden) > LAND_SCALE


@dataclass(frozen=True)
class Cell:
    """One published figure with everything a table row shows about it."""

    value: float | None
    flag: str | None = None
    change: float | None = None
    change_pct: float | None = None
    broken: bool = False
    rank: int | None = None
    n_ranked: int | None = None
    comparison: str = ""

    @classmethod
    def of(cls, row: Mapping | None) -> "Cell":
        if row is None:
            return cls(None)
        return cls(
            value=_opt(row["value"]), flag=row["flag"] or None, change=_opt(row["change"]),
            change_pct=_opt(row["change_pct"]), broken=bool(row["break"]),
            rank=None if _opt(row["rank"]) is None else int(row["rank"]),
            n_ranked=None if _opt(row["n_ranked"]) is None else int(row["n_ranked"]),
            comparison=row["comparison"],
        )


def _opt(x: object) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def references(report: Report, ind: Indicator, year: int | None) -> list[tuple[str, Cell]]:
    """Kreis, Land and Bund for one year."""
    return [(ref.name, Cell.of(report.row(ind.id, ref.code, year))) for ref in report.register.references]


def ranking(report: Report, ind: Indicator, year: int | None) -> list[tuple[object, Cell]]:
    """All Gemeinden for one year: ranked ones by rank, then the ones without a value by name."""
    result = [(g, Cell.of(report.row(ind.id, g.ags, year))) for g in report.register.gemeinden]
    return sorted(result, key=lambda gc: (gc[1].rank is None, gc[1].rank or 0, gc[0].name))


def series(report: Report, ind: Indicator, areas: list[str]) -> list[tuple[int, list[Cell]]]:
    """Year by year, one cell per area code."""
    return [(year, [Cell.of(report.row(ind.id, a, year)) for a in areas]) for year in report.years(ind.id)]
