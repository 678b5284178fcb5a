"""Demo directory of help services (data/services.yml and data/services.csv) for the Hilfeportal.

About 150 invented services in eight kinds, placed in the real Gemeinden (more in the towns, as in reality, so
the coverage analysis finds gaps) at points inside each Gemeinde's demo shape. Everything is visibly invented:
names start with "Beispiel-", phone numbers are 04101 0000-xxx, addresses and web sites use example.org."""

from __future__ import annotations

import csv
import datetime as dt
import io

import numpy as np
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from .population import Gemeinde
from .values import _stream

STAND = dt.date(2026, 10, 1)
# id, title, name stem, count, population exponent (above 1: concentrated in the towns), target groups (free text)
KINDS = (
    ("schuldnerberatung", "Schuldnerberatung", "Beispiel-Schuldnerberatung", 12, 1.4, "Erwachsene; Familien"),
    ("erziehungsberatung", "Erziehungsberatung", "Beispiel-Erziehungsberatungsstelle", 14, 1.3,
     "Eltern; Kinder und Jugendliche"),
    ("pflegestuetzpunkt", "Pflegestützpunkt", "Beispiel-Pflegestützpunkt", 9, 1.5,
     "Pflegebedürftige; Angehörige"),
    ("migrationsberatung", "Migrationsberatung", "Beispiel-Migrationsberatung", 16, 1.4,
     "Zugewanderte; Geflüchtete"),
    ("tafel", "Tafel", "Beispiel-Tafel", 17, 1.1, "Menschen mit geringem Einkommen"),
    ("jugendzentrum", "Jugendzentrum", "Beispiel-Jugendzentrum", 38, 0.8, "Jugendliche von 10 bis 21 Jahren"),
    ("suchtberatung", "Suchtberatung", "Beispiel-Suchtberatung", 11, 1.5, "Betroffene; Angehörige"),
    ("fruehe-hilfen", "Frühe Hilfen", "Beispiel-Familienbüro Frühe Hilfen", 33, 1.0,
     "Schwangere; Familien mit Kindern bis 3 Jahre"),
)
YAML = f"""\
description: >-
  Beratungsstellen und Hilfeangebote im Kreis: wer hilft wo, für wen, in welchen Sprachen und wie erreichbar.
  Demodaten: Alle Einträge sind erfunden (Namen mit „Beispiel“, Telefonnummern 04101 0000-…, Web- und
  E-Mail-Adressen bei example.org).
source: Kreis Pinneberg, Stabsstelle Sozialplanung und Steuerung (Demodaten)
stand: {STAND.isoformat()}
stale_after_months: 12
need: sozialformel
categories:
- id: schuldnerberatung
  title: Schuldnerberatung
  description: Beratung bei Überschuldung, Verbraucherinsolvenz und drohender Stromsperre.
  target_group: {{indicator: einwohner, part: value, label: Einwohnerinnen und Einwohner}}
- id: erziehungsberatung
  title: Erziehungsberatung
  description: Beratung für Eltern, Kinder und Jugendliche bei Fragen der Erziehung, Trennung und Scheidung.
  target_group: {{indicator: anteil-unter-18, part: numerator, label: Kinder und Jugendliche unter 18 Jahren}}
- id: pflegestuetzpunkt
  title: Pflegestützpunkt
  description: Unabhängige Pflegeberatung für Pflegebedürftige und ihre Angehörigen.
  target_group: {{indicator: anteil-65-plus, part: numerator, label: Menschen ab 65 Jahren}}
- id: migrationsberatung
  title: Migrationsberatung
  description: Beratung für Zugewanderte und Geflüchtete zu Aufenthalt, Sprache, Arbeit und Wohnen.
  target_group: {{indicator: auslaenderanteil, part: numerator, label: Ausländerinnen und Ausländer}}
- id: tafel
  title: Tafel
  description: Ausgabe gespendeter Lebensmittel an Menschen mit geringem Einkommen.
  target_group: {{indicator: sgb-ii-quote, part: numerator, label: Personen in SGB-II-Bedarfsgemeinschaften}}
- id: jugendzentrum
  title: Jugendzentrum
  description: Offene Kinder- und Jugendarbeit mit Treffpunkt, Freizeitangeboten und Beratung.
  target_group: {{indicator: schulsozialarbeit, part: denominator, label: Kinder und Jugendliche von 6 bis unter 18 Jahren}}
- id: suchtberatung
  title: Suchtberatung
  description: Beratung und Vermittlung bei Abhängigkeit von Alkohol, Drogen, Medikamenten und Glücksspiel.
  target_group: {{indicator: einwohner, part: value, label: Einwohnerinnen und Einwohner}}
- id: fruehe-hilfen
  title: Frühe Hilfen
  description: Begleitung von Schwangeren und Familien mit Kindern bis drei Jahre, etwa durch Familienhebammen.
  target_group: {{indicator: kita-plaetze, part: denominator, label: Kinder unter 6 Jahren}}
"""
PROVIDERS = ("Beispiel-Sozialwerk e. V.", "Muster-Beratungsdienste gGmbH", "Beispiel-Familienhilfe e. V.",
             "Kreis Pinneberg (Demo-Eintrag)", "Beispiel-Jugendwerk e. V.", "Muster-Nachbarschaftshilfe e. V.")
STREETS = ("Beispielstraße", "Musterweg", "Am Beispielplatz", "Demoallee", "Probeweg", "Modellring")
HOURS = ("Mo–Fr 9–12 Uhr, Do 14–18 Uhr", "Di und Do 10–16 Uhr", "nach Vereinbarung", "Mo, Mi 9–13 Uhr",
         "Mo–Do 8–15 Uhr, Fr 8–12 Uhr")
YOUTH_HOURS = ("Mo–Fr 14–19 Uhr", "Di–Sa 15–21 Uhr", "Mo, Mi, Fr 14–20 Uhr")
LANGUAGES = ("Englisch", "Türkisch", "Arabisch", "Russisch", "Polnisch", "Ukrainisch", "Farsi")
COLUMNS = ("name", "category", "target_groups", "provider", "address", "ags", "lat", "lon", "phone", "email",
           "web", "hours", "languages", "barrier_free", "verified")
SPREAD_KM = 0.9  # points scatter around the centre like town centres do


def _place(rng: np.random.Generator, g: Gemeinde, area: BaseGeometry) -> tuple[float, float]:
    """A point near the Gemeinde's centre, inside its shape (also after rounding to 5 decimals)."""
    dy = SPREAD_KM / 110.57
    dx = dy / np.cos(np.radians(g.lat))
    for _ in range(200):
        lon, lat = round(g.lon + rng.normal(0, dx), 5), round(g.lat + rng.normal(0, dy), 5)
        if area.contains(Point(lon, lat)):
            return lat, lon
    inner = area.representative_point()
    return round(inner.y, 5), round(inner.x, 5)


def _gemeinden_for(rng: np.random.Generator, gemeinden: list[Gemeinde], count: int, power: float) -> list[int]:
    """Which Gemeinde each service stands in: drawn by population to a power, then in register order."""
    weight = np.array([g.pop_2023 for g in gemeinden], dtype=float) ** power
    return sorted(rng.choice(len(gemeinden), size=count, p=weight / weight.sum()).tolist())


def services_csv(gemeinden: list[Gemeinde], shapes: dict[str, BaseGeometry], seed: int) -> str:
    """One row per service, by kind and Gemeinde; deterministic for the seed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    number = 0
    for kind, title, stem, count, power, groups in KINDS:
        rng = _stream(seed, f"services-{kind}")
        seen: dict[str, int] = {}
        for i in _gemeinden_for(rng, gemeinden, count, power):
            g = gemeinden[i]
            number += 1
            seen[g.ags] = seen.get(g.ags, 0) + 1
            name = f"{stem} {g.name}" + (f" (Standort {seen[g.ags]})" if seen[g.ags] > 1 else "")
            lat, lon = _place(rng, g, shapes[g.ags])
            provider = f"Stadt/Gemeinde {g.name} (Demo-Eintrag)" if kind == "jugendzentrum" and rng.random() < 0.5 \
                else PROVIDERS[int(rng.integers(len(PROVIDERS)))]
            extra = rng.permutation(len(LANGUAGES))[: int(rng.integers(2, 6) if kind == "migrationsberatung"
                                                         else rng.integers(0, 3))]
            languages = "; ".join(["Deutsch"] + [LANGUAGES[j] for j in sorted(extra)])
            pool = YOUTH_HOURS if kind == "jugendzentrum" else HOURS
            hours = pool[int(rng.integers(len(pool)))]
            stale = rng.random() < 0.15
            days = int(rng.integers(380, 720) if stale else rng.integers(7, 330))
            web = f"https://example.org/hilfeportal/{kind}-{number:03d}" if rng.random() < 0.8 else ""
            writer.writerow([
                name, kind, groups, provider,
                f"{STREETS[int(rng.integers(len(STREETS)))]} {int(rng.integers(1, 120))}, {g.name}",
                g.ags, f"{lat:.5f}", f"{lon:.5f}", f"04101 0000-{number:03d}", f"beratung-{number:03d}@example.org",
                web, hours, languages, ("ja", "teilweise", "nein")[int(rng.choice(3, p=[0.55, 0.25, 0.2]))],
                (STAND - dt.timedelta(days=days)).isoformat(),
            ])
    return buffer.getvalue()


def files(gemeinden: list[Gemeinde], shapes: dict[str, BaseGeometry], seed: int) -> dict[str, str]:
    """Relative path -> text of the demo directory."""
    return {"services.yml": YAML, "services.csv": services_csv(gemeinden, shapes, seed)}
