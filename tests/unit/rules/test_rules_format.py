"""Indonesian dates, numbers and sizes."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from inovasi_desktop.rules import format_date_id, format_number_id, format_period_id, format_size_id, round_half_up


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 11, 29), "29 November 2026"),
    (date(2024, 1, 1), "1 Januari 2024"),
    (date(1945, 8, 17), "17 Agustus 1945"),
    (date(2025, 2, 5), "5 Februari 2025"),
    (date(2023, 3, 3), "3 Maret 2023"),
    (date(2023, 5, 18), "18 Mei 2023"),
    (date(2025, 12, 31), "31 Desember 2025"),
])
def test_dates(day, text):
    assert format_date_id(day) == text


def test_period():
    assert format_period_id(date(2024, 1, 1), date(2025, 12, 31)) == "1 Januari 2024 s.d. 31 Desember 2025"


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (1234.56, 2, "1.234,56"),
    (38.55, 2, "38,55"),
    (0.38, 2, "0,38"),
    (250, 2, "250,00"),
    (1234567.891, 2, "1.234.567,89"),
    (29114, 0, "29.114"),
    (1234.5, 0, "1.235"),
    (-1234.5, 1, "-1.234,5"),
    (-0.001, 2, "0,00"),
    (0.125, 2, "0,13"),  # half-up, where round() would give 0,12
    (Decimal("2.675"), 2, "2,68"),
    (56.373333, 2, "56,37"),
])
def test_numbers(value, decimals, text):
    assert format_number_id(value, decimals) == text


def test_round_half_up():
    assert round_half_up(38.545) == 38.55
    assert round_half_up(0.125) == 0.13
    assert round_half_up(96.373333 / 250 * 100) == 38.55  # the standard's worked example
    with pytest.raises(ValueError):
        round_half_up(1.0, -1)


KB, MB, GB = 1024, 1024**2, 1024**3


@pytest.mark.parametrize(("size", "text"), [
    (0, "0 bita"),
    (500, "500 bita"),
    (1023, "1.023 bita"),
    (KB, "1 KB"),
    (4608, "4,5 KB"),
    (512 * KB, "512 KB"),
    (2 * MB, "2 MB"),
    (int(3.4 * MB), "3,4 MB"),
    (int(4.5 * MB), "4,5 MB"),
    (MB - 1, "1 MB"),  # 1023,999 KB rounds up into the next unit, never "1.024 KB"
    (MB - 60, "1.023,9 KB"),
    (int(1.25 * GB), "1,3 GB"),  # half-up
    (5000 * 1024**4, "5.000 TB"),
])
def test_sizes(size, text):
    assert format_size_id(size) == text


def test_sizes_read_the_indonesian_way():
    """Whatever the size: grouped digits with ".", at most one decimal after ",", a unit; never "2.0 MB"."""
    for size in [*range(0, 5000, 7), *(int(1.37**n) for n in range(20, 110))]:
        text = format_size_id(size)
        grouped = r"[1-9]\d{0,2}(\.\d{3})*"
        assert re.fullmatch(rf"{grouped}(,[1-9])? (KB|MB|GB|TB)|(0|{grouped}) bita", text), text
