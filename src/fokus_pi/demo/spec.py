"""Data classes for the demo catalogue: what readers see (Indicator) and how figures are invented (Model).

Keeping the generation parameters next to the reader-facing metadata makes each indicator one readable
entry; the engine in values.py only interprets these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .population import YEARS


@dataclass(frozen=True)
class Field:
    """A Handlungsfeld (or Demographie / Finanzen) as shown to readers."""

    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Model:
    """How the demo figures of one indicator are drawn.

    num/den name a population group from population.groups() or, with a leading "@", the numerator of
    another indicator. level is the Kreis value in display units in 2015 (counts: per 1,000 of den);
    trend is an annual relative change or the name of a shape in TRENDS; load are log-scale loadings on
    the Gemeinde profile factors.
    """

    num: str | None = None
    den: str | None = None
    den_scale: float = 1.0
    level: float = 0.0
    trend: float | str = 0.0
    load: dict[str, float] = field(default_factory=dict)
    idio: float = 0.10          # persistent Gemeinde effect (sd, log scale)
    drift: float = 0.008        # Gemeinde-specific annual drift (sd, log scale)
    noise: float = 0.03         # year-to-year noise (sd, log scale)
    cap: float = 0.995          # upper bound for share probabilities
    ref: tuple[float | None, float | None] = (1.04, 1.07)   # Land, Bund relative to Kreis; None: "x"
    ref_fixed: tuple[float | None, float | None] = (None, None)
    secret: bool = False        # Bundesagentur für Arbeit: counts of 1 or 2 are secret
    unsure_below: int = 0       # denominators below this are too small: "unsicher"
    zero_nothing: bool = False  # a count of 0 is published as "–" (nichts)
    island: bool = False        # meaningless for Helgoland (no cars, no buses)
    stock: bool = False         # a stock (places, doctors, clubs): rounded expectation, no sampling noise
    signed: bool = False        # a balance that may be negative; only for kind "index" (value only)
    special: str | None = None  # "pop", "popindex", "mean_age"
    unknown: tuple[tuple[str, int], ...] = ()   # (ags, year) without a report: "unbekannt"
    pending_latest: bool = False  # the newest year is not yet published: "folgt"
    revise: tuple[int, ...] = ()  # years whose values the newest snapshot revises


@dataclass(frozen=True)
class Indicator:
    """One Kennzahl with everything indicators.yml shows, plus its generation model."""

    id: str
    title: str
    short_title: str
    unit: str
    field: str
    description: str
    source: str
    kind: str
    direction: str
    decimals: int
    model: Model
    numerator: str | None = None
    denominator: str | None = None
    per: int | None = None
    notes: str | None = None
    breaks: tuple[tuple[int, str], ...] = ()
    new: bool = False


NEW_NOTE = "Neu ab dem Bericht 2026."
ZENSUS_BREAK = (2022, "Ab 2022 Bevölkerungszahlen auf Basis des Zensus 2022.")

# Multipliers relative to 2015 for 2015..2025; events: refugees 2015/16, Covid 2020/21, Ukraine 2022.
TRENDS: dict[str, tuple[float, ...]] = {
    "sgb2": (1.00, 1.03, 1.04, 0.99, 0.94, 0.96, 0.94, 0.99, 1.05, 1.07, 1.08),
    "alq": (1.00, 0.97, 0.92, 0.86, 0.84, 1.02, 0.96, 0.90, 0.96, 1.02, 1.06),
    "alq_young": (1.00, 0.96, 0.90, 0.84, 0.82, 1.05, 0.96, 0.88, 0.95, 1.02, 1.05),
    "long_term": (1.00, 0.98, 0.95, 0.90, 0.86, 0.95, 1.10, 1.02, 0.93, 0.92, 0.95),
    "refugees": (1.00, 1.25, 1.05, 0.95, 0.90, 0.88, 0.90, 1.90, 2.00, 1.95, 1.85),
    "asylum": (1.00, 0.90, 0.60, 0.50, 0.45, 0.42, 0.45, 0.70, 0.80, 0.70, 0.60),
    "migration": (2.40, 1.30, 1.00, 1.00, 0.90, 0.80, 1.00, 2.20, 1.10, 0.90, 0.80),
    "births": (1.00, 1.05, 1.06, 1.05, 1.04, 1.05, 1.08, 0.98, 0.92, 0.89, 0.87),
    "housing_benefit": (1.00, 1.18, 1.12, 1.05, 0.98, 1.15, 1.12, 1.05, 1.95, 2.05, 2.00),
    "covid_dip": (1.00, 1.00, 1.01, 1.01, 1.02, 0.97, 0.95, 0.99, 1.02, 1.04, 1.05),
    "construction": (1.00, 1.10, 1.15, 1.20, 1.25, 1.30, 1.25, 1.20, 1.05, 0.85, 0.75),
    "naturalisation": (1.00, 1.00, 1.02, 1.05, 1.10, 0.95, 1.20, 1.50, 1.90, 2.60, 2.80),
    "custody": (1.00, 1.25, 1.00, 0.85, 0.80, 0.78, 0.80, 0.95, 1.00, 0.95, 0.92),
    "insolvency": (1.00, 0.95, 0.90, 0.85, 0.80, 0.72, 1.25, 0.80, 0.85, 0.90, 0.92),
    "care": (1.00, 1.06, 1.20, 1.28, 1.36, 1.44, 1.52, 1.60, 1.66, 1.72, 1.78),
    "care80": (1.00, 1.04, 1.14, 1.19, 1.23, 1.27, 1.31, 1.34, 1.37, 1.40, 1.42),
    "charging": (1.00, 1.60, 2.40, 3.40, 5.00, 8.00, 12.0, 16.0, 19.0, 23.0, 27.0),
    "foreigners": (1.00, 1.08, 1.12, 1.17, 1.21, 1.24, 1.28, 1.45, 1.52, 1.60, 1.65),
    "integration": (1.00, 1.50, 1.40, 1.10, 1.00, 0.60, 0.90, 1.30, 1.60, 1.40, 1.20),
    "courses": (1.00, 1.02, 1.03, 1.04, 1.05, 0.55, 0.70, 0.95, 1.02, 1.05, 1.06),
}
assert all(len(v) == len(YEARS) for v in TRENDS.values())

_MODEL_KEYS = set(Model.__dataclass_fields__)


def ind(id: str, short_title: str, title: str, unit: str, field: str, kind: str, direction: str,
        decimals: int, source: str, description: str, **kw: Any) -> Indicator:
    """Build an Indicator; keyword arguments named like Model fields go to the Model."""
    model = Model(**{k: v for k, v in kw.items() if k in _MODEL_KEYS})
    rest = {k: v for k, v in kw.items() if k not in _MODEL_KEYS}
    if kind == "share":
        rest.setdefault("per", 100)
    elif kind == "rate":
        rest.setdefault("per", 1000)
    if rest.get("new"):
        rest.setdefault("notes", NEW_NOTE)
    return Indicator(id=id, title=title, short_title=short_title, unit=unit, field=field,
                     description=description, source=source, kind=kind, direction=direction,
                     decimals=decimals, model=model, **rest)
