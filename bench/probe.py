"""Run one command and print its wall seconds, peak memory and CPU seconds (bench/run.py calls this).

    python bench/probe.py MAX_GB COMMAND [ARGS...]  ->  "seconds largest_rss_mb cpu_seconds peak_sum_mb"

Two memory figures, because a build forks workers (fokus_pi.workers) that share the parent's pages until they
write to them: the largest resident set of any one process (getrusage), and the peak of the proportional set
size (PSS) summed over the command and all its descendants, sampled every 0.2 s (less often when a sample is
slow: at most 5 % of a core): what the machine really spends. MAX_GB bounds that sum: the command and its
processes are stopped when it is passed (exit code 137, "über MAX_GB"). Not the address space (RLIMIT_AS):
Arrow's allocator reserves far more of it than it uses, so Germany's data stage failed at 6.7 GB resident under
a 12 GB address-space limit.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path


def descendants(root: int) -> list[int]:
    """``root`` and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended while we looked
            continue
        fields = text[text.rindex(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def main() -> None:
    max_gb, command = int(sys.argv[1]), sys.argv[2:]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own process group: stopped with all its workers
    peak, over = [0], [False]

    def sample() -> None:
        while proc.poll() is None:
            begun = time.perf_counter()
            peak[0] = max(peak[0], sum(pss_kb(pid) for pid in descendants(proc.pid)))
            if peak[0] > max_gb << 20 and not over[0]:
                over[0] = True
                os.killpg(proc.pid, signal.SIGKILL)
            # reading smaps_rollup walks every page of a process (tens of ms for a Land build's gigabytes):
            # sampling every 0.2 s took a good part of a core from the build being measured, so at most 5 %
            time.sleep(max(0.2, 20 * (time.perf_counter() - begun)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, peak[0] / 1024)
    if proc.returncode:
        sys.stderr.write(err[-3000:])
    if over[0]:  # the last line: what bench/run.py reports
        sys.stderr.write(f"\nüber {max_gb} GB Speicher (Summe der Prozesse) nach {seconds:.0f} s angehalten\n")
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
