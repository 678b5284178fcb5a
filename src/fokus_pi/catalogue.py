"""The indicator catalogue (data/indicators.yml): what each Kennzahl means and how it is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schemas
from .problems import Collector

KINDS = ("count", "share", "rate", "amount", "index")
DIRECTIONS = ("higher_is_better", "higher_is_worse", "neutral")


@dataclass(frozen=True)
class Field:
    """A Handlungsfeld (policy field) or a context section such as Demographie."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Break:
    year: int
    note: str


@dataclass(frozen=True)
class Indicator:
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
    numerator: str | None = None
    denominator: str | None = None
    per: float | None = None
    notes: str = ""
    breaks: tuple[Break, ...] = ()
    confidential: bool = True  # counts people: small numbers are suppressed (disclosure.py)

    @property
    def multiplier(self) -> float | None:
        """Factor between numerator/denominator and value (100 for shares, 1,000 for rates by default)."""
        if self.kind == "share":
            return 100.0
        if self.kind == "rate":
            return float(self.per or 1000)
        if self.kind == "amount" and self.numerator:
            return float(self.per or 1)
        return None

    def break_years(self) -> set[int]:
        return {b.year for b in self.breaks}


@dataclass(frozen=True)
class Catalogue:
    fields: tuple[Field, ...]
    indicators: tuple[Indicator, ...]
    by_id: dict[str, Indicator] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id.update({i.id: i for i in self.indicators})

    def field(self, field_id: str) -> Field:
        return next(f for f in self.fields if f.id == field_id)

    def in_field(self, field_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.field == field_id]


def load_catalogue(path: Path, out: Collector) -> Catalogue:
    """Read and check the catalogue; problems go to ``out`` and bad entries are left out."""
    doc, _ = schemas.load(path, "indicators", out)
    if doc is None or not isinstance(doc.data, dict):
        return Catalogue((), ())
    data = doc.data or {}
    fields: list[Field] = []
    for i, raw in enumerate(data.get("fields") or []):
        if not isinstance(raw, dict) or "id" not in raw:
            continue
        if any(f.id == raw["id"] for f in fields):
            out.add(path, *doc.where(("fields", i, "id")), f"Handlungsfeld „{raw['id']}“ ist doppelt")
            continue
        fields.append(Field(str(raw["id"]), str(raw.get("title", raw["id"])), str(raw.get("description", ""))))
    known_fields = {f.id for f in fields}
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("indicators") or []):
        where = lambda key: doc.where(("indicators", i, key))  # noqa: E731
        if not isinstance(raw, dict) or not all(k in raw for k in ("id", "kind", "field")):
            continue
        if raw["id"] in seen:
            out.add(path, *where("id"), f"Kennzahl „{raw['id']}“ ist doppelt")
            continue
        seen.add(raw["id"])
        if raw["field"] not in known_fields:
            out.add(path, *where("field"), f"unbekanntes Handlungsfeld „{raw['field']}“")
        if raw["kind"] == "share" and raw.get("per", 100) != 100:
            out.add(path, *where("per"), "ein Anteil (share) bezieht sich immer auf 100")
        try:
            indicators.append(_indicator(raw))
        except (TypeError, ValueError):
            continue  # malformed beyond repair; the schema check has said what is wrong
    return Catalogue(tuple(fields), tuple(indicators))


def _indicator(raw: dict) -> Indicator:
    """Build an entry even when optional or descriptive keys are missing: the schema check has reported
    them, and keeping the entry spares the planner one follow-up error per value row."""
    text = lambda key: str(raw.get(key) or "").strip()  # noqa: E731
    breaks = tuple(Break(int(b["year"]), str(b["note"])) for b in raw.get("breaks") or [] if "year" in b)
    return Indicator(
        id=raw["id"], title=text("title") or raw["id"], short_title=text("short_title") or raw["id"],
        unit=text("unit"), field=raw["field"], description=text("description"), source=text("source"),
        kind=raw["kind"], direction=raw.get("direction") if raw.get("direction") in DIRECTIONS else "neutral",
        decimals=int(raw.get("decimals") or 0), numerator=raw.get("numerator"), denominator=raw.get("denominator"),
        per=raw.get("per"), notes=text("notes"), breaks=tuple(sorted(breaks, key=lambda b: b.year)),
        confidential=bool(raw.get("confidential", True)),
    )
