"""Macros for the planning side: counts of recommendations and focus groups, social spending, and a video that
loads only after a click."""

from __future__ import annotations

import html
import re

from . import fmt
from .macros import Library, MacroError
from .planning import Planning
from .recommendations import STATUSES
from .spending import Spending

__all__ = ["empfehlungen", "fokusgruppen", "mitglieder", "sozialausgaben", "sozialausgabenanteil",
           "sozialausgaben_veraenderung", "video"]

STATUS_WORDS = {**{s: s for s in STATUSES}, "in Beratung": "in_beratung", "in beratung": "in_beratung"}


# puts the player in place on click; a script block rather than onclick="…", which the Content-Security-Policy
# forbids (fokus_pi.csp allows this block by its hash; the text is the same for every video)
VIDEO_SCRIPT = ('<script>(function(b){b.addEventListener("click",function(){var box=b.parentNode;'
                'box.innerHTML=box.querySelector("template").innerHTML;var v=box.querySelector("video");'
                'if(v){v.play();}});})(document.currentScript.previousElementSibling);</script>')


def _planning(lib: Library) -> Planning:
    if lib.report.planning is None:
        raise MacroError("dieser Datenbestand hat keine Planungsdaten (recommendations.yml, fokusgruppen.yml)")
    return lib.report.planning


def empfehlungen(lib: Library, *status: str, jahr: int | None = None, feld: str | None = None) -> str:
    """How many recommendations there are; with status names, how many currently have one of them.

    ``empfehlungen()`` counts all (the county's „entwickelt“), ``empfehlungen("beschlossen", "umgesetzt")`` the
    adopted ones; ``empfehlungen("entwickelt")`` only those not yet in deliberation."""
    items = _planning(lib).recommendations
    wanted = set()
    for word in status:
        if word not in STATUS_WORDS:
            raise MacroError(f"unbekannter Status „{word}“ (erlaubt: {', '.join(STATUSES)})")
        wanted.add(STATUS_WORDS[word])
    if feld is not None and feld not in {f.id for f in lib.report.catalogue.fields}:
        raise MacroError(f"unbekanntes Handlungsfeld „{feld}“")
    chosen = [r for r in items if (not wanted or r.status in wanted) and (jahr is None or r.year == jahr)
              and (feld is None or r.field == feld)]
    return fmt.number(len(chosen), 0)


def fokusgruppen(lib: Library) -> str:
    """The number of focus groups."""
    return fmt.number(len(_planning(lib).groups), 0)


def mitglieder(lib: Library) -> str:
    """How many people work in the focus groups altogether."""
    return fmt.number(sum(g.members for g in _planning(lib).groups), 0)


def _spending(lib: Library, jahr: int | None) -> tuple[Spending, int]:
    spending = _planning(lib).spending
    if spending is None:
        raise MacroError("keine Sozialausgaben in den Daten (data/finanzen/sozialausgaben.yml)")
    year = spending.years[-1] if jahr is None else jahr
    if year not in spending.amounts:
        raise MacroError(f"keine Sozialausgaben für {year} (vorhanden: {spending.years[0]}–{spending.years[-1]})")
    return spending, year


def _millions(value: float) -> str:
    return f"{fmt.number(value / 1e6, 1)}{fmt.NBSP}Mio.{fmt.NBSP}€"


def sozialausgaben(lib: Library, jahr: int | None = None, bereich: str | None = None) -> str:
    """Social spending of a year (all areas or one), in million euros."""
    spending, year = _spending(lib, jahr)
    if bereich is None:
        return _millions(spending.total(year))
    if bereich not in {a.id for a in spending.areas}:
        raise MacroError(f"unbekannter Bereich „{bereich}“ (erlaubt: {', '.join(a.id for a in spending.areas)})")
    return _millions(spending.amount(year, bereich))


def sozialausgabenanteil(lib: Library, jahr: int | None = None) -> str:
    """Social spending as a share of the budget, in %."""
    spending, year = _spending(lib, jahr)
    return f"{fmt.number(spending.share(year), 1)}{fmt.NBSP}%"


def sozialausgaben_veraenderung(lib: Library, seit: int, jahr: int | None = None) -> str:
    """Growth of social spending since a year, in %."""
    spending, year = _spending(lib, jahr)
    _, start = _spending(lib, seit)
    if start >= year:
        raise MacroError(f"seit={start} muss vor {year} liegen")
    return f"{fmt.signed(100 * (spending.total(year) / spending.total(start) - 1), 1)}{fmt.NBSP}%"


def video(lib: Library, datei: str, titel: str, dauer: str = "", untertitel: str = "", anbieter: str = "") -> str:
    """A video that loads only after a click. ``datei`` is a file of this site (path from the site root) or, with
    ``anbieter``, an address at another host; then the reader is told who receives their data before clicking."""
    external = bool(re.match(r"^https://", datei))
    if external and not anbieter:
        raise MacroError("ein Video von einer anderen Website braucht anbieter=\"…\" für den Datenschutzhinweis")
    if not external:
        for path in (datei, untertitel):
            if path and lib.docs_dir is not None and not (lib.docs_dir / path).is_file():
                raise MacroError(f"Datei „{path}“ fehlt im Ordner content/")
    src = datei if external else lib.base + datei
    track = f'<track kind="captions" srclang="de" label="Deutsch" src="{html.escape(lib.base + untertitel)}" default>' \
        if untertitel else ""
    if external:
        player = (f'<iframe src="{html.escape(src)}" title="{html.escape(titel)}" width="640" height="360" '
                  'allow="fullscreen" style="max-width:100%;border:0"></iframe>')
        notice = (f"Das Video liegt bei {html.escape(anbieter)}. Erst wenn Sie auf „Video laden“ klicken, stellt "
                  f"Ihr Browser eine Verbindung dorthin her; dabei erhält {html.escape(anbieter)} Ihre IP-Adresse. "
                  f"Mehr dazu in der Datenschutzerklärung.")
    else:
        player = (f'<video controls preload="none" width="640" style="max-width:100%" src="{html.escape(src)}">'
                  f'{track}</video>')
        notice = ("Das Video wird erst geladen, wenn Sie auf „Video laden“ klicken. Es kommt von dieser Website; "
                  "andere Anbieter erhalten keine Daten.")
    # the player's HTML sits in a <template> (inert: nothing loads) and is put in place by the click
    length = f" ({html.escape(dauer)})" if dauer else ""
    return (f'<div class="fokus-video" style="border:1px solid #ccc;padding:1em;max-width:640px">'
            f'<p><strong>Video: {html.escape(titel)}</strong>{length}</p><p>{notice}</p>'
            f'<template>{player}</template>'
            '<button type="button" class="md-button">Video laden</button>' + VIDEO_SCRIPT + "</div>")
