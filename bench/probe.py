"""Run one command and print its wall seconds, peak memory and CPU seconds (bench/run.py calls this).

    python bench/probe.py MAX_GB COMMAND [ARGS...]  ->  "seconds largest_rss_mb cpu_seconds peak_sum_mb"

Two memory figures, because a build forks workers (fokus_pi.workers) that share the parent's pages until they
write to them: the largest resident set of any one process (getrusage), and the peak of the proportional set
size (PSS) summed over the command and all its descendants, sampled every 0.2 s (less often when a sample is
slow: at most 5 % of a core): what the machine really spends.
"""

from __future__ import annotations

import resource
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
    resource.setrlimit(resource.RLIMIT_AS, (max_gb << 30, resource.RLIM_INFINITY))
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            begun = time.perf_counter()
            peak[0] = max(peak[0], sum(pss_kb(pid) for pid in descendants(proc.pid)))
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
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
