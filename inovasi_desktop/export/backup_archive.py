"""The backup file (`*.inovasi-cadangan`): one ZIP holding a manifest, a database snapshot and the evidence
files it uses, each under its sha256.

Written deterministically (sorted members, fixed times and permissions; already-compressed files stored, not
deflated). Read defensively: only the member names this format defines, a capped member count and manifest
size, no encrypted or exotic members, and no declared size trusted: every member is read in bounded chunks,
counted and hashed against the manifest. Nothing here writes outside what the caller gives.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from inovasi_desktop.atomic import open_without_waiting
from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.domain.os_errors import IS_A_FOLDER, describe_os_error

FORMAT = "inovasi-cadangan"
FORMAT_VERSION = 2  # 2: with the dossier PDFs received with bundles (written as 1 when there are none)
SUFFIX = ".inovasi-cadangan"
MANIFEST = "manifest.json"
DATABASE = "inovasi.sqlite3"
EVIDENCE_FOLDER = "bukti"
RECEIVED_FOLDER = "berkas-diterima"  # as in the data folder (services.bundles.RECEIVED_DOSSIERS)
MAX_MEMBERS = 100_000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024**3
CHUNK = 1024 * 1024
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_EVIDENCE_NAME = re.compile(rf"{EVIDENCE_FOLDER}/([0-9a-f]{{2}})/([0-9a-f]{{64}})")
INNOVATION_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_RECEIVED_NAME = re.compile(rf"{RECEIVED_FOLDER}/({INNOVATION_ID.pattern})\.pdf")
_SAMPLE = 16 * 1024
_DEFLATE_LEVEL = 1  # fast; evidence that deflates at all is mostly text

Progress = Callable[[int], None]  # bytes just handled

FOREIGN = ("Berkas ini bukan cadangan Inovasi Desktop. Pilih berkas cadangan berakhiran .inovasi-cadangan. "
           "Data tidak diubah.")
DAMAGED = ("Berkas cadangan rusak atau tidak lengkap (mungkin terpotong saat disalin). Data tidak diubah. "
           "Gunakan salinan cadangan lain.")


class BackupError(InovasiError):
    """A backup file that cannot be written or used; the message says why (in Indonesian)."""


@dataclass(frozen=True)
class Manifest:
    created: str  # ISO 8601 local time with offset
    app_version: str
    schema_version: int
    pemda: str
    opd: str
    innovations: int
    in_bin: int
    database_sha256: str
    database_size: int
    files: dict[str, int] = field(default_factory=dict)  # sha256 -> size
    missing: tuple[str, ...] = ()  # used by evidence but absent from the store when the backup was made
    received: dict[str, tuple[str, int]] = field(default_factory=dict)  # innovation id -> its dossier (sha256, size)

    @property
    def evidence_size(self) -> int:
        return sum(self.files.values())

    @property
    def total_size(self) -> int:
        return self.database_size + self.evidence_size + sum(size for _sha, size in self.received.values())

    def to_bytes(self) -> bytes:
        data = {"format": FORMAT, "format_version": FORMAT_VERSION if self.received else 1, "created": self.created,
                "app_version": self.app_version, "schema_version": self.schema_version,
                "organisation": {"pemda": self.pemda, "opd": self.opd},
                "innovations": self.innovations, "in_bin": self.in_bin,
                "database": {"name": DATABASE, "sha256": self.database_sha256, "size": self.database_size},
                "evidence": [{"sha256": s, "size": n} for s, n in sorted(self.files.items())],
                "missing": sorted(self.missing)}
        if self.received:
            data["received"] = [{"id": i, "sha256": s, "size": n} for i, (s, n) in sorted(self.received.items())]
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def parse(cls, raw: bytes) -> Manifest:
        """The manifest in `raw`; BackupError (foreign, newer or damaged) for anything unexpected."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise BackupError(FOREIGN) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError(FOREIGN)
        version = data.get("format_version")
        if not _is_int(version) or version < 1:
            raise BackupError(DAMAGED)
        if version > FORMAT_VERSION:
            raise BackupError("Berkas cadangan ini dibuat oleh versi Inovasi Desktop yang lebih baru. Perbarui "
                              "Inovasi Desktop untuk memulihkannya. Data tidak diubah.")
        try:
            org, db = data["organisation"], data["database"]
            files = {}
            for entry in data["evidence"]:
                sha, size = entry["sha256"], entry["size"]
                if not (isinstance(sha, str) and _SHA256.fullmatch(sha) and _is_size(size)) or sha in files:
                    raise BackupError(DAMAGED)
                files[sha] = size
            received = {}
            for entry in data.get("received", []):
                iid, sha, size = entry["id"], entry["sha256"], entry["size"]
                if not (isinstance(iid, str) and INNOVATION_ID.fullmatch(iid) and isinstance(sha, str)
                        and _SHA256.fullmatch(sha) and _is_size(size)) or iid in received:
                    raise BackupError(DAMAGED)
                received[iid] = (sha, size)
            manifest = cls(
                created=_text(data["created"]), app_version=_text(data["app_version"]),
                schema_version=_count(data["schema_version"]), pemda=_text(org["pemda"]), opd=_text(org["opd"]),
                innovations=_count(data["innovations"]), in_bin=_count(data["in_bin"]),
                database_sha256=_text(db["sha256"]), database_size=_count(db["size"]), files=files,
                missing=tuple(_text(s) for s in data.get("missing", [])), received=received)
        except (KeyError, TypeError, ValueError):
            raise BackupError(DAMAGED) from None
        if not _SHA256.fullmatch(manifest.database_sha256) or not _is_size(manifest.database_size):
            raise BackupError(DAMAGED)
        return manifest


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_size(value: object) -> bool:
    return _is_int(value) and 0 <= value <= MAX_MEMBER_BYTES


def _count(value: object) -> int:
    if not _is_int(value) or not 0 <= value < 2**53:
        raise ValueError(value)
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 10_000:
        raise ValueError(value)
    return value


def evidence_member(sha256: str) -> str:
    return f"{EVIDENCE_FOLDER}/{sha256[:2]}/{sha256}"


def received_member(innovation_id: str) -> str:
    return f"{RECEIVED_FOLDER}/{innovation_id}.pdf"


# -- writing -----------------------------------------------------------------------------------------

def write(stream: BinaryIO, manifest: Manifest, database: Path, evidence: Callable[[str], Path], *,
          received: Callable[[str], Path] | None = None, progress: Progress | None = None,
          cancelled: Callable[[], bool] | None = None) -> None:
    """Write the whole archive to `stream`: manifest, database, every evidence file of the manifest, then the
    received dossiers (`received`: an innovation id's PDF).
    A file whose size no longer matches the manifest stops the write (BackupError). Contents are not hashed
    here: the caller reads the archive back and checks every hash (`Reader.verify`), one sha256 pass, not two."""
    with zipfile.ZipFile(stream, "w", allowZip64=True) as archive:
        info = _info(MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr(info, manifest.to_bytes())
        _add(archive, DATABASE, database, manifest.database_size, zipfile.ZIP_DEFLATED, progress, cancelled)
        for sha256, size in sorted(manifest.files.items()):
            path = evidence(sha256)
            _add(archive, evidence_member(sha256), path, size, _compression_for(path), progress, cancelled)
        for innovation_id, (_sha256, size) in sorted(manifest.received.items()):
            _add(archive, received_member(innovation_id), received(innovation_id), size, zipfile.ZIP_STORED,
                 progress, cancelled)


def _info(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = compression
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.create_system = 3  # Unix: the same bytes on every platform
    return info


def _compression_for(path: Path) -> int:
    """Deflate what shrinks; store what is already compressed (scans, photos, Office files). Judged on a small
    sample from the middle of the file (past any text header): deflating random data costs ~25 MB/s here."""
    try:
        with open(path, "rb") as f:
            f.seek(max(0, os.fstat(f.fileno()).st_size // 2 - _SAMPLE // 2))
            sample = f.read(_SAMPLE)
    except OSError:
        return zipfile.ZIP_STORED
    if not sample:
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED if len(zlib.compress(sample, 1)) < 0.9 * len(sample) else zipfile.ZIP_STORED


def _add(archive: zipfile.ZipFile, name: str, path: Path, size: int, compression: int,
         progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    info = _info(name, compression)
    info._compresslevel = _DEFLATE_LEVEL  # noqa: SLF001 - zipfile's only way to set it for open(..., "w")
    info.file_size = size  # lets zipfile choose ZIP64 up front for large members
    done = 0
    try:
        with open(path, "rb") as source, archive.open(info, "w", force_zip64=size > 2**31) as out:
            while chunk := source.read(CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled("Pencadangan dibatalkan; tidak ada berkas yang ditulis.")
                done += len(chunk)
                if done > size:
                    break
                out.write(chunk)
                if progress is not None:
                    progress(len(chunk))
    except FileNotFoundError:
        raise BackupError("Sebuah berkas bukti hilang saat dicadangkan. Jalankan pemeriksaan penyimpanan bukti, "
                          "lalu ulangi.") from None
    if done != size:
        raise BackupError("Sebuah berkas berubah saat dicadangkan. Ulangi pencadangan.")


# -- reading -----------------------------------------------------------------------------------------

class Reader:
    """An open backup file, checked for shape (not yet for content). Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if self.path.is_dir():  # Windows answers "access denied" when a folder is opened
            raise BackupError(f"Berkas cadangan tidak dapat dibuka: {IS_A_FOLDER}.")
        try:
            self._file = open(self.path, "rb", opener=open_without_waiting)  # noqa: SIM115 - closed in close()
        except OSError as err:
            raise BackupError(f"Berkas cadangan tidak dapat dibuka: {describe_os_error(err)}.") from None
        try:
            if not stat.S_ISREG(os.fstat(self._file.fileno()).st_mode):
                raise BackupError(FOREIGN)
            self.size = os.fstat(self._file.fileno()).st_size
            self._zip = _open_zip(self._file)
            self._members = _members(self._zip)
            self.manifest = Manifest.parse(self._read_small(self._members[MANIFEST]))
            _check_members(self._members.values())
            expected = ({MANIFEST, DATABASE} | {evidence_member(s) for s in self.manifest.files}
                        | {received_member(i) for i in self.manifest.received})
            if set(self._members) != expected:
                raise BackupError(DAMAGED)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        zip_ = getattr(self, "_zip", None)
        if zip_ is not None:
            zip_.close()
        self._file.close()

    def _read_small(self, info: zipfile.ZipInfo) -> bytes:
        out = bytearray()
        with _translated(), self._zip.open(info) as member:
            while chunk := member.read(CHUNK):
                out += chunk
                if len(out) > MAX_MANIFEST_BYTES:
                    raise BackupError(DAMAGED)
        return bytes(out)

    def copy(self, name: str, sha256: str, size: int, sink: Callable[[bytes], None], *,
             progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> None:
        """Feed member `name` to `sink` in chunks; BackupError unless exactly `size` bytes hashing to `sha256`
        come. Reading stops one byte past `size`."""
        digest, done = hashlib.sha256(), 0
        with _translated(), self._zip.open(self._members[name]) as member:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled("Pemulihan dibatalkan; data tidak diubah.")
                chunk = member.read(min(CHUNK, size - done + 1))
                if not chunk:
                    break
                done += len(chunk)
                if done > size:
                    raise BackupError(DAMAGED)
                digest.update(chunk)
                sink(chunk)
                if progress is not None:
                    progress(len(chunk))
        if done != size or digest.hexdigest() != sha256:
            raise BackupError(DAMAGED)

    def verify(self, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> None:
        """Read every member and check its size and hash against the manifest."""
        m = self.manifest
        self.copy(DATABASE, m.database_sha256, m.database_size, _discard, progress=progress, cancelled=cancelled)
        for sha256, size in sorted(m.files.items()):
            self.copy(evidence_member(sha256), sha256, size, _discard, progress=progress, cancelled=cancelled)
        for innovation_id, (sha256, size) in sorted(m.received.items()):
            self.copy(received_member(innovation_id), sha256, size, _discard, progress=progress, cancelled=cancelled)


def _discard(_chunk: bytes) -> None:
    pass


class _translated:
    """zipfile's and zlib's errors (CRC, truncation, bad headers) as a BackupError."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc, _tb) -> bool:
        if exc_type is not None and issubclass(exc_type, (zipfile.BadZipFile, zlib.error, EOFError, ValueError,
                                                          NotImplementedError, RuntimeError, struct.error)):
            raise BackupError(DAMAGED) from exc
        if exc_type is not None and issubclass(exc_type, OSError):
            raise BackupError(f"Berkas cadangan tidak dapat dibaca: {describe_os_error(exc)}.") from exc
        return False


def _open_zip(file: BinaryIO) -> zipfile.ZipFile:
    _check_declared_count(file)
    try:
        return zipfile.ZipFile(file)
    except zipfile.BadZipFile:
        file.seek(0)
        head = file.read(4)
        # A ZIP that lost its end (copy cut short) still starts like one: damaged, not foreign.
        raise BackupError(DAMAGED if head == b"PK\x03\x04" else FOREIGN) from None
    except (OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        raise BackupError(DAMAGED) from None


def _check_declared_count(file: BinaryIO) -> None:
    """Refuse a central directory declaring more members than a backup can hold before zipfile builds an object
    for each (a small crafted file could otherwise ask for millions)."""
    try:
        end = zipfile._EndRecData(file)  # noqa: SLF001 - the end record zipfile reads itself, zip64 included
    except (OSError, ValueError, struct.error):
        return  # zipfile meets the same problem and it is reported as damaged
    if end is not None and (end[zipfile._ECD_ENTRIES_TOTAL] > MAX_MEMBERS  # noqa: SLF001
                            or end[zipfile._ECD_SIZE] > MAX_MEMBERS * 400):  # noqa: SLF001 - 400 bytes a name
        raise BackupError(FOREIGN)
    file.seek(0)


def _members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BackupError(FOREIGN)
    names = {info.filename for info in infos}
    if MANIFEST not in names:
        raise BackupError(FOREIGN)
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in members:  # a duplicate name: which one is meant?
            raise BackupError(DAMAGED)
        members[info.filename] = info
    return members


def _check_members(infos) -> None:
    """Only the names this format writes (no path tricks), never encrypted, stored or deflated only."""
    for info in infos:
        name = info.filename
        known = name in (MANIFEST, DATABASE) or _RECEIVED_NAME.fullmatch(name) is not None or (
            (match := _EVIDENCE_NAME.fullmatch(name)) is not None and match[2].startswith(match[1]))
        if not known or info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BackupError(DAMAGED)
