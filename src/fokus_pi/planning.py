"""The planning side of the report, beside the figures: Handlungsfeld profiles (data/handlungsfelder.yml), the
focus groups (data/fokusgruppen.yml), their recommendations (data/recommendations.yml) and the county's social
spending (data/finanzen/). All files are optional, so a data set with figures only still builds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import schemas
from .areas import Register
from .catalogue import Catalogue
from .problems import Collector
from .recommendations import Recommendation, load_recommendations
from .spending import Spending, load_spending


@dataclass(frozen=True)
class KeyFigure:
    """One of the figures at the top of a Handlungsfeld page, computed from the data."""

    indicator: str
    label: str
    area: str
    part: str = "value"  # value, numerator or denominator of the indicator
    unit: str = ""


@dataclass(frozen=True)
class Interaction:
    field: str
    text: str


@dataclass(frozen=True)
class FieldProfile:
    id: str
    summary: str
    key_figures: tuple[KeyFigure, ...]
    interactions: tuple[Interaction, ...] = ()
    text: str = ""  # what the focus groups write about the field (Markdown, macros allowed)
    text_line: int = 0  # where ``text`` starts in the YAML file, for macro errors


@dataclass(frozen=True)
class Meeting:
    date: dt.date
    topic: str


@dataclass(frozen=True)
class FocusGroup:
    id: str
    title: str
    topic: str
    fields: tuple[str, ...]
    members: int
    meetings: tuple[Meeting, ...]
    chair: str = ""


@dataclass
class Planning:
    profiles: dict[str, FieldProfile] = field(default_factory=dict)
    groups: list[FocusGroup] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    spending: Spending | None = None
    profiles_path: Path | None = None

    def group(self, group_id: str) -> FocusGroup:
        return next(g for g in self.groups if g.id == group_id)

    def for_field(self, field_id: str) -> list[Recommendation]:
        return [r for r in self.recommendations if r.field == field_id]

    def for_group(self, group_id: str) -> list[Recommendation]:
        return [r for r in self.recommendations if r.group == group_id]

    def groups_for_field(self, field_id: str) -> list[FocusGroup]:
        return [g for g in self.groups if field_id in g.fields]


def load_planning(data_dir: Path, catalogue: Catalogue, register: Register, out: Collector) -> Planning | None:
    """Everything beside the figures; None when the data set has none of these files."""
    paths = [data_dir / n for n in ("handlungsfelder.yml", "fokusgruppen.yml", "recommendations.yml")]
    spending_dir = data_dir / "finanzen"
    if not any(p.exists() for p in paths) and not spending_dir.is_dir():
        return None
    fields = {f.id for f in catalogue.fields}
    groups = _load_groups(paths[1], fields, out)
    return Planning(
        profiles=_load_profiles(paths[0], catalogue, register, out),
        groups=groups,
        recommendations=load_recommendations(paths[2], fields, {g.id for g in groups}, out),
        spending=load_spending(spending_dir, out),
        profiles_path=paths[0],
    )


def _load_groups(path: Path, fields: set[str], out: Collector) -> list[FocusGroup]:
    if not path.exists():
        return []
    doc, valid = schemas.load(path, "fokusgruppen", out)
    if doc is None or not valid:
        return []
    result, seen = [], set()
    for i, raw in enumerate(doc.data["groups"]):
        ok = raw["id"] not in seen
        if not ok:
            out.add(path, *doc.where(("groups", i, "id")), f"Fokusgruppe „{raw['id']}“ ist doppelt")
        seen.add(raw["id"])
        for j, f in enumerate(raw["fields"]):
            if f not in fields:
                out.add(path, *doc.where(("groups", i, "fields", j)), f"unbekanntes Handlungsfeld „{f}“")
                ok = False
        meetings = tuple(sorted((Meeting(_date(m["date"]), m["topic"].strip()) for m in raw["meetings"]),
                                key=lambda m: m.date))
        if ok:
            result.append(FocusGroup(raw["id"], raw["title"].strip(), raw["topic"].strip(), tuple(raw["fields"]),
                                     int(raw["members"]), meetings, str(raw.get("chair", "")).strip()))
    return result


def _load_profiles(path: Path, catalogue: Catalogue, register: Register, out: Collector) -> dict[str, FieldProfile]:
    if not path.exists():
        return {}
    doc, valid = schemas.load(path, "handlungsfelder", out)
    if doc is None or not valid:
        return {}
    fields = {f.id for f in catalogue.fields}
    codes = register.known_codes()
    result: dict[str, FieldProfile] = {}
    for i, raw in enumerate(doc.data["fields"]):
        where = lambda *key: doc.where(("fields", i, *key))  # noqa: E731
        ok = True
        if raw["id"] not in fields:
            out.add(path, *where("id"), f"unbekanntes Handlungsfeld „{raw['id']}“ (nicht in indicators.yml)")
            ok = False
        elif raw["id"] in result:
            out.add(path, *where("id"), f"Handlungsfeld „{raw['id']}“ ist doppelt")
            ok = False
        figures = []
        for j, kf in enumerate(raw["key_figures"]):
            area = str(kf.get("area", register.kreis.code))
            part = kf.get("part", "value")
            if kf["indicator"] not in catalogue.by_id:
                out.add(path, *where("key_figures", j, "indicator"), f"unbekannte Kennzahl „{kf['indicator']}“")
                ok = False
            if area not in codes:
                out.add(path, *where("key_figures", j, "area"), f"unbekanntes Gebiet „{area}“")
                ok = False
            if part != "value" and "unit" not in kf:
                out.add(path, *where("key_figures", j, "part"), "bei Zähler oder Nenner die Einheit (unit) angeben")
                ok = False
            figures.append(KeyFigure(kf["indicator"], kf["label"], area, part, kf.get("unit", "")))
        interactions = []
        for j, inter in enumerate(raw.get("interactions", [])):
            if inter["field"] not in fields or inter["field"] == raw["id"]:
                out.add(path, *where("interactions", j, "field"),
                        f"Wechselwirkung mit unbekanntem oder demselben Handlungsfeld „{inter['field']}“")
                ok = False
            interactions.append(Interaction(inter["field"], inter["text"].strip()))
        if ok:
            result[raw["id"]] = FieldProfile(raw["id"], raw["summary"].strip(), tuple(figures), tuple(interactions),
                                             str(raw.get("text", "")).strip(), _block_start(doc, ("fields", i, "text")))
    return result


def _block_start(doc, key: tuple) -> int:
    """First line of a text value: the key's line, or the next one for a block scalar (| or >)."""
    if key not in doc.marks:
        return 0
    line, _ = doc.marks[key]
    source = doc.path.read_text(encoding="utf-8").splitlines()
    rest = source[line - 1].split(":", 1)[-1].strip() if line <= len(source) else ""
    return line + 1 if rest[:1] in ("|", ">") else line


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
