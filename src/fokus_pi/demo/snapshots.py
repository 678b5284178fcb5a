"""Cut the two dated snapshots (values.csv and snapshot.yml) from the engine's figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import yaml

from .areas import planning_area
from .population import YEARS
from .spec import Indicator
from .values import FOLGT, GEHEIM, Aggregate, Engine, Series, gemeinde_value

KREIS, LAND, BUND = "01056", "01", "DG"
HEADER = "indicator,area,year,value,numerator,denominator,flag\n"


@dataclass(frozen=True)
class SnapshotSpec:
    """One edition of the report: its date, last data year and whether it carries the later revisions."""

    stichtag: dt.date
    title: str
    last_year: int
    latest: bool


SNAPSHOTS = (
    SnapshotSpec(dt.date(2025, 6, 30), "Digitaler Sozialbericht 2025", 2024, latest=False),
    SnapshotSpec(dt.date(2026, 6, 30), "Digitaler Sozialbericht 2026", 2025, latest=True),
)


def fmt(value: float | int | None) -> str:
    """Fixed number text: integers without '.0', at most 4 decimals, no exponent, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def snapshot_indicators(indicators: list[Indicator], spec: SnapshotSpec) -> list[Indicator]:
    """Indicators published in a snapshot: new ones only in the latest."""
    return [i for i in indicators if spec.latest or not i.new]


def planning_members(gemeinden: list) -> dict[str, np.ndarray]:
    """Planning area id -> boolean mask over the Gemeinden (in engine order)."""
    ids = [planning_area(g) for g in gemeinden]
    return {a: np.array([x == a for x in ids]) for a in sorted(set(ids))}


def _series(engine: Engine, ind: Indicator, spec: SnapshotSpec) -> Series:
    if ind.model.revise and not spec.latest:
        return engine.revised_out(ind)
    return engine.series(ind.id)


def values_csv(engine: Engine, indicators: list[Indicator], spec: SnapshotSpec) -> str:
    """values.csv for one snapshot, sorted by indicator (catalogue order), area and year."""
    years = [y for y in YEARS if y <= spec.last_year]
    ags_rows = {g.ags: i for i, g in enumerate(engine.gemeinden)}
    areas = sorted([KREIS, LAND, BUND, *ags_rows, *planning_members(engine.gemeinden)])
    lines = [HEADER]
    for ind in snapshot_indicators(indicators, spec):
        s = _series(engine, ind, spec)
        truth = engine.kreis(ind, engine.series(ind.id))
        aggregates: dict[str, Aggregate] = {KREIS: engine.kreis(ind, s)}
        aggregates[LAND], aggregates[BUND] = engine.references(ind, truth)
        if (engine.series(ind.id).flag == GEHEIM).any():
            # where the Bundesagentur für Arbeit keeps small Gemeinden secret, it delivers planning areas too
            for area, members in planning_members(engine.gemeinden).items():
                aggregates[area] = engine.kreis(ind, s, members)
        for area in areas:
            if area not in aggregates and area not in ags_rows:
                continue  # a planning area for an indicator that is not delivered by area
            for j, year in enumerate(years):
                pending = ind.model.pending_latest and year == spec.last_year
                if pending:
                    cells = (None, None, None, FOLGT)
                elif area in aggregates:
                    a = aggregates[area]
                    cells = (a.value[j], a.num[j], a.den[j], a.flag[j])
                else:
                    i = ags_rows[area]
                    value, num, den = gemeinde_value(ind, s, i, j)
                    cells = (value, num, den, s.flag[i, j])
                value, num, den, flag = cells
                if flag:
                    value = num = den = None
                lines.append(f"{ind.id},{area},{year},{fmt(value)},{fmt(num)},{fmt(den)},{flag}\n")
    return "".join(lines)


def _institution(source: str) -> str:
    return source.split(" (")[0].split(", ")[0]


def snapshot_yml(indicators: list[Indicator], spec: SnapshotSpec) -> str:
    """snapshot.yml with German reader-facing description and change notes."""
    shown = snapshot_indicators(indicators, spec)
    sources = sorted({_institution(i.source) for i in shown})
    first, last = YEARS[0], spec.last_year
    description = (
        "Demo-Daten: Alle Kennzahlenwerte dieses Berichts sind mit einem Zufallsgenerator erzeugt und "
        "keine amtlichen Statistiken. Echt sind nur die Namen, Amtlichen Gemeindeschlüssel und Ämter der "
        "49 Gemeinden sowie ihre Einwohnerzahlen zum 31.12.2019 und 31.12.2023; alle anderen Zahlen, die "
        "Planungsräume und die Gemeindeflächen der Karten sind erfunden."
    )
    pending = [i.short_title for i in shown if i.model.pending_latest]
    if spec.latest:
        revised = [
            f"{i.short_title} ({', '.join(str(y) for y in i.model.revise)})" for i in shown if i.model.revise
        ]
        new = [f"„{i.short_title}“" for i in shown if i.new]
        notes = (
            f"Gegenüber dem Bericht 2025 ist das Berichtsjahr {last} neu. Revidiert wurden die Werte "
            f"folgender Kennzahlen: {'; '.join(revised)}. Die Pflegestatistik {last - 1} ist nachgeliefert "
            f"({', '.join(pending)}), der Jahrgang {last} folgt. Neu sind die Kennzahlen {' und '.join(new)}."
        )
    else:
        notes = (
            f"Erste Ausgabe des Digitalen Sozialberichts mit Daten der Jahre {first} bis {last}. Die Werte "
            f"der Pflegestatistik für {last} ({', '.join(pending)}) folgen."
        )
    doc = {
        "stichtag": spec.stichtag,
        "title": spec.title,
        "demo": True,
        "description": description,
        "sources": sources,
        "notes": notes,
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
