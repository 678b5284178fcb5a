"""Make the missing chart specs on every core before the pages are planned.

Altair needs about a quarter of a second per indicator spec, the largest part of planning the pages. The specs
are independent, so forked workers (which share the loaded report) write them into the content-hash cache and
planning then only reads them. Without a cache folder, or with one worker, nothing happens here and planning
makes the specs itself: the output is the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

from .. import cache
from ..report import Report
from . import charts
from .html import SPEC_CODE, spec_args

WORKERS_ENV = "FOKUS_WORKERS"
_jobs: list[tuple] = []  # read by the forked workers


def workers() -> int:
    """FOKUS_WORKERS, else the cores this process may use (at most 4: the machine is shared with MkDocs)."""
    if os.environ.get(WORKERS_ENV):
        return max(1, int(os.environ[WORKERS_ENV]))
    return max(1, min(4, len(os.sched_getaffinity(0))))


def _make(index: int) -> None:
    cache.call_json("spec", SPEC_CODE, charts.indicator_spec, *_jobs[index])


def warm_specs(report: Report) -> int:
    """Make the specs the cache lacks, in parallel; returns how many were made."""
    n = workers()
    if cache.folder() is None or n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if any(t is not threading.main_thread() and t.name != "tqdm_monitor" for t in threading.enumerate()):
        return 0  # a fork copies other threads' locks but not the threads (live preview); tqdm's only sleeps
    todo = [args for ind in report.published() if (args := spec_args(report, ind)) is not None
            and not cache.has("spec", cache.call_digest(SPEC_CODE, charts.indicator_spec, *args))]
    if len(todo) < n:
        return 0  # forking costs more than it saves
    _jobs[:] = todo
    try:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            pool.map(_make, range(len(todo)), chunksize=1)
    finally:
        _jobs.clear()
    return len(todo)
