"""The directory of local help services (Hilfeportal): data/services.yml (kinds of service, target groups,
the directory's date) and data/services.csv (one service per row, with its place on the map).

Both files are optional; without them the site has no Hilfeportal. Every row is checked like the figures,
with file, line and column: a known kind and Gemeinde, coordinates inside the Kreis, well-formed phone
numbers, e-mail and web addresses, and a date of the last check that is not after the directory's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import shapely
from shapely.geometry import Point, shape

from . import schemas
from .areas import Register, slug
from .catalogue import Catalogue
from .problems import Collector
from .tables import Table, read_table

META_FILE, TABLE_FILE = "services.yml", "services.csv"
REQUIRED = ("name", "category", "provider", "address", "ags", "lat", "lon", "verified")
OPTIONAL = ("id", "target_groups", "phone", "email", "web", "hours", "languages", "barrier_free")
BARRIER_FREE = {"ja": "barrierefrei", "teilweise": "teilweise barrierefrei", "nein": "nicht barrierefrei"}
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()/-]{4,}[0-9]$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
RESERVED = ("index", "angebotsanalyse", "pruefliste")  # pages of the portal beside the one per kind of service
# degrees (about 550 m north-south, 330 m east-west): official boundaries (VG250) are generalised at 1:250,000,
# so an address geocoded next to the Kreis border can fall a few hundred metres outside the drawn line; a typo
# or swapped lat/lon lands kilometres away and is still caught
TOLERANCE = 0.005


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str
    target_indicator: str
    target_part: str  # numerator, denominator or value of the target indicator: the people the service is for
    target_label: str
    need: str  # the indicator coverage is set against (the Sozialformel by default)


@dataclass(frozen=True)
class Service:
    id: str  # stable slug: the anchor on the portal page
    name: str
    category: str
    target_groups: tuple[str, ...]
    provider: str
    address: str
    ags: str
    lat: float
    lon: float
    phone: str
    email: str
    web: str
    hours: str
    languages: tuple[str, ...]
    barrier_free: str  # "ja", "teilweise", "nein" or "" (unknown)
    verified: dt.date


@dataclass(frozen=True)
class Directory:
    description: str
    source: str
    stand: dt.date  # the directory's date: what "not checked for twelve months" counts from
    stale_after_months: int
    categories: tuple[Category, ...]
    services: tuple[Service, ...]

    def in_category(self, category_id: str) -> list[Service]:
        return [s for s in self.services if s.category == category_id]

    def in_gemeinde(self, ags: str) -> list[Service]:
        return [s for s in self.services if s.ags == ags]

    @property
    def stale_before(self) -> dt.date:
        """Services last checked before this day are due for a check."""
        return months_before(self.stand, self.stale_after_months)

    def stale(self) -> list[Service]:
        """Services not checked for longer than ``stale_after_months``, the longest unchecked first."""
        return sorted((s for s in self.services if s.verified < self.stale_before), key=lambda s: (s.verified, s.id))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the month's last day where it is shorter: 31.03. -> 28.02.)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def load_services(data_dir: Path, catalogue: Catalogue, register: Register, need_ids: set[str],
                  out: Collector) -> Directory | None:
    """The directory, or None when the data have none (neither file); every problem goes to ``out``."""
    meta_path, table_path = data_dir / META_FILE, data_dir / TABLE_FILE
    if not meta_path.exists() and not table_path.exists():
        return None
    doc, valid = schemas.load(meta_path, "services", out)
    if not table_path.exists():
        out.add(table_path, 1, 1, f"Tabelle der Hilfeangebote fehlt (gehört zu {META_FILE})")
        return None
    if doc is None or not valid:
        return None
    d = doc.data
    default_need = d.get("need", "sozialformel")
    categories = []
    for i, c in enumerate(d["categories"]):
        ok = True
        tg = c["target_group"]
        if tg["indicator"] not in catalogue.by_id:
            out.add(meta_path, *doc.where(("categories", i, "target_group", "indicator")),
                    f"unbekannte Kennzahl „{tg['indicator']}“")
            ok = False
        need = c.get("need", default_need)
        if need not in catalogue.by_id and need not in need_ids:
            key = ("categories", i, "need") if "need" in c else ("need",)
            out.add(meta_path, *doc.where(key), f"unbekannte Bedarfskennzahl „{need}“")
            ok = False
        if c["id"] in RESERVED:
            out.add(meta_path, *doc.where(("categories", i, "id")),
                    f"„{c['id']}“ ist als Kennung reserviert (Seitenname des Hilfeportals)")
            ok = False
        elif any(c["id"] == other.id for other in categories):
            out.add(meta_path, *doc.where(("categories", i, "id")), f"doppelte Angebotsart „{c['id']}“")
            ok = False
        if ok:
            categories.append(Category(c["id"], c["title"], c["description"], tg["indicator"], tg["part"],
                                       tg["label"], need))
    stand = dt.date.fromisoformat(str(d["stand"]))
    services = _load_table(table_path, {c["id"] for c in d["categories"]}, register, stand, out)
    if services is None or len(categories) != len(d["categories"]):
        return None
    return Directory(d.get("description", ""), d["source"], stand, d.get("stale_after_months", 12),
                     tuple(categories), tuple(services))


def _kreis_area(register: Register):
    """The Kreis as one shape (a little wider than drawn), or None when the register has no geometry."""
    parts = [shape(f["geometry"]) for f in register.geometry.get("features", [])]
    return shapely.union_all(parts).buffer(TOLERANCE) if parts else None


def _split(text: str) -> tuple[str, ...]:
    return tuple(p for p in (x.strip() for x in re.split(r"[;,]", text)) if p)


def _load_table(path: Path, categories: set[str], register: Register, stand: dt.date,
                out: Collector) -> list[Service] | None:
    table = read_table(path, REQUIRED, out, OPTIONAL)
    if table is None:
        return None
    kreis = _kreis_area(register)
    gemeinden = register.by_ags()
    result, seen = [], {}
    for r in range(len(table)):
        before = len(out.problems)
        row = _Row(table, r, out)
        name, category, ags = row.text("name"), row.text("category"), row.text("ags")
        row.text("provider")
        row.text("address")
        if category and category not in categories:
            row.error("category", f"unbekannte Angebotsart „{category}“ (in {META_FILE}: {', '.join(sorted(categories))})")
        if ags and ags not in gemeinden:
            lost = " (führende Null verloren?)" if ags.zfill(8) in gemeinden else ""
            row.error("ags", f"unbekannte Gemeinde „{ags}“{lost}")
        lat, lon = row.coordinate("lat", -90, 90), row.coordinate("lon", -180, 180)
        if lat is not None and lon is not None and kreis is not None and not kreis.contains(Point(lon, lat)):
            swapped = " – Breite (lat) und Länge (lon) vertauscht?" if kreis.contains(Point(lat, lon)) else ""
            row.error("lat", f"Koordinaten {lat}, {lon} liegen außerhalb des Kreises{swapped}")
        row.check("email", lambda v: bool(EMAIL.match(v)), "keine gültige E-Mail-Adresse")
        row.check("web", _good_url, "keine gültige Webadresse (vollständig mit https:// angeben)")
        row.check("phone", lambda v: bool(PHONE.match(v)), "keine gültige Telefonnummer")
        row.check("barrier_free", lambda v: v in BARRIER_FREE,
                  f"keine gültige Angabe zur Barrierefreiheit (erlaubt: {', '.join(BARRIER_FREE)})")
        verified = row.date("verified", stand)
        ident = row.get("id") or _default_id(name, gemeinden[ags].slug if ags in gemeinden else "")
        if row.get("id") and not SLUG.match(ident):
            row.error("id", f"„{ident}“ ist keine gültige Kennung (nur a–z, 0–9 und Bindestriche)")
        elif ident in seen:
            hint = "" if row.get("id") else " – bitte in der Spalte id eine eigene Kennung angeben"
            row.error("id" if row.get("id") else "name",
                      f"doppelte Kennung „{ident}“ (zuerst in Zeile {seen[ident]}){hint}")
        if len(out.problems) == before:
            seen[ident] = table.lines[r]
            result.append(Service(
                ident, name, category, _split(row.get("target_groups")), row.get("provider"), row.get("address"),
                ags, lat, lon, row.get("phone"), row.get("email"), row.get("web"), row.get("hours"),
                _split(row.get("languages")), row.get("barrier_free"), verified))
    return result


def _default_id(name: str, gemeinde_slug: str) -> str:
    """The name's slug, with the Gemeinde's where the name does not say it ("Tafel" is in many places)."""
    base = slug(name)
    if gemeinde_slug and gemeinde_slug not in base:
        base = f"{base}-{gemeinde_slug}"
    return base


def _good_url(text: str) -> bool:
    parts = urlparse(text)
    return parts.scheme in ("http", "https") and bool(HOST.match(parts.hostname or "")) and " " not in text


class _Row:
    """One CSV row with its checks; every message names the cell's line and column."""

    def __init__(self, table: Table, r: int, out: Collector):
        self.table, self.r, self.out = table, r, out

    def get(self, name: str) -> str:
        return self.table.get(self.r, name)

    def error(self, name: str, message: str) -> None:
        self.out.add(self.table.path, *self.table.where(self.r, name), message)

    def text(self, name: str) -> str:
        value = self.get(name)
        if not value:
            self.error(name, f"Spalte „{name}“ darf nicht leer sein")
        return value

    def check(self, name: str, test, what: str) -> None:
        value = self.get(name)
        if value and not test(value):
            self.error(name, f"„{value}“ ist {what}")

    def coordinate(self, name: str, low: float, high: float) -> float | None:
        value = self.text(name)
        try:
            number = float(value)
            if not low <= number <= high:
                raise ValueError
        except ValueError:
            if value:
                self.error(name, f"„{value}“ ist keine Koordinate (Dezimalgrad mit Dezimalpunkt, z. B. 53.7521)")
            return None
        return number

    def date(self, name: str, stand: dt.date) -> dt.date:
        value = self.text(name)
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            if value:
                self.error(name, f"„{value}“ ist kein gültiges Datum (JJJJ-MM-TT)")
            return stand
        if day > stand:
            self.error(name, f"Prüfdatum {value} liegt nach dem Stand des Verzeichnisses ({stand.isoformat()})")
        return day
