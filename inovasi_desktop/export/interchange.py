"""The versioned JSON interchange form of one innovation ("inovasi-desktop/innovation", version 1).

The document is described in `schemas/innovation.v1.schema.json`. Reading checks the shape of every
value by hand (no jsonschema dependency) and reports each problem with its JSON path, all together in
one `InterchangeError`. A profile value is checked against the field type its shape names; whether it
fits the pinned catalogue's field is the service layer's check (`services.conformance`).
Writing is deterministic: sorted keys, answers ordered by number, two-space indent, UTF-8 text.

An evidence item's "file" is either a stored file ({sha256, name, size, media_type}) or a file beside
the document ({"path": "bukti/sk.pdf"}, relative to the document's folder), which the importing
service checks and stores (see `read_document`); the shipped example carries its evidence that way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from inovasi_desktop.domain.errors import InterchangeError
from inovasi_desktop.domain.model import EvidenceItem, IndicatorAnswer, Innovation
from inovasi_desktop.domain.problems import describe, key_path
from inovasi_desktop.export.interchange_check import Checker
from inovasi_desktop.rules.format import format_size_id

FORMAT = "inovasi-desktop/innovation"
VERSION = 1
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

TOP_KEYS = frozenset({"format", "version", "id", "catalogue_id", "created_at", "updated_at",
                      "profile", "answers", "attachments"})
ANSWER_KEYS = frozenset({"number", "level", "basis", "notes", "evidence"})
EVIDENCE_KEYS = frozenset({"id", "nomor", "tanggal", "tentang", "file", "link"})
FILE_KEYS = frozenset({"sha256", "name", "size", "media_type"})
FILE_BESIDE_KEYS = frozenset({"path"})


@dataclass
class Document:
    """An innovation as read, and the files beside the document that its evidence items name."""

    innovation: Innovation
    files: dict[str, str] = field(default_factory=dict)  # evidence item id -> path relative to the document


# ---------------------------------------------------------------------------------------- writing

def innovation_to_dict(innovation: Innovation, files: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The interchange document of `innovation`, made of fresh JSON-native values; `files` (item id ->
    relative path) names files beside the document for items that have no stored file."""
    files = files or {}
    answers = sorted(innovation.answers.values(), key=lambda a: a.number)
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": innovation.id,
        "catalogue_id": innovation.catalogue_id,
        "created_at": _timestamp_text(innovation.created_at),
        "updated_at": _timestamp_text(innovation.updated_at),
        "profile": {key: _plain(value) for key, value in innovation.profile.items()},
        "answers": [_answer_dict(a, files) for a in answers],
        "attachments": {key: [_evidence_dict(e, files) for e in items]
                        for key, items in innovation.attachments.items()},
    }


def dumps(innovation: Innovation, files: Mapping[str, str] | None = None) -> str:
    """The document as canonical JSON text; refuses an innovation that could not be read back."""
    data = innovation_to_dict(innovation, files)
    _read(data, "Inovasi tidak dapat diekspor karena datanya tidak sah")
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _timestamp_text(value: datetime) -> str:
    # A naive datetime is taken as UTC; the domain only makes aware ones.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _plain(value: Any) -> Any:
    """A fresh copy of a profile value; numbers (only coordinates hold them) are written as floats."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _answer_dict(answer: IndicatorAnswer, files: Mapping[str, str]) -> dict[str, Any]:
    return {"number": answer.number, "level": answer.level, "basis": answer.basis, "notes": answer.notes,
            "evidence": [_evidence_dict(e, files) for e in answer.evidence]}


def _evidence_dict(item: EvidenceItem, files: Mapping[str, str]) -> dict[str, Any]:
    stored = None
    if item.sha256 is not None:
        stored = {"sha256": item.sha256, "name": item.file_name, "size": item.size, "media_type": item.media_type}
    elif item.id in files:
        stored = {"path": files[item.id]}
    return {"id": item.id, "nomor": item.nomor, "tanggal": item.tanggal.isoformat() if item.tanggal else None,
            "tentang": item.tentang, "file": stored, "link": item.link}


# ---------------------------------------------------------------------------------------- reading

def loads(text: str | bytes) -> Innovation:
    """The innovation of a document (see `read_document`); items naming a file beside the document have no file."""
    return read_document(text).innovation


def read_document(text: str | bytes) -> Document:
    """Parse and validate a document; `bytes` must be UTF-8 (a leading BOM is allowed)."""
    if isinstance(text, bytes | bytearray):
        _refuse_if_huge(len(text))
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InterchangeError(f"Berkas inovasi bukan teks UTF-8 yang sah (bita ke-{err.start + 1}).") from None
    elif len(text) > MAX_DOCUMENT_BYTES // 4:  # a character takes at most 4 bytes: count them only if it matters
        _refuse_if_huge(len(text) if len(text) > MAX_DOCUMENT_BYTES else len(text.encode("utf-8", "surrogatepass")))
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, object_pairs_hook=_object_without_repeats, parse_constant=_refuse_constant)
    except json.JSONDecodeError as err:
        reason = _JSON_REASONS.get(err.msg, "sintaks JSON salah")
        raise InterchangeError(f"Berkas inovasi bukan JSON yang sah: {reason} "
                               f"(baris {err.lineno}, kolom {err.colno}).") from None
    except RecursionError:
        raise InterchangeError("Berkas inovasi tidak sah: susunan objek dan daftar bersarang terlalu dalam.") from None
    except ValueError:  # an integer longer than Python converts
        raise InterchangeError("Berkas inovasi tidak sah: berisi angka yang terlalu panjang.") from None
    _check_header(data)
    return _read(data, "Dokumen inovasi tidak sah")


def innovation_from_dict(data: Any) -> Innovation:
    """Validate a parsed document and build the innovation; raise `InterchangeError` naming every problem."""
    _check_header(data)
    return _read(data, "Dokumen inovasi tidak sah").innovation


_JSON_REASONS = {
    "Expecting value": "nilai yang diharapkan tidak ada",
    "Expecting ',' delimiter": "tanda koma tidak ada",
    "Expecting ':' delimiter": "tanda titik dua tidak ada",
    "Expecting property name enclosed in double quotes": "nama kunci harus diapit tanda petik ganda",
    "Unterminated string starting at": "teks tidak ditutup dengan tanda petik",
    "Invalid control character at": "teks berisi karakter kendali",
    "Extra data": "ada data lain setelah objek utama",
}


def _refuse_if_huge(size: int) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise InterchangeError(f"Berkas inovasi terlalu besar ({format_size_id(size)}); "
                               f"batasnya {format_size_id(MAX_DOCUMENT_BYTES)}.")


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise InterchangeError(f"Berkas inovasi tidak sah: kunci {describe(key)} muncul lebih dari sekali "
                                   "dalam satu objek.")
        seen.add(key)
    return dict(pairs)


def _refuse_constant(name: str) -> Any:
    raise InterchangeError(f"Berkas inovasi tidak sah: nilai {name} tidak diperbolehkan.")


def _check_header(data: Any) -> None:
    """Refuse, before anything else, what is not a version-1 innovation document."""
    if not isinstance(data, dict):
        raise InterchangeError("Berkas ini bukan dokumen inovasi: isinya harus satu objek JSON.")
    if data.get("format") != FORMAT:
        found = f"format {describe(data['format'])}" if "format" in data else "tanpa kunci \"format\""
        raise InterchangeError(f"Berkas ini bukan dokumen inovasi Inovasi Desktop ({found}; "
                               f"yang dikenal: \"{FORMAT}\").")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InterchangeError(f"Versi format dokumen inovasi tidak dikenal: {describe(version)}.")
    if version > VERSION:
        raise InterchangeError(f"Dokumen inovasi ini dibuat oleh versi aplikasi yang lebih baru (format versi "
                               f"{version}; versi ini mendukung versi {VERSION}). Perbarui Inovasi Desktop "
                               "untuk membukanya.")


def _read(data: Any, heading: str) -> Document:
    """The document `data` describes, or `InterchangeError` under `heading` listing every problem."""
    c = Checker()
    files: dict[str, str] = {}
    top = c.object(data, "$", TOP_KEYS)
    innovation = Innovation(
        id=c.uuid(c.get(top, "id"), "$.id"),
        catalogue_id=c.text(c.get(top, "catalogue_id"), "$.catalogue_id", non_empty=True),
        profile=_profile(c, c.get(top, "profile")),
        answers=_answers(c, c.get(top, "answers"), files),
        attachments=_attachments(c, c.get(top, "attachments"), files),
        created_at=c.timestamp(c.get(top, "created_at"), "$.created_at"),
        updated_at=c.timestamp(c.get(top, "updated_at"), "$.updated_at"),
    )
    if c.problems:
        raise InterchangeError(c.report(heading))
    return Document(innovation, files)


def _profile(c: Checker, value: Any) -> dict[str, Any]:
    out = {}
    for key, item in (c.object(value, "$.profile") or {}).items():
        path = key_path("$.profile", key)
        if c.non_empty_key(key, path):
            out[key] = c.profile_value(item, path)
    return out


def _answers(c: Checker, value: Any, files: dict[str, str]) -> dict[int, IndicatorAnswer]:
    answers: dict[int, IndicatorAnswer] = {}
    where: dict[int, str] = {}
    for path, item in c.items(value, "$.answers"):
        answer = c.object(item, path, ANSWER_KEYS)
        number = c.integer(c.get(answer, "number"), f"{path}.number", minimum=1)
        level = c.get(answer, "level")
        if level is not None:
            level = c.integer(level, f"{path}.level", 1, 3, "harus 1, 2, 3, atau null")
        basis = c.get(answer, "basis")
        result = IndicatorAnswer(
            number=number or 0, level=level, basis=None if basis is None else c.text(basis, f"{path}.basis"),
            notes=c.text(c.get(answer, "notes"), f"{path}.notes"),
            evidence=_evidence_list(c, c.get(answer, "evidence"), f"{path}.evidence", files),
        )
        if number is not None and number in where:
            c.problem(f"{path}.number", f"nomor indikator {number} sudah dipakai di {where[number]}")
        elif number is not None:
            answers[number], where[number] = result, path
    return answers


def _attachments(c: Checker, value: Any, files: dict[str, str]) -> dict[str, list[EvidenceItem]]:
    out = {}
    for key, items in (c.object(value, "$.attachments") or {}).items():
        path = key_path("$.attachments", key)
        if c.non_empty_key(key, path):
            out[key] = _evidence_list(c, items, path, files)
    return out


def _evidence_list(c: Checker, value: Any, path: str, files: dict[str, str]) -> list[EvidenceItem]:
    return [_evidence(c, item, item_path, files) for item_path, item in c.items(value, path)]


def _evidence(c: Checker, value: Any, path: str, files: dict[str, str]) -> EvidenceItem:
    ev = c.object(value, path, EVIDENCE_KEYS)
    tanggal = c.get(ev, "tanggal")
    item = EvidenceItem(
        id=c.evidence_id(c.get(ev, "id"), f"{path}.id"),
        nomor=c.text(c.get(ev, "nomor"), f"{path}.nomor"),
        tanggal=None if tanggal is None else c.date(tanggal, f"{path}.tanggal"),
        tentang=c.text(c.get(ev, "tentang"), f"{path}.tentang"),
        link=c.link(c.get(ev, "link"), f"{path}.link"),
    )
    stored = c.get(ev, "file")
    file_path = f"{path}.file"
    if isinstance(stored, dict) and "path" in stored:  # a file beside the document, stored on import
        relative = c.relative_path(c.get(c.object(stored, file_path, FILE_BESIDE_KEYS), "path"), f"{file_path}.path")
        if relative is not None and item.id is not None:
            files[item.id] = relative
    elif stored is not None:
        meta = c.object(stored, file_path, FILE_KEYS)
        item.sha256 = c.sha256(c.get(meta, "sha256"), f"{file_path}.sha256")
        item.file_name = c.file_name(c.get(meta, "name"), f"{file_path}.name")
        item.size = c.integer(c.get(meta, "size"), f"{file_path}.size", minimum=0)
        item.media_type = c.media_type(c.get(meta, "media_type"), f"{file_path}.media_type")
    return item
