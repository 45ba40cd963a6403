"""Shape checks for interchange documents: each records a problem at a JSON path instead of raising.

A checker returns a best-effort value even when the input is wrong, so that one pass finds every
problem; the caller discards the result when `problems` is not empty. A key already reported as
missing by `object()` reaches the other checks as `MISSING` and is not reported again. Profile values
are checked by the catalogue's field validators, for the field type their shape names.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from inovasi_desktop.catalogue.field_values import DATE_EXPECTED, check_shape, text_problem
from inovasi_desktop.domain.dates import ISO_DATE, parse_iso_date
from inovasi_desktop.domain.file_names import safe_file_name
from inovasi_desktop.domain.problems import ProblemReader, describe, key_path, key_problem

MISSING: Any = object()

_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|\+00:00)")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")
_MAX_LINK = 2048
MAX_INTEGER = 2**63 - 1  # what SQLite's INTEGER holds
# A file beside the document: a relative path with "/" between its parts, no empty or ".." part, no "\\" or ":"
# (so no drive letter or absolute path), no control characters. The schema's fileBeside pattern is this one.
RELATIVE_PATH = re.compile(r"(?!.*(^|/)\.\.(/|$))[^/\\:\x00-\x1f\x7f]+(/[^/\\:\x00-\x1f\x7f]+)*")
_MAX_PATH = 1000


def profile_type(value: Any) -> str | None:
    """The field type a profile value's shape names (the catalogue is not known here), or None."""
    if isinstance(value, str):
        return "date" if ISO_DATE.fullmatch(value) else "text"  # a date-shaped text must be a real date
    if isinstance(value, list):
        return "multi_choice"
    if isinstance(value, dict):
        coordinates = value.keys() == {"lat", "lon"} and not all(isinstance(v, str) for v in value.values())
        return "coordinates" if coordinates else "sectioned_text"
    return None


class Checker(ProblemReader):
    """The checks of an interchange document's parts; paths start at "$"."""

    def __init__(self) -> None:
        super().__init__()
        self.evidence_ids: dict[str, str] = {}  # evidence item id -> the path that first used it

    def evidence_id(self, value: Any, path: str) -> str | None:
        """An evidence item's id: a UUID that no other item of the document uses."""
        found = self.uuid(value, path)
        if found is not None and found in self.evidence_ids:
            self.problem(path, f"id bukti ini sudah dipakai di {self.evidence_ids[found]}")
        elif found is not None:
            self.evidence_ids[found] = path
        return found

    @staticmethod
    def get(table: dict | None, key: str) -> Any:
        return table.get(key, MISSING) if table is not None else MISSING

    # -- containers

    def object(self, value: Any, path: str, keys: frozenset[str] | None = None) -> dict | None:
        """`value` if it is an object; with `keys`, exactly those keys must be present."""
        if value is MISSING or self.mapping(value, path) is None:
            return None
        if keys is not None:
            self.unknown_keys(value, keys, path)
            for key in sorted(keys - value.keys()):
                self.problem(key_path(path, key), "wajib ada")
        return value

    def items(self, value: Any, path: str) -> list[tuple[str, Any]]:
        return [] if value is MISSING else self.entries(value, path)

    def non_empty_key(self, key: str, path: str) -> bool:
        problem = key_problem(key)
        if problem:
            self.problem(path, problem)
        return problem is None

    # -- scalars

    def text(self, value: Any, path: str, non_empty: bool = False) -> str:
        if value is MISSING:
            return ""
        if not isinstance(value, str):
            self.problem(path, "harus berupa teks")
            return ""
        bad = text_problem(value)
        if bad:
            self.problem(path, bad)
            return ""
        if non_empty and not value.strip():
            self.problem(path, "tidak boleh kosong")
        return value

    def integer(self, value: Any, path: str, minimum: int | None = None, maximum: int | None = None,
                message: str | None = None) -> int | None:
        if value is MISSING:
            return None
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_INTEGER
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
        text = self.shaped(value, path, ISO_DATE, DATE_EXPECTED)
        day = parse_iso_date(text) if text is not None else None
        if text is not None and day is None:
            self.problem(path, f"harus {DATE_EXPECTED}, bukan {describe(value)}")
        return day

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
        try:
            parts = urlsplit(text) if len(text) <= _MAX_LINK and not any(ch.isspace() for ch in text) else None
            hostname = parts.hostname if parts is not None else None  # ValueError on "http://[::1" and the like
            _ = parts.port if parts is not None else None  # ValueError on a port that is no number or too big
        except ValueError:
            parts = hostname = None
        if parts is None or parts.scheme not in ("http", "https") or not hostname:
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
        return safe_file_name(text) if text else text  # a name kept as metadata becomes a file later

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

    def profile_value(self, value: Any, path: str) -> Any:
        """A profile value, checked against the field type its shape names."""
        field_type = profile_type(value)
        if field_type is None:
            self.problem(path, "harus teks, daftar teks, objek bagian teks, atau koordinat {\"lat\", \"lon\"}")
            return None
        checked = check_shape(field_type, value)
        for problem in checked.problems:
            self.problem(path + problem.where, problem.text)
        return checked.value
