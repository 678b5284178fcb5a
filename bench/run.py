"""Benchmark: build time, rebuild time after one changed value, peak memory and sizes at three scales.

    .venv/bin/python bench/run.py [--scales kreis,land,bund] [--work /tmp/fokus-bench]   (or: make bench)

Each build runs as its own `fokus` process (so imports count, as in CI) with a fresh content-hash cache for the
cold build and the same cache for the rebuild; the Kreis is built three times and the median given (--repeat).
Memory is given twice (bench/probe.py): the largest resident set of the process or one of its forked workers,
and the peak proportional set size summed over all of them; the Land is built once more under the issue's
2 GB (FOKUS_MEMORY=2G, so the build forks only what fits). The Land and Germany data are synthetic
(fokus_pi.demo.scale), written to the work folder, never into the repository. Germany stops after the data and
page stages (`fokus pages`, no MkDocs) unless --full-bund is given. A benchmark, not a test: it prints numbers
and asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOKUS = Path(sys.executable).with_name("fokus")
CHANGED = "sozialwohnungen"  # a count without numerator: one cell can change alone and stay valid


@dataclass
class Row:
    scale: str
    gemeinden: int
    stage: str
    cold: float | None = None
    rebuild: float | None = None
    cpu: float | None = None  # user + system seconds of the cold run (all cores): less sensitive to a busy machine
    cpu_rebuild: float | None = None
    peak_mb: float | None = None  # largest resident set of one process
    sum_mb: float | None = None  # peak PSS summed over the build and its forked workers
    sizes: dict = field(default_factory=dict)


MAX_GB = 16  # memory per build (PSS summed over its processes): Germany's could otherwise take the machine's
GOAL_MEMORY = {"land": "2G"}  # issue 9: the Land within 2 GB; built once more with this FOKUS_MEMORY


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """Wall seconds, largest RSS of one process (MB), CPU seconds and peak PSS summed over the command and its
    workers (MB), measured by bench/probe.py in a process of its own."""
    budget = {"FOKUS_MEMORY": f"{MAX_GB}G"}  # the build forks no more workers than fit under the limit
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "probe.py"), str(MAX_GB), *args],
                          env={**os.environ, **budget, **env}, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{Path(args[0]).name} {args[1]} abgebrochen: {done.stderr.strip().splitlines()[-1:]}")
    seconds, rss, cpu, total = (float(x) for x in done.stdout.split())
    return seconds, rss, cpu, total


def site_sizes(site: Path) -> dict:
    """Pages, total size, median and largest page, shared assets (everything under assets/)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in files if p.name == "index.html" and "assets" not in p.parts]
    shared = sum(p.stat().st_size for p in (site / "assets").rglob("*") if p.is_file())
    return {"pages": len(pages), "total_mb": sum(p.stat().st_size for p in files) / 1e6,
            "median_kb": statistics.median(pages) / 1024, "largest_kb": max(pages) / 1024, "shared_kb": shared / 1024}


def markdown_sizes(folder: Path) -> dict:
    pages = [p.stat().st_size for p in folder.rglob("*.md")]
    return {"pages": len(pages), "total_mb": sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6,
            "median_kb": statistics.median(pages) / 1024, "largest_kb": max(pages) / 1024}


def change_one_value(data: Path) -> str:
    """Add 1 to one Gemeinde's newest value of CHANGED (a mid-sized count, so no disclosure rule flips)."""
    path = sorted((data / "snapshots").iterdir())[-1] / "values.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    head = rows[0]
    col = {h: i for i, h in enumerate(head)}
    pick = max((r for r in rows[1:] if r[col["indicator"]] == CHANGED and len(r[col["area"]]) == 8
                and r[col["value"]].isdigit()), key=lambda r: (int(r[col["year"]]), -abs(int(r[col["value"]]) - 100)))
    pick[col["value"]] = str(int(pick[col["value"]]) + 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return f"{CHANGED} {pick[col['area']]} {pick[col['year']]}"


def prepare(scale: str, work: Path) -> tuple[Path, int]:
    from fokus_pi.demo.scale import SCALES
    from fokus_pi.demo.scale import scale as grow

    data = work / scale / "data"
    if scale == "kreis":
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(ROOT / "data", data)
    else:
        grow(ROOT / "data", data, SCALES[scale], region_name=scale)
    return data, SCALES[scale]


def bench(scale: str, work: Path, rebuild: bool, full: bool, rows: list[Row], repeat: int = 1) -> None:
    """Append each stage's row to ``rows`` as soon as it is measured, so a stage that stops keeps the ones before.
    ``repeat``: builds (cold, then rebuild) whose median wall and CPU times are given: this machine's speed
    varies by a fifth from one minute to the next."""
    data, n = prepare(scale, work)
    seconds, peak, cpu, total = run([str(FOKUS), "check", "--data", str(data)], {})
    rows.append(Row(scale, n, "Daten (fokus check)", seconds, cpu=cpu, peak_mb=peak, sum_mb=total))
    if not full:  # data and page stages only (Germany): `fokus pages` loads, checks, derives and plans
        rows.append(pages_stage(scale, work, data, n))
        return
    if scale == "kreis":
        rows += [pages_stage(scale, work, data, n), floor(scale, work, data, n)]
    rows.append(site_row(scale, work, data, n, rebuild, repeat, {}))
    if scale in GOAL_MEMORY:  # the same builds under the goal's memory budget (the workers rule adapts to it)
        rows.append(site_row(scale, work, data, n, rebuild, 1, {"FOKUS_MEMORY": GOAL_MEMORY[scale]}))


def site_row(scale: str, work: Path, data: Path, n: int, rebuild: bool, repeat: int, budget: dict) -> Row:
    """The site's row: cold builds with a fresh cache, each followed by a rebuild after one more changed value;
    ``budget``: FOKUS_MEMORY for these builds instead of the benchmark's MAX_GB."""
    cache, site = work / scale / "cache", work / scale / "site"
    env = {"FOKUS_CACHE": str(cache), **budget}
    build = [str(FOKUS), "build", "--data", str(data), "--out", str(site)]
    colds, rebuilds = [], []
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(run(build, env))
        if rebuild:
            print(f"  {scale}: changed {change_one_value(data)}", flush=True)
            rebuilds.append(run(build, env))
    if repeat > 1:
        print(f"  {scale}: kalt {_seconds(colds)} s, Neubau {_seconds(rebuilds)} s (Median in der Tabelle)", flush=True)
    stage = "Website (fokus build)" + "".join(f", {k}={v}" for k, v in budget.items())
    row = Row(scale, n, stage, _median(colds, 0), cpu=_median(colds, 2), sizes=site_sizes(site),
              peak_mb=max(r[1] for r in colds + rebuilds), sum_mb=max(r[3] for r in colds + rebuilds))
    if rebuilds:
        row.rebuild, row.cpu_rebuild = _median(rebuilds, 0), _median(rebuilds, 2)
    return row


def _median(runs: list[tuple[float, ...]], field: int) -> float:
    return statistics.median(r[field] for r in runs)


def _seconds(runs: list[tuple[float, ...]]) -> str:
    return " / ".join(f"{r[0]:.1f}" for r in runs)


FLOOR_CONFIG = """site_name: Boden
docs_dir: {docs}
site_dir: {site}
use_directory_urls: true
theme: {{name: material, language: de, font: false, features: [navigation.indexes, navigation.prune]}}
plugins: [{{search: {{lang: de}}}}]
markdown_extensions: [admonition, attr_list, md_in_html, tables, {{toc: {{permalink: true}}}}, pymdownx.details,
                      pymdownx.superfences]
"""


SOURCES = """import sys
from fokus_pi.pages import plan_pages
from fokus_pi.report import load_report
for page in plan_pages(load_report(sys.argv[1])):
    target = sys.argv[2] + "/" + page.uri
    __import__("os").makedirs(target.rsplit("/", 1)[0], exist_ok=True)
    open(target, "w", encoding="utf-8").write(page.source)
"""


def pages_stage(scale: str, work: Path, data: Path, n: int) -> Row:
    """`fokus pages`: load, check, derive and plan every page and download, written as files; no MkDocs."""
    docs = work / scale / "pages"
    shutil.rmtree(docs, ignore_errors=True)
    seconds, peak, cpu, total = run([str(FOKUS), "pages", "--data", str(data), "--out", str(docs)], {})
    return Row(scale, n, "Daten + Seiten (fokus pages)", seconds, cpu=cpu, peak_mb=peak, sum_mb=total,
               sizes=markdown_sizes(docs))


def floor(scale: str, work: Path, data: Path, n: int) -> Row:
    """The MkDocs floor: the generated pages as the MkDocs adapter hands them over (Markdown with one placeholder
    per finished HTML block, fokus_pi.blocks), built by plain MkDocs with Material and search: no hooks, no
    minify, no checks. What MkDocs itself costs for these pages however fast our own code is."""
    docs, site = work / scale / "floor-docs", work / scale / "floor-site"
    shutil.rmtree(docs, ignore_errors=True)
    subprocess.run([sys.executable, "-c", SOURCES, str(data), str(docs)], check=True, cwd=ROOT)
    config = work / scale / "floor.yml"
    config.write_text(FLOOR_CONFIG.format(docs=docs, site=site), encoding="utf-8")
    seconds, peak, cpu, total = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], {})
    return Row(scale, n, "nur MkDocs (Boden)", seconds, cpu=cpu, peak_mb=peak, sum_mb=total, sizes=site_sizes(site))


def fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(rows: list[Row]) -> str:
    head = ["Maßstab", "Gemeinden", "Stufe", "kalt s", "Neubau s", "CPU kalt s", "CPU Neubau s", "Spitze MB",
            "Summe MB", "Seiten", "gesamt MB", "Median KB", "größte KB", "geteilt KB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        s = r.sizes
        lines.append("| " + " | ".join([r.scale, f"{r.gemeinden:,}", r.stage, fmt(r.cold), fmt(r.rebuild), fmt(r.cpu),
                                        fmt(r.cpu_rebuild), fmt(r.peak_mb, 0), fmt(r.sum_mb, 0),
                                        fmt(s.get("pages"), 0), fmt(s.get("total_mb")),
                                        fmt(s.get("median_kb")), fmt(s.get("largest_kb")),
                                        fmt(s.get("shared_kb"), 0)]) + " |")
    return "\n".join(lines)


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{len(os.sched_getaffinity(0))} Kerne ({cpu}), {mem:.0f} GB RAM, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; ohne Chromium")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="kreis,land,bund")
    parser.add_argument("--work", type=Path, default=Path("/tmp/fokus-bench"))
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild after one changed value")
    parser.add_argument("--full-bund", action="store_true", help="build the Germany site with MkDocs too")
    parser.add_argument("--repeat", type=int, default=3, help="cold builds and rebuilds of the Kreis (median)")
    opts = parser.parse_args()
    compileall.compile_dir(ROOT / "src", quiet=1)  # byte-compiled as `make bench` leaves them (Makefile: bytecode)
    compileall.compile_dir(ROOT / "hooks", quiet=1)
    rows: list[Row] = []
    started = time.perf_counter()
    for scale in opts.scales.split(","):
        print(f"{scale} …", flush=True)
        try:
            bench(scale, opts.work, not opts.no_rebuild, scale != "bund" or opts.full_bund, rows,
                  opts.repeat if scale == "kreis" else 1)
        except RuntimeError as exc:  # e.g. MemoryError beyond MAX_GB: a result too
            rows.append(Row(scale, 0, str(exc)[:160]))
        print(table(rows[-3:]), flush=True)
    load = os.getloadavg()[0]
    print(f"\n{machine()}; Last (1 min) am Ende {load:.1f}; Benchmark {time.perf_counter() - started:.0f} s\n")
    print(table(rows))


if __name__ == "__main__":
    main()
