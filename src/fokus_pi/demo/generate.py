"""Write the complete demo data set (frame, catalogue, areas, geometry, two snapshots) into a directory.

The output is byte-identical for the same seed: one seeded numpy Generator per purpose, stable sort
orders, fixed number formatting and no timestamps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import funding, planning, services
from .areas import gemeinden_csv, planungsraeume_csv
from .catalogue import FIELDS, INDICATORS, NOT_CONFIDENTIAL
from .geometry import geojson_text, schematic_shapes
from .snapshots import SNAPSHOTS, snapshot_yml, values_csv
from .spec import Indicator
from .values import Engine

DEFAULT_SEED = 2026
KEY_FIGURES = ("einwohner", "sgb-ii-quote", "kinderarmut", "altersarmut", "arbeitslosenquote", "einkuenfte")


def report_yml() -> str:
    """report.yml: the report frame (Kreis, Land, Bund and the key figures on the start page)."""
    ids = {i.id for i in INDICATORS}
    assert all(k in ids for k in KEY_FIGURES)
    doc = {
        "title": "Digitaler Sozialbericht Kreis Pinneberg",
        "kreis": {"code": "01056", "name": "Kreis Pinneberg"},
        "land": {"code": "01", "name": "Schleswig-Holstein"},
        "bund": {"code": "DG", "name": "Deutschland"},
        "key_figures": list(KEY_FIGURES),
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def _indicator_entry(ind: Indicator) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": ind.id,
        "title": ind.title,
        "short_title": ind.short_title,
        "unit": ind.unit,
        "field": ind.field,
        "description": ind.description,
        "source": ind.source,
        "kind": ind.kind,
    }
    if ind.numerator:
        entry["numerator"] = ind.numerator
    if ind.denominator:
        entry["denominator"] = ind.denominator
    if ind.kind in ("share", "rate"):
        entry["per"] = ind.per
    entry["direction"] = ind.direction
    entry["decimals"] = ind.decimals
    if ind.notes:
        entry["notes"] = ind.notes
    if ind.breaks:
        entry["breaks"] = [{"year": year, "note": note} for year, note in ind.breaks]
    if ind.id in NOT_CONFIDENTIAL:
        entry["confidential"] = False
    return entry


def indicators_yml() -> str:
    """indicators.yml: the fields in reading order, then every indicator in catalogue order."""
    doc = {
        "fields": [{"id": f.id, "title": f.title, "description": f.description} for f in FIELDS],
        "indicators": [_indicator_entry(i) for i in INDICATORS],
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def generate(out_dir: Path, seed: int = DEFAULT_SEED) -> None:
    """Generate the demo data into out_dir (existing files of the same name are overwritten)."""
    out_dir = Path(out_dir)
    engine = Engine(INDICATORS, seed)
    _write(out_dir / "report.yml", report_yml())
    _write(out_dir / "indicators.yml", indicators_yml())
    _write(out_dir / "areas" / "gemeinden.csv", gemeinden_csv(engine.gemeinden))
    _write(out_dir / "areas" / "planungsraeume.csv", planungsraeume_csv(engine.gemeinden))
    shapes = schematic_shapes(engine.gemeinden)
    _write(out_dir / "areas" / "gemeinden.geojson", geojson_text(engine.gemeinden, shapes))
    for spec in SNAPSHOTS:
        folder = out_dir / "snapshots" / spec.stichtag.isoformat()
        _write(folder / "values.csv", values_csv(engine, INDICATORS, spec))
        _write(folder / "snapshot.yml", snapshot_yml(INDICATORS, spec))
    _write(out_dir / "funding" / f"{funding.PROGRAMME}.yml", funding.YAML)
    _write(out_dir / "funding" / f"{funding.PROGRAMME}.csv", funding.funding_csv(engine))
    for rel, text in planning.files(engine).items():
        _write(out_dir / rel, text)
    for rel, text in services.files(engine.gemeinden, shapes, seed).items():
        _write(out_dir / rel, text)
