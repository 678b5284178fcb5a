"""Synthetic data at the scale of a Land or of Germany, for the benchmark (bench/run.py); never committed.

The 49 demo Gemeinden stay as they are, so every text, macro and planning file still finds its rows. The others
are labelled synthetic ("Synthetische Gemeinde 0050"): each repeats the value rows of one demo Gemeinde, lies on
a random point beside the Kreis and gets the Voronoi cell of that point (simplified later, topology kept, like
any geometry in viz/geo.py). The demo Kreis becomes the reporting area (code "01") so that more than 999 AGS
fit under its code; its and the Land's rows are kept as delivered. Only the sizes are meaningful.
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import shapely
import yaml
from shapely.geometry import box, shape

from .geometry import TITLE, geojson_text

SCALES = {"kreis": 49, "land": 1106, "bund": 10800}
KREIS, LAND = "01", "00"  # new codes of the reporting area (was the Kreis) and of the comparison Land
PER_AMT, PER_AREA = 12, 48
# where the synthetic Gemeinden lie (lon/lat boxes beside the demo Kreis, which ends at about 53.9° N)
REGIONS = {"land": (8.6, 53.95, 11.3, 54.95), "bund": (6.0, 47.3, 15.0, 53.35)}
NOTE = ("Synthetischer Maßstabstest: {n} Gemeinden, davon {s} erfundene Kopien der 49 Demo-Gemeinden mit "
        "zufälliger Lage und Voronoi-Flächen. Nur für Laufzeit- und Größenmessungen, keine echten Daten.")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write_rows(path: Path, header: list[str], rows: list[list[str]] | list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[r[h] for h in header] if isinstance(r, dict) else r for r in rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def synthetic_gemeinden(demo: list[dict[str, str]], total: int, region: tuple[float, ...], seed: int) -> list[dict]:
    """Rows for gemeinden.csv (plus the demo AGS each one copies) for ``total - len(demo)`` new Gemeinden."""
    rng = np.random.default_rng(seed)
    west, south, east, north = region
    rows = []
    for i in range(len(demo), total):
        k = i - len(demo)
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        rows.append({"ags": f"019{k:05d}", "name": f"Synthetische Gemeinde {i + 1:05d}", "bez": "Gemeinde",
                     "amt": f"Amt Synthetisch {k // PER_AMT + 1:04d}", "planning_area": f"synth-{k // PER_AREA + 1:03d}",
                     "lon": f"{lon:.6f}", "lat": f"{lat:.6f}", "template": demo[k % len(demo)]["ags"]})
    return rows


def voronoi_cells(rows: list[dict], region: tuple[float, ...]) -> dict[str, shapely.Geometry]:
    """One Voronoi cell per point, clipped to the region; computed in a locally isotropic plane."""
    kx = math.cos(math.radians((region[1] + region[3]) / 2))
    pts = shapely.points([[float(r["lon"]) * kx, float(r["lat"])] for r in rows])
    frame = box(region[0] * kx, region[1], region[2] * kx, region[3])
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame))
    owner = shapely.STRtree(cells).query(pts, predicate="within")  # (point index, cell index)
    result = {}
    for p, c in zip(*owner):
        cell = shapely.intersection(cells[c], frame)
        cell = shapely.transform(cell, lambda xy: np.column_stack([xy[:, 0] / kx, xy[:, 1]]))
        cell = shapely.set_precision(cell, 1e-5)  # 5 decimals (about 1 m), as the demo geometry
        result[rows[p]["ags"]] = cell if cell.is_valid else shapely.make_valid(cell)
    return result


def _areas(root: Path, demo: list[dict], new: list[dict], region: tuple[float, ...]) -> None:
    fields = ["ags", "name", "bez", "amt", "planning_area", "lon", "lat"]
    _write_rows(root / "areas" / "gemeinden.csv", fields, demo + new)
    areas = _read(root / "areas" / "planungsraeume.csv")
    for pa in sorted({r["planning_area"] for r in new}):
        areas.append({"id": pa, "name": f"Synthetischer Raum {pa[6:]}", "description": "Synthetischer Zuschnitt."})
    _write_rows(root / "areas" / "planungsraeume.csv", ["id", "name", "description"], areas)
    text = (root / "areas" / "gemeinden.geojson").read_text(encoding="utf-8")
    shapes = {str(f["properties"]["ags"]): shape(f["geometry"]) for f in json.loads(text)["features"]}
    shapes.update(voronoi_cells(new, region))
    members = [SimpleNamespace(ags=r["ags"], name=r["name"]) for r in demo + new]
    synthetic_title = TITLE.replace("Schematische", "Schematische und synthetische")
    (root / "areas" / "gemeinden.geojson").write_text(
        geojson_text(members, shapes).replace(TITLE, synthetic_title), encoding="utf-8")


def _values(path: Path, copies: dict[str, list[str]], old_kreis: str, old_land: str) -> None:
    """Every demo Gemeinde row again for each of its copies; Kreis and Land rows under their new codes."""
    rows = _read(path)
    header = list(rows[0])
    out: list[list[str]] = []
    rename = {old_kreis: KREIS, old_land: LAND}
    for row in rows:
        area = rename.get(row["area"], row["area"])
        out.append([area if h == "area" else row[h] for h in header])
        for ags in copies.get(row["area"], ()):
            out.append([ags if h == "area" else row[h] for h in header])
    _write_rows(path, header, out)


def scale(source: Path, out_dir: Path, total: int, seed: int = 2026, region_name: str = "land") -> None:
    """Copy the data folder ``source`` to ``out_dir`` and grow it to ``total`` Gemeinden."""
    source, out_dir = Path(source), Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(source, out_dir)
    region = REGIONS[region_name]
    demo = _read(out_dir / "areas" / "gemeinden.csv")
    new = synthetic_gemeinden(demo, total, region, seed)
    copies: dict[str, list[str]] = {}
    for r in new:
        copies.setdefault(r.pop("template"), []).append(r["ags"])
    _areas(out_dir, demo, new, region)
    report = yaml.safe_load((out_dir / "report.yml").read_text(encoding="utf-8"))
    old_kreis, old_land = report["kreis"]["code"], report["land"]["code"]
    report["title"] += f" – synthetischer Maßstabstest ({total} Gemeinden)"
    report["kreis"] = {"code": KREIS, "name": f"Testgebiet ({region_name}, synthetisch)"}
    report["land"] = {"code": LAND, "name": f"{report['land']['name']} (Vergleich, synthetisch)"}
    (out_dir / "report.yml").write_text(yaml.safe_dump(report, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for snap in sorted((out_dir / "snapshots").iterdir()):
        _values(snap / "values.csv", copies, old_kreis, old_land)
        meta = yaml.safe_load((snap / "snapshot.yml").read_text(encoding="utf-8"))
        meta["description"] = NOTE.format(n=total, s=len(new)) + " " + str(meta.get("description", ""))
        (snap / "snapshot.yml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), "utf-8")
    for path in sorted((out_dir / "funding").glob("*.csv")):
        rows = _read(path)
        extra = [{**r, "ags": a} for r in rows for a in copies.get(r["ags"], ())]
        _write_rows(path, list(rows[0]), rows + extra)
