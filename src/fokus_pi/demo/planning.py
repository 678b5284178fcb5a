"""Demo planning data: Handlungsfeld profiles, focus groups, recommendations and social spending by area.

Dates and costs come from a seeded generator, so the files are byte-identical on every run. The social spending
adds up, year by year, to the Kreis total of the indicator ``sozialausgaben`` in the values."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import yaml

from .field_texts import PROFILES
from .planning_texts import GROUPS, RECOMMENDATIONS
from .population import YEARS
from .values import Engine, _stream

STICHTAG = dt.date(2026, 6, 30)  # nothing in the demo history lies after the newest snapshot

# id, title, description, share of the total in 2015, yearly growth relative to the total
SPENDING_AREAS = (
    ("kosten-der-unterkunft", "Kosten der Unterkunft (SGB II)",
     "Miete und Heizung für Bedarfsgemeinschaften im Bürgergeld, soweit der Kreis sie trägt.", 0.17, -0.015),
    ("grundsicherung", "Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)",
     "Der Bund erstattet die Nettoausgaben; sie stehen hier brutto.", 0.12, 0.005),
    ("hilfe-zur-pflege", "Hilfe zur Pflege (SGB XII)", "Pflegekosten, die weder Pflegekasse noch Einkommen decken.",
     0.07, 0.02),
    ("eingliederungshilfe", "Eingliederungshilfe (SGB IX)", "Leistungen für Menschen mit Behinderungen.", 0.24, 0.025),
    ("jugendhilfe", "Kinder- und Jugendhilfe (SGB VIII)", "Hilfen zur Erziehung, Inobhutnahmen, Jugendarbeit.",
     0.17, 0.01),
    ("kindertagesbetreuung", "Kindertagesbetreuung", "Zuschüsse des Kreises an Kitas und Kindertagespflege.", 0.15,
     0.0),
    ("asylbewerberleistungen", "Leistungen nach dem Asylbewerberleistungsgesetz",
     "Unterkunft, Verpflegung und Gesundheitsversorgung von Asylsuchenden.", 0.08, -0.03),
)


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as literal blocks, so planners can edit paragraphs."""


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _str)


def _dump(doc: Any) -> str:
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)


def handlungsfelder_yml() -> str:
    fields = []
    for field_id, p in PROFILES.items():
        entry: dict[str, Any] = {"id": field_id, "summary": p["summary"]}
        entry["interactions"] = [{"field": f, "text": t} for f, t in p.get("interactions", [])]
        figures = []
        for kf in p["key_figures"]:
            fig: dict[str, Any] = {"indicator": kf[0], "label": kf[1]}
            if len(kf) > 2:
                fig.update(part=kf[2], unit=kf[3])
            figures.append(fig)
        entry["key_figures"] = figures
        if "text" in p:
            entry["text"] = p["text"] + "\n"
        fields.append(entry)
    return _dump({"fields": fields})


MEETING_TOPICS = (
    "Auswertung des Digitalen Sozialberichts {year}",
    "Fachaustausch: {topic}",
    "Handlungsempfehlungen für den Fokusbericht {year}",
    "Rückblick und Arbeitsplanung {next}",
)


def fokusgruppen_yml() -> str:
    groups = []
    for k, (gid, title, topic, fields, members, chair) in enumerate(GROUPS):
        meetings = []
        for year in (2024, 2025, 2026):
            for m, month in enumerate((2, 5, 9, 11)):
                day = dt.date(year, month, 3 + (k * 2 + m) % 24)
                if day > STICHTAG:
                    continue
                short = topic.split(",")[0].split(" von ")[0].rstrip(".")
                meetings.append({"date": day.isoformat(),
                                 "topic": MEETING_TOPICS[m].format(year=year, next=year + 1, topic=short)})
        groups.append({"id": gid, "title": title, "topic": topic, "fields": list(fields), "members": members,
                       "chair": chair, "meetings": meetings})
    return _dump({"groups": groups})


STEP_NOTES = {
    "entwickelt": "Im Fokusbericht {year} vorgelegt",
    "in_beratung": "Beratung im Ausschuss für Soziales und Gesundheit",
    "beschlossen": "Beschluss des Kreistags",
    "umgesetzt": "Umsetzung begonnen; Mittel im Haushalt",
    "abgelehnt": "Im Ausschuss abgelehnt",
}
PATHS = {
    "E": ("entwickelt",),
    "R": ("entwickelt", "in_beratung"),
    "A": ("entwickelt", "in_beratung", "abgelehnt"),
    "AR": ("entwickelt", "in_beratung", "abgelehnt", "in_beratung"),
    "B": ("entwickelt", "in_beratung", "beschlossen"),
    "U": ("entwickelt", "in_beratung", "beschlossen", "umgesetzt"),
}
GAPS = {"in_beratung": (30, 70), "beschlossen": (60, 150), "umgesetzt": (120, 400), "abgelehnt": (40, 120)}


def _history(rng: np.random.Generator, year: int, path: tuple[str, ...]) -> list[dict[str, str]]:
    day = dt.date(year, 9, 1) + dt.timedelta(days=int(rng.integers(0, 30)))
    steps = [{"date": day.isoformat(), "status": path[0], "note": STEP_NOTES[path[0]].format(year=year)}]
    for status in path[1:]:
        low, high = GAPS.get(status, (200, 400)) if steps[-1]["status"] != "abgelehnt" else (250, 400)
        day = min(day + dt.timedelta(days=int(rng.integers(low, high))), STICHTAG)
        note = STEP_NOTES[status]
        if status == "in_beratung" and steps[-1]["status"] == "abgelehnt":
            note = "Erneut beraten mit geänderter Finanzierung"
        steps.append({"date": day.isoformat(), "status": status, "note": note})
    return steps


def recommendations_yml(seed: int) -> str:
    rng = _stream(seed, "recommendations")
    items, counters = [], {}
    for field, group, year, status, title, text in RECOMMENDATIONS:
        counters[year] = counters.get(year, 0) + 1
        once = 0 if rng.random() < 0.4 else int(round(rng.uniform(5_000, 250_000), -3))
        yearly = int(round(float(rng.lognormal(np.log(90_000), 0.9)), -3))
        items.append({
            "id": f"he-{year}-{counters[year]:02d}", "title": title, "field": field, "group": group, "year": year,
            "text": text, "cost": {"once": once, "yearly": yearly},
            "history": _history(rng, year, PATHS[status]),
        })
    return _dump({"recommendations": items})


def sozialausgaben_yml() -> str:
    doc = {
        "title": "Sozialausgaben des Kreises",
        "description": "Aufwendungen des Kreises für soziale Leistungen nach Leistungsbereichen, in Euro "
                       "(Demodaten: erfunden, die Summe entspricht der Kennzahl Sozialausgaben).",
        "source": "Kreis Pinneberg – Fachdienst Finanzen, Haushaltsrechnung (Demodaten)",
        "budget": "Ordentliche Aufwendungen des Kreishaushalts",
        "areas": [{"id": a, "title": t, "description": d} for a, t, d, _, _ in SPENDING_AREAS],
    }
    return _dump(doc)


def sozialausgaben_csv(engine: Engine) -> str:
    """One row per year; the areas split the Kreis total of ``sozialausgaben``, the budget is about 4/3 of it."""
    ind = engine.by_id["sozialausgaben"]
    totals = engine.kreis(ind, engine.series(ind.id)).num
    rng = _stream(engine.seed, "sozialausgaben")
    base = np.array([a[3] for a in SPENDING_AREAS])
    growth = np.array([a[4] for a in SPENDING_AREAS])
    lines = ["year,budget," + ",".join(a[0] for a in SPENDING_AREAS) + "\n"]
    for j, year in enumerate(YEARS):
        weights = base * (1 + growth) ** j * np.exp(rng.normal(0, 0.01, len(base)))
        total = int(totals[j])
        parts = np.floor(total * weights / weights.sum()).astype(np.int64)
        parts[0] += total - int(parts.sum())  # the rounding remainder, so the areas add up exactly
        budget = int(round(total / (0.70 + 0.006 * j + float(rng.normal(0, 0.004))), -3))
        lines.append(f"{year},{budget}," + ",".join(str(int(p)) for p in parts) + "\n")
    return "".join(lines)


def files(engine: Engine) -> dict[str, str]:
    """Relative path -> text of every planning file of the demo data."""
    return {
        "handlungsfelder.yml": handlungsfelder_yml(),
        "fokusgruppen.yml": fokusgruppen_yml(),
        "recommendations.yml": recommendations_yml(engine.seed),
        "finanzen/sozialausgaben.yml": sozialausgaben_yml(),
        "finanzen/sozialausgaben.csv": sozialausgaben_csv(engine),
    }
