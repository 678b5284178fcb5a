"""Demo funding for the programme "Elternberatung in der Kita": money that follows demand, not need.

The county found that most of this programme's money went to its richest areas, because well-off parents ask for
counselling more often. The demo reproduces that pattern: the amount per child grows with the Gemeinde's income."""

from __future__ import annotations

import numpy as np

from .population import YEARS
from .values import Engine, _stream

PROGRAMME = "elternberatung-in-der-kita"
FIRST_YEAR = 2019
YAML = """\
title: Elternberatung in der Kita
description: >-
  Der Kreis fördert Beratungsstunden für Eltern in Kindertagesstätten. Das Angebot soll vor allem Familien in
  schwierigen Lebenslagen erreichen.
source: Kreis Pinneberg, Fachdienst Jugend (Förderdaten, Demodaten)
target_group:
  indicator: kita-plaetze
  part: denominator
  label: Kinder unter 6 Jahren
need: sozialformel
"""


def funding_csv(engine: Engine) -> str:
    """ags,year,amount for every Gemeinde with a participating Kita, 2019 to the last year."""
    children = engine.series("kita-plaetze").den
    earnings = engine.series("einkuenfte")
    assert children is not None and earnings.num is not None and earnings.den is not None
    income = earnings.num / np.maximum(earnings.den, 1)
    rng = _stream(engine.seed, PROGRAMME)
    relative = income / np.nanmean(income, axis=0)
    participates = rng.random(len(engine.gemeinden)) < 0.8
    lines = ["ags,year,amount\n"]
    for j, year in enumerate(YEARS):
        if year < FIRST_YEAR:
            continue
        per_child = 9.0 * relative[:, j] ** 4 * rng.lognormal(0.0, 0.15, len(engine.gemeinden))
        budget_growth = 1.0 + 0.04 * (year - FIRST_YEAR)
        for i, g in enumerate(engine.gemeinden):
            if participates[i] and children[i, j] > 0:
                amount = round(float(per_child[i] * children[i, j] * budget_growth), -1)
                lines.append(f"{g.ags},{year},{amount:.0f}\n")
    return "".join(lines)
