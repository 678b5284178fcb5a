"""Real Gemeinde facts plus an invented but consistent population model.

Everything that scales with people (counts, denominators) is derived from the tables built here, so the
demo figures of all indicators share one population and one age structure per Gemeinde and year.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FACTS_CSV = Path(__file__).with_name("facts.csv")
FIRST_YEAR = 2015
LAST_YEAR = 2025
YEARS: tuple[int, ...] = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
HELGOLAND = "01056025"
HAMBURG = (9.993, 53.551)  # city centre; distance to it shapes commuting and affluence

# Age bins and their Kreis shares (percent) in 2015 and 2025; years in between are interpolated.
AGE_BINS: tuple[str, ...] = (
    "0-2", "3-5", "6-9", "10-14", "15-17", "18-19", "20", "21-24", "25-44", "45-64", "65-79", "80+",
)
_SHARE_2015 = (2.7, 2.8, 3.9, 4.9, 2.9, 2.0, 1.0, 4.0, 23.5, 30.7, 15.2, 6.3)
_SHARE_2025 = (2.8, 3.0, 4.2, 5.1, 2.9, 1.9, 0.9, 3.9, 23.0, 28.8, 15.9, 7.6)
_MIDPOINTS = (1.5, 4.5, 8.0, 12.5, 16.5, 19.0, 20.5, 23.0, 35.0, 55.0, 72.0, 86.0)
# Loadings of each age bin on the profile factors (log scale): families have children, old places elderly.
_AGE_LOAD = {
    "fam": (0.10, 0.10, 0.10, 0.09, 0.07, 0.03, 0.0, 0.0, 0.04, 0.0, -0.02, -0.04),
    "old": (-0.05, -0.05, -0.04, -0.03, -0.02, -0.02, -0.02, -0.03, -0.06, 0.02, 0.10, 0.14),
    "urb": (0.02, 0.02, 0.0, -0.01, -0.01, 0.04, 0.05, 0.07, 0.06, -0.02, -0.01, 0.04),
}

# Reference populations (demo values) used to scale Land and Bund counts.
POP_LAND = dict(zip(YEARS, (2858714, 2881926, 2889821, 2896712, 2903773, 2910875, 2922005, 2953270,
                            2959517, 2965412, 2970530)))
POP_BUND = dict(zip(YEARS, (82175684, 82521653, 82792351, 83019213, 83166711, 83155031, 83237124,
                            83118501, 83456045, 83577140, 83650210)))


@dataclass(frozen=True)
class Gemeinde:
    """One municipality as stated in facts.csv (the only real data the generator uses)."""

    ags: str
    name: str
    bez: str
    amt: str
    pop_2019: int
    pop_2023: int
    lon_text: str
    lat_text: str

    @property
    def lon(self) -> float:
        return float(self.lon_text)

    @property
    def lat(self) -> float:
        return float(self.lat_text)


def load_facts(path: Path = FACTS_CSV) -> list[Gemeinde]:
    """Read the embedded facts, sorted by AGS so that every array below has a stable row order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Gemeinde(r["ags"], r["name"], r["bez"], r["amt"], int(r["pop_2019"]), int(r["pop_2023"]),
                     r["lon"], r["lat"])
            for r in csv.DictReader(handle)
        ]
    return sorted(rows, key=lambda g: g.ags)


def _zscore(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / values.std()


# Hand-set nudges so that the towns with known social hot spots come out as such in the demo.
_DEPRIVATION_NUDGE = {
    "Elmshorn": 2.2, "Pinneberg": 1.5, "Uetersen": 1.4, "Wedel": 1.0, "Schenefeld": 0.9, "Barmstedt": 0.7,
    "Quickborn": 0.3, "Helgoland": 0.3, "Tornesch": 0.0, "Halstenbek": -0.4, "Rellingen": -0.4,
    "Hasloh": -0.4, "Ellerbek": -0.7, "Tangstedt": -0.5, "Bönningstedt": -0.3,
}
_AGE_NUDGE = {
    "Helgoland": 1.2, "Wedel": 0.5, "Schenefeld": 0.3, "Bullenkuhlen": 0.6, "Osterhorn": 0.5, "Elmshorn": -0.6,
    "Pinneberg": -0.2,
}


def profiles(gemeinden: list[Gemeinde], seed: int) -> dict[str, np.ndarray]:
    """Stable social profile per Gemeinde (z-scores), so that indicators correlate sensibly.

    urb: size/urbanity, dep: social deprivation, old: ageing, fam: young families, affl: affluence,
    mig: migration, hh: closeness to Hamburg, isl: 1 for Helgoland only.
    """
    rng = np.random.default_rng([seed, 101])
    n = len(gemeinden)
    pop = np.array([g.pop_2023 for g in gemeinden], dtype=float)
    dist = np.array([_km(g.lon, g.lat, *HAMBURG) for g in gemeinden])
    dist = np.minimum(dist, 45.0)  # Helgoland would dominate otherwise
    urb = _zscore(np.log(pop))
    hh = _zscore(-dist)
    nudge_dep = np.array([_DEPRIVATION_NUDGE.get(g.name, 0.0) for g in gemeinden])
    nudge_old = np.array([_AGE_NUDGE.get(g.name, 0.0) for g in gemeinden])
    dep = _zscore(0.4 * urb + nudge_dep + rng.normal(0.0, 0.25, n))
    old = _zscore(nudge_old + rng.normal(0.0, 0.5, n) - 0.15 * hh)
    fam = _zscore(-0.6 * old - 0.25 * urb + rng.normal(0.0, 0.5, n))
    affl = _zscore(-0.7 * dep + 0.4 * hh + rng.normal(0.0, 0.4, n))
    mig = _zscore(0.5 * dep + 0.5 * urb + rng.normal(0.0, 0.35, n))
    isl = np.array([1.0 if g.ags == HELGOLAND else 0.0 for g in gemeinden])
    return {"urb": urb, "dep": dep, "old": old, "fam": fam, "affl": affl, "mig": mig, "hh": hh, "isl": isl}


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Equirectangular distance in km; good enough within one county."""
    x = (lon1 - lon2) * 111.32 * np.cos(np.radians((lat1 + lat2) / 2.0))
    y = (lat1 - lat2) * 110.57
    return float(np.hypot(x, y))


def population(gemeinden: list[Gemeinde], seed: int) -> np.ndarray:
    """Population (31.12.) per Gemeinde and year, exact at the real 2019 and 2023 values.

    Growth between the anchors is geometric with small noise; before 2019 it is damped towards the
    Kreis trend (Kreis 2015 close to the published 307,471), after 2023 it slows down.
    """
    rng = np.random.default_rng([seed, 102])
    out = np.zeros((len(gemeinden), len(YEARS)), dtype=np.int64)
    for i, g in enumerate(gemeinden):
        growth = (g.pop_2023 / g.pop_2019) ** 0.25
        back = 1.0 + 0.5 * (growth - 1.0) + 0.0033
        ahead = 1.0 + 0.5 * (growth - 1.0) + 0.0012
        wobble = 0.6 / np.sqrt(g.pop_2019) + 0.0008
        for j, year in enumerate(YEARS):
            if year <= 2019:
                value = g.pop_2019 / back ** (2019 - year)
            elif year <= 2023:
                value = g.pop_2019 * growth ** (year - 2019)
            else:
                value = g.pop_2023 * ahead ** (year - 2023)
            if year not in (2019, 2023):
                value *= 1.0 + rng.normal(0.0, wobble)
            out[i, j] = round(value)
    return out


def _allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """Split an integer total by weights with the largest-remainder method (deterministic ties)."""
    exact = weights / weights.sum() * total
    base = np.floor(exact).astype(np.int64)
    rest = total - int(base.sum())
    order = np.lexsort((np.arange(len(exact)), -(exact - base)))
    base[order[:rest]] += 1
    return base


def groups(gemeinden: list[Gemeinde], pop: np.ndarray, prof: dict[str, np.ndarray],
           seed: int) -> dict[str, np.ndarray]:
    """Population groups (integer arrays Gemeinde x year) used as denominators and direct numerators."""
    rng = np.random.default_rng([seed, 103])
    n, m = pop.shape
    idio = rng.normal(0.0, 0.03, (n, len(AGE_BINS)))
    bins = np.zeros((n, m, len(AGE_BINS)), dtype=np.int64)
    s15, s25 = np.array(_SHARE_2015), np.array(_SHARE_2025)
    for j, year in enumerate(YEARS):
        t = (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)
        base = s15 + (s25 - s15) * t
        for i in range(n):
            load = sum(np.array(_AGE_LOAD[f]) * prof[f][i] for f in _AGE_LOAD)
            bins[i, j] = _allocate(int(pop[i, j]), base * np.exp(load + idio[i]))
    b = {name: bins[:, :, k] for k, name in enumerate(AGE_BINS)}

    def total(*names: str) -> np.ndarray:
        return sum((b[x] for x in names), np.zeros((n, m), dtype=np.int64))

    g: dict[str, np.ndarray] = {"pop": pop.copy()}
    g["u3"] = b["0-2"]
    g["a3_5"] = b["3-5"]
    g["u6"] = total("0-2", "3-5")
    g["a6_9"] = b["6-9"]
    g["u15"] = total("0-2", "3-5", "6-9", "10-14")
    g["u18"] = g["u15"] + b["15-17"]
    g["u20"] = g["u18"] + b["18-19"]
    g["u21"] = g["u20"] + b["20"]
    g["a6_17"] = total("6-9", "10-14", "15-17")
    g["a15_24"] = total("15-17", "18-19", "20", "21-24")
    g["a15_64"] = total("15-17", "18-19", "20", "21-24", "25-44", "45-64")
    g["a18_64"] = total("18-19", "20", "21-24", "25-44", "45-64")
    g["a20_64"] = total("20", "21-24", "25-44", "45-64")
    g["a65"] = total("65-79", "80+")
    g["a80"] = b["80+"]
    g["u65"] = pop - g["a65"]
    g["w15_44"] = np.rint(0.49 * total("15-17", "18-19", "20", "21-24", "25-44")).astype(np.int64)
    g["w15_64"] = np.rint(0.497 * g["a15_64"]).astype(np.int64)
    years = np.array(YEARS, dtype=float)
    hh_size = 2.12 + 0.10 * prof["fam"][:, None] - 0.07 * prof["urb"][:, None] - 0.006 * (years - 2015)
    g["haushalte"] = np.rint(pop / hh_size).astype(np.int64)
    g["erwerbspersonen"] = np.rint(g["a15_64"] * (0.785 + 0.004 * (years - 2015))).astype(np.int64)
    g["erwerbspersonen15_24"] = np.rint(g["a15_24"] * 0.53).astype(np.int64)
    g["steuerpflichtige"] = np.rint(pop * (0.47 + 0.01 * prof["old"][:, None])).astype(np.int64)
    g["einschueler"] = np.rint(b["3-5"] / 3.0).astype(np.int64)
    g["klasse4"] = np.rint(b["6-9"] / 4.0).astype(np.int64)
    g["schulabgaenger"] = np.rint(b["15-17"] / 3.0 * 1.05).astype(np.int64)
    g["foerderschueler"] = np.rint(g["a6_17"] * 0.062).astype(np.int64)
    stops = np.array([0 if x.ags == HELGOLAND else 2 + x.pop_2019 // 260 for x in gemeinden])
    g["haltestellen"] = np.repeat(stops[:, None], m, axis=1).astype(np.int64)
    mid = np.array(_MIDPOINTS)
    g["_mean_age"] = (bins * mid).sum(axis=2) / np.maximum(pop, 1)
    return g
