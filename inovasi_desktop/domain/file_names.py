"""One safe file name for every platform, from any text (standard library only: every layer uses it).

Evidence keeps its original file name as metadata, and that name later becomes a real file (a preview
copy, a bundle member, an export): `safe_file_name` is the one function that makes it fit Windows,
macOS and Linux alike. It never fails; it returns a name that needs no further check.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 255  # Windows counts UTF-16 units (255), Linux and macOS UTF-8 bytes (255)
MAX_NAME_BYTES = 255
FALLBACK = "berkas"

# Controls (C0, DEL, C1), bidi marks and overrides (a right-to-left override hides ".exe" as "exe.pdf"),
# zero-width characters, line and paragraph separators, byte-order marks, and lone surrogates.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
                        "\ud800-\udfff]")
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')  # Windows refuses these; "/" separates folders everywhere
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
                       *(f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))})


def safe_file_name(name: str, fallback: str = FALLBACK) -> str:
    """`name` made a plain file name: no folder part, no control, bidi or reserved-character, no Windows
    device name (`con`, `NUL:`, `com1.txt`), no trailing dot or space, not "." or "..", and short enough
    (the extension kept when it is short). `fallback` when nothing usable is left."""
    if len(name) > MAX_NAME_CHARS * 4:  # a huge name is cut before the work, its extension kept
        name = name[: MAX_NAME_CHARS * 2] + name[-16:]
    text = unicodedata.normalize("NFC", name)
    text = _INVISIBLE.sub("", text.replace("\t", " ").replace("\n", " ").replace("\r", " "))
    text = _FORBIDDEN.sub("_", text)
    text = text.strip()
    text = text.rstrip(". ")  # Windows drops trailing dots and spaces: "a." and "a" would clash
    if not text.strip("._ "):
        return fallback
    if text.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        text = f"_{text}"
    return _shorten(text)


def _shorten(text: str) -> str:
    stem, dot, suffix = text.rpartition(".")
    keep = f".{suffix}" if dot and stem and len(suffix) <= 10 else ""
    body = text[: min(len(text) - len(keep), MAX_NAME_CHARS - len(keep))]
    while len((body + keep).encode("utf-8")) > MAX_NAME_BYTES:
        body = body[:-1]
    if len(body) + len(keep) < len(text):  # cut: the cut may not end in a dot or space either
        body = body.rstrip(". ")
    return f"{body}{keep}" if body else FALLBACK + keep
