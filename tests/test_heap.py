"""heap.release hands freed memory back to the system (a Land build's peak fell by 500 MB with it)."""

from __future__ import annotations

import os

import pyarrow as pa
import pytest

from fokus_pi import heap

MB = 1 << 20


def _rss() -> int:
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(heap._MALLOC_TRIM is None or not os.path.exists("/proc/self/statm"),
                    reason="glibc's malloc_trim and /proc are Linux's")
def test_freed_c_heap_memory_goes_back_to_the_system():
    blocks = [bytes(1000) + bytes([i % 256]) for i in range(200_000)]  # 200 MB of C-heap blocks
    keep = blocks[-1]  # the newest block stays: free() alone cannot shrink the heap from its top
    del blocks
    before = _rss()
    heap.release()
    assert before - _rss() > 100 * MB
    assert keep[-1] == 199_999 % 256


def test_release_keeps_live_arrow_data():
    array = pa.array([f"Gemeinde {i}" for i in range(100_000)])
    heap.release()
    assert array[99_999].as_py() == "Gemeinde 99999" and pa.default_memory_pool().bytes_allocated() >= array.nbytes
