"""Indonesian formatting of dates and numbers for messages and documents.

Dates read "29 November 2026" (no leading zero), periods "1 Januari 2024 s.d. 31 Desember 2025",
numbers use "." for thousands and "," for decimals ("1.234,56"), sizes read "4,5 MB". Rounding is
half-up, as people round by hand, not Python's round-half-to-even. A civil servant's NIP prints in its
four groups.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")


def format_date_id(value: date) -> str:
    """`date(2026, 11, 29)` -> "29 November 2026"."""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def format_period_id(start: date, end: date) -> str:
    """Two dates as an Indonesian period: "1 Januari 2024 s.d. 31 Desember 2025"."""
    return f"{format_date_id(start)} s.d. {format_date_id(end)}"


def format_duration_id(seconds: float) -> str:
    """A playing time in words: 290 -> "4 menit 50 detik", 300 -> "5 menit", 42.4 -> "42 detik"."""
    total = int(round(seconds))
    minutes, rest = divmod(total, 60)
    if not minutes:
        return f"{rest} detik"
    return f"{minutes} menit" + (f" {rest} detik" if rest else "")


def round_half_up(value: float | int | Decimal, decimals: int = 2) -> float:
    """Round as on paper: 38.545 -> 38.55 (the float's shortest decimal form is what is rounded)."""
    return float(_quantize(value, decimals))


def format_number_id(value: float | int | Decimal, decimals: int = 2) -> str:
    """1234.555 -> "1.234,56"; with decimals=0, 1234.5 -> "1.235"."""
    amount = _quantize(value, decimals)
    if amount == 0:
        amount = abs(amount)  # no "-0,00"
    text = f"{amount:,.{decimals}f}"
    return text.translate(str.maketrans({",": ".", ".": ","}))


_SIZE_UNITS = ("KB", "MB", "GB", "TB")


def format_size_id(size: int) -> str:
    """A file size for people, in binary units as Windows shows them, one decimal at most:
    500 -> "500 bita", 4_608 -> "4,5 KB", 2_097_152 -> "2 MB", 3_565_158 -> "3,4 MB"."""
    if size < 1024:
        return f"{format_number_id(size, 0)} bita"
    value, unit = size / 1024, 0
    while unit < len(_SIZE_UNITS) - 1 and _quantize(value, 1) >= 1024:
        value, unit = value / 1024, unit + 1
    return f"{format_number_id(value, 1).removesuffix(',0')} {_SIZE_UNITS[unit]}"


def format_pages_id(numbers: Iterable[int]) -> str:
    """Page numbers as people list them, runs of three or more joined: [1, 2, 3, 5, 8] -> "1–3, 5, dan 8",
    [2, 3] -> "2 dan 3"."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    words = [w for run in runs for w in ([f"{run[0]}–{run[-1]}"] if len(run) > 2 else map(str, run))]
    if len(words) <= 2:
        return " dan ".join(words)
    return ", ".join(words[:-1]) + ", dan " + words[-1]


def _quantize(value: float | int | Decimal, decimals: int) -> Decimal:
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


NIP_DIGITS = 18


def nip_digits(text: str) -> str:
    """A NIP as typed, without the spaces people put between its groups: "19720315 199803 1 007" -> 18 digits."""
    return "".join(text.split())


def is_nip(text: str) -> bool:
    """18 digits (0-9), spaces between groups allowed."""
    digits = nip_digits(text)
    return len(digits) == NIP_DIGITS and digits.isascii() and digits.isdigit()


def format_nip(text: str) -> str:
    """A NIP in its printed groups: birth date (8), appointment year and month (6), sex (1), serial (3).

    "197203151998031007" -> "19720315 199803 1 007". Anything that is not a NIP is returned as written.
    """
    if not is_nip(text):
        return text.strip()
    digits = nip_digits(text)
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
