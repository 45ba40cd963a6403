"""Indonesian dates, numbers and sizes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from inovasi_desktop.rules import (
    format_date_id,
    format_nip,
    format_number_id,
    format_period_id,
    is_nip,
    nip_digits,
    round_half_up,
)
from inovasi_desktop.rules.format import format_pages_id


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


@pytest.mark.parametrize(("typed", "printed"), [
    ("197203151998031007", "19720315 199803 1 007"),
    ("19720315 199803 1 007", "19720315 199803 1 007"),  # already grouped: unchanged
    (" 198512302010122002 ", "19851230 201012 2 002"),
    ("19720315199803100", "19720315199803100"),  # 17 digits: not a NIP, shown as written
    ("1972031519980310O7", "1972031519980310O7"),  # a letter O
    ("١٩٧٢٠٣١٥١٩٩٨٠٣١٠٠٧", "١٩٧٢٠٣١٥١٩٩٨٠٣١٠٠٧"),  # other scripts' digits are not a NIP
    ("", ""),
])
def test_nip_printed_in_its_groups(typed, printed):
    assert format_nip(typed) == printed


def test_nip_check_accepts_18_ascii_digits_with_spaces_only():
    assert is_nip("197203151998031007") and is_nip("19720315 199803 1 007")
    assert not is_nip("19720315-199803-1-007") and not is_nip("١٩٧٢٠٣١٥١٩٩٨٠٣١٠٠٧") and not is_nip("")
    assert nip_digits(" 19720315 199803 1 007 ") == "197203151998031007"


@pytest.mark.parametrize(("numbers", "text"), [
    ([4], "4"),
    ([3, 2], "2 dan 3"),
    ([1, 2, 3, 5, 8], "1\u20133, 5, dan 8"),
    ([1, 3, 4, 5], "1 dan 3\u20135"),
    (range(201, 301), "201\u2013300"),
])
def test_page_lists_join_runs_in_indonesian(numbers, text):
    assert format_pages_id(numbers) == text
