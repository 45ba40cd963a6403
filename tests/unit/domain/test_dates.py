"""The one date parser: the stored form exactly, and the forms people type."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inovasi_desktop.domain.dates import parse_date_text, parse_iso_date


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-06-14", date(2024, 6, 14)),
    (" 2024-06-14\n", date(2024, 6, 14)),
    ("2024-02-29", date(2024, 2, 29)),
    (date(2025, 1, 2), date(2025, 1, 2)),
    (datetime(2025, 1, 2, 23, 59), date(2025, 1, 2)),
])
def test_stored_dates(value, expected) -> None:
    assert parse_iso_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "2023-02-29", "2024-13-01", "2024-6-14", "14-06-2024", "20240614",
                                   "2024-06-14T00:00", "٢٠٢٤-٠٦-١٤", 20240614, ["2024-06-14"]])
def test_what_is_no_stored_date(value) -> None:
    assert parse_iso_date(value) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("17-08-2025", date(2025, 8, 17)),
    ("17/08/2025", date(2025, 8, 17)),
    ("17.08.2025", date(2025, 8, 17)),
    ("7-8-2025", date(2025, 8, 7)),
    (" 2025-08-17 ", date(2025, 8, 17)),
    ("2025/8/17", date(2025, 8, 17)),
    ("17 Agustus 2025", date(2025, 8, 17)),  # as written in letters and decrees
    ("1 januari 2024", date(2024, 1, 1)),
    (" 5  Nopember 2025 ", date(2025, 11, 5)),
    ("30 Des. 2025", date(2025, 12, 30)),
    ("15032024", date(2024, 3, 15)),  # typed without separators, day first
])
def test_typed_dates_read_day_first_or_iso(text: str, expected: date) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["", "besok", "31-02-2025", "17-08", "17-08-2025-1", "17 08 2025", "17-O8-2025",
                                  "31 Februari 2025", "17 Agustus", "Agustus 2025", "17 Bulan 2025",
                                  "20240315", "31022025", "1503202"])
def test_what_is_no_typed_date(text: str) -> None:
    assert parse_date_text(text) is None
