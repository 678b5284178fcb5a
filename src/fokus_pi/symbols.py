"""Official symbols of German statistics (Zeichenerklärung) and the flags that carry them in the data."""

from __future__ import annotations

# flag in values.csv -> (symbol shown to readers, legend text)
FLAGS: dict[str, tuple[str, str]] = {
    "nichts": ("–", "nichts vorhanden (genau null)"),
    "geheim": (".", "Zahlenwert unbekannt oder geheim zu halten"),
    "unbekannt": (".", "Zahlenwert unbekannt oder geheim zu halten"),
    "nicht_sinnvoll": ("x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"),
    "folgt": ("…", "Angabe fällt später an"),
    "unsicher": ("/", "keine Angabe, da Zahlenwert nicht sicher genug"),
}

# official symbols typed into the value column instead of a number
SYMBOL_FLAGS: dict[str, str] = {
    ".": "geheim", "-": "nichts", "–": "nichts", "x": "nicht_sinnvoll", "X": "nicht_sinnvoll",
    "...": "folgt", "…": "folgt", "/": "unsicher",
}

MISSING = (".", "Zahlenwert unbekannt oder geheim zu halten")
BREAK = ("|", "Bruch in der Reihe: keine Veränderung berechnet")


def legend() -> list[tuple[str, str]]:
    """Symbol and meaning, once per symbol, in the order of the official Zeichenerklärung."""
    return list(dict([*FLAGS.values(), BREAK]).items())
