"""Session fixtures: the tiny hand-checked dataset, the demo dataset, and one built demo site."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built once per session with MkDocs in strict mode, exactly as `make site` does."""
    from fokus_pi.publish import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    build_site(DEMO, out, ROOT / "mkdocs.yml")
    return out
