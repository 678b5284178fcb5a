"""load → validate → derive: the one immutable model every renderer reads."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import pandas as pd

from . import heap
from .aggregate import aggregate
from .areas import Gemeinde, Register, load_register
from .cache import cached_pickle, code_version, key
from .catalogue import Catalogue, Indicator, load_catalogue
from .derive import derive
from .disclosure import Policy, population_order, suppress
from .funding import Programme, load_programmes
from .mergers import Merger, load_mergers, retired
from .mergers import convert as convert_mergers
from .planning import Planning, load_planning
from .problems import Collector
from .rowindex import RowIndex
from .services import Directory, load_services
from .snapshots import Snapshot, discover
from .sozialformel import Result as SozialformelResult
from .sozialformel import compute as compute_sozialformel
from .sozialformel import load_config as load_sozialformel
from .validate import load_values

T = TypeVar("T")


@dataclass
class Report:
    data_dir: Path
    catalogue: Catalogue
    register: Register
    snapshots: list[Snapshot]
    facts: pd.DataFrame
    sozialformel: SozialformelResult | None = None
    programmes: list[Programme] = field(default_factory=list)
    suppressed: pd.DataFrame = field(default_factory=pd.DataFrame)  # cells withheld, with their true figures
    planning: Planning | None = None  # profiles, focus groups, recommendations, spending (optional files)
    history: list[pd.DataFrame] = field(default_factory=list, repr=False)  # raw values per snapshot, oldest first
    mergers: tuple[Merger, ...] = ()  # Gemeinde mergers (areas/fusionen.yml), oldest first
    services: Directory | None = None  # the Hilfeportal's directory of help services (optional files)
    _by_indicator: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _rows: RowIndex | None = field(default=None, repr=False)
    _derived: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def snapshot(self) -> Snapshot:
        """The published snapshot: the newest one."""
        return self.snapshots[-1]

    @property
    def demo(self) -> bool:
        return self.snapshot.demo

    def of(self, indicator_id: str) -> pd.DataFrame:
        """All rows of one indicator (cached: pages ask for the same indicator many times)."""
        if not self._by_indicator:
            self._by_indicator.update(dict(iter(self.facts.groupby("indicator", sort=False))))
        return self._by_indicator.get(indicator_id, self.facts.iloc[0:0])

    @cached_property
    def _published(self) -> list[Indicator]:
        present = set(self.facts["indicator"].tolist())
        return [i for i in self.catalogue.indicators if i.id in present]

    def published(self) -> list[Indicator]:
        """Indicators with at least one value in the published snapshot, in catalogue order."""
        return self._published

    @cached_property
    def _years(self) -> dict[str, list[int]]:
        return {k: sorted(set(v.tolist())) for k, v in self.facts.groupby("indicator")["year"]}

    def years(self, indicator_id: str) -> list[int]:
        return self._years.get(indicator_id, [])

    @cached_property
    def _latest(self) -> dict[str, int]:
        ranked = self.facts[self.facts["rank"].notna()]
        return {k: int(v) for k, v in ranked.groupby("indicator")["year"].max().items()}

    def latest_year(self, indicator_id: str) -> int | None:
        """The newest year with at least one ranked value (not only flags)."""
        return self._latest.get(indicator_id)

    def row(self, indicator_id: str, area: str, year: int | None) -> Mapping | None:
        """One derived row as a mapping, or None where the snapshot has no row."""
        return self.rows().get((indicator_id, area, year))  # type: ignore[arg-type]

    def rows(self) -> RowIndex:
        """The derived rows by (indicator, area, year), each made when first read (rowindex.py)."""
        if self._rows is None:
            self._rows = RowIndex(self.facts)
        return self._rows

    def derived(self, name: str, make: Callable[["Report"], T]) -> T:
        """``make(self)``, computed once per report: for results that the page plan, the navigation and the
        hooks all ask for (e.g. the release comparisons, seconds for a Land)."""
        if name not in self._derived:
            self._derived[name] = make(self)
        return self._derived[name]  # type: ignore[return-value]

    def gemeinde(self, ags: str) -> Gemeinde:
        return self.register.by_ags()[ags]


def fingerprint(data_dir: Path) -> str:
    """Content hash of every input file: the cache key for the loaded model."""
    h = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def load_report(data_dir: Path) -> Report:
    """Load and check everything; raise DataError with all problems, or return the derived model."""
    data_dir = Path(data_dir)
    out = Collector(root=data_dir)
    catalogue = load_catalogue(data_dir / "indicators.yml", out)
    register = load_register(data_dir / "areas", data_dir / "report.yml", out)
    if not catalogue.indicators or not register.gemeinden:
        out.raise_if_any()  # without a catalogue or register every value row would only repeat that
    for kf, (line, col) in zip(register.key_figures, register.key_figure_marks):
        if kf not in catalogue.by_id:
            out.add(data_dir / "report.yml", line, col, f"Schlüsselkennzahl „{kf}“ steht nicht in indicators.yml")
    snapshots = discover(data_dir / "snapshots", out)
    mergers = load_mergers(data_dir / "areas", {g.ags for g in register.gemeinden}, out)
    values = [_values(s, catalogue, register, out, retired(mergers)) for s in snapshots]
    sf_config = load_sozialformel(data_dir / "sozialformel.yml", catalogue, out)
    programmes = load_programmes(data_dir / "funding", catalogue, {g.ags for g in register.gemeinden},
                                 {"sozialformel"} if sf_config else set(), out)
    planning = load_planning(data_dir, catalogue, register, out)
    services = load_services(data_dir, catalogue, register, {"sozialformel"} if sf_config else set(), out)
    out.raise_if_any()
    # rows under the AGS of merged Gemeinden become the new Gemeinde's (or a break where they cannot)
    converted = [convert_mergers(v, mergers, catalogue) for v in values]
    values, area_breaks = [v for v, _ in converted], (converted[-1][1] if converted else set())
    members = {p.id: [g.ags for g in register.gemeinden if g.planning_area == p.id] for p in register.planning_areas}
    policy = Policy.from_mapping(register.disclosure)
    order = population_order(values[-1], [g.ags for g in register.gemeinden], policy.population_indicator)
    # planning-area totals come from the true figures and are then protected like every other published total
    combined = pd.concat([values[-1], aggregate(values[-1], catalogue, members)], ignore_index=True)
    published, suppressed = suppress(combined, catalogue, members, register.kreis.code, order, policy)
    sozialformel = None
    if sf_config is not None:
        sozialformel = compute_sozialformel(
            published, sf_config, catalogue, {g.ags: g.bez for g in register.gemeinden},
            [p.id for p in register.planning_areas] + [register.kreis.code],
        )
        published = pd.concat([published, sozialformel.rows()], ignore_index=True)
        catalogue = Catalogue(catalogue.fields, catalogue.indicators + (sf_config.as_indicator(),))
    facts = derive(published, catalogue, register, area_breaks)
    report = Report(data_dir, catalogue, register, snapshots, facts, sozialformel, programmes, suppressed,
                    planning=planning, history=values, mergers=mergers, services=services)
    heap.release()  # what checking and deriving freed
    return report


STORED_WITH = ("dist:pandas", "dist:pyarrow", "dist:numpy", "dist:shapely", "dist:pyyaml")  # objects in the cache


def _values(snap: Snapshot, catalogue: Catalogue, register: Register, out: Collector,
            gone: dict[str, Merger]) -> pd.DataFrame:
    """load_values through the build cache: a snapshot whose file did not change is not read and checked again
    (a third of a Land's loading when only the newest snapshot changed). Only a snapshot without problems is
    stored, so a problem is reported on every build until it is fixed."""
    path = snap.values_file
    digest = key(code_version(".", *STORED_WITH), repr(snap), repr(catalogue), sorted(register.known_codes()),
                 sorted((ags, repr(m)) for ags, m in gone.items()),
                 hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None)
    before = len(out.problems)
    return cached_pickle("values", digest, lambda: load_values(snap, catalogue, register, out, gone),
                         keep=lambda _: len(out.problems) == before)


_CACHE: dict[tuple[str, str], Report] = {}


def load_report_cached(data_dir: Path) -> Report:
    """load_report, reused while no input file changed: in this process (live preview, builds that also run
    checks) and, with a build cache (fokus_pi.cache), across builds, so a build after a change to texts or
    templates only reads the data files to hash them (0.1 s instead of 2 s for the demo). Only a report that
    loaded without problems is stored; the key holds the package's code and the versions of the libraries
    whose objects it contains."""
    found = (str(Path(data_dir).resolve()), fingerprint(Path(data_dir)))
    if found not in _CACHE:
        _CACHE.clear()
        digest = key(code_version(".", *STORED_WITH), *found)
        _CACHE[found] = cached_pickle("report", digest, lambda: load_report(data_dir))
        heap.release()  # what pickling or unpickling it freed
    return _CACHE[found]

