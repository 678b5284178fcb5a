"""Jinja environment for the Markdown templates; filters only format, they never compute figures."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import escape

from . import fmt
from .blocks import opaque
from .cache import TemplateBytecode
from .links import href
from .symbols import legend

if TYPE_CHECKING:  # pages.views imports the pages, which import this module
    from .catalogue import Indicator
    from .pages.views import Cell

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


def fig(c: Cell, ind: Indicator) -> str:
    """A table cell's figure (views.Cell) as the tables print it: a plain function, since a Jinja macro call per
    cell cost a second of every build."""
    return fmt.number(c.value, ind.decimals, c.flag)


def fig_change(c: Cell, ind: Indicator) -> str:
    """The change against the previous year, or the value's own symbol where there is no value."""
    return fmt.signed(c.change, ind.decimals, c.broken) if c.value is not None else fmt.number(None, 0, c.flag)


def fig_change_pct(c: Cell) -> str:
    return fmt.signed(c.change_pct, 1, c.broken) if c.value is not None else "."


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
        bytecode_cache=TemplateBytecode(),  # a no-op without FOKUS_CACHE
    )
    env.filters.update(
        num=fmt.number, signed=fmt.signed, unit=fmt.with_unit, date=fmt.date, cell=cell, kind_words=kind_words,
        h=lambda text: str(escape(text)), opaque=opaque,
    )
    env.globals.update(legend=legend, direction_words=DIRECTION_WORDS, href=href, fig=fig, fig_change=fig_change,
                       fig_change_pct=fig_change_pct)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
