"""The one place dates are read from text: the stored form, and the forms people type.

Profile dates and documents store "YYYY-MM-DD" exactly (`parse_iso_date`). People type a day first,
as in Indonesia ("17-08-2025", "17/08/2025", "17.08.2025", "17 Agustus 2025"), or the stored form
(`parse_date_text`).
Formatting for people is `rules.format.format_date_id`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(value: Any) -> date | None:
    """A stored date: "YYYY-MM-DD" (spaces around allowed) or a `date`; None when empty or not a real date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


_UNSEPARATED_DATE = re.compile(r"[0-9]{8}")
_WRITTEN_DATE = re.compile(r"([0-9]{1,2})\s+([^\W\d_]+\.?)\s+([0-9]{4})")


def parse_date_text(text: str) -> date | None:
    """A date as typed: DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY, DDMMYYYY, YYYY-MM-DD, or written with the month's
    name as in letters ("17 Agustus 2025", "5 Nop 2025"); None when it is not one."""
    written = _WRITTEN_DATE.fullmatch(text.strip())
    if _UNSEPARATED_DATE.fullmatch(text.strip()):  # typed without separators: DDMMYYYY
        digits = text.strip()
        parts = [digits[4:], digits[2:4], digits[:2]]
    elif written:
        month = month_number(written.group(2))
        parts = [written.group(3), str(month), written.group(1)] if month else []
    else:
        parts = text.strip().replace("/", "-").replace(".", "-").split("-")
        if len(parts) == 3 and len(parts[0]) != 4:
            parts.reverse()
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


# Indonesian month names and the short forms documents use; OCR slips are matched in `month_number`.
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
_MONTH_SHORT = {"jan": 1, "feb": 2, "peb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8,
                "agt": 8, "ags": 8, "agus": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11,
                "nopember": 11, "des": 12}
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_OCR_LETTERS = str.maketrans({"0": "o", "1": "i", "!": "i", "|": "l", "5": "s", "8": "b"})


def month_number(word: str) -> int | None:
    """1-12 for an Indonesian month name ("Juni", "JUNI", "Nopember", "Agt", OCR "Jun1"), a Roman numeral
    ("VI") or a number ("06"); None otherwise."""
    text = word.strip(" .,")
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    if text.upper() in ROMAN_MONTHS:
        return ROMAN_MONTHS.index(text.upper()) + 1
    key = text.casefold().translate(_OCR_LETTERS)
    if key in MONTHS:
        return MONTHS.index(key) + 1
    if key in _MONTH_SHORT:
        return _MONTH_SHORT[key]
    if len(key) >= 4:  # one letter wrong, missing or extra: "Jull", "Desember" read as "Desembr"
        close = [n for n, name in enumerate(MONTHS, start=1) if _one_edit(key, name)]
        if len(close) == 1:
            return close[0]
    return None


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def written_date(day: str, month: str, year: str) -> date | None:
    """A date written in words or numbers ("14", "Juni", "2024"; "14", "VI", "2024"); None when not real."""
    number = month_number(month)
    if number is None or not day.isdigit() or not year.isdigit() or len(year) != 4:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None
