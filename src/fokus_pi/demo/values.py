"""The engine that turns a catalogue Model into Gemeinde, Kreis, Land and Bund figures.

Each indicator draws from its own random stream (seed + CRC32 of its id), so adding, removing or
reordering indicators never changes the figures of the others. Figures are computed once for all years
2015-2025 ("the truth"); snapshots are cut from it, the older one with a few preliminary values.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace

import numpy as np

from .population import (
    HELGOLAND, POP_BUND, POP_LAND, YEARS, Gemeinde, groups, load_facts, population, profiles,
)
from .spec import TRENDS, Indicator

GEHEIM, UNBEKANNT, NICHTS = "geheim", "unbekannt", "nichts"
NICHT_SINNVOLL, FOLGT, UNSICHER = "nicht_sinnvoll", "folgt", "unsicher"
EXCLUDED_FROM_KREIS = (NICHT_SINNVOLL, UNBEKANNT)
_INHERITED = (GEHEIM, UNBEKANNT, NICHT_SINNVOLL, UNSICHER)


@dataclass(frozen=True)
class Series:
    """Gemeinde x year arrays of one indicator; num holds the value itself for counts."""

    num: np.ndarray | None
    den: np.ndarray | None
    val: np.ndarray | None
    base_flag: np.ndarray  # flags that do not depend on the numerator (island, unknown, inherited)
    flag: np.ndarray


@dataclass(frozen=True)
class Aggregate:
    """Kreis, Land or Bund figures for one indicator (one entry per year)."""

    value: list[float | int | None]
    num: list[int | None]
    den: list[int | None]
    flag: list[str]


def _stream(seed: int, key: str, part: int = 0) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(key.encode("utf-8")), part])


def _smooth(noise: np.ndarray, rho: float) -> np.ndarray:
    """AR(1) along the year axis with unchanged variance: figures drift rather than jump."""
    out = noise.copy()
    for j in range(1, out.shape[1]):
        out[:, j] = rho * out[:, j - 1] + np.sqrt(1.0 - rho * rho) * noise[:, j]
    return out


def _trend(trend: float | str) -> np.ndarray:
    if isinstance(trend, str):
        return np.array(TRENDS[trend], dtype=float)
    return (1.0 + trend) ** (np.array(YEARS, dtype=float) - YEARS[0])


class Engine:
    """Holds the population model and computes (and caches) the series of every indicator."""

    def __init__(self, indicators: list[Indicator], seed: int) -> None:
        self.seed = seed
        self.gemeinden: list[Gemeinde] = load_facts()
        self.pop = population(self.gemeinden, seed)
        self.prof = profiles(self.gemeinden, seed)
        self.groups = groups(self.gemeinden, self.pop, self.prof, seed)
        self.by_id = {i.id: i for i in indicators}
        self._cache: dict[str, Series] = {}
        self.island_row = [g.ags for g in self.gemeinden].index(HELGOLAND)

    def series(self, ind_id: str) -> Series:
        """Series of one indicator; linked indicators ("@id") are computed on demand."""
        if ind_id not in self._cache:
            self._cache[ind_id] = self._build(self.by_id[ind_id])
        return self._cache[ind_id]

    def _resolve(self, spec: str, scale: float = 1.0) -> np.ndarray:
        if spec.startswith("@"):
            source = self.series(spec[1:]).num
            assert source is not None
            return source.copy()
        data = self.groups[spec]
        return data.copy() if scale == 1.0 else np.rint(data * scale).astype(np.int64)

    def _build(self, ind: Indicator) -> Series:
        m = ind.model
        rng = _stream(self.seed, ind.id)
        n, k = self.pop.shape
        idio = rng.normal(0.0, m.idio, n)
        drift = rng.normal(0.0, m.drift, n)
        noise = _smooth(rng.normal(0.0, m.noise, (n, k)), 0.6)
        factor = sum((w * self.prof[f] for f, w in sorted(m.load.items())), np.zeros(n))
        years = np.array(YEARS, dtype=float) - 2020.0
        log_raw = factor[:, None] + idio[:, None] + drift[:, None] * years + noise
        target = m.level * _trend(m.trend)
        den = self._resolve(m.den, m.den_scale) if m.den else None
        num = val = None
        if m.special == "pop":
            num = self.pop.copy()
        elif m.special == "popindex":
            val = np.round(100.0 * self.pop / self.pop[:, :1], 2)
        elif m.special == "mean_age":
            val = np.round(self.groups["_mean_age"], 2)
        elif m.num:
            num = self._resolve(m.num)
        elif m.signed:  # published as a value only: the validator rejects negative numerators
            assert den is not None and ind.kind == "index"
            shift = 0.003 * log_raw
            shift -= (shift * den).sum(0) / den.sum(0)
            mean = den * (target / 1000.0 + shift)
            balance = np.rint(rng.normal(mean, np.sqrt(den * 0.03) + 0.5))
            val = np.round(1000.0 * balance / den, 2)
            den = None
        elif ind.kind == "index":
            raw = np.exp(log_raw)
            weights = self.pop
            val = np.round(target * raw / ((raw * weights).sum(0) / weights.sum(0)), 2)
        elif ind.kind == "amount":
            assert den is not None
            raw = np.exp(log_raw)
            level = target * raw / ((raw * den).sum(0) / np.maximum(den.sum(0), 1))
            num = np.rint(den * level).astype(np.int64)
        else:
            assert den is not None
            per = ind.per if ind.kind in ("share", "rate") else 1000
            raw = np.exp(log_raw)
            p = target / per * raw / ((raw * den).sum(0) / np.maximum(den.sum(0), 1))
            if ind.kind == "share":
                p = np.clip(p, 0.0, m.cap)
            if m.stock:
                num = np.rint(den * p).astype(np.int64)
            elif ind.kind == "share":
                num = rng.binomial(den, p).astype(np.int64)
            else:
                num = rng.poisson(den * p).astype(np.int64)
        base = self._base_flags(ind, (n, k))
        return Series(num, den, val, base, self._flags(ind, num, den, base))

    def _base_flags(self, ind: Indicator, shape: tuple[int, int]) -> np.ndarray:
        m = ind.model
        flag = np.full(shape, "", dtype=object)
        if m.island:
            flag[self.island_row, :] = NICHT_SINNVOLL
        rows = {g.ags: i for i, g in enumerate(self.gemeinden)}
        for ags, year in m.unknown:
            flag[rows[ags], YEARS.index(year)] = UNBEKANNT
        for spec in (m.num, m.den):
            if spec and spec.startswith("@"):
                source = self.series(spec[1:]).flag
                take = (flag == "") & np.isin(source, _INHERITED)
                flag[take] = source[take]
        return flag

    @staticmethod
    def _flags(ind: Indicator, num: np.ndarray | None, den: np.ndarray | None,
               base: np.ndarray) -> np.ndarray:
        """Final Gemeinde flags: base flags first, then rules that look at the figures."""
        m = ind.model
        flag = base.copy()

        def put(mask: np.ndarray, name: str) -> None:
            flag[(flag == "") & mask] = name

        if den is not None and ind.kind in ("share", "rate", "amount"):
            put(den == 0, NICHT_SINNVOLL)
            if m.unsure_below:
                put(den < m.unsure_below, UNSICHER)
        if num is not None and m.secret:
            put((num == 1) | (num == 2), GEHEIM)
        if num is not None and m.zero_nothing:
            put(num == 0, NICHTS)
        return flag

    def revised_out(self, ind: Indicator) -> Series:
        """The preliminary series that the older snapshot published before the revision."""
        s = self.series(ind.id)
        m = ind.model
        assert s.num is not None and not any(
            f"@{ind.id}" in (o.model.num, o.model.den) for o in self.by_id.values()
        ), "revised indicators must not feed others"
        rng = _stream(self.seed, ind.id, 7)
        num = s.num.copy()
        for year in m.revise:
            j = YEARS.index(year)
            delta = np.rint(rng.normal(0.0, np.maximum(0.8, 0.025 * num[:, j]))).astype(np.int64)
            num[:, j] = np.maximum(num[:, j] + delta, 0)
            if ind.kind == "share":
                assert s.den is not None
                num[:, j] = np.minimum(num[:, j], s.den[:, j])
        return replace(s, num=num, flag=self._flags(ind, num, s.den, s.base_flag))

    def kreis(self, ind: Indicator, s: Series, members: np.ndarray | None = None) -> Aggregate:
        """Kreis rows (or those of the Gemeinden in ``members``): sums of counts, ratio of summed numerators and
        denominators, weighted index."""
        use = ~np.isin(s.flag, EXCLUDED_FROM_KREIS)
        if members is not None:
            use &= members[:, None]
        value: list[float | int | None] = []
        nums: list[int | None] = []
        dens: list[int | None] = []
        for j in range(len(YEARS)):
            rows = use[:, j]
            if ind.kind == "index":
                assert s.val is not None
                w = self.pop[rows, j]
                value.append(round(float((s.val[rows, j] * w).sum() / w.sum()), 4))
                nums.append(None)
                dens.append(None)
                continue
            assert s.num is not None
            total = int(s.num[rows, j].sum())
            if ind.kind == "count":
                value.append(total)
                nums.append(None)
                dens.append(None)
                continue
            assert s.den is not None
            below = int(s.den[rows, j].sum())
            nums.append(total)
            dens.append(below)
            value.append(_ratio(ind, total, below))
        return Aggregate(value, nums, dens, [""] * len(YEARS))

    def references(self, ind: Indicator, kreis: Aggregate) -> tuple[Aggregate, Aggregate]:
        """Invented Land and Bund values, close to but distinct from the Kreis (value only)."""
        rng = _stream(self.seed, ind.id, 2)
        eps = _smooth(rng.normal(0.0, 0.004, (2, len(YEARS))), 0.8)
        out = []
        for r, pops in enumerate((POP_LAND, POP_BUND)):
            factor, fixed = ind.model.ref[r], ind.model.ref_fixed[r]
            values: list[float | int | None] = []
            flags: list[str] = []
            for j, year in enumerate(YEARS):
                kv = kreis.value[j]
                flag = ""
                if ind.model.special == "pop":
                    v: float | int | None = pops[year]
                elif ind.model.special == "popindex":
                    v = round(100.0 * pops[year] / pops[YEARS[0]], ind.decimals)
                elif fixed is not None:
                    v = fixed
                elif factor is None or kv is None:
                    v, flag = None, NICHT_SINNVOLL
                elif ind.kind == "count":
                    scale = pops[year] / float(self.pop[:, j].sum())
                    v = int(round(float(kv) * scale * factor * np.exp(eps[r, j])))
                else:
                    v = float(kv) * factor * np.exp(eps[r, j])
                    if ind.kind == "share":
                        v = min(v, 99.9)
                    v = round(v, 2 if ind.kind == "amount" else max(ind.decimals, 0))
                values.append(v)
                flags.append(flag)
            out.append(Aggregate(values, [None] * len(YEARS), [None] * len(YEARS), flags))
        return out[0], out[1]


def _ratio(ind: Indicator, num: int, den: int) -> float | None:
    """The published value of a ratio, exactly as a reader would recompute it."""
    if den == 0:
        return None
    if ind.kind == "amount":
        return round(num / den, 2)
    assert ind.per is not None
    return round(ind.per * num / den, 4)


def gemeinde_value(ind: Indicator, s: Series, i: int, j: int) -> tuple[float | int | None, int | None, int | None]:
    """(value, numerator, denominator) of one Gemeinde row as published (None = empty cell)."""
    if s.flag[i, j]:
        return None, None, None
    if ind.kind == "index":
        assert s.val is not None
        return float(s.val[i, j]), None, None
    assert s.num is not None
    if ind.kind == "count":
        return int(s.num[i, j]), None, None
    assert s.den is not None
    num, den = int(s.num[i, j]), int(s.den[i, j])
    return _ratio(ind, num, den), num, den
