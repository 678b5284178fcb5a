"""Golden tests: the generated Markdown of one Gemeinde and one indicator of the tiny dataset.

Regenerate after an intended change with `FOKUS_UPDATE_GOLDEN=1 make test` and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fokus_pi.pages import plan_pages

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def tiny_pages(tiny_report):
    return {p.uri: p for p in plan_pages(tiny_report)}


@pytest.mark.parametrize("uri", ["gemeinden/cestadt.md", "kennzahlen/sgb-ii-quote.md", "kennzahlen/einkommen.md"])
def test_generated_markdown_matches_golden(tiny_pages, uri):
    expected = GOLDEN / uri.replace("/", "__")
    actual = tiny_pages[uri].markdown
    if os.environ.get("FOKUS_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")


def test_golden_holds_the_hand_checked_figures():
    """Guards the golden files themselves: the numbers a reader sees, worked out by hand."""
    cestadt = (GOLDEN / "gemeinden__cestadt.md").read_text(encoding="utf-8")
    # SGB-II-Quote 2024: 1800/16800 = 10,7 %; +0,3 vs 2023; rank 1 of 3; Kreis 10,3; Land 6,9; Bund 7,2
    assert ("<td>2024</td><td>10,7</td><td>+0,3</td><td>1 von 3</td><td>10,3</td><td>6,9</td><td>7,2</td>"
            "<td>etwa auf dem Kreiswert</td>") in cestadt
    # Einkommen 2024 has a break: no change, the break symbol instead
    assert "<td>2024</td><td>40.000</td><td>|</td><td>2 von 3</td><td>40.741</td><td>45.000</td><td>47.000</td>" in cestadt
    quote = (GOLDEN / "kennzahlen__sgb-ii-quote.md").read_text(encoding="utf-8")
    assert ('<tr><td>1</td><td><a href="../../gemeinden/cestadt/">Cestadt</a></td><td>10,7</td><td>+0,3</td>'
            "<td>+3,4</td><td>etwa auf dem Kreiswert</td></tr>") in quote
    # Bedorf is delivered as secret for 2022/2023; with the Kreis total published, Adorf is withheld too
    # (secondary suppression), so Adorf 2024 has no change against 2023
    assert ('<tr><td>2</td><td><a href="../../gemeinden/adorf/">Adorf</a></td><td>6,3</td><td>.</td><td>.</td>'
            "<td>deutlich unter dem Kreiswert (günstiger)</td></tr>") in quote
    assert '<tr><td><a href="../../gemeinden/adorf/">Adorf</a></td><td>.</td><td>.</td><td>6,3</td></tr>' in quote
    assert '<tr><td><a href="../../gemeinden/bedorf/">Bedorf</a></td><td>.</td><td>.</td><td>2,5</td></tr>' in quote


def test_every_page_is_planned(tiny_pages):
    assert sorted(tiny_pages) == sorted([
        "index.md", "methodik.md", "kennzahlen/index.md", "gemeinden/index.md", "handlungsfelder/index.md",
        "kennzahlen/einwohner.md", "kennzahlen/sgb-ii-quote.md", "kennzahlen/geburtenrate.md", "kennzahlen/einkommen.md",
        "gemeinden/adorf.md", "gemeinden/bedorf.md", "gemeinden/cestadt.md",
        "handlungsfelder/demographie.md", "handlungsfelder/armut.md",
        "planungsraeume/index.md", "planungsraeume/nord.md", "planungsraeume/sued.md", "auffaelligkeiten/index.md",
        "neu/index.md", "neu/2024-06-30.md", "neu/2025-06-30.md",
    ])
