"""Funding reach: does a programme's money go where the need is? (data/funding/<programme>.yml and .csv)

For each year the Gemeinden are ordered by need (the Sozialformel by default). The analysis reports the money per
head of the programme's target group, and the share of the money that reaches the fifth of Gemeinden with the most
and with the least need, so the county's question ("does it reach those it is meant for?") has a number."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schemas
from .catalogue import Catalogue
from .problems import Collector
from .tables import read_table


@dataclass(frozen=True)
class Programme:
    id: str
    title: str
    description: str
    source: str
    need: str
    target_indicator: str
    target_part: str
    target_label: str
    amounts: pd.DataFrame  # ags, year, amount


def load_programmes(folder: Path, catalogue: Catalogue, gemeinden: set[str], need_ids: set[str],
                    out: Collector) -> list[Programme]:
    """Every programme in data/funding/ (a YAML description and a CSV of amounts with the same name)."""
    if not folder.is_dir():
        return []
    result = []
    for meta_path in sorted(folder.glob("*.yml")):
        doc, valid = schemas.load(meta_path, "funding", out)
        if doc is None or not valid:
            continue
        d = doc.data
        if d["target_group"]["indicator"] not in catalogue.by_id:
            out.add(meta_path, *doc.where(("target_group", "indicator")),
                    f"unbekannte Kennzahl „{d['target_group']['indicator']}“")
            continue
        if d["need"] not in catalogue.by_id and d["need"] not in need_ids:
            out.add(meta_path, *doc.where(("need",)), f"unbekannte Bedarfskennzahl „{d['need']}“")
            continue
        amounts = _load_amounts(meta_path.with_suffix(".csv"), gemeinden, out)
        if amounts is not None:
            tg = d["target_group"]
            result.append(Programme(meta_path.stem, d["title"], d["description"], d["source"], d["need"],
                                    tg["indicator"], tg["part"], tg["label"], amounts))
    return result


def _load_amounts(path: Path, gemeinden: set[str], out: Collector) -> pd.DataFrame | None:
    if not path.exists():
        out.add(path, 1, 1, "Tabelle der Fördermittel fehlt")
        return None
    table = read_table(path, ("ags", "year", "amount"), out)
    if table is None:
        return None
    rows, seen = [], {}
    for r in range(len(table)):
        ags, year, amount = table.get(r, "ags"), table.get(r, "year"), table.get(r, "amount")
        ok = True
        if ags not in gemeinden:
            out.add(path, *table.where(r, "ags"), f"unbekannte Gemeinde „{ags}“")
            ok = False
        if not year.isdigit():
            out.add(path, *table.where(r, "year"), f"Jahr „{year}“ ist keine Jahreszahl")
            ok = False
        try:
            value = float(amount)
            if not math.isfinite(value) or value < 0:
                raise ValueError
        except ValueError:
            out.add(path, *table.where(r, "amount"), f"Betrag „{amount}“ ist keine Zahl ≥ 0 (Dezimalpunkt verwenden)")
            ok = False
        if ok and (ags, year) in seen:
            out.add(path, *table.where(r, "ags"), f"doppelte Zeile für {ags}, {year} (zuerst in Zeile {seen[(ags, year)]})")
            ok = False
        if ok:
            seen[(ags, year)] = table.lines[r]
            rows.append((ags, int(year), value))
    return pd.DataFrame(rows, columns=["ags", "year", "amount"])


def reach_by_year(programme: Programme, of: Callable[[str], pd.DataFrame], gemeinden: list[str],
                  years: list[int]) -> dict[int, pd.DataFrame]:
    """``reach`` for each year, from ``of`` (Report.of): the rows of the target group's and the need's indicator
    only, so a page built from them is planned again only when one of those two changes (pages/reuse.py), and
    each year's selection filters two indicators' rows instead of the whole table. Made once per page, for its
    tables and its figures."""
    facts = pd.concat([of(i) for i in dict.fromkeys((programme.target_indicator, programme.need))])
    return {y: reach(programme, facts, gemeinden, y) for y in years}


def reach(programme: Programme, facts: pd.DataFrame, gemeinden: list[str], year: int) -> pd.DataFrame:
    """Per Gemeinde: amount, target group, amount per head, need and the need fifth ("hoch", "mittel", "gering")."""
    def column(ind: str, part: str) -> pd.Series:
        rows = facts[(facts["indicator"] == ind) & (facts["year"] == year) & facts["area"].isin(gemeinden)]
        return rows.set_index("area")[part]

    frame = pd.DataFrame(index=pd.Index(gemeinden, name="ags"))
    money = programme.amounts[programme.amounts["year"] == year].set_index("ags")["amount"]
    frame["amount"] = money.reindex(frame.index).fillna(0.0)
    frame["target"] = column(programme.target_indicator, programme.target_part)
    frame["per_head"] = frame["amount"] / frame["target"].where(frame["target"] > 0)
    frame["need"] = column(programme.need, "value")
    ranked = frame["need"].notna()
    n = int(ranked.sum())
    fifth = max(1, math.ceil(n / 5))
    order = frame.loc[ranked, "need"].rank(ascending=False, method="first")
    frame["need_rank"] = order
    frame["fifth"] = pd.Series(pd.NA, index=frame.index, dtype="object")
    frame.loc[ranked, "fifth"] = "mittel"
    frame.loc[order[order <= fifth].index, "fifth"] = "hoch"
    frame.loc[order[order > n - fifth].index, "fifth"] = "gering"
    return frame.reset_index()


@dataclass(frozen=True)
class Concentration:
    year: int
    total: float
    share_high: float  # share of the money that reaches the fifth with the most need (in %)
    share_low: float
    target_share_high: float  # share of the target group living in that fifth (in %): the fair share
    target_share_low: float
    per_head_high: float
    per_head_low: float
    spearman: float  # rank correlation of amount per head with need
    n_high: int
    n_low: int


def concentration(frame: pd.DataFrame, year: int) -> Concentration:
    total = frame["amount"].sum()

    people = frame["target"].sum()

    def part(name: str) -> tuple[float, float, float, int]:
        rows = frame[frame["fifth"] == name]
        money, heads = rows["amount"].sum(), rows["target"].sum()
        return 100 * money / total, 100 * heads / people, money / heads, len(rows)

    high, low = part("hoch"), part("gering")
    valid = frame.dropna(subset=["need", "per_head"])
    # DataFrame.corr ranks in pandas itself; Series.corr(method="spearman") imports SciPy for it (1.7 s)
    rho = float(valid[["per_head", "need"]].corr("spearman").iat[0, 1])
    return Concentration(year, total, high[0], low[0], high[1], low[1], high[2], low[2], rho, high[3], low[3])
