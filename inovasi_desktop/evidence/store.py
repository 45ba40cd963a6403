"""Content-addressed evidence store: each file kept once, read-only, at `<root>/<aa>/<sha256>`.

Adding copies the source in large chunks to a temporary file inside the store while hashing it,
flushes it to disk, then renames it into place, so a stored file is always complete. Nothing is
left behind when adding fails or is cancelled. Adding content the store already holds verifies the
stored copy, and a copy that no longer matches its name is replaced by the one just added: attaching
the original again heals every use of a damaged file at once. While it is written, the temporary
`.part` file is locked (an OS lock, POSIX; on Windows an open file cannot be deleted at all), so a
clean-up in another process never removes the file of an add still running: only `.part` files left
by a crash, unlocked and older than PART_GRACE_SECONDS, are stale.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from inovasi_desktop.atomic import retry_in_use
from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.evidence.errors import StoreError

CHUNK_SIZE = 1024 * 1024
_PARTIAL_PREFIX = ".incoming-"
_PARTIAL_SUFFIX = ".part"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
PART_GRACE_SECONDS = 600  # an unlocked .part this young may be an add between creating and locking it

Progress = Callable[[int, int], None]  # (bytes done, bytes in total)


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path
    already_present: bool  # the same content was stored before; nothing new was written
    healed: bool = False  # the stored copy had been damaged and was replaced by this add


@dataclass(frozen=True)
class PartialFile:
    """A `.part` file in the store: an add under way, or what a crashed one left."""

    path: Path
    size: int
    age_seconds: float
    in_use: bool  # locked by an add still running (in this process or another)

    @property
    def stale(self) -> bool:
        return not self.in_use and self.age_seconds >= PART_GRACE_SECONDS


@dataclass(frozen=True)
class VerifyReport:
    missing: tuple[str, ...]  # expected but not in the store
    changed: tuple[str, ...]  # present, but the content no longer matches its name

    @property
    def ok(self) -> bool:
        return not self.missing and not self.changed


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a lower-case hex sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add(
        self,
        src: Path | str,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> StoredFile:
        """Store a copy of `src`. Raises StoreError (nothing stored) or Cancelled.

        `progress(done, total)` is called after each chunk; `cancelled()` is asked before each one.
        """
        src = Path(src)
        try:
            source = retry_in_use(lambda: open(src, "rb", buffering=0))  # noqa: SIM115 (closed below)
        except OSError as err:
            raise StoreError(f"Berkas tidak dapat dibaca: {describe_os_error(err)}.") from None
        with source:
            before = os.fstat(source.fileno())
            if not stat.S_ISREG(before.st_mode):
                raise StoreError("Yang dipilih bukan berkas biasa; pilih sebuah berkas.")
            try:
                self.root.mkdir(parents=True, exist_ok=True)
                fd, partial = tempfile.mkstemp(prefix=_PARTIAL_PREFIX, suffix=_PARTIAL_SUFFIX, dir=self.root)
                _lock(fd)
            except OSError as err:
                raise StoreError(f"Folder penyimpanan bukti tidak dapat ditulisi: {describe_os_error(err)}.") from None
            try:
                try:
                    sha256, size = _copy_hashing(source, fd, before.st_size, progress, cancelled)
                    _flush(fd)
                finally:
                    os.close(fd)
                _ensure_unchanged(src, before, size)
                return self._settle(Path(partial), sha256, size)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise

    def add_chunks(self, chunks: Iterable[bytes], sha256: str, size: int) -> StoredFile:
        """Store content arriving in chunks (a member of a received bundle) that must be `size` bytes with this
        sha256; raises StoreError (nothing stored) when it is not, or what the chunks raise (e.g. Cancelled)."""
        self.path_for(sha256)  # refuses what is not a sha256
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, partial = tempfile.mkstemp(prefix=_PARTIAL_PREFIX, suffix=_PARTIAL_SUFFIX, dir=self.root)
        except OSError as err:
            raise StoreError(f"Folder penyimpanan bukti tidak dapat ditulisi: {describe_os_error(err)}.") from None
        try:
            digest, done = hashlib.sha256(), 0
            try:
                for chunk in chunks:
                    digest.update(chunk)
                    done += len(chunk)
                    if done > size:
                        break
                    _write_all(fd, memoryview(chunk))
                _flush(fd)
            except OSError as err:
                raise _write_error(err) from None
            finally:
                os.close(fd)
            if done != size or digest.hexdigest() != sha256:
                raise StoreError(f"Isi berkas bukti {sha256[:12]} tidak sesuai sidiknya; "
                                 "tidak ada berkas yang disimpan.")
            return self._settle(Path(partial), sha256, size)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise

    def _settle(self, partial: Path, sha256: str, size: int) -> StoredFile:
        """Move a complete partial file into place, unless the same content is there already."""
        final = self.path_for(sha256)
        if final.exists():
            if self.verify(sha256):
                partial.unlink()
                return StoredFile(sha256, size, final, already_present=True)
            return self._heal(partial, final, sha256, size)
        try:
            final.parent.mkdir(exist_ok=True)
            os.chmod(partial, _READ_ONLY)
            os.replace(partial, final)
        except OSError as err:
            if final.exists():  # stored meanwhile by another add of the same content
                partial.unlink(missing_ok=True)
                return StoredFile(sha256, size, final, already_present=True)
            raise _write_error(err) from None
        _sync_folder(final.parent)
        return StoredFile(sha256, size, final, already_present=False)

    def _heal(self, partial: Path, final: Path, sha256: str, size: int) -> StoredFile:
        """Put the complete, freshly hashed `partial` in place of a stored copy that no longer matches."""
        try:
            os.chmod(partial, _READ_ONLY)
            try:
                os.replace(partial, final)
            except PermissionError:  # Windows refuses to replace a read-only file
                os.chmod(final, stat.S_IWUSR | stat.S_IRUSR)
                os.replace(partial, final)
        except OSError as err:
            raise _write_error(err) from None
        _sync_folder(final.parent)
        return StoredFile(sha256, size, final, already_present=True, healed=True)

    def verify(self, sha256: str) -> bool:
        """Whether the stored file is present and its content still has this sha256."""
        try:
            with open(self.path_for(sha256), "rb", buffering=0) as f:
                return _hash_stream(f) == sha256
        except OSError:
            return False

    def verify_all(self, expected: Iterable[str], *, progress: Progress | None = None) -> VerifyReport:
        """Re-hash every expected file; `progress(done, total)` counts files."""
        wanted = sorted(set(expected))
        missing: list[str] = []
        changed: list[str] = []
        for done, sha256 in enumerate(wanted, start=1):
            if not self.has(sha256):
                missing.append(sha256)
            elif not self.verify(sha256):
                changed.append(sha256)
            if progress:
                progress(done, len(wanted))
        return VerifyReport(tuple(missing), tuple(changed))

    def discard(self, sha256: str) -> None:
        """Delete one stored file (to undo an add whose use was never recorded); a missing file is fine."""
        path = self.path_for(sha256)
        if path.is_file():
            _remove_read_only(path)

    def stored_hashes(self) -> set[str]:
        """The sha256 of every file in the store."""
        return {path.name for path in self._stored_paths()}

    def remove_unreferenced(self, referenced: Iterable[str]) -> list[str]:
        """Delete stored files not in `referenced` and partial files left by a crash.

        Returns the sha256 of the files removed. Call it while no `add` of this store runs in this process
        (adds in other processes are safe: their `.part` files are locked).
        """
        keep = set(referenced)
        removed: list[str] = []
        for path in self._stored_paths():
            if path.name not in keep:
                _remove_read_only(path)
                removed.append(path.name)
        self.remove_stale_partials()
        for shard in self._shards():
            if not any(shard.iterdir()):
                shard.rmdir()
        return sorted(removed)

    def partial_files(self) -> list[PartialFile]:
        """The `.part` files in the store, oldest first."""
        now = time.time()
        found = []
        for path in self.root.glob(f"{_PARTIAL_PREFIX}*{_PARTIAL_SUFFIX}") if self.root.is_dir() else ():
            try:
                info = path.stat()
            except OSError:  # finished or removed meanwhile
                continue
            found.append(PartialFile(path, info.st_size, max(0.0, now - info.st_mtime), _in_use(path)))
        return sorted(found, key=lambda p: -p.age_seconds)

    def remove_stale_partials(self) -> list[PartialFile]:
        """Delete the `.part` files crashed adds left (never one an add is still writing); returns them."""
        removed = []
        for partial in self.partial_files():
            if not partial.stale:
                continue
            try:
                _remove_read_only(partial.path)
            except FileNotFoundError:
                continue
            except PermissionError:  # Windows: still open in another process
                continue
            removed.append(partial)
        return removed

    def _shards(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [p for p in self.root.iterdir() if p.is_dir() and re.fullmatch(r"[0-9a-f]{2}", p.name)]

    def _stored_paths(self) -> list[Path]:
        return [
            path
            for shard in self._shards()
            for path in shard.iterdir()
            if _SHA256.fullmatch(path.name) and path.name[:2] == shard.name and path.is_file()
        ]


def _copy_hashing(
    source: io.RawIOBase, fd: int, total: int, progress: Progress | None, cancelled: Callable[[], bool] | None
) -> tuple[str, int]:
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    done = 0
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled("Penyimpanan bukti dibatalkan; tidak ada berkas yang disimpan.")
        try:
            count = source.readinto(buffer)
        except OSError as err:
            raise StoreError(f"Berkas sumber tidak dapat dibaca saat disalin: {describe_os_error(err)}.") from None
        if not count:
            return digest.hexdigest(), done
        chunk = view[:count]
        digest.update(chunk)
        try:
            _write_all(fd, chunk)
        except OSError as err:
            raise _write_error(err) from None
        done += count
        if progress is not None:
            progress(done, total)


def _write_all(fd: int, data: memoryview) -> None:
    while data:
        written = os.write(fd, data)
        data = data[written:]


def _flush(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError as err:
        raise _write_error(err) from None


def _ensure_unchanged(src: Path, before: os.stat_result, copied: int) -> None:
    """A source deleted, moved, truncated or rewritten while copying would give a torn copy."""
    try:
        after = os.stat(src)
    except OSError:
        after = None
    same = (
        after is not None
        and (after.st_dev, after.st_ino, after.st_size, after.st_mtime_ns)
        == (before.st_dev, before.st_ino, before.st_size, before.st_mtime_ns)
        and copied == before.st_size
    )
    if not same:
        raise StoreError(
            "Berkas sumber berubah, dipindahkan, atau hilang saat disalin. Pastikan berkas tersedia lalu ulangi."
        )


def _write_error(err: OSError) -> StoreError:
    return StoreError(f"Bukti tidak dapat disimpan: {describe_os_error(err)}. Tidak ada berkas yang disimpan.")


def _hash_stream(f: io.RawIOBase) -> str:
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    while count := f.readinto(buffer):
        digest.update(view[:count])
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no folder handles to flush."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    """Mark a `.part` file as being written (released when the descriptor closes, or its process ends)."""
    if os.name == "posix":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _in_use(path: Path) -> bool:
    """Whether an add holds the lock of this `.part` file (POSIX; on Windows the delete itself is refused)."""
    if os.name != "posix":
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # and with it the probe's own lock
    return False


def _remove_read_only(path: Path) -> None:
    try:
        path.unlink()
    except PermissionError:  # Windows refuses to delete read-only files
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
        path.unlink()
