"""Secondary suppression counts unknown cells as they go; it must pick exactly what the plain rule picks.

The plain rule (``plain_secondary``, the code before the counting version) recounts every known sum after each
pick: after each pick, look at the sums again from the first; the first sum with exactly one unknown cell gives
up one more cell. It took minutes for 10,800 Gemeinden; the counting version must not change a single pick."""

from __future__ import annotations

import math
import random

from fokus_pi import disclosure
from fokus_pi.disclosure import WITHHELD_FLAGS


def plain_secondary(cells, primary, members, kreis, order):
    gemeinden = set(order)
    rank = {ags: i for i, ags in enumerate(order)}
    area_of = {ags: area for area, agss in members.items() for ags in agss}
    by_year: dict[int, list[tuple]] = {}
    for cell in cells:
        by_year.setdefault(cell[1], []).append(cell)
    picks = []
    for year in sorted(by_year):
        at = {a: idx for a, _, _, _, idx in by_year[year]}
        area_at = {idx: a for a, idx in at.items()}
        value = {idx: v for _, _, v, _, idx in by_year[year]}
        flag = {idx: f for _, _, _, f, idx in by_year[year]}
        chosen = {idx for idx in area_at if idx in primary}
        withheld = {a for a, idx in at.items() if a in gemeinden and (idx in chosen or flag[idx] in WITHHELD_FLAGS)}
        published = {a for a, idx in at.items() if a in gemeinden and a not in withheld and not math.isnan(value[idx])}
        changed = True
        while changed:
            changed = False
            delivered = [a for a in members if a in at and not math.isnan(value[at[a]]) and at[a] not in chosen]
            sets = [(a, members[a]) for a in delivered]
            if kreis in at and not math.isnan(value[at[kreis]]) and at[kreis] not in chosen:
                sets.append((kreis, [g for g in order if area_of.get(g) not in delivered]))
            for total, summed in sets:
                if sum(g in withheld for g in summed) != 1:
                    continue
                candidates = sorted((g for g in summed if g in published), key=lambda g: rank[g])
                if candidates:
                    pick = at[candidates[0]]
                elif total == kreis and delivered:
                    pick = at[min(delivered, key=lambda a: (len(members[a]), a))]
                else:
                    pick = at[total]
                chosen.add(pick)
                picks.append((area_at[pick], int(year)))
                published.discard(area_at[pick])
                withheld.add(area_at[pick])
                changed = True
                break
    return picks


def random_case(rng: random.Random):
    """A Kreis of 1-4 or 1-40 Gemeinden, some in no planning area, with secret, flagged, missing and absent cells."""
    order = [f"g{i:02d}" for i in range(rng.randint(1, rng.choice([4, 40])))]
    rng.shuffle(order)
    members: dict[str, list[str]] = {}
    in_area = rng.choice([0.0, 0.5, 0.85, 1.0])
    for ags in order:
        if rng.random() < in_area:
            members.setdefault(f"p{rng.randint(0, rng.randint(0, 6))}", []).append(ags)
    cells, primary, idx = [], set(), 0
    for year in rng.sample(range(2015, 2026), rng.randint(1, 3)):
        for area in [*order, *members, "kreis"]:
            if rng.random() < 0.05:
                continue  # no row at all
            flag = rng.choice([""] * 8 + ["geheim", "unsicher", "folgt", "unbekannt", "nicht_sinnvoll"])
            value = math.nan if flag or rng.random() < 0.05 else float(rng.randint(0, 500))
            cells.append((area, year, value, flag, idx))
            if rng.random() < rng.choice([0.05, 0.2, 0.5]):
                primary.add(idx)
            idx += 1
    rng.shuffle(cells)
    return cells, primary, members, "kreis", order


def test_counting_picks_exactly_what_the_plain_rule_picks():
    rng = random.Random(20261202)
    picks = areas = kreise = 0
    for _ in range(3000):
        case = random_case(rng)
        expected = plain_secondary(*case)
        assert disclosure._secondary(*case) == expected, case
        picks += len(expected)
        areas += any(area.startswith("p") for area, _ in expected)
        kreise += any(area == "kreis" for area, _ in expected)
    assert picks > 2000 and areas > 500 and kreise > 100  # area and Kreis totals are picked too, not just Gemeinden


def test_no_known_sum_is_left_with_one_unknown_cell():
    rng = random.Random(7)
    for _ in range(500):
        cells, primary, members, kreis, order = case = random_case(rng)
        picked = set(disclosure._secondary(*case))
        for year in {c[1] for c in cells}:
            rows = {a: (v, f, i) for a, y, v, f, i in cells if y == year}
            secret = {a for a, (v, f, i) in rows.items() if i in primary or (a, year) in picked}
            unknown = {a for a in order if a in rows and (a in secret or rows[a][1] in WITHHELD_FLAGS)}
            known = [a for a in [*members, kreis] if a in rows and not math.isnan(rows[a][0]) and a not in secret]
            areas = [a for a in known if a != kreis]
            sums = [members[a] for a in areas]
            if kreis in known:
                sums.append([g for g in order if not any(g in members[a] for a in areas)])
            assert all(sum(g in unknown for g in summed) != 1 for summed in sums), (case, year)
