"""The county's social spending (Sozialausgaben) by area of benefits and year, and its share of the budget.

data/finanzen/sozialausgaben.yml names the areas; data/finanzen/sozialausgaben.csv holds one row per year, as the
budget plan lists it: ``year,budget,<area id>,...`` in euros. The Fokusbericht's finance chapter and the Finanzen
page read the sums and shares from here, so they change when the table does."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .problems import Collector
from .tables import read_table


@dataclass(frozen=True)
class SpendingArea:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Spending:
    title: str
    description: str
    source: str
    budget_label: str
    areas: tuple[SpendingArea, ...]
    amounts: dict[int, dict[str, float]]  # year -> area id (and "budget") -> euros

    @property
    def years(self) -> list[int]:
        return sorted(self.amounts)

    def total(self, year: int) -> float:
        """All social spending of one year (sum over the areas)."""
        return sum(self.amounts[year][a.id] for a in self.areas)

    def budget(self, year: int) -> float:
        return self.amounts[year]["budget"]

    def share(self, year: int) -> float:
        """Social spending as a share of the whole budget, in %."""
        return 100 * self.total(year) / self.budget(year)

    def amount(self, year: int, area: str) -> float:
        return self.amounts[year][area]


def load_spending(folder: Path, out: Collector) -> Spending | None:
    meta_path, table_path = folder / "sozialausgaben.yml", folder / "sozialausgaben.csv"
    if not meta_path.exists():
        if table_path.exists():
            out.add(meta_path, 1, 1, "Beschreibung der Sozialausgaben fehlt (sozialausgaben.yml)")
        return None
    doc, valid = schemas.load(meta_path, "sozialausgaben", out)
    if doc is None or not valid:
        return None
    d = doc.data
    areas = tuple(SpendingArea(a["id"], a["title"].strip(), str(a.get("description", "")).strip()) for a in d["areas"])
    if not table_path.exists():
        out.add(table_path, 1, 1, "Tabelle der Sozialausgaben fehlt")
        return None
    columns = ("year", "budget", *(a.id for a in areas))
    table = read_table(table_path, columns, out)
    if table is None:
        return None
    extra = [h for h in table.header if h not in columns]
    if extra:
        out.add(table_path, 1, 1, f"unbekannte Spalte(n): {', '.join(extra)} (Bereiche stehen in sozialausgaben.yml)")
    amounts: dict[int, dict[str, float]] = {}
    for r in range(len(table)):
        year_text = table.get(r, "year")
        if not year_text.isdigit():
            out.add(table_path, *table.where(r, "year"), f"Jahr „{year_text}“ ist keine Jahreszahl")
            continue
        year = int(year_text)
        if year in amounts:
            out.add(table_path, *table.where(r, "year"), f"Jahr {year} steht doppelt in der Tabelle")
            continue
        row = {}
        for name in columns[1:]:
            text = table.get(r, name)
            try:
                value = float(text)
                if not math.isfinite(value) or value < 0:
                    raise ValueError
                row[name] = value
            except ValueError:
                out.add(table_path, *table.where(r, name),
                        f"Betrag „{text}“ ist keine Zahl ≥ 0 (Dezimalpunkt verwenden)")
        if len(row) != len(columns) - 1:
            continue
        if sum(row[a.id] for a in areas) > row["budget"]:
            out.add(table_path, *table.where(r, "budget"), f"die Sozialausgaben {year} übersteigen den Haushalt")
            continue
        amounts[year] = row
    if not amounts:
        return None
    return Spending(d["title"].strip(), d["description"].strip(), d["source"].strip(), d["budget"].strip(),
                    areas, amounts)
