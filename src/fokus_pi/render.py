"""Jinja environment for the Markdown templates; filters only format, they never compute figures."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import escape

from . import fmt
from .blocks import opaque
from .links import href
from .symbols import legend

KIND_WORDS = {
    "count": "Anzahl", "share": "Anteil", "rate": "Quote (Zähler je {per} Nenner)",
    "amount": "Betrag", "index": "Index",
}
DIRECTION_WORDS = {
    "higher_is_better": "Ein höherer Wert ist günstiger.",
    "higher_is_worse": "Ein höherer Wert ist ungünstiger.",
    "neutral": "Der Wert wird nicht als günstig oder ungünstig gewertet.",
}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell and free of raw HTML."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", " ")


def kind_words(indicator) -> str:
    per = fmt.number(indicator.multiplier or 1000, 0)
    return KIND_WORDS[indicator.kind].format(per=per)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("fokus_pi", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; text goes through `cell` (Markdown tables) or `h` (HTML)
    )
    env.filters.update(
        num=fmt.number, signed=fmt.signed, unit=fmt.with_unit, date=fmt.date, cell=cell, kind_words=kind_words,
        h=lambda text: str(escape(text)), opaque=opaque,
    )
    env.globals.update(legend=legend, direction_words=DIRECTION_WORDS, href=href)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
