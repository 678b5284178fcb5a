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
