"""Publishing: a failed or killed build leaves the previous site byte-identical; builds are reproducible."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from fokus_pi import cache
from fokus_pi.publish import build_site

from .conftest import TINY, TINY_CONFIG


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782777600")  # 2026-06-30
    monkeypatch.setenv("FOKUS_CACHE", "off")  # without the content-hash cache (fokus_pi.cache) …
    first = build_site(TINY, tmp_path / "a", TINY_CONFIG)
    monkeypatch.setenv("FOKUS_CACHE", str(tmp_path / "cache"))  # … filling a new one, then reading from it
    second = build_site(TINY, tmp_path / "b", TINY_CONFIG)
    third = build_site(TINY, tmp_path / "c", TINY_CONFIG)
    a, b, c = digest(first.out_dir), digest(second.out_dir), digest(third.out_dir)
    assert len(a) > 20 and cache.count("html") > 20  # minified pages went into the cache
    assert a == b == c


# `fokus build` whose MkDocs pauses after writing each page: the tiny site is built faster than a test can
# look, so the kill would otherwise race the end of the build
SLOW_BUILD = """
import time
from mkdocs.commands import build
write = build._build_page
build._build_page = lambda *args, **kwargs: (write(*args, **kwargs), time.sleep(0.2))[0]
from fokus_pi.cli import main
main()
"""


def test_a_killed_build_leaves_the_site_as_it_was(tmp_path):
    out = tmp_path / "site"
    build_site(TINY, out, TINY_CONFIG)
    before = digest(out)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, "build", "--data", str(TINY), "--out", str(out),
         "--config", str(TINY_CONFIG)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".tmp-site-*/**/*.html")):
        time.sleep(0.02)  # wait until the build is writing pages
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert digest(out) == before
    build_site(TINY, out, TINY_CONFIG)  # the next build clears what the killed one left
    assert list(tmp_path.glob(".tmp-site-*")) == []
