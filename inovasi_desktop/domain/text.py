"""Text hygiene for anything a user types or pastes."""

from __future__ import annotations

import re

# C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and lone surrogates
# (which cannot be stored as UTF-8): what typed text loses and what a stored text may not hold.
BAD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters that break storage or documents."""
    return BAD_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def character_problem(text: str) -> str | None:
    """Why `text` may not be stored as it is (its first bad character), in Indonesian; None when it may."""
    bad = BAD_CHARACTERS.search(text)
    if bad is None:
        return None
    return f"berisi karakter yang tidak sah (U+{ord(bad.group()):04X}) pada posisi {bad.start() + 1}"
