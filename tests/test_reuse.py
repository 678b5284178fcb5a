"""Pages whose inputs did not change come from the last build (pages/reuse.py), and are the pages it would plan."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from fokus_pi import cache
from fokus_pi.digest import digest
from fokus_pi.pages import _page_jobs, plan_pages, reuse
from fokus_pi.report import load_report


@pytest.fixture()
def planned(monkeypatch):
    """The cache keys of the pages planned (not reused) by plan_pages; on one process, so they are seen here."""
    monkeypatch.setenv("FOKUS_WORKERS", "1")
    jobs: list[str] = []
    keep = reuse.keep

    def noting(job, *args):
        jobs.append(job)
        return keep(job, *args)

    monkeypatch.setattr(reuse, "keep", noting)
    return jobs


def _uris(report, jobs: list[str]) -> list[str]:
    names = {reuse.job_key(uri, title, make, subject, (True, False)): uri
             for uri, title, make, subject in _page_jobs(report)}
    return sorted(names[j] for j in jobs)


def test_only_pages_that_read_a_changed_value_are_planned_again(tiny_copy, tmp_path, monkeypatch, planned):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    first = plan_pages(load_report(tiny_copy))
    assert len(planned) == len(first) == 21
    planned.clear()
    assert [p.markdown for p in plan_pages(load_report(tiny_copy))] == [p.markdown for p in first]
    assert planned == []  # nothing changed: every page from the cache

    values = tiny_copy / "snapshots/2025-06-30/values.csv"  # Bedorf's income in 2023: 41.000 -> 41.500
    values.write_text(values.read_text(encoding="utf-8").replace(
        "einkommen,01099002,2023,41000,8200000,", "einkommen,01099002,2023,41500,8300000,"), encoding="utf-8")
    changed = load_report(tiny_copy)
    again = plan_pages(changed)
    again_uris = _uris(changed, planned)
    # the indicator, the Gemeinde, its planning area (a total of its members), and the page that analyses the
    # whole table (unusual changes); not the release notes: the comparison of the snapshots came out the same
    assert again_uris == ["auffaelligkeiten/index.md", "gemeinden/bedorf.md", "kennzahlen/einkommen.md",
                          "planungsraeume/nord.md"]
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    fresh = plan_pages(changed)
    assert [p.markdown for p in again] == [p.markdown for p in fresh]  # reused pages are the ones it would plan
    differ = {p.uri for p, q in zip(first, fresh) if p.markdown != q.markdown}
    assert differ == {"gemeinden/bedorf.md", "kennzahlen/einkommen.md"} and differ <= set(again_uris)


def test_reads_are_noted_through_properties_and_methods(tiny_report):
    reads = reuse.Reads(tiny_report)
    assert reads.snapshot is tiny_report.snapshot  # a property: its own read of `snapshots` is noted
    assert reads.gemeinde("01099001").name == "Adorf"  # a method bound to the stand-in: `register`
    reads.row("einkommen", "01099001", 2024)
    reads.years("einkommen")
    assert reads.tokens == {("attr", "snapshots"), ("attr", "register"), ("rows", "einkommen", "01099001"),
                            ("call", "years", ("einkommen",))}
    reads._rows  # a private attribute: not understood, so the page is never stored
    assert ("unknown", "_rows") in reads.tokens
    inputs = reuse.Inputs(tiny_report)
    assert inputs(("unknown", "_rows")) is None
    assert inputs(("rows", "einkommen", "nowhere")) == reuse.EMPTY  # no rows is a state that can be compared
    assert inputs(("rows", "einkommen", "01099001")) not in (None, reuse.EMPTY)


def test_a_page_that_read_something_incomparable_is_not_stored(tiny_report, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    inputs = reuse.Inputs(tiny_report)
    job = reuse.job_key("x.md", "X", plan_pages, None, (True, False))
    reuse.keep(job, "# X", (), {}, {("unknown", "_rows")}, inputs)
    assert reuse.find(job, inputs) is None
    reuse.keep(job, "# X", (), {}, {("attr", "register")}, inputs)
    assert reuse.find(job, inputs).source == "# X"


def test_pages_are_handed_on_without_the_hashes_they_are_stored_with(tiny_report, tmp_path, monkeypatch):
    """The hashes are for the next build; a build holds every page (1.6 GB of hashes for Germany's)."""
    import pickle

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    inputs = reuse.Inputs(tiny_report)
    job = reuse.job_key("y.md", "Y", plan_pages, None, (True, False))
    read = {("attr", "register"), ("rows", "einkommen", "01099001")}
    kept = reuse.keep(job, "# Y", ("<table></table>",), {"z.md": {"y.md"}}, read, inputs)
    assert (kept.source, kept.blocks, kept.linked, kept.inputs) == ("# Y", ("<table></table>",), {"z.md": {"y.md"}}, {})
    stored = pickle.loads(cache.lookup(reuse.NAMESPACE, job))
    assert stored.inputs == {t: inputs(t) for t in read} and len(stored.inputs) == 2
    found = reuse.find(job, inputs)
    assert (found.source, found.blocks, found.inputs) == ("# Y", ("<table></table>",), {})


def test_the_content_hash_is_the_same_in_every_process(tiny_report):
    """Sets and dicts enter sorted, frames by their values: another hash seed gives the same digest."""
    code = ("import sys; from fokus_pi.report import load_report; from fokus_pi.digest import digest; "
            "r = load_report(sys.argv[1]); print(digest([r.register, r.catalogue, r.snapshots, r.facts]))")
    seen = {subprocess.run([sys.executable, "-c", code, str(tiny_report.data_dir)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout.strip()
            for seed in ("1", "2")}
    assert seen == {digest([tiny_report.register, tiny_report.catalogue, tiny_report.snapshots, tiny_report.facts])}


def test_the_content_hash_follows_the_content():
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": ["x", "y"]})
    assert digest(frame) == digest(frame.copy())
    assert digest(frame) != digest(frame.assign(a=[1.0, 2.5]))
    assert digest(frame) != digest(frame.iloc[::-1])  # order counts
    assert digest({"b", "a"}) == digest({"a", "b"}) and digest([1, 2]) != digest([2, 1])
    assert digest((1,)) != digest([1]) and digest(1) != digest(1.0) and digest("1") != digest(1)
    with pytest.raises(TypeError, match="kein Inhalts-Hash"):
        digest(object())


def test_a_funding_page_reads_only_its_two_indicators(demo_report):
    """So a data commit that changes other indicators leaves it (and its reach per year) alone."""
    from fokus_pi.pages import funding

    programme = demo_report.programmes[0]
    reads = reuse.Reads(demo_report)
    page = funding.page(reads, programme)
    assert page == funding.page(demo_report, programme)
    tables = {t for t in reads.tokens if t[0] in ("of", "attr") and t[1] not in ("register", "catalogue", "snapshots")}
    assert tables == {("of", programme.target_indicator), ("of", programme.need)}


def test_each_stored_page_is_read_once(tiny_copy, tmp_path, monkeypatch, planned):
    """A rebuild reads each stored page once and keeps it (the downloads are made in another process, so the
    pages no longer sit on their peak); the pages are the same as planned."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    report = load_report(tiny_copy)
    first = plan_pages(report)
    planned.clear()
    find, asked = reuse.find, []

    def noting(job, inputs):
        asked.append(job)
        return find(job, inputs)

    monkeypatch.setattr(reuse, "find", noting)
    again = plan_pages(report)
    assert planned == [] and [p.markdown for p in again] == [p.markdown for p in first]
    assert len(asked) == len(set(asked)) == len(first)
