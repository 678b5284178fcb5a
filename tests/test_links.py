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
    links.check(linked, ["kennzahlen/a.md", "gemeinden/elmshorn.md", "gemeinden/atlantis.md"])  # all exist
    with pytest.raises(ValueError) as caught:
        links.check(linked, ["kennzahlen/a.md", "gemeinden/elmshorn.md"])
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
