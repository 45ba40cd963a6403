"""Text hygiene for anything a user types or pastes."""

from __future__ import annotations

import re

# C0/C1 control characters except tab and newline; lone surrogates cannot be stored as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters that break storage or documents."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
