"""The bundle manifest ("inovasi-desktop/bundle", version 1): what a `*.inovasi` file carries.

Described in `schemas/bundle.v1.schema.json`. A bundle is one part of a set (a single file is part 1 of 1);
every part carries the whole set's tables (innovations, evidence files and where their pieces are), so any
one part can say which parts are missing. `members` lists the members of this part only, with their size
and sha256; `manifest.json` itself is the one member not listed. Reading checks every value by hand and
refuses with one Indonesian message (`BundleError`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from inovasi_desktop.domain.errors import InterchangeError

FORMAT = "inovasi-desktop/bundle"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".inovasi"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
# The only member names a bundle may hold: the manifest, an innovation's JSON, its dossier PDF, and an
# evidence file (whole: bukti/<sha256>; or piece N of a file split across parts: bukti/<sha256>.N).
MEMBER_NAME = re.compile(rf"{MANIFEST}|inovasi/{_UUID.pattern}\.json|berkas/{_UUID.pattern}\.pdf"
                         rf"|bukti/{_SHA256.pattern}(\.[1-9][0-9]{{0,3}})?")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")
MAX_PARTS = 999


class BundleError(InterchangeError):
    """A bundle that cannot be read or is refused; nothing was written."""


@dataclass(frozen=True)
class Member:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Piece:
    """One stretch of an evidence file, in one part of the set (a whole file is one piece)."""

    part: int
    member: str
    size: int
    sha256: str


@dataclass(frozen=True)
class EvidenceFile:
    sha256: str
    size: int
    media_type: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Dossier:
    member: str
    size: int
    sha256: str
    dossier_id: str


@dataclass(frozen=True)
class InnovationEntry:
    id: str
    name: str
    opd: str
    part: int  # the part holding its JSON (and dossier)
    member: str
    size: int
    sha256: str  # of its interchange JSON: what "changed since the last exchange" compares
    evidence: tuple[str, ...]  # sha256 of the stored files it uses
    dossier: Dossier | None = None


@dataclass(frozen=True)
class Sender:
    pemda: str = ""
    opd: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""

    @property
    def label(self) -> str:
        return ", ".join(x for x in (self.opd, self.pemda) if x) or "pengirim tanpa nama"


@dataclass(frozen=True)
class Manifest:
    app_version: str
    created_at: str
    sender: Sender
    set_id: str
    part: int
    parts: int
    innovations: tuple[InnovationEntry, ...]
    evidence: tuple[EvidenceFile, ...]
    members: tuple[Member, ...] = field(default=())

    def parts_needed(self, entry: InnovationEntry) -> set[int]:
        """The parts that together hold this innovation and every file it uses."""
        files = {e.sha256: e for e in self.evidence}
        needed = {entry.part}
        for sha256 in entry.evidence:
            needed |= {p.part for p in files[sha256].pieces}
        return needed

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "app_version": self.app_version, "created_at": self.created_at,
            "sender": {"pemda": self.sender.pemda, "opd": self.sender.opd, "contact_name": self.sender.contact_name,
                       "contact_phone": self.sender.contact_phone, "contact_email": self.sender.contact_email},
            "set": {"id": self.set_id, "part": self.part, "parts": self.parts},
            "innovations": [{
                "id": i.id, "name": i.name, "opd": i.opd, "part": i.part, "member": i.member, "size": i.size,
                "sha256": i.sha256, "evidence": list(i.evidence),
                "dossier": None if i.dossier is None else {"member": i.dossier.member, "size": i.dossier.size,
                                                           "sha256": i.dossier.sha256,
                                                           "dossier_id": i.dossier.dossier_id}}
                for i in self.innovations],
            "evidence": [{"sha256": e.sha256, "size": e.size, "media_type": e.media_type,
                          "pieces": [{"part": p.part, "member": p.member, "size": p.size, "sha256": p.sha256}
                                     for p in e.pieces]} for e in self.evidence],
            "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in self.members],
        }

    def dumps(self) -> bytes:
        return (json.dumps(self.to_dict(), sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------- reading

def parse(data: bytes) -> Manifest:
    """The manifest in `data`, or BundleError saying what is wrong."""
    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=_no_repeats, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleError("Daftar isi kiriman (manifest.json) rusak: bukan JSON UTF-8 yang sah.") from None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise BundleError("Berkas ini bukan kiriman Inovasi Desktop (format daftar isinya tidak dikenal).")
    version = value.get("version")
    if not _is_int(version) or version < 1:
        raise BundleError("Versi format kiriman tidak dikenal.")
    if version > VERSION:
        raise BundleError(f"Kiriman ini dibuat oleh versi aplikasi yang lebih baru (format versi {version}; versi "
                          f"ini mendukung versi {VERSION}). Perbarui Inovasi Desktop untuk membukanya.")
    try:
        return _manifest(value)
    except KeyError as err:
        raise BundleError(f"Daftar isi kiriman (manifest.json) tidak sah: kunci \"{err.args[0]}\" tidak ada.") \
            from None
    except (TypeError, ValueError) as err:
        raise BundleError(f"Daftar isi kiriman (manifest.json) tidak sah: {err.args[0] if err.args else err}.") \
            from None


def _manifest(v: dict) -> Manifest:
    sender = _obj(v["sender"], "sender")
    set_ = _obj(v["set"], "set")
    parts = _int(set_["parts"], "set.parts", 1, MAX_PARTS)
    manifest = Manifest(
        app_version=_str(v["app_version"], "app_version"),
        created_at=_str(v["created_at"], "created_at"),
        sender=Sender(**{k: _str(sender.get(k, ""), f"sender.{k}") for k in
                         ("pemda", "opd", "contact_name", "contact_phone", "contact_email")}),
        set_id=_match(set_["id"], re.compile(r"[0-9a-f]{16,64}"), "set.id"),
        part=_int(set_["part"], "set.part", 1, parts),
        parts=parts,
        innovations=tuple(_innovation(x, parts) for x in _list(v["innovations"], "innovations")),
        evidence=tuple(_evidence(x, parts) for x in _list(v["evidence"], "evidence")),
        members=tuple(Member(_member_name(m["path"], "members.path"), _int(m["size"], "members.size"),
                             _match(m["sha256"], _SHA256, "members.sha256"))
                      for m in map(lambda x: _obj(x, "members"), _list(v["members"], "members"))),
    )
    known = {e.sha256 for e in manifest.evidence}
    if len(known) != len(manifest.evidence):
        raise ValueError("satu berkas bukti tercantum lebih dari sekali")
    if len({i.id for i in manifest.innovations}) != len(manifest.innovations):
        raise ValueError("satu inovasi tercantum lebih dari sekali")
    if len({m.path for m in manifest.members}) != len(manifest.members):
        raise ValueError("satu anggota tercantum lebih dari sekali")
    for entry in manifest.innovations:
        if not set(entry.evidence) <= known:
            raise ValueError(f"inovasi {entry.id} memakai berkas bukti yang tidak tercantum")
    return manifest


def _innovation(x: Any, parts: int) -> InnovationEntry:
    x = _obj(x, "innovations")
    iid = _match(x["id"], _UUID, "innovations.id")
    member = _member_name(x["member"], "innovations.member")
    if member != f"inovasi/{iid}.json":
        raise ValueError(f"nama anggota inovasi {iid} tidak sesuai")
    dossier = None
    if x["dossier"] is not None:
        d = _obj(x["dossier"], "innovations.dossier")
        dossier = Dossier(_member_name(d["member"], "dossier.member"), _int(d["size"], "dossier.size"),
                          _match(d["sha256"], _SHA256, "dossier.sha256"),
                          _match(d["dossier_id"], re.compile(r"[0-9a-f]{12}"), "dossier.dossier_id"))
        if dossier.member != f"berkas/{iid}.pdf":
            raise ValueError(f"nama berkas PDF inovasi {iid} tidak sesuai")
    return InnovationEntry(
        id=iid, name=_str(x["name"], "innovations.name"), opd=_str(x["opd"], "innovations.opd"),
        part=_int(x["part"], "innovations.part", 1, parts), member=member,
        size=_int(x["size"], "innovations.size"), sha256=_match(x["sha256"], _SHA256, "innovations.sha256"),
        evidence=tuple(_match(h, _SHA256, "innovations.evidence")
                       for h in _list(x["evidence"], "innovations.evidence")),
        dossier=dossier)


def _evidence(x: Any, parts: int) -> EvidenceFile:
    x = _obj(x, "evidence")
    sha256 = _match(x["sha256"], _SHA256, "evidence.sha256")
    pieces = tuple(Piece(_int(p["part"], "pieces.part", 1, parts), _member_name(p["member"], "pieces.member"),
                         _int(p["size"], "pieces.size"), _match(p["sha256"], _SHA256, "pieces.sha256"))
                   for p in (_obj(p, "pieces") for p in _list(x["pieces"], "evidence.pieces")))
    size = _int(x["size"], "evidence.size")
    if not pieces or sum(p.size for p in pieces) != size:
        raise ValueError(f"potongan berkas bukti {sha256[:12]} tidak sama dengan ukurannya")
    for n, piece in enumerate(pieces, start=1):
        expected = f"bukti/{sha256}" if len(pieces) == 1 else f"bukti/{sha256}.{n}"
        if piece.member != expected:
            raise ValueError(f"nama potongan berkas bukti {sha256[:12]} tidak sesuai")
    return EvidenceFile(sha256, size, _match(x["media_type"], _MEDIA_TYPE, "evidence.media_type"), pieces)


def _member_name(value: Any, where: str) -> str:
    return _match(value, MEMBER_NAME, where)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: Any, where: str, low: int = 0, high: int = 2**53) -> int:
    if not _is_int(value) or not low <= value <= high:
        raise ValueError(f"{where} harus bilangan bulat {low}..{high}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > 2000:
        raise ValueError(f"{where} harus teks (paling panjang 2000 karakter)")
    return value


def _match(value: Any, pattern: re.Pattern[str], where: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"{where} tidak sah")
    return value


def _obj(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{where} harus objek")
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise ValueError(f"{where} harus daftar")
    return value


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("kunci ganda")
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(name)
