"""Word counting for minimum-length rules (e.g. rancang bangun of at least 300 words).

Counted as a word processor does: a word is a run of characters between separators that holds at
least one letter or digit, in any script. Separators are every Unicode whitespace
character plus the zero-width space. So "kata-kata", "dan/atau", "1.234,56" and "(Perda)" are one
word each, while a dash or bullet standing alone, punctuation and emoji are not words at all.
Counting whole tokens never counts more words than a whitespace-splitting counter would, which is
the safe side for a minimum.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from inovasi_desktop.catalogue.model import ProfileField

_ZERO_WIDTH_SPACE = "\u200b"
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # \w minus the underscore: Unicode letters and digits


def count_words(text: str) -> int:
    """The number of words in `text` (see the module docstring for what a word is)."""
    tokens = (text or "").replace(_ZERO_WIDTH_SPACE, " ").split()
    return sum(1 for token in tokens if _LETTER_OR_DIGIT.search(token))


def count_field_words(field: ProfileField, value: Any) -> int:
    """Words in a text-like profile value; a sectioned_text counts only the catalogue's parts."""
    if field.type == "sectioned_text":
        parts = value if isinstance(value, Mapping) else {}
        return sum(count_words(str(parts.get(part.key) or "")) for part in field.parts)
    return count_words(value) if isinstance(value, str) else 0
