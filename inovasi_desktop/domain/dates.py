"""The one place dates are read from text: the stored form, and the forms people type.

Profile dates and documents store "YYYY-MM-DD" exactly (`parse_iso_date`). People type a day first,
as in Indonesia ("17-08-2025", "17/08/2025", "17.08.2025"), or the stored form (`parse_date_text`).
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


def parse_date_text(text: str) -> date | None:
    """A date as typed: DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD; None when it is not one."""
    parts = text.strip().replace("/", "-").replace(".", "-").split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = (parts[0], parts[1], parts[2]) if len(parts[0]) == 4 else (parts[2], parts[1], parts[0])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
