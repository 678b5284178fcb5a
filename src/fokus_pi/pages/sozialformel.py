"""sozialformel/: the need index with its ranking, the method written out from the configuration, the
sensitivity of the ranking to the weights, and the values as a download."""

from __future__ import annotations

import io

import pandas as pd

from .. import fmt
from ..cache import cached_text, code_version, key
from ..digest import digest
from ..render import render
from ..report import Report
from ..sozialformel import INDICATOR_ID, Result
from ..viz.figures import sozialformel_map

CSV_NAME = "sozialformel.csv"


def _names(report: Report, result: Result) -> dict[str, str]:
    reg = report.register
    names = {g.ags: g.name for g in reg.gemeinden} | {p.id: p.name for p in reg.planning_areas}
    return names | {reg.kreis.code: reg.kreis.name} | {g.id: g.name for g in result.config.groups}


def _kind(report: Report, code: str, result: Result) -> str:
    reg = report.register
    if code in {g.ags for g in reg.gemeinden}:
        return "Gemeinde"
    if code in {p.id for p in reg.planning_areas}:
        return "Planungsraum"
    return "Kreis" if code == reg.kreis.code else "Gruppe"


def table(report: Report) -> pd.DataFrame:
    """The published values: inputs, weighted z-score and index per area and year (also the download)."""
    result = report.sozialformel
    assert result is not None
    names, variables = _names(report, result), [v.indicator for v in result.config.variables]
    frame = result.inputs.merge(result.scores, on=["area", "year"])
    frame.insert(1, "name", frame["area"].map(names))
    frame.insert(2, "ebene", [_kind(report, a, result) for a in frame["area"]])
    frame = frame.rename(columns={"raw": "gewichteter_z_wert", "value": "sozialformel",
                                  "value_equal": "sozialformel_gleiche_gewichte"})
    columns = ["area", "name", "ebene", "year", *variables, "gewichteter_z_wert", "sozialformel",
               "sozialformel_gleiche_gewichte"]
    return frame[columns].sort_values(["year", "ebene", "area"]).reset_index(drop=True)


def csv_text(report: Report) -> str:
    """The download of every area's index and parts, through the build cache (a fifth of a second of each
    rebuild otherwise), keyed by the table it is written from."""
    values = table(report)

    def make() -> str:
        buffer = io.StringIO()
        values.to_csv(buffer, index=False, float_format="%.6f", lineterminator="\n")
        return buffer.getvalue()

    return cached_text("sozialformel", key(code_version("pages/sozialformel.py", "dist:pandas"), digest(values)), make)


def page(report: Report) -> str:
    result = report.sozialformel
    assert result is not None
    cfg = result.config
    year = report.latest_year(INDICATOR_ID)
    values = table(report)
    latest = values[values["year"] == year]
    prev = values[values["year"] == year - 1].set_index("area")

    def ranked(level: str) -> list[dict]:
        rows = latest[latest["ebene"] == level].copy()
        rows["rank"] = rows["sozialformel"].rank(ascending=False, method="min")
        rows["rank_equal"] = rows["sozialformel_gleiche_gewichte"].rank(ascending=False, method="min")
        rows = rows.sort_values(["rank", "name"], na_position="last")
        out = []
        for r in rows.to_dict("records"):
            before = prev["sozialformel"].get(r["area"]) if r["area"] in prev.index else None
            out.append(r | {"change": None if before is None or pd.isna(r["sozialformel"]) else r["sozialformel"] - before})
        return out

    gemeinden = ranked("Gemeinde")
    moved = [r for r in gemeinden if pd.notna(r["rank"]) and abs(r["rank"] - r["rank_equal"]) > 3]
    spearman = latest[latest["ebene"] == "Gemeinde"][["sozialformel", "sozialformel_gleiche_gewichte"]].corr("spearman").iloc[0, 1]
    stats = result.stats.loc[year]
    slugs = {g.ags: g.slug for g in report.register.gemeinden}
    total = sum(v.weight for v in cfg.variables)
    variables = [(v, report.catalogue.by_id[v.indicator], v.weight / total * 100, stats[(v.indicator, "mean")],
                  stats[(v.indicator, "sd")]) for v in cfg.variables]
    raw = latest[latest["ebene"] == "Gemeinde"].dropna(subset=["gewichteter_z_wert"])
    lowest, highest = raw.loc[raw["gewichteter_z_wert"].idxmin()], raw.loc[raw["gewichteter_z_wert"].idxmax()]
    return render(
        "sozialformel.md.j2", cfg=cfg, year=year, gemeinden=gemeinden, areas=ranked("Planungsraum"),
        others=ranked("Kreis") + ranked("Gruppe"), variables=variables, slugs=slugs, lowest=lowest,
        highest=highest, moved=moved, spearman=spearman, csv_name=CSV_NAME, snapshot=report.snapshot,
        missing=[r for r in gemeinden if pd.isna(r["sozialformel"])], fmt=fmt,
        viz=sozialformel_map(report, INDICATOR_ID),
    )
