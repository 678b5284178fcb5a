"""Area tables: the Gemeinden (real names, AGS, Ämter) and eight demo planning areas."""

from __future__ import annotations

import csv
import io

from .population import Gemeinde

# (id, name, description). The grouping follows the Ämter and neighbouring towns; it is not official.
PLANNING_AREAS: list[tuple[str, str, str]] = [
    ("barmstedt-rantzau-hoernerkirchen", "Barmstedt, Rantzau und Hörnerkirchen",
     "Demo-Zuschnitt: die Stadt Barmstedt mit den Gemeinden der Ämter Rantzau und Hörnerkirchen im "
     "ländlichen Norden des Kreises."),
    ("elmshorn", "Elmshorn und Elmshorn-Land",
     "Demo-Zuschnitt: die Stadt Elmshorn mit den Gemeinden des Amtes Elmshorn-Land."),
    ("halstenbek-rellingen-schenefeld", "Halstenbek, Rellingen und Schenefeld",
     "Demo-Zuschnitt: die drei amtsfreien Kommunen an der Hamburger Stadtgrenze."),
    ("helgoland", "Helgoland",
     "Demo-Zuschnitt: die Hochseeinsel Helgoland als eigener Raum."),
    ("pinneberg", "Pinneberg und Amt Pinnau",
     "Demo-Zuschnitt: die Kreisstadt Pinneberg mit den Gemeinden des Amtes Pinnau."),
    ("quickborn-hasloh-boenningstedt", "Quickborn, Hasloh und Bönningstedt",
     "Demo-Zuschnitt: die Stadt Quickborn mit den amtsfreien Gemeinden Hasloh und Bönningstedt im Osten "
     "des Kreises."),
    ("uetersen-tornesch-marsch", "Uetersen, Tornesch und Geest und Marsch Südholstein",
     "Demo-Zuschnitt: die Städte Uetersen und Tornesch mit den Gemeinden des Amtes Geest und Marsch "
     "Südholstein an der Elbe."),
    ("wedel", "Wedel", "Demo-Zuschnitt: die Stadt Wedel als eigener Raum."),
]

_BY_AMT = {
    "Amt Elmshorn-Land": "elmshorn",
    "Amt Pinnau": "pinneberg",
    "Amt Geest und Marsch Südholstein": "uetersen-tornesch-marsch",
    "Amt Rantzau": "barmstedt-rantzau-hoernerkirchen",
    "Amt Hörnerkirchen": "barmstedt-rantzau-hoernerkirchen",
}
_BY_NAME = {
    "Elmshorn": "elmshorn", "Pinneberg": "pinneberg", "Wedel": "wedel",
        "Quickborn": "quickborn-hasloh-boenningstedt",
    "Hasloh": "quickborn-hasloh-boenningstedt", "Bönningstedt": "quickborn-hasloh-boenningstedt",
    "Halstenbek": "halstenbek-rellingen-schenefeld", "Rellingen": "halstenbek-rellingen-schenefeld",
    "Schenefeld": "halstenbek-rellingen-schenefeld", "Uetersen": "uetersen-tornesch-marsch",
    "Tornesch": "uetersen-tornesch-marsch", "Barmstedt": "barmstedt-rantzau-hoernerkirchen",
    "Helgoland": "helgoland",
}


def planning_area(g: Gemeinde) -> str:
    """Planning area of a Gemeinde: by Amt, or by name for the amtsfreie Gemeinden."""
    return _BY_AMT[g.amt] if g.amt else _BY_NAME[g.name]


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def gemeinden_csv(gemeinden: list[Gemeinde]) -> str:
    """gemeinden.csv: ags,name,bez,amt,planning_area,lon,lat sorted by AGS."""
    rows = [["ags", "name", "bez", "amt", "planning_area", "lon", "lat"]]
    for g in sorted(gemeinden, key=lambda x: x.ags):
        rows.append([g.ags, g.name, g.bez, g.amt, planning_area(g), g.lon_text, g.lat_text])
    return _csv(rows)


def planungsraeume_csv(gemeinden: list[Gemeinde]) -> str:
    """planungsraeume.csv: id,name,description; every area must hold at least one Gemeinde."""
    used = {planning_area(g) for g in gemeinden}
    assert used == {a[0] for a in PLANNING_AREAS}
    return _csv([["id", "name", "description"], *[list(a) for a in sorted(PLANNING_AREAS)]])
