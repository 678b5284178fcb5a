"""Print: the stylesheet is part of every page, and one Gemeinde profile printed with headless Chromium is a
PDF whose text holds the Gemeinde's name and its figures."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from fokus_pi import fmt
from fokus_pi.pdf import print_profiles

from .conftest import ROOT

CSS = ROOT / "content" / "assets" / "print.css"


def test_print_stylesheet_hides_navigation_and_keeps_tables_and_figures_whole():
    css = CSS.read_text(encoding="utf-8")
    body = css.split("@media print", 1)[1]
    hidden = re.search(r"([^{}]+)\{\s*display:\s*none !important;", body).group(1)
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs", ".fokus-controls"):
        assert selector in hidden
    assert re.search(r"\.md-typeset table \{ break-inside: avoid;", body)
    assert "thead { display: table-header-group; }" in body
    assert ".fokus-map" in body and "svg" in body
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "assets/print.css" in config["extra_css"]


@pytest.mark.integration
def test_every_report_page_links_the_print_stylesheet(demo_site):
    assert (demo_site / "assets" / "print.css").is_file()
    for page in ("gemeinden/elmshorn", "kennzahlen/sgb-ii-quote", "planungsraeume"):
        html = BeautifulSoup((demo_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert any(link["href"].endswith("assets/print.css") for link in html.find_all("link", rel="stylesheet"))


@pytest.mark.integration
@pytest.mark.browser
def test_pdf_profile_of_one_gemeinde(demo_site, demo_report, tmp_path):
    import pikepdf
    from pypdf import PdfReader

    (pdf,) = print_profiles(demo_report, demo_site, tmp_path, only=["elmshorn"])
    assert pdf.name == "elmshorn.pdf" and pdf.stat().st_size > 20_000
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert 2 <= len(reader.pages) <= 30
    assert text.lstrip().startswith("Elmshorn")  # no navigation before the heading
    assert "Gemeindeschlüssel 01056015" in text
    einwohner = demo_report.row("einwohner", "01056015", demo_report.latest_year("einwohner"))
    quote = demo_report.row("sgb-ii-quote", "01056015", demo_report.latest_year("sgb-ii-quote"))
    assert fmt.number(einwohner["value"], 0) in text  # e.g. 51.166
    assert fmt.number(quote["value"], 1) in text
    assert "Daten herunterladen" not in text and "Suche" not in text
    with pikepdf.open(pdf) as doc:  # compacted, yet still tagged for screen readers, in German
        assert str(doc.Root.Lang) == "de-DE"
        assert "/StructTreeRoot" in doc.Root
        assert any(o.get("/Type") == "/ObjStm" for o in doc.objects if isinstance(o, pikepdf.Stream))
    assert pdf.stat().st_size < 2_500_000  # size budget: Chromium alone wrote about 4.3 MB for Elmshorn
