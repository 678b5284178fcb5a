"""Values for planning areas and groups of Gemeinden, built from the Gemeinden's own rows.

Counts are summed; shares, rates and amounts come from summed numerators over summed denominators (never a mean
of rates). An area gets a value only when every member has one: a sum over a secret or missing member would be
wrong, and could give the secret away. Rows the snapshot already holds for an area are kept as delivered."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .catalogue import Catalogue


def aggregate(values: pd.DataFrame, catalogue: Catalogue, members: dict[str, dict[int, list[str]] | list[str]]) -> pd.DataFrame:
    """Rows for each area in ``members`` (area id -> Gemeinde AGS, or year -> AGS for groups that change)."""
    kinds = {i.id: i for i in catalogue.indicators}
    links = []
    for area, spec in members.items():
        by_year = spec if isinstance(spec, dict) else {None: spec}
        for year, agss in by_year.items():
            links.extend({"member": ags, "group": area, "gyear": year, "size": len(agss)} for ags in agss)
    if not links:
        return values.iloc[0:0]
    link = pd.DataFrame(links)
    rows = values.merge(link, left_on="area", right_on="member")
    rows = rows[rows["gyear"].isna() | (rows["gyear"] == rows["year"])]
    rows = rows.assign(
        kind=rows["indicator"].map({k: i.kind for k, i in kinds.items()}),
        has_value=rows["value"].notna() & (rows["flag"] == ""),
        has_fraction=rows["numerator"].notna() & rows["denominator"].notna(),
    )
    rows = rows[rows["kind"] != "index"]  # an index has no general rule to combine; it is recomputed elsewhere
    grouped = rows.groupby(["indicator", "group", "year"], sort=True)
    out = grouped.agg(
        n=("member", "size"), size=("size", "first"), kind=("kind", "first"), valued=("has_value", "sum"),
        fractions=("has_fraction", "sum"), total=("value", "sum"), numerator=("numerator", "sum"),
        denominator=("denominator", "sum"),
    ).reset_index()
    per = out["indicator"].map({k: i.multiplier or np.nan for k, i in kinds.items()}).astype(float)
    complete = (out["n"] == out["size"]) & (out["valued"] == out["size"])
    counts = out["kind"] == "count"
    ratio = ~counts & (out["fractions"] == out["size"]) & (out["denominator"] > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["value"] = np.where(complete & counts, out["total"],
                                np.where(complete & ratio, per * out["numerator"] / out["denominator"], np.nan))
    out.loc[counts | ~ratio, ["numerator", "denominator"]] = np.nan
    out["flag"] = np.where(out["value"].isna(), "unbekannt", "")
    result = out.rename(columns={"group": "area"})[values.columns]
    key = ["indicator", "area", "year"]
    keep = ~pd.MultiIndex.from_frame(result[key]).isin(pd.MultiIndex.from_frame(values[key]))
    return result[keep]
