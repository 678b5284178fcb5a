"""The array libraries' allocators as the package sets them up (fokus_pi/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

SHOW = ("import fokus_pi, numpy, pyarrow as pa; from numpy._core import multiarray; pa.array([1]); "
        "print(pa.default_memory_pool().backend_name, multiarray._get_madvise_hugepage())")


def _start(**env: str) -> tuple[str, bool, str]:
    """A fresh interpreter importing the package first, as the `fokus` command does: Arrow's pool, whether NumPy
    asks for huge pages, and mimalloc's report of its options."""
    clean = {k: v for k, v in os.environ.items() if k not in ("MIMALLOC_ALLOW_THP", "NUMPY_MADVISE_HUGEPAGE")}
    done = subprocess.run([sys.executable, "-c", SHOW], env={**clean, "MIMALLOC_VERBOSE": "1", **env},
                          capture_output=True, text=True, check=True, timeout=120)
    backend, numpy_huge = done.stdout.split()
    return backend, numpy_huge == "True", done.stderr


def test_no_transparent_huge_pages_for_arrow_and_numpy():
    backend, numpy_huge, options = _start()
    assert not numpy_huge
    if backend == "mimalloc":  # Arrow's default where it is built in (it is in the wheels on PyPI)
        assert "option 'allow_thp': 0" in options


def test_an_operator_can_turn_them_on_again():
    backend, numpy_huge, options = _start(MIMALLOC_ALLOW_THP="1", NUMPY_MADVISE_HUGEPAGE="1")
    assert numpy_huge
    if backend == "mimalloc":
        assert "option 'allow_thp': 1" in options
