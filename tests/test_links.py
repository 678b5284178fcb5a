"""HTML links inside generated pages: the same URLs MkDocs makes, in both URL styles, and broken ones refused."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from fokus_pi import links
from fokus_pi.pages import plan_pages

PAGES = ["index.md", "methodik.md", "kennzahlen/index.md", "kennzahlen/sgb-ii-quote.md", "gemeinden/elmshorn.md",
         "hilfeportal/kategorien/tafel.md", "hilfeportal/index.md"]


def mkdocs_url(uri: str, directory_urls: bool) -> str:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "use_directory_urls": directory_urls, "docs_dir": "."})
    return File(uri, "/docs", "/site", directory_urls).url


@pytest.mark.parametrize("directory_urls", [True, False])
def test_urls_and_relative_links_match_mkdocs(directory_urls):
    for source in PAGES:
        assert links.url(source, directory_urls) == mkdocs_url(source, directory_urls).lstrip("./")
        for target in PAGES:
            expected = get_relative_url(mkdocs_url(target, directory_urls), mkdocs_url(source, directory_urls))
            assert links.relative(source, target, directory_urls) == expected, (source, target)
    assert links.relative("kennzahlen/sgb-ii-quote.md", "gemeinden/elmshorn.md#karte") == "../../gemeinden/elmshorn/#karte"
    assert links.relative("kennzahlen/sgb-ii-quote.md", "gemeinden/elmshorn.md", False) == "../gemeinden/elmshorn.html"


def test_a_link_to_a_missing_page_is_refused():
    with links.collecting() as linked:
        with links.on_page("kennzahlen/a.md"):
            assert links.href("gemeinden/elmshorn.md") == "../../gemeinden/elmshorn/"
            links.href("gemeinden/atlantis.md#x")
    links.check(linked.targets, ["kennzahlen/a.md", "gemeinden/elmshorn.md", "gemeinden/atlantis.md"])  # all exist
    with pytest.raises(ValueError) as caught:
        links.check(linked.targets, ["kennzahlen/a.md", "gemeinden/elmshorn.md"])
    assert "kennzahlen/a.md: Verweis auf gemeinden/atlantis.md, diese Seite gibt es nicht" in str(caught.value)
    assert "elmshorn" not in str(caught.value)


def test_every_html_link_of_the_generated_pages_names_a_generated_page(tiny_report):
    import re

    for directory_urls, suffix in ((True, "/"), (False, ".html")):
        pages = plan_pages(tiny_report, directory_urls=directory_urls)
        table = next(p for p in pages if p.uri.startswith("kennzahlen/") and "<table>" in p.markdown)
        hrefs = re.findall(r'<a href="([^"#]+)', table.markdown)
        assert hrefs and all(h.startswith("../") and h.endswith(suffix) for h in hrefs if "gemeinden" in h)
        uris = {p.uri for p in pages}
        for h in hrefs:  # resolve each link back to a page URI
            assert any(links.relative(table.uri, u, directory_urls) == h for u in uris), h


def test_opaque_blocks_travel_as_placeholders_and_come_back_once():
    from fokus_pi import blocks

    table = '<div class="fokus-num"><table><tr><td>1.234,5</td></tr></table></div>'
    assert blocks.opaque(table) == table  # outside plan_pages: nothing to carry
    with blocks.collecting() as kept:
        text = "## Werte\n" + blocks.opaque(table) + "Text\n" + blocks.opaque("<figure>Karte</figure>\n")
    assert kept == [table, "<figure>Karte</figure>"] and "<table>" not in text
    assert "<!--fokus-block-0-->" in text and "<!--fokus-block-1-->" in text
    filled = blocks.fill(text, kept)
    assert filled.count(table) == 1 and filled.index(table) < filled.index("Text") < filled.index("<figure>")
    with pytest.raises(ValueError):
        blocks.fill(text.replace("<!--fokus-block-1-->", ""), kept)  # a block the page lost
    with pytest.raises(ValueError):
        blocks.fill(text, kept[:1])  # a placeholder without its block


def test_the_built_page_holds_each_block_once_and_no_placeholder(tiny_report, tmp_path):
    from fokus_pi.publish import build_site

    from .conftest import TINY, TINY_CONFIG

    site = build_site(TINY, tmp_path / "site", TINY_CONFIG).out_dir
    page = (site / "kennzahlen/sgb-ii-quote/index.html").read_text(encoding="utf-8")
    assert "fokus-block" not in page and page.count("fokus-data") >= 1
    planned = next(p for p in plan_pages(tiny_report) if p.uri == "kennzahlen/sgb-ii-quote.md")
    assert len(planned.blocks) == 6  # map, Kreis/Land/Bund, charts, ranking, series, all Gemeinden and years
    assert page.count("<table") == 7  # definition (Markdown), four HTML tables, the map's and the charts' tables
