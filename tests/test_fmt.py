"""German number and date formatting, checked against values written out by hand."""

import datetime as dt
import math

import pytest

from fokus_pi import fmt


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1.234,5"),
        (1234.25, 1, "1.234,3"),  # half up, as official statistics round (babel alone gives 1.234,2)
        (2.25, 1, "2,3"),
        (12.345, 1, "12,3"),
        (83200000, 0, "83.200.000"),
        (0.5, 0, "1"),
        (-0.04, 1, "0,0"),  # no negative zero
        (-1234.56, 2, "−1.234,56"),
    ],
)
def test_number(value, decimals, expected):
    assert fmt.number(value, decimals) == expected


@pytest.mark.parametrize(
    ("flag", "symbol"), [("geheim", "."), ("nichts", "–"), ("nicht_sinnvoll", "x"), ("folgt", "…"), ("unsicher", "/")]
)
def test_flags_become_official_symbols(flag, symbol):
    assert fmt.number(None, 1, flag) == symbol


def test_missing_value_is_a_point():
    assert fmt.number(math.nan, 1) == "."


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(0.3484, 1, "+0,3"), (-0.1, 1, "−0,1"), (0.01, 1, "±0,0"), (500, 0, "+500"), (-10, 0, "−10")],
)
def test_signed(value, decimals, expected):
    assert fmt.signed(value, decimals) == expected


def test_signed_break_and_missing():
    assert fmt.signed(1.0, 1, broken=True) == "|"
    assert fmt.signed(math.nan, 1) == "."


def test_with_unit_uses_no_break_space():
    assert fmt.with_unit(12.345, 1, "%") == "12,3\u00a0%"
    assert fmt.with_unit(None, 1, "%", "geheim") == "."


def test_dates():
    assert fmt.date(dt.date(2024, 12, 31)) == "31.12.2024"
    assert fmt.date(dt.date(2026, 6, 30), long=True) == "30. Juni 2026"


def _decimal_half_up(value: float, decimals: int) -> float:
    """The plain rule: the shortest decimal of the value, rounded half up with Decimal."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)) + 0.0


def _samples() -> list[tuple[float, int]]:
    """Random values and the cases the float shortcut could get wrong: ties written in decimal (2.675 is
    2.67499999… in binary), their neighbours, values at whole numbers, huge ones, signs, zeros."""
    import random

    rng = random.Random(20261203)
    values = [rng.uniform(-1e6, 1e6) for _ in range(20_000)] + [rng.uniform(-10, 10) for _ in range(20_000)]
    for _ in range(20_000):  # decimal ties at one to five places: x.xx5 and the like
        places = rng.randint(1, 5)
        values.append(float(f"{rng.randint(-10**7, 10**7) / 10**places:.{places}f}5"))
    for _ in range(5_000):  # ties on large values, where the float product is off by more than TIE
        places = rng.randint(1, 3)
        tail = f"{rng.randrange(10 ** (places - 1)):0{places - 1}d}" if places > 1 else ""
        values.append(float(f"{rng.randint(10**8, 10**12)}.{tail}5"))
    values += [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, 1.005, 2.675, 1.0000005, 0.045, 1e-9, -1e-9, 123456.5,
               999999999.5, 4.35e12, 1e16 + 2, -7.5e15, 2.0**52 + 0.5]
    return [(v, d) for v in values for d in (0, 1, 2, 3)]


def test_round_half_up_is_the_decimal_rule_for_every_sample():
    wrong = [(v, d) for v, d in _samples() if fmt.round_half_up(v, d) != _decimal_half_up(v, d)
             or math.copysign(1, fmt.round_half_up(v, d)) != math.copysign(1, _decimal_half_up(v, d))]
    assert wrong == []


def test_number_prints_the_decimal_rule_for_every_sample():
    from decimal import ROUND_HALF_UP, Decimal

    def plain(v: float, d: int) -> str:
        q = Decimal(repr(v)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
        return f"{abs(q) if q == 0 else q:,.{d}f}".replace(",", "X").replace(".", ",").replace("X", ".").replace("-", "−")

    wrong = [(v, d) for v, d in _samples()[::7] if fmt.number(v, d) != plain(v, d)]
    assert wrong == []


@pytest.mark.parametrize(("value", "decimals", "expected"),
                         [(2.675, 2, 2.68), (1.005, 2, 1.01), (-0.5, 0, -1.0), (-0.04, 1, 0.0), (0.045, 2, 0.05)])
def test_round_half_up_by_hand(value, decimals, expected):
    assert fmt.round_half_up(value, decimals) == expected
    assert math.copysign(1, fmt.round_half_up(value, decimals)) == 1 or expected < 0
