"""Session fixtures: the tiny hand-checked dataset, the demo dataset, and one built demo site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fokus_pi.report import Report, load_report

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
TINY_CONFIG = ROOT / "tests" / "fixtures" / "tiny-site" / "mkdocs.yml"  # generated pages only
DEMO = ROOT / "data"
REFERENCE = ROOT.parent / "shared" / "reference"


@pytest.fixture(scope="session")
def tiny_report() -> Report:
    return load_report(TINY)


@pytest.fixture()
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny dataset, named `data` so messages read data/…"""
    target = tmp_path / "data"
    shutil.copytree(TINY, target)
    return target


@pytest.fixture(scope="session")
def demo_report() -> Report:
    return load_report(DEMO)


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory: pytest.TempPathFactory):
    """One content-hash cache (fokus_pi.cache) for every site the session builds, also in `fokus` subprocesses:
    the demo site, its offline copy, editions and CLI builds share chart specs and minified pages. Entries are
    keyed by content, and test_publish/test_cache check that cached and uncached builds are byte-identical.
    FOKUS_CACHE=off (or a folder) set before pytest is kept."""
    patch = pytest.MonkeyPatch()
    if not os.environ.get("FOKUS_CACHE"):
        patch.setenv("FOKUS_CACHE", str(tmp_path_factory.mktemp("fokus-cache")))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built once per session with MkDocs in strict mode, exactly as `make site` does."""
    from fokus_pi.publish import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    build_site(DEMO, out, ROOT / "mkdocs.yml")
    return out


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (tests/browser.py)."""
    from tests.browser import launched

    with launched() as instance:
        yield instance


@pytest.fixture(params=["http", "file"])
def base(request, demo_site: Path) -> str:
    """The demo site's base URL, once over http and once from disk (file://), which blocks fetch and XHR."""
    if request.param == "file":
        return demo_site.as_uri()
    return request.getfixturevalue("served_site")


@pytest.fixture(scope="session")
def served_site(demo_site: Path):
    """The demo site over http://127.0.0.1:<port> (no trailing slash)."""
    from tests.browser import serve

    with serve(demo_site) as base:
        yield base

