"""Open a bundle as hostile input: everything is checked before anything is believed.

Before Python's zipfile parses the central directory, the end records are read by hand and a bundle
with too many members or too large a directory is refused (so memory stays bounded). Then every member
name is checked (no `..`, absolute paths, drive letters, backslashes, symlinks, duplicates, encryption,
non-UTF-8 names, unknown names), the manifest is read with a cap, and the members must be exactly those
the manifest lists, with the sizes it states. Reading a member streams it in chunks, counting bytes and
hashing as it goes, and refuses at the first byte past the stated size or a hash that differs: sizes
declared inside the archive are never trusted, and a deflated member may not expand more than
`MAX_RATIO` times.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from inovasi_desktop.atomic import open_without_waiting
from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export.bundle import manifest as mf
from inovasi_desktop.export.bundle.manifest import BundleError, Manifest
from inovasi_desktop.rules.format import format_size_id

MAX_MEMBERS = 50_000
MAX_DIRECTORY_BYTES = 16 * 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024  # one innovation's JSON (the example's is 30 KB)
MAX_DOCUMENTS_BYTES = 32 * 1024 * 1024  # all of them: they are parsed into memory for the preview
MAX_TOTAL_BYTES = 64 * 1024**3  # what all members of one bundle may unpack to
MAX_RATIO = 200  # a deflated member may expand at most this many times
CHUNK = 1024 * 1024

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def _refuse(name: str, reason: str) -> BundleError:
    return BundleError(f"Kiriman {name} ditolak: {reason}. Tidak ada yang diubah.")


class BundleReader:
    """An open bundle whose structure and manifest have been checked. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        try:
            self._file: BinaryIO = open(self.path, "rb", opener=open_without_waiting)  # noqa: SIM115 (closed in close())
        except OSError as err:
            raise BundleError(f"Kiriman {self.name} tidak dapat dibuka: {describe_os_error(err)}.") from None
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        zf = getattr(self, "_zip", None)
        if zf is not None:
            zf.close()
        self._file.close()

    # ---------------------------------------------------------------------------- structure

    def _open(self) -> None:
        info = os.fstat(self._file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(self.name, "yang dipilih bukan berkas biasa")
        if info.st_size == 0:
            raise _refuse(self.name, "berkasnya kosong (0 bita)")
        self._check_end_records(info.st_size)
        try:
            self._zip = zipfile.ZipFile(self._file)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error, ValueError):
            raise _refuse(self.name, "berkasnya bukan ZIP yang utuh (mungkin terpotong saat disalin)") from None
        except UnicodeDecodeError:
            raise _refuse(self.name, "ada nama anggota yang bukan teks UTF-8") from None
        except OSError as err:
            raise BundleError(f"Kiriman {self.name} tidak dapat dibaca: {describe_os_error(err)}.") from None
        self._infos = self._check_names(self._zip.infolist())
        self.manifest = self._read_manifest()
        self._check_members()

    def _check_end_records(self, size: int) -> None:
        """Refuse too many members or too large a directory, from the end records, before zipfile reads them."""
        tail_size = min(size, 22 + 65535)
        self._file.seek(size - tail_size)
        tail = self._file.read(tail_size)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            raise _refuse(self.name, "berkasnya bukan ZIP yang utuh (mungkin terpotong saat disalin)")
        count, directory = struct.unpack("<HI", tail[at + 10:at + 16])
        if count == 0xFFFF or directory == 0xFFFFFFFF:  # zip64: the real numbers are in the zip64 record
            locator = tail[at - 20:at] if at >= 20 else b""
            if locator[:4] != _ZIP64_LOCATOR:
                raise _refuse(self.name, "berkasnya bukan ZIP yang utuh (mungkin terpotong saat disalin)")
            (offset,) = struct.unpack("<Q", locator[8:16])
            if offset + 56 > size:
                raise _refuse(self.name, "berkasnya bukan ZIP yang utuh (mungkin terpotong saat disalin)")
            self._file.seek(offset)
            record = self._file.read(56)
            if record[:4] != _ZIP64_EOCD:
                raise _refuse(self.name, "berkasnya bukan ZIP yang utuh (mungkin terpotong saat disalin)")
            count, directory = struct.unpack("<QQ", record[32:48])
        if count > MAX_MEMBERS:
            raise _refuse(self.name, f"berisi {count:,} anggota (paling banyak {MAX_MEMBERS:,})".replace(",", "."))
        if directory > MAX_DIRECTORY_BYTES:
            raise _refuse(self.name, f"daftar anggotanya terlalu besar ({format_size_id(directory)})")

    def _check_names(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > MAX_MEMBERS:
            raise _refuse(self.name, f"berisi terlalu banyak anggota (paling banyak {MAX_MEMBERS})")
        seen: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            shown = ascii(info.orig_filename)[1:-1][:80]
            if not info.flag_bits & 0x800 and not info.orig_filename.isascii():
                raise _refuse(self.name, f"nama anggota \"{shown}\" bukan teks UTF-8")
            if "\\" in info.orig_filename:
                raise _refuse(self.name, f"nama anggota \"{shown}\" memakai garis miring terbalik (\\)")
            if info.orig_filename.startswith("/"):
                raise _refuse(self.name, f"nama anggota \"{shown}\" adalah jalur mutlak")
            if re.match(r"[A-Za-z]:", info.orig_filename):
                raise _refuse(self.name, f"nama anggota \"{shown}\" memuat huruf drive")
            if ".." in info.orig_filename.split("/"):
                raise _refuse(self.name, f"nama anggota \"{shown}\" menunjuk ke luar folder (..)")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise _refuse(self.name, f"anggota \"{shown}\" adalah tautan simbolik")
            if name in seen:
                raise _refuse(self.name, f"nama anggota \"{shown}\" muncul lebih dari sekali")
            if info.flag_bits & 0x1:
                raise _refuse(self.name, "isinya terenkripsi (berkata sandi); kiriman tidak boleh berkata sandi")
            if not mf.MEMBER_NAME.fullmatch(name):
                raise _refuse(self.name, f"berisi anggota tak dikenal \"{shown}\"")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _refuse(self.name, f"anggota \"{shown}\" dimampatkan dengan cara yang tidak dikenal")
            seen[name] = info
        return seen

    def _read_manifest(self) -> Manifest:
        info = self._infos.get(mf.MANIFEST)
        if info is None:
            raise _refuse(self.name, "daftar isinya (manifest.json) tidak ada")
        if info.file_size > MAX_MANIFEST_BYTES:
            raise _refuse(self.name, "daftar isinya terlalu besar")
        data = bytearray()
        for chunk in self._stream(info, MAX_MANIFEST_BYTES):
            data += chunk
        try:
            return mf.parse(bytes(data))
        except BundleError as err:
            raise _refuse(self.name, str(err).rstrip(".")) from None

    def _check_members(self) -> None:
        listed = {m.path: m for m in self.manifest.members}
        present = set(self._infos) - {mf.MANIFEST}
        missing = sorted(set(listed) - present)
        if missing:
            raise _refuse(self.name, f"anggota \"{missing[0]}\" yang tercantum di daftar isi tidak ada")
        extra = sorted(present - set(listed))
        if extra:
            raise _refuse(self.name, f"anggota \"{extra[0]}\" tidak tercantum di daftar isi")
        total = documents = 0
        for path, member in listed.items():
            info = self._infos[path]
            if path.startswith("inovasi/"):
                documents += member.size
                if member.size > MAX_DOCUMENT_BYTES or documents > MAX_DOCUMENTS_BYTES:
                    raise _refuse(self.name, "data inovasinya terlalu besar")
            if info.file_size != member.size:
                raise _refuse(self.name, f"ukuran anggota \"{path}\" berbeda dari daftar isi")
            if info.compress_type == zipfile.ZIP_DEFLATED and member.size > MAX_RATIO * max(info.compress_size, 1024):
                raise _refuse(self.name, f"anggota \"{path}\" mengembang terlalu besar (bom zip)")
            total += member.size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(self.name, f"isinya terlalu besar ({format_size_id(total)})")
        self.total_bytes = total

    # ---------------------------------------------------------------------------- members

    def has(self, path: str) -> bool:
        return path in self._infos and path != mf.MANIFEST

    def member(self, path: str) -> mf.Member:
        return next(m for m in self.manifest.members if m.path == path)

    def read(self, path: str) -> bytes:
        """A small member whole (an innovation's JSON), checked against the manifest."""
        return b"".join(self.chunks(path))

    def chunks(self, path: str, cancelled: Callable[[], bool] | None = None) -> Iterator[bytes]:
        """The member's bytes in chunks, counted and hashed as they come; raises BundleError at the first
        byte past the manifest's size, or at the end when the size or hash differs."""
        member = self.member(path)
        digest = hashlib.sha256()
        done = 0
        for chunk in self._stream(self._infos[path], member.size, cancelled):
            digest.update(chunk)
            done += len(chunk)
            yield chunk
        if done != member.size or digest.hexdigest() != member.sha256:
            raise _refuse(self.name, f"isi anggota \"{path}\" tidak sama dengan daftar isi (rusak atau diubah)")

    def _stream(self, info: zipfile.ZipInfo, limit: int,
                cancelled: Callable[[], bool] | None = None) -> Iterator[bytes]:
        done = 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    if cancelled is not None and cancelled():
                        raise Cancelled("Dibatalkan; tidak ada yang diubah.")
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        return
                    done += len(chunk)
                    if done > limit:
                        raise _refuse(self.name, f"anggota \"{info.filename}\" lebih besar dari yang tercantum")
                    if info.compress_type == zipfile.ZIP_DEFLATED and done > MAX_RATIO * max(info.compress_size, 1024):
                        raise _refuse(self.name, f"anggota \"{info.filename}\" mengembang terlalu besar (bom zip)")
                    yield chunk
        except (zipfile.BadZipFile, EOFError, struct.error, ValueError, RuntimeError, NotImplementedError):
            raise _refuse(self.name, f"anggota \"{info.filename}\" rusak atau terpotong") from None
        except OSError as err:
            raise BundleError(f"Kiriman {self.name} tidak dapat dibaca: {describe_os_error(err)}.") from None
        except Exception as err:  # zlib.error and friends from a damaged stream
            if type(err).__module__ == "zlib":
                raise _refuse(self.name, f"anggota \"{info.filename}\" rusak") from None
            raise

    def verify_all(self, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> None:
        """Stream every member listed and check its size and hash (the bundle-verify check)."""
        done = 0
        for member in self.manifest.members:
            for chunk in self.chunks(member.path, cancelled):
                done += len(chunk)
                if progress is not None:
                    progress(done, self.total_bytes)
