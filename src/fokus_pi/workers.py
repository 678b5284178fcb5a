"""Independent build jobs on every core, through forked worker processes.

Why fork: a worker inherits the loaded report (seconds to load, a gigabyte for a Land) and every cache the
parent warmed, without pickling any of it; only the jobs' results travel back. Where fork is missing or unsafe
(Windows, macOS) or only one core is free, the jobs run in this process, in the same order, with the same
results. ``FOKUS_WORKERS`` sets the number of processes (1: no workers at all).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
WORKERS_ENV = "FOKUS_WORKERS"
MEMORY_ENV = "FOKUS_MEMORY"  # the most the build and its forked processes may hold together, e.g. "16G"
UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
PARKED = "fokus-background-"  # + the build process's id: a background job's result, parked in the temp folder

_job: Callable[[int], object] | None = None  # what the forked workers run; set before the fork, inherited
_handed_back: list[tuple[Callable[[], object], Callable[[object], None]]] = []  # see hand_back


def count() -> int:
    """Worker processes to use: ``FOKUS_WORKERS``, else the cores this process may run on."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"{WORKERS_ENV}={value!r}: erwartet wird eine ganze Zahl ab 1")
        return int(value)
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return len(cores)


def can_fork() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


# The share of the build process a worker copies when its job reads little of what the build holds (MkDocs
# rendering pages, the leak scan reading files): a Land's build process (1,314 MB) and two such workers held
# 1,372-1,578 MB together (PSS), a tenth of it more for each; counted as 0.15 of a copy, two fit beside it in
# a 2 GB budget.
LIGHT = 0.15


def affordable(wanted: int, share: float = 1.0) -> int:
    """How many of ``wanted`` forked processes the memory now available holds, counting a full copy of this
    process for each and one more for this process's own growth: a forked process shares the parent's pages at
    first, but reading an object writes its reference count, so a worker that reads much of the report comes
    to copy much of it, and the parent goes on meanwhile (Germany's build process grew from 7.5 to 11.6 GB
    making the downloads while two workers planned the pages, and the three outgrew 16 GB). Fewer processes
    are slower but finish. ``share``: the part of this process a worker's job is known to copy at most, for
    jobs that read little of what it holds (MkDocs rendering pages ahead, ahead.py), in place of all of it.

    ``FOKUS_MEMORY`` caps the memory counted as available: what is left of it beside the resident sets of this
    process and of the processes it forked before (e.g. a container's limit, or the benchmark's 16 GB)."""
    budget = memory_budget()
    try:
        available = _meminfo()["MemAvailable"]
        resident = _resident(os.getpid())
        if budget is not None:
            available = min(available, budget - resident - sum(_resident(pid) for pid in _children()))
    except (OSError, KeyError, ValueError, IndexError):  # no /proc: as many as wanted
        return wanted
    return max(0, min(wanted, available // max(int(resident * share), 1) - 1))


def memory_budget() -> int | None:
    """``FOKUS_MEMORY`` in bytes ("16G", "512M", "2048K" or bytes), or None when unset."""
    value = os.environ.get(MEMORY_ENV, "").strip().upper().removesuffix("B")
    if not value:
        return None
    number, unit = value.rstrip("KMGT"), value[len(value.rstrip("KMGT")):]
    if not number.isdigit() or unit not in UNITS or int(number) < 1:
        raise ValueError(f"{MEMORY_ENV}={os.environ[MEMORY_ENV]!r}: erwartet wird eine Größe wie 16G oder 512M")
    return int(number) * UNITS[unit]


def _resident(pid: int) -> int:
    """The resident set of a process in bytes (0 when it has ended)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (FileNotFoundError, ProcessLookupError):
        return 0


def _children() -> list[int]:
    """The processes this one forked that are still running (workers, a background job)."""
    return [process.pid for process in multiprocessing.active_children() if process.pid is not None]


def _meminfo() -> dict[str, int]:
    """/proc/meminfo in bytes."""
    found = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        name, _, value = line.partition(":")
        parts = value.split()
        if parts and parts[0].isdigit():
            found[name] = int(parts[0]) * (1024 if parts[1:] == ["kB"] else 1)
    return found


class WorkerTraceback(Exception):
    """The traceback of an exception raised in a worker, as text: the cause of the exception raised here."""


def hand_back(take: Callable[[], object], merge: Callable[[object], None]) -> None:
    """Have forked processes hand back state with each result: ``take()`` there gives what was gathered since
    the last take, ``merge(taken)`` here adds it (the cache entries a job used, cachestore.py). Registered at
    import, so parent and workers know the same list."""
    _handed_back.append((take, merge))


def _taken() -> list:
    return [take() for take, _ in _handed_back]


def _merge(taken: list) -> None:
    for (_, merge), part in zip(_handed_back, taken):
        merge(part)


def freeze() -> None:
    """Put every object alive now out of the cyclic collector's reach (gc.freeze), before a fork.

    A collection walks every tracked object and writes to its header: in a forked worker that copies each page of
    the parent it walks (the loaded report, the modules), and in the build process it costs time on every
    collection of the oldest generation (0.14 s of a demo rebuild). What is alive here is mostly the report, its
    indexes and the imported modules; refcounting still frees what dies, and a build gives the frozen objects
    back to the collector at its end (publish.build_site), so cyclic garbage among them is collected then."""
    gc.freeze()


def _run(index: int) -> tuple[int, object, BaseException | None, str, list]:
    assert _job is not None
    try:
        return index, _job(index), None, "", _taken()
    except Exception as exc:  # sent back as a value: an exception that does not unpickle would stop the pool
        return index, None, _portable(exc), traceback.format_exc(), _taken()


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a RuntimeError with its type and message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - e.g. an __init__ with more arguments than Exception.args holds
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def run(job: Callable[[int], T], total: int, workers: int | None = None,
        meanwhile: Callable[[], object] | None = None, share: float = 1.0) -> Iterator[tuple[int, T]]:
    """Yield ``(i, job(i))`` for every i below ``total``, in order of completion across ``workers`` processes.

    ``meanwhile`` runs in this process once the workers have started (work that does not need their results,
    e.g. the open-data files). A job's exception ends the run and is raised here, as in a plain loop.
    ``share``: what part of this process a worker may come to copy (affordable).
    """
    global _job
    workers = min(count() if workers is None else workers, total)
    if workers >= 2 and can_fork():
        workers = affordable(workers, share)
    if workers < 2 or not can_fork():
        if meanwhile is not None:
            meanwhile()
        for index in range(total):
            yield index, job(index)
        return
    _job = job
    freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.imap_unordered(_run, range(total), chunksize=1)
            if meanwhile is not None:
                meanwhile()
            for index, result, error, trace, taken in results:
                _merge(taken)
                if error is not None:
                    raise error from WorkerTraceback(trace)
                yield index, result  # type: ignore[misc]
    finally:
        _job = None


class Background(Generic[T]):
    """One job in a forked process while this one goes on (e.g. the downloads while MkDocs reads its config and
    plans the pages); ``result()`` waits for it and raises its exception. Where workers are not used (one core,
    no fork), the job runs in ``result()``."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._job: Callable[[], T] | None = job
        self._process = None
        if count() < 2 or not can_fork() or affordable(1) < 1:
            return
        _sweep_parked()
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        parent = os.getpid()

        def child() -> None:
            _end_with_parent(parent)
            try:
                outcome = (job(), None, "", _taken())
            except Exception as exc:  # noqa: BLE001 - sent back and raised in result()
                outcome = (None, _portable(exc), traceback.format_exc(), _taken())
            try:
                parked = _parked(outcome)
            except Exception as exc:  # noqa: BLE001 - e.g. a result that does not pickle: raised in result()
                parked = _parked((None, _portable(exc), traceback.format_exc(), outcome[3]))
            send.send(parked)  # a short name: the process ends now, not when its result is read

        process = context.Process(target=child, daemon=True)  # daemon: ends with this process
        freeze()
        try:
            process.start()
        except OSError:  # a fork refused (memory): the job runs here when its result is asked for
            self._receive.close()
            return
        finally:
            send.close()
        self._process, self._job = process, None

    def result(self) -> T:
        if self._process is None:
            assert self._job is not None, "result() was asked for twice"
            job, self._job = self._job, None
            return job()
        try:
            value, error, trace, taken = _unparked(self._receive.recv())
        except EOFError:
            self._process.join()
            raise RuntimeError(f"der Hintergrundprozess endete ohne Ergebnis (Code {self._process.exitcode})")
        finally:
            self._receive.close()
        self._process.join()
        self._process = None
        _merge(taken)
        if error is not None:
            raise error from WorkerTraceback(trace)
        return value

    def cancel(self) -> None:
        """Stop the job (the build failed before it needed the result)."""
        self._job = None
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            try:
                if self._receive.poll():  # it had finished: its parked result is not wanted
                    Path(self._receive.recv()).unlink(missing_ok=True)
            except EOFError:  # stopped before it had sent one
                pass
            self._receive.close()
            self._process = None


def _parked(outcome: tuple) -> str:
    """``outcome`` pickled into a temporary file; its name. Sent through the pipe whole, a large result (a
    Land's list of downloads) filled the pipe's buffer, and the process that had finished its job waited with
    all its memory (6 GB for Germany) until the build read the result."""
    handle, name = tempfile.mkstemp(prefix=f"{PARKED}{os.getppid()}-", suffix=".pickle")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(outcome, out, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        os.unlink(name)
        raise
    return name


def _sweep_parked() -> None:
    """Remove results parked for a build that has ended without reading them (killed between the job's end and
    ``result()``): the file names the build process, and only files of processes that no longer run go."""
    for path in Path(tempfile.gettempdir()).glob(f"{PARKED}*.pickle"):
        try:
            os.kill(int(path.name[len(PARKED):].split("-")[0]), 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except (ValueError, OSError):  # not one of ours, or a process of another user: left alone
            pass


def _unparked(name: str) -> tuple:
    try:
        with open(name, "rb") as parked:
            return pickle.load(parked)
    finally:
        os.unlink(name)


def _end_with_parent(parent: int) -> None:
    """Have Linux kill this process when its parent dies: a build killed outright (SIGKILL, OOM) must not leave
    its background job running (multiprocessing ends daemon processes only at a normal exit)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the job ends by itself once it has written its result
        pass
    if os.getppid() != parent:  # the parent died before prctl: nobody waits for the result
        os._exit(1)
