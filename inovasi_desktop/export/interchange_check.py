"""Shape checks for interchange documents: each records a problem at a JSON path instead of raising.

A checker returns a best-effort value even when the input is wrong, so that one pass finds every
problem; the caller discards the result when `problems` is not empty. A key already reported as
missing by `object()` reaches the other checks as `MISSING` and is not reported again.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

MISSING: Any = object()

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|\+00:00)")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")
# C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and lone surrogates
# (the set that domain.text.clean_text removes from typed text, less the carriage return).
_BAD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_MAX_LINK = 2048
# A file beside the document: a relative path with "/" between its parts, no empty or ".." part, no "\\" or ":"
# (so no drive letter or absolute path), no control characters. The schema's fileBeside pattern is this one.
RELATIVE_PATH = re.compile(r"(?!.*(^|/)\.\.(/|$))[^/\\:\x00-\x1f\x7f]+(/[^/\\:\x00-\x1f\x7f]+)*")
_MAX_PATH = 1000

# Shape of a profile value per catalogue field type (see inovasi_desktop.domain.model).
_TEXT_TYPES = frozenset({"auto", "text", "paragraph", "choice"})
_COORDINATE_RANGES = {"lat": 90.0, "lon": 180.0}


def describe(value: Any) -> str:
    """A short quotation of a value for a message."""
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str | int | float | bool | None) else None
    if shown is None:
        return "objek" if isinstance(value, dict) else "daftar" if isinstance(value, list) else type(value).__name__
    return shown if len(shown) <= 60 else shown[:57] + "...\""


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    @staticmethod
    def key_path(parent: str, key: str) -> str:
        if _IDENTIFIER.fullmatch(key):
            return f"{parent}.{key}"
        return f"{parent}[{json.dumps(key, ensure_ascii=False)}]"

    @staticmethod
    def get(table: dict | None, key: str) -> Any:
        return table.get(key, MISSING) if table is not None else MISSING

    # -- containers

    def object(self, value: Any, path: str, keys: frozenset[str] | None = None) -> dict | None:
        """`value` if it is an object; with `keys`, exactly those keys must be present."""
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            self.problem(path, "harus berupa objek")
            return None
        if keys is not None:
            for key in value:
                if key not in keys:
                    self.problem(self.key_path(path, key), "kunci tidak dikenal")
            for key in sorted(keys - value.keys()):
                self.problem(self.key_path(path, key), "wajib ada")
        return value

    def items(self, value: Any, path: str) -> list[tuple[str, Any]]:
        if value is MISSING:
            return []
        if not isinstance(value, list):
            self.problem(path, "harus berupa daftar")
            return []
        return [(f"{path}[{i}]", item) for i, item in enumerate(value)]

    def non_empty_key(self, key: str, path: str) -> bool:
        if not key.strip():
            self.problem(path, "nama kunci tidak boleh kosong")
            return False
        return self.text(key, path) == key

    # -- scalars

    def text(self, value: Any, path: str, non_empty: bool = False) -> str:
        if value is MISSING:
            return ""
        if not isinstance(value, str):
            self.problem(path, "harus berupa teks")
            return ""
        bad = _BAD_CHARACTERS.search(value)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            self.problem(path, f"berisi karakter yang tidak sah ({code}) pada posisi {bad.start() + 1}")
            return ""
        if non_empty and not value.strip():
            self.problem(path, "tidak boleh kosong")
        return value

    def integer(self, value: Any, path: str, minimum: int | None = None, maximum: int | None = None,
                message: str | None = None) -> int | None:
        if value is MISSING:
            return None
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and ((minimum is not None and value < minimum) or (maximum is not None and value > maximum)):
            ok = False
        if not ok:
            if message is None:
                message = "harus bilangan bulat" + (f" paling kecil {minimum}" if minimum is not None else "")
            self.problem(path, message)
            return None
        return value

    def shaped(self, value: Any, path: str, pattern: re.Pattern, expected: str) -> str | None:
        """`value` if it is a text matching `pattern` (patterns admit no bad characters)."""
        if value is MISSING:
            return None
        if not isinstance(value, str) or not pattern.fullmatch(value):
            self.problem(path, f"harus {expected}, bukan {describe(value)}")
            return None
        return value

    def date(self, value: Any, path: str) -> date | None:
        expected = "tanggal yang sah berbentuk TTTT-BB-HH"
        text = self.shaped(value, path, _DATE, expected)
        try:
            return date.fromisoformat(text) if text is not None else None
        except ValueError:
            self.problem(path, f"harus {expected}, bukan {describe(value)}")
            return None

    def timestamp(self, value: Any, path: str) -> datetime | None:
        expected = "waktu UTC yang sah berbentuk TTTT-BB-HHTjj:mm:ddZ"
        text = self.shaped(value, path, _TIMESTAMP, expected)
        try:
            return datetime.fromisoformat(text).astimezone(UTC) if text is not None else None
        except ValueError:
            self.problem(path, f"harus {expected}, bukan {describe(value)}")
            return None

    def uuid(self, value: Any, path: str) -> str | None:
        return self.shaped(value, path, _UUID, "UUID berhuruf kecil, misalnya \"0b9c7a3e-5f1d-4c2a-9e8b-1d2f3a4b5c6d\"")

    def link(self, value: Any, path: str) -> str | None:
        if value is None or value is MISSING:
            return None
        text = self.text(value, path)
        if not isinstance(value, str) or text != value:
            return None
        parts = urlsplit(text) if len(text) <= _MAX_LINK and not any(ch.isspace() for ch in text) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            self.problem(path, f"harus alamat tautan http:// atau https:// yang sah (paling panjang {_MAX_LINK} "
                               "karakter, tanpa spasi) atau null")
            return None
        return text

    def sha256(self, value: Any, path: str) -> str | None:
        return self.shaped(value, path, _SHA256, "sidik SHA-256 (64 karakter heksadesimal berhuruf kecil)")

    def file_name(self, value: Any, path: str) -> str:
        text = self.text(value, path, non_empty=True)
        if "/" in text or "\\" in text:
            self.problem(path, "harus nama berkas saja, tanpa folder")
        return text

    def relative_path(self, value: Any, path: str) -> str | None:
        if value is MISSING or (isinstance(value, str) and self.text(value, path) != value):
            return None  # reported already
        if isinstance(value, str) and len(value) <= _MAX_PATH and RELATIVE_PATH.fullmatch(value):
            return value
        self.problem(path, "harus path berkas yang relatif terhadap folder dokumen, dengan garis miring / di antara "
                           f"foldernya dan tanpa \"..\" (misalnya \"bukti/sk-tim.pdf\"), bukan {describe(value)}")
        return None

    def media_type(self, value: Any, path: str) -> str | None:
        return self.shaped(value, path, _MEDIA_TYPE, "jenis media berhuruf kecil, misalnya \"application/pdf\"")

    # -- profile values

    def any_profile_value(self, value: Any, path: str) -> Any:
        """A value of some profile field type, guessed from its shape."""
        if isinstance(value, str):
            if _DATE.fullmatch(value):  # a date-shaped text must be a real date
                self.date(value, path)
            return self.text(value, path)
        if isinstance(value, list):
            return self.text_list(value, path)
        if isinstance(value, dict):
            if value.keys() == _COORDINATE_RANGES.keys() and not all(isinstance(v, str) for v in value.values()):
                return self.coordinates(value, path)
            return self.sections(value, path)
        self.problem(path, "harus teks, daftar teks, objek bagian teks, atau koordinat {\"lat\", \"lon\"}")
        return None

    def typed_value(self, value: Any, path: str, field_type: str) -> Any:
        """A value checked against the shape of its catalogue field type."""
        if field_type in _TEXT_TYPES:
            return self.text(value, path)
        if field_type == "date":
            return value if self.date(value, path) else None
        if field_type == "multi_choice":
            return self.text_list(value, path)
        if field_type == "sectioned_text":
            return self.sections(value, path)
        if field_type == "coordinates":
            return self.coordinates(value, path)
        if field_type == "attachment":
            self.problem(path, "isian lampiran disimpan di \"attachments\", bukan di \"profile\"")
        else:
            self.problem(path, f"jenis isian {describe(field_type)} tidak dikenal")
        return None

    def text_list(self, value: Any, path: str) -> list[str]:
        out: list[str] = []
        for item_path, item in self.items(value, path):
            text = self.text(item, item_path)
            if isinstance(item, str) and item in out:
                self.problem(item_path, f"nilai {describe(item)} muncul lebih dari sekali")
            out.append(text)
        return out

    def sections(self, value: Any, path: str) -> dict[str, str]:
        table = self.object(value, path)
        out = {}
        for key, item in (table or {}).items():
            key_path = self.key_path(path, key)
            if self.non_empty_key(key, key_path):
                out[key] = self.text(item, key_path)
        return out

    def coordinates(self, value: Any, path: str) -> dict[str, float]:
        table = self.object(value, path, frozenset(_COORDINATE_RANGES))
        out = {}
        for key, limit in _COORDINATE_RANGES.items():
            item = self.get(table, key)
            key_path = f"{path}.{key}"
            if item is MISSING:
                continue
            if isinstance(item, int | float) and not isinstance(item, bool) and -limit <= item <= limit:
                out[key] = float(item)
            else:
                self.problem(key_path, f"harus bilangan antara -{limit:g} dan {limit:g}")
        return out
