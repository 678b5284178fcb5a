"""Pages planned on several cores: other processes do the work, and the result is the one of a single process."""

from __future__ import annotations

import logging
import multiprocessing.context
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from fokus_pi import workers
from fokus_pi.pages import plan


def _pid(index: int) -> tuple[int, int]:
    return index, os.getpid()


def test_jobs_run_in_forked_workers_and_every_result_comes_back():
    done = dict(workers.run(_pid, 40, workers=2))
    assert sorted(done) == list(range(40))
    assert os.getpid() not in {pid for _, pid in done.values()}  # the workers did the jobs, not this process


def test_one_worker_runs_the_jobs_here_in_order_and_meanwhile_first():
    order: list[str] = []
    results = list(workers.run(lambda i: order.append(f"job {i}") or i * i, 3, workers=1,
                               meanwhile=lambda: order.append("meanwhile")))
    assert results == [(0, 0), (1, 1), (2, 4)]
    assert order == ["meanwhile", "job 0", "job 1", "job 2"]


def _fails_on_three(index: int) -> int:
    if index == 3:
        raise ValueError("Seite 3 kaputt")
    return index


def test_a_failing_job_fails_the_run_as_in_a_plain_loop():
    with pytest.raises(ValueError, match="Seite 3 kaputt"):
        list(workers.run(_fails_on_three, 8, workers=2))


class _Odd(Exception):
    """Its __init__ takes two arguments; unpickling it from Exception.args fails (and used to stop the pool)."""

    def __init__(self, page: str, line: int):
        super().__init__(f"{page}, Zeile {line}")


def _odd_on_two(index: int) -> int:
    if index == 2:
        raise _Odd("gemeinden/adorf.md", 3)
    return index


def test_an_exception_that_does_not_unpickle_still_ends_the_run_with_its_message_and_traceback():
    with pytest.raises(RuntimeError, match="_Odd: gemeinden/adorf.md, Zeile 3") as raised:
        list(workers.run(_odd_on_two, 6, workers=2))
    assert isinstance(raised.value.__cause__, workers.WorkerTraceback)
    assert "_odd_on_two" in str(raised.value.__cause__)  # where in the worker it was raised


def test_the_number_of_workers_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "3")
    assert workers.count() == 3
    monkeypatch.setenv(workers.WORKERS_ENV, "zwei")
    with pytest.raises(ValueError, match="FOKUS_WORKERS='zwei'"):
        workers.count()
    monkeypatch.delenv(workers.WORKERS_ENV)
    assert workers.count() == len(os.sched_getaffinity(0))


def test_two_workers_plan_the_same_pages_and_downloads_as_one(tiny_report):
    one_pages, one_files = plan(tiny_report, workers=1)
    two_pages, two_files = plan(tiny_report, workers=2)
    assert [p.uri for p in two_pages] == [p.uri for p in one_pages]  # the site's order, not completion order
    assert two_pages == one_pages  # sources, blocks, titles, navigation flags
    assert {f.uri: f.content for f in two_files} == {f.uri: f.content for f in one_files}
    assert "kennzahlen/sgb-ii-quote.md" in {p.uri for p in two_pages} and len(two_files) > 10


def test_a_background_job_runs_in_another_process_while_this_one_goes_on(monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    job = workers.Background(lambda: ("fertig", os.getpid()))
    value, pid = job.result()
    assert value == "fertig" and pid != os.getpid()
    with pytest.raises(AssertionError):
        job.result()  # one result per job


def test_a_background_job_runs_here_without_workers(monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    ran: list[int] = []
    job = workers.Background(lambda: ran.append(os.getpid()) or "fertig")
    assert ran == []  # not yet: it runs when its result is asked for, as the plain loop did
    assert job.result() == "fertig" and ran == [os.getpid()]


def test_a_background_job_raises_its_exception_here_and_can_be_cancelled(monkeypatch, tmp_path):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    with pytest.raises(ValueError, match="Seite 3 kaputt") as raised:
        workers.Background(lambda: _fails_on_three(3) and None).result()
    assert isinstance(raised.value.__cause__, workers.WorkerTraceback)
    assert "_fails_on_three" in str(raised.value.__cause__)
    marker = tmp_path / "written"
    job = workers.Background(lambda: __import__("time").sleep(30) or marker.write_text("zu spät"))
    job.cancel()
    assert not marker.exists() and job._process is None


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] in "ZX"  # ended, not yet reaped
    except (FileNotFoundError, ProcessLookupError):
        return True


def test_a_background_job_ends_when_its_build_is_killed(tmp_path):
    """A build killed outright (SIGKILL, the OOM killer) must not leave its downloads running."""
    script = ("import os, sys, time\nos.environ['FOKUS_WORKERS'] = '2'\nfrom fokus_pi import workers\n"
              "job = workers.Background(lambda: time.sleep(120))\nprint(job._process.pid, flush=True)\n"
              "time.sleep(120)\n")
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(build.stdout.readline())
    assert not _gone(child)
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)


def test_a_background_job_whose_fork_is_refused_runs_here(monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")

    def refused(self):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", refused)
    job = workers.Background(lambda: os.getpid())
    assert job.result() == os.getpid()


def test_fewer_workers_where_the_memory_would_not_hold_a_copy_of_the_build_each(monkeypatch):
    """A forked worker may come to copy the whole build process (reference counts), and the build process may
    grow as much meanwhile, so there are only as many workers as the available memory holds copies of it
    beside one for that growth; without room for one the jobs run here, as on one core."""
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    resident = workers._resident(os.getpid())
    room = {"MemAvailable": resident * 10}
    monkeypatch.setattr(workers, "_meminfo", lambda: room)
    assert workers.affordable(2) == 2
    assert os.getpid() not in {pid for _, pid in dict(workers.run(_pid, 8)).values()}
    room["MemAvailable"] = resident * 5 // 2  # the growth and one copy, not two
    assert workers.affordable(2) == 1
    assert {pid for _, pid in dict(workers.run(_pid, 8)).values()} == {os.getpid()}
    assert workers.Background(lambda: os.getpid()).result() != os.getpid()  # the one copy it needs
    room["MemAvailable"] = resident * 3 // 2
    assert workers.affordable(1) == 0
    assert workers.Background(lambda: os.getpid()).result() == os.getpid()


def test_jobs_that_copy_a_share_of_the_build_get_workers_where_full_copies_would_not_fit(monkeypatch):
    """Rendering pages ahead reads MkDocs' pages, not the report: counted as a share of a copy, two such
    workers fit where not one worker that may copy everything would; the same share decides run()."""
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    resident = workers._resident(os.getpid())
    room = {"MemAvailable": resident * 3 // 5}
    monkeypatch.setattr(workers, "_meminfo", lambda: room)
    assert workers.affordable(2) == 0 and workers.affordable(2, share=0.15) == 2
    assert workers.affordable(2, share=0.25) == 1  # 0.6 holds two quarters beside the growth's, not three
    assert {pid for _, pid in dict(workers.run(_pid, 8)).values()} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in dict(workers.run(_pid, 8, share=0.15)).values()}
    from fokus_pi import ahead

    asked, done = [], []
    monkeypatch.setattr(workers, "affordable", lambda wanted, share=1.0: asked.append(share) or 1)
    counter = logging.NullHandler()  # as MkDocs counts warnings for --strict
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        assert ahead._ahead(list(range(ahead.MIN_PAGES)), done.append) == 0  # one worker: MkDocs does the pages
        assert asked == [ahead.SHARE] and ahead.SHARE < 1 and done == []
        assert counter in logging.getLogger("mkdocs").handlers  # and logs them as usual
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def test_the_memory_available_is_read_from_the_system():
    assert workers._meminfo()["MemAvailable"] > 0


def test_a_memory_budget_counts_what_this_process_and_its_children_hold(monkeypatch):
    """FOKUS_MEMORY caps the memory counted as available (a container's limit, the benchmark's 16 GB): what is
    left beside this process and the processes it forked before, so a background job already running leaves
    less room for the page workers."""
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    monkeypatch.setattr(workers, "_meminfo", lambda: {"MemAvailable": 1 << 50})
    resident = workers._resident(os.getpid())
    # half a copy to spare each time: this process may grow a little before affordable() reads its size
    monkeypatch.setenv(workers.MEMORY_ENV, str(resident * 9 // 2))  # itself, its growth and two copies
    assert workers.affordable(2) == 2
    monkeypatch.setenv(workers.MEMORY_ENV, f"{resident * 7 // 2048}K")  # itself, its growth and one copy
    assert workers.affordable(2) == 1
    job = workers.Background(lambda: __import__("time").sleep(30))
    try:
        assert job._process is not None and job._process.pid in workers._children()
        assert workers.affordable(2) == 0  # the background job's copy takes the room of one
        assert {pid for _, pid in dict(workers.run(_pid, 4)).values()} == {os.getpid()}
    finally:
        job.cancel()
    monkeypatch.setenv(workers.MEMORY_ENV, "1G")
    assert workers.memory_budget() == 1 << 30
    for bad in ("viel", "16X", "0", "-1G"):
        monkeypatch.setenv(workers.MEMORY_ENV, bad)
        with pytest.raises(ValueError, match="FOKUS_MEMORY"):
            workers.memory_budget()


def test_a_background_job_ends_as_soon_as_it_is_done_even_with_a_large_result(monkeypatch, tmp_path):
    """A result larger than the pipe's buffer is parked in a file: the finished process does not wait, with all
    its memory, until the build asks for the result; the file is gone once the result is read or dropped."""
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    job = workers.Background(lambda: ["Download"] * 2_000_000)
    deadline = time.monotonic() + 20
    while job._process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not job._process.is_alive()  # ended before its result was read
    assert len(list(tmp_path.iterdir())) == 1
    assert job.result() == ["Download"] * 2_000_000
    assert list(tmp_path.iterdir()) == []
    dropped = workers.Background(lambda: ["Download"] * 2_000_000)
    while dropped._process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    dropped.cancel()
    assert list(tmp_path.iterdir()) == []


def test_a_result_parked_for_a_build_that_was_killed_is_removed_by_the_next_one(monkeypatch, tmp_path):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, alive = int(ended.stdout), os.getppid()  # a process that has ended, and one that runs (pytest's parent)
    orphan = tmp_path / f"{workers.PARKED}{dead}-x1.pickle"
    other = tmp_path / f"{workers.PARKED}{alive}-x2.pickle"
    for path in (orphan, other, tmp_path / "fokus-background-notes.pickle"):
        path.write_bytes(pickle.dumps(("Download", None, "", None)))
    job = workers.Background(lambda: "fertig")
    assert job.result() == "fertig"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["fokus-background-notes.pickle", other.name])


def test_a_background_result_that_does_not_pickle_is_raised_here_with_its_cause(monkeypatch, tmp_path):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)) as raised:
        workers.Background(lambda: (lambda: "eine Funktion pickelt nicht")).result()
    assert isinstance(raised.value.__cause__, workers.WorkerTraceback)
    assert list(tmp_path.iterdir()) == []  # neither the failed file nor the error's


def _collector_walks(payload: list) -> bool:
    """Whether the cyclic collector of this (forked) process still tracks ``payload`` as a young object."""
    import gc

    return any(o is payload for o in gc.get_objects())


def test_objects_alive_at_a_fork_are_frozen_so_no_collection_writes_to_the_pages_the_workers_share():
    import gc

    gc.unfreeze()
    payload = [object() for _ in range(3)]  # alive when the workers fork
    assert _collector_walks(payload)
    done = dict(workers.run(lambda i: _collector_walks(payload), 2, workers=2))
    assert done == {0: False, 1: False}  # in the workers, out of the collector's reach
    assert not _collector_walks(payload) and gc.get_freeze_count() > 0  # and here
    gc.unfreeze()
    assert _collector_walks(payload)


def test_a_build_gives_what_its_forks_froze_back_to_the_collector(monkeypatch, tmp_path):
    import gc

    from fokus_pi.publish import build_site

    from .conftest import TINY, TINY_CONFIG

    frozen: list[int] = []
    freeze = workers.freeze
    monkeypatch.setattr(workers, "freeze", lambda: (freeze(), frozen.append(gc.get_freeze_count())))
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    gc.unfreeze()
    build_site(TINY, tmp_path / "site", TINY_CONFIG)
    assert frozen and min(frozen) > 1000  # the downloads' process and the planning workers were forked
    assert gc.get_freeze_count() == 0  # a next build in this process (tests, a preview) collects them again
