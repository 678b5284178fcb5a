"""MkDocs' Markdown conversion of generated pages from the build cache: same site, no conversion when unchanged."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from fokus_pi import cache, mdcache
from fokus_pi.publish import build_site

from .conftest import TINY, TINY_CONFIG


def _site(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def converted(monkeypatch) -> list[str]:
    """The pages MkDocs converts from Markdown (not restored from the cache), in order."""
    pages: list[str] = []
    render = Page.render

    def counting(self: Page, config, files) -> None:
        pages.append(self.file.src_uri)
        render(self, config, files)

    monkeypatch.setattr(Page, "render", counting)
    return pages


def test_a_second_build_converts_no_unchanged_generated_page_and_is_byte_identical(tmp_path, monkeypatch,
                                                                                    converted):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    first = _site(build_site(TINY, tmp_path / "one", TINY_CONFIG).out_dir)
    assert "kennzahlen/sgb-ii-quote.md" in converted and "gemeinden/adorf.md" in converted
    stored = cache.count("markdown")
    converted.clear()
    second = _site(build_site(TINY, tmp_path / "two", TINY_CONFIG).out_dir)
    assert not [uri for uri in converted if uri.startswith(("kennzahlen/", "gemeinden/", "planungsraeume/"))]
    assert second == first  # pages, search index, sitemap: the same bytes
    assert cache.count("markdown") == stored
    page = second["kennzahlen/sgb-ii-quote/index.html"].decode("utf-8")
    assert "<a class=md-nav__link href=#karte>" in page  # the table of contents came back with the HTML


def _fake_page(markdown: str, warn: bool) -> SimpleNamespace:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="kennzahlen/x.md", url="kennzahlen/x/"), markdown=markdown,
                           content=None, toc=None, _title_from_render=None, present_anchor_ids=None,
                           links_to_anchors=None)

    def render(config, files) -> None:
        if warn:
            logging.getLogger("mkdocs.structure.pages").warning("Verweis auf fehlende Seite")
        page.content = f"<h2 id=\"a\">{markdown}</h2>"
        page.toc = get_toc([{"level": 2, "id": "a", "name": markdown, "children": []}])
        page._title_from_render = "Titel"
        page.present_anchor_ids = {"a"}

    page.render = render
    return page


def test_a_conversion_that_logged_is_not_stored_and_a_clean_one_comes_back_whole(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    warned = _fake_page("Kinderarmut", warn=True)
    mdcache.cached_render(warned, None, None, "site")()
    assert warned.content == '<h2 id="a">Kinderarmut</h2>' and cache.count("markdown") == 0

    clean = _fake_page("Altersarmut", warn=False)
    mdcache.cached_render(clean, None, None, "site")()
    again = _fake_page("Altersarmut", warn=False)
    again.render = lambda config, files: (_ for _ in ()).throw(AssertionError("converted again"))
    mdcache.cached_render(again, None, None, "site")()
    assert again.content == clean.content and again._title_from_render == "Titel"
    assert [(i.id, i.title, i.level) for i in again.toc] == [("a", "Altersarmut", 2)]
    assert again.present_anchor_ids == {"a"}
    other = _fake_page("Altersarmut", warn=False)
    mdcache.cached_render(other, None, None, "other site")()  # e.g. another file's URL changed
    assert cache.count("markdown") == 2


def test_an_unchanged_hand_written_page_is_not_converted_again(tmp_path, monkeypatch, converted):
    """Hand-written pages come from the cache too, keyed by their Markdown: a changed text is converted again."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    content = tmp_path / "content"
    content.mkdir()
    text = content / "ueber.md"
    text.write_text("# Über den Bericht\n\n## Quellen\n\nDaten der **Ämter**.\n", encoding="utf-8")
    nav = yaml.safe_load(TINY_CONFIG.read_text(encoding="utf-8"))["nav"] + [{"Über": "ueber.md"}]

    def build(name: str) -> str:
        site = build_site(TINY, tmp_path / name, TINY_CONFIG, docs_dir=str(content), nav=nav).out_dir
        return (site / "ueber" / "index.html").read_text(encoding="utf-8")

    first = build("one")
    assert "ueber.md" in converted
    converted.clear()
    second = build("two")
    assert converted == [] and second == first
    assert "Daten der <strong>Ämter</strong>" in second and "href=#quellen" in second  # content and contents
    text.write_text("# Über den Bericht\n\n## Quellen\n\nDaten der **Landesämter**.\n", encoding="utf-8")
    third = build("three")
    assert converted == ["ueber.md"] and "Daten der <strong>Landesämter</strong>" in third
