"""Write a bundle, or a set of parts under a size limit, deterministically.

Same content, same bytes: members in a fixed order (innovations, dossiers, evidence, the manifest last),
fixed timestamps (1980-01-01), attributes and compression (JSON deflated, PDFs and evidence stored), and
a manifest whose time is the newest change among the innovations. Each part is written to a temporary
file beside the target, flushed to disk and renamed into place (`atomic.atomic_file`), so an interrupted
write never leaves a file that looks complete. Evidence is copied in chunks and hashed on the way; a
stored file whose content no longer matches its name stops the export.

Splitting (for email): whole innovations go into a part where they fit; an innovation too big for one
part flows across consecutive parts, evidence files cut into numbered pieces at the part boundaries.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inovasi_desktop.atomic import atomic_file
from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export.bundle import manifest as mf
from inovasi_desktop.export.bundle.manifest import (
    Dossier,
    EvidenceFile,
    InnovationEntry,
    Manifest,
    Member,
    Piece,
    Sender,
)
from inovasi_desktop.rules.format import format_size_id

CHUNK = 1024 * 1024
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644 << 16
_MEMBER_OVERHEAD = 2 * (30 + 46 + 20 + 80 + 28)  # local + central headers with zip64 extras, name: generous

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class EvidenceSource:
    sha256: str
    size: int
    media_type: str
    path: Path  # the stored file


@dataclass(frozen=True)
class InnovationSource:
    id: str
    name: str
    opd: str
    json: bytes  # its interchange JSON (interchange.dumps)
    evidence: tuple[EvidenceSource, ...]
    dossier: Path | None = None
    dossier_id: str = ""


@dataclass
class _Slice:
    """What goes into a part: a member made of bytes, or a stretch of a file."""

    name: str
    size: int
    data: bytes | None = None
    path: Path | None = None
    offset: int = 0
    expect_sha256: str | None = None
    compress: bool = False


@dataclass
class _Part:
    slices: list[_Slice] = field(default_factory=list)
    used: int = 0

    def add(self, piece: _Slice) -> None:
        self.slices.append(piece)
        self.used += piece.size + _MEMBER_OVERHEAD


@dataclass(frozen=True)
class WrittenPart:
    path: Path
    size: int
    part: int
    parts: int


class BundleWriteError(InovasiError):
    """The bundle could not be written; nothing was left behind."""


def set_id(innovations: list[InnovationSource]) -> str:
    digest = hashlib.sha256()
    for inn in innovations:
        digest.update(hashlib.sha256(inn.json).digest())
        for e in inn.evidence:
            digest.update(bytes.fromhex(e.sha256))
        digest.update(inn.dossier_id.encode())
    return digest.hexdigest()[:32]


def write_bundle(innovations: list[InnovationSource], sender: Sender, app_version: str, created_at: str,
                 target: Path, *, part_bytes: int | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[WrittenPart]:
    """Write one bundle at `target`, or with `part_bytes` as many parts as needed, each at most that big,
    named `<stem>-bagian-N-dari-M.inovasi` beside `target`. All or nothing: on any failure or cancel, no
    part is left (parts already written by this call are removed)."""
    parts, pieces = _plan(innovations, part_bytes)
    entries = _entries(innovations, pieces, parts)
    files = _evidence_files(innovations, pieces)
    sid = set_id(innovations)
    count = len(parts)
    targets = [target] if count == 1 else [target.with_name(f"{target.stem}-bagian-{n}-dari-{count}{mf.SUFFIX}")
                                          for n in range(1, count + 1)]
    total = sum(s.size for part in parts for s in part.slices) or 1
    done = [0]
    written: list[WrittenPart] = []
    try:
        for number, (part, path) in enumerate(zip(parts, targets, strict=True), start=1):
            def manifest_for(members: list[Member], number: int = number) -> bytes:
                return Manifest(app_version, created_at, sender, sid, number, count, entries, files,
                                tuple(members)).dumps()
            size = _write_part(path, part.slices, manifest_for, done, total, progress, cancelled)
            written.append(WrittenPart(path, size, number, count))
    except BaseException:
        for part in written:
            part.path.unlink(missing_ok=True)
        raise
    if part_bytes is not None:
        over = [w for w in written if w.size > part_bytes]
        if over:  # the plan leaves a margin; this would be a bug in it
            for part in written:
                part.path.unlink(missing_ok=True)
            raise BundleWriteError("Bagian kiriman melebihi batas ukuran; coba batas yang lebih besar.")
    return written


# ---------------------------------------------------------------------------------------- planning

def _json_slices(inn: InnovationSource) -> list[_Slice]:
    out = [_Slice(f"inovasi/{inn.id}.json", len(inn.json), data=inn.json, compress=True)]
    if inn.dossier is not None:
        out.append(_Slice(f"berkas/{inn.id}.pdf", inn.dossier.stat().st_size, path=inn.dossier))
    return out


Pieces = dict[str, list[tuple[int, _Slice]]]  # evidence sha256 -> its pieces (part number, slice)


def _plan(innovations: list[InnovationSource], part_bytes: int | None) -> tuple[list[_Part], Pieces]:
    """The parts, and for each evidence file its pieces (part number, slice)."""
    pieces: Pieces = {}
    unique: dict[str, EvidenceSource] = {}
    for inn in innovations:
        for e in inn.evidence:
            unique.setdefault(e.sha256, e)
    if part_bytes is None:
        part = _Part()
        for inn in innovations:
            for s in _json_slices(inn):
                part.add(s)
        for sha256 in sorted(unique):
            e = unique[sha256]
            piece = _Slice(f"bukti/{sha256}", e.size, path=e.path, expect_sha256=sha256)
            part.add(piece)
            pieces[sha256] = [(1, piece)]
        return [part], pieces
    budget = _budget(innovations, unique, part_bytes)
    parts = [_Part()]
    placed: set[str] = set()
    for inn in innovations:
        fixed = _json_slices(inn)
        new = [unique[e.sha256] for e in inn.evidence if e.sha256 not in placed]
        new = list({e.sha256: e for e in new}.values())
        need = sum(s.size + _MEMBER_OVERHEAD for s in fixed) + sum(e.size + _MEMBER_OVERHEAD for e in new)
        if parts[-1].used + need > budget and parts[-1].slices:
            parts.append(_Part())  # start it in a fresh part: whole where it fits
        for s in fixed:
            if s.size + _MEMBER_OVERHEAD > budget:  # a dossier (or JSON) is never cut into pieces
                raise BundleWriteError(
                    f"Berkas PDF inovasi \"{inn.name}\" ({format_size_id(s.size)}) lebih besar dari batas ukuran "
                    "per bagian; kirim tanpa menyertakan berkas PDF (penerima tetap dapat membuatnya), atau pilih "
                    "batas yang lebih besar.")
            if parts[-1].used + s.size + _MEMBER_OVERHEAD > budget and parts[-1].slices:
                parts.append(_Part())
            parts[-1].add(s)
        for e in sorted(new, key=lambda x: x.sha256):
            placed.add(e.sha256)
            offset, cut = 0, []
            while offset < e.size or not cut:
                room = budget - parts[-1].used - _MEMBER_OVERHEAD
                if room <= 0:
                    parts.append(_Part())
                    continue
                length = min(room, e.size - offset)
                cut.append((len(parts), _Slice("", length, path=e.path, offset=offset)))
                parts[-1].add(cut[-1][1])
                offset += length
            if len(cut) == 1:
                cut[0][1].name, cut[0][1].expect_sha256 = f"bukti/{e.sha256}", e.sha256
            else:
                for n, (_part, s) in enumerate(cut, start=1):
                    s.name = f"bukti/{e.sha256}.{n}"
            pieces[e.sha256] = cut
    for part in parts:  # fixed order inside each part
        part.slices.sort(key=_order)
    return parts, pieces


def _order(s: _Slice) -> tuple[int, str]:
    return ({"inovasi": 0, "berkas": 1, "bukti": 2}[s.name.split("/", 1)[0]], s.name)


def _budget(innovations: list[InnovationSource], unique: dict[str, EvidenceSource], part_bytes: int) -> int:
    """Room for members in a part: the limit less the manifest (each part carries the set's tables) and a margin."""
    tables = sum(400 + len(inn.name.encode()) + len(inn.opd.encode()) + 70 * len(inn.evidence) for inn in innovations)
    tables += 260 * len(unique) + 4096
    budget = part_bytes - 2 * tables - 64 * 1024
    if budget < 64 * 1024:
        raise BundleWriteError("Batas ukuran per bagian terlalu kecil untuk kiriman sebanyak ini; pilih batas "
                               "yang lebih besar atau kirim lebih sedikit inovasi sekaligus.")
    return budget


def _entries(innovations: list[InnovationSource], pieces, parts: list[_Part]) -> tuple[InnovationEntry, ...]:
    home = {}
    for number, part in enumerate(parts, start=1):
        for s in part.slices:
            if s.name.startswith("inovasi/"):
                home[s.name] = number
    out = []
    for inn in innovations:
        dossier = None
        if inn.dossier is not None:
            dossier = Dossier(f"berkas/{inn.id}.pdf", inn.dossier.stat().st_size, _hash_file(inn.dossier),
                              inn.dossier_id)
        member = f"inovasi/{inn.id}.json"
        out.append(InnovationEntry(inn.id, inn.name, inn.opd, home[member], member, len(inn.json),
                                   hashlib.sha256(inn.json).hexdigest(),
                                   tuple(dict.fromkeys(e.sha256 for e in inn.evidence)), dossier))
    return tuple(out)


def _evidence_files(innovations: list[InnovationSource], pieces) -> tuple[EvidenceFile, ...]:
    """The evidence table every part carries; pieces of a file split across parts are hashed here (each part's
    manifest lists them all), a whole file's hash is its name, checked as it is copied."""
    unique = {e.sha256: e for inn in innovations for e in inn.evidence}
    return tuple(EvidenceFile(sha256, unique[sha256].size, unique[sha256].media_type,
                              tuple(Piece(part, s.name, s.size, sha256 if len(pieces[sha256]) == 1 else
                                          _hash_file(s.path, s.offset, s.size))
                                    for part, s in pieces[sha256]))
                 for sha256 in sorted(unique))


# ---------------------------------------------------------------------------------------- writing

def _write_part(path: Path, slices: list[_Slice], manifest_for: Callable[[list[Member]], bytes], done: list[int],
                total: int, progress: Progress | None, cancelled: Callable[[], bool] | None) -> int:
    members: list[Member] = []
    try:
        with atomic_file(path) as stream, zipfile.ZipFile(stream, "w", allowZip64=True) as zf:
            for s in slices:
                sha256 = _write_member(zf, s, done, total, progress, cancelled)
                members.append(Member(s.name, s.size, sha256))
            _write_bytes(zf, mf.MANIFEST, manifest_for(members), compress=True)
        return path.stat().st_size
    except OSError as err:
        raise BundleWriteError(f"Kiriman {path.name} tidak dapat ditulis: {describe_os_error(err)}. "
                               "Tidak ada berkas yang tertinggal.") from None


def _info(name: str, size: int, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.create_system = 3
    info.external_attr = _FILE_MODE
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.file_size = size
    return info


def _write_bytes(zf: zipfile.ZipFile, name: str, data: bytes, compress: bool) -> None:
    with zf.open(_info(name, len(data), compress), "w", force_zip64=len(data) > 0xFFFFFFFF) as out:
        out.write(data)


def _write_member(zf: zipfile.ZipFile, s: _Slice, done: list[int], total: int, progress: Progress | None,
                  cancelled: Callable[[], bool] | None) -> str:
    if cancelled is not None and cancelled():
        raise Cancelled("Pengiriman dibatalkan; tidak ada berkas yang tertinggal.")
    digest = hashlib.sha256()
    if s.data is not None:
        digest.update(s.data)
        _write_bytes(zf, s.name, s.data, s.compress)
        done[0] += s.size
        return digest.hexdigest()
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    left = s.size
    with open(s.path, "rb", buffering=0) as source, zf.open(_info(s.name, s.size, s.compress), "w") as out:
        source.seek(s.offset)
        while left:
            if cancelled is not None and cancelled():
                raise Cancelled("Pengiriman dibatalkan; tidak ada berkas yang tertinggal.")
            count = source.readinto(view[:min(CHUNK, left)])
            if not count:
                break
            digest.update(view[:count])
            out.write(view[:count])
            left -= count
            done[0] += count
            if progress is not None:
                progress(done[0], total, s.name)
        if left:
            raise BundleWriteError(f"Berkas bukti {s.name} lebih pendek dari yang tercatat; jalankan Periksa "
                                   "penyimpanan bukti. Tidak ada berkas yang tertinggal.")
    sha256 = digest.hexdigest()
    if s.expect_sha256 is not None and sha256 != s.expect_sha256:
        raise BundleWriteError(f"Berkas bukti {s.expect_sha256[:12]} di penyimpanan sudah berubah atau rusak; "
                               "jalankan Periksa penyimpanan bukti. Tidak ada berkas yang tertinggal.")
    return sha256


def _hash_file(path: Path, offset: int = 0, size: int | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as f:
        f.seek(offset)
        left = size if size is not None else -1
        while left:
            chunk = f.read(CHUNK if left < 0 else min(CHUNK, left))
            if not chunk:
                break
            digest.update(chunk)
            left -= len(chunk) if left > 0 else 0
    return digest.hexdigest()
