"""Handlungsempfehlungen (data/recommendations.yml): what the focus groups propose, what it costs, what became of it.

The county counts its recommendations in one way ("46 entwickelt, davon 21 beschlossen und umgesetzt, 11 in
Beratung"); ``Tally`` computes exactly those figures from the dated status history, so the site never states a
count that the data does not hold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .problems import Collector

# status -> (label for readers, statuses that may follow it)
STATUSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "entwickelt": ("entwickelt", ("in_beratung",)),
    "in_beratung": ("in Beratung", ("beschlossen", "abgelehnt")),
    "beschlossen": ("beschlossen", ("umgesetzt",)),
    "umgesetzt": ("umgesetzt", ()),
    "abgelehnt": ("abgelehnt", ("in_beratung",)),  # decisions can be revised: a rejected one may come back
}


def status_label(status: str) -> str:
    return STATUSES[status][0]


@dataclass(frozen=True)
class Step:
    date: dt.date
    status: str
    note: str = ""

    @property
    def label(self) -> str:
        return status_label(self.status)


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    field: str
    group: str
    year: int
    text: str
    cost_once: float
    cost_yearly: float
    cost_note: str
    history: tuple[Step, ...]

    @property
    def status(self) -> str:
        """The current status: the newest step of the history."""
        return self.history[-1].status

    @property
    def status_text(self) -> str:
        return status_label(self.status)

    @property
    def since(self) -> dt.date:
        return self.history[-1].date


@dataclass(frozen=True)
class Tally:
    """The counts as the county reports them."""

    developed: int  # every recommendation was developed and went to the committees
    adopted: int  # beschlossen und umgesetzt (current status beschlossen or umgesetzt)
    implemented: int  # of those, already umgesetzt
    in_deliberation: int
    rejected: int
    waiting: int  # developed, not yet in deliberation


def tally(items: list[Recommendation]) -> Tally:
    def n(*statuses: str) -> int:
        return sum(1 for r in items if r.status in statuses)

    return Tally(len(items), n("beschlossen", "umgesetzt"), n("umgesetzt"), n("in_beratung"), n("abgelehnt"),
                 n("entwickelt"))


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load_recommendations(path: Path, fields: set[str], groups: set[str], out: Collector) -> list[Recommendation]:
    """Read and check the file; every problem goes to ``out`` with its line, bad entries are left out."""
    if not path.exists():
        return []
    doc, valid = schemas.load(path, "recommendations", out)
    if doc is None or not valid:
        return []
    result: list[Recommendation] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(doc.data["recommendations"]):
        where = lambda *key: doc.where(("recommendations", i, *key))  # noqa: E731
        ok = True
        if raw["id"] in seen:
            out.add(path, *where("id"),
                    f"Handlungsempfehlung „{raw['id']}“ ist doppelt (zuerst in Zeile {seen[raw['id']]})")
            ok = False
        seen.setdefault(raw["id"], where("id")[0])
        if raw["field"] not in fields:
            out.add(path, *where("field"), f"unbekanntes Handlungsfeld „{raw['field']}“")
            ok = False
        if raw["group"] not in groups:
            out.add(path, *where("group"), f"unbekannte Fokusgruppe „{raw['group']}“ (nicht in fokusgruppen.yml)")
            ok = False
        steps = tuple(Step(_date(s["date"]), s["status"], str(s.get("note", "")).strip()) for s in raw["history"])
        ok = _check_history(steps, lambda j, key: where("history", j, key), path, out) and ok
        if ok:
            cost = raw["cost"]
            result.append(Recommendation(
                raw["id"], raw["title"].strip(), raw["field"], raw["group"], int(raw["year"]), raw["text"].strip(),
                float(cost["once"]), float(cost["yearly"]), str(cost.get("note", "")).strip(), steps,
            ))
    return result


def _check_history(steps: tuple[Step, ...], where, path: Path, out: Collector) -> bool:
    """The history starts with "entwickelt", runs forward in time and only takes allowed steps."""
    ok = True
    if steps[0].status != "entwickelt":
        out.add(path, *where(0, "status"),
                f"der Verlauf muss mit „entwickelt“ beginnen, nicht mit „{steps[0].label}“")
        ok = False
    for j in range(1, len(steps)):
        before, step = steps[j - 1], steps[j]
        if step.date < before.date:
            out.add(path, *where(j, "date"), f"Datum {step.date.isoformat()} liegt vor dem vorigen Schritt "
                                             f"({before.date.isoformat()}); bitte zeitlich ordnen")
            ok = False
        if step.status not in STATUSES[before.status][1]:
            allowed = " oder ".join(f"„{status_label(s)}“" for s in STATUSES[before.status][1]) or "nichts mehr"
            out.add(path, *where(j, "status"), f"auf „{before.label}“ kann „{step.label}“ nicht folgen "
                                               f"(erlaubt: {allowed})")
            ok = False
    return ok
