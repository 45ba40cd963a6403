"""Plain Indonesian for operating-system errors, in one place (standard library only: every layer uses it).

The English text of an OSError ("No space left on device", "[WinError 32] The process cannot access
the file...") never reaches the user: callers put `describe_os_error(err)` into their own sentence,
e.g. f"Berkas tidak dapat dibaca: {describe_os_error(err)}."
"""

from __future__ import annotations

import errno
import os

NOT_FOUND = "berkas atau folder tidak ditemukan"
ACCESS_DENIED = "akses ditolak"
DISK_FULL = "ruang penyimpanan penuh; kosongkan sebagian ruang diska lalu ulangi"
IN_USE = "berkas sedang dibuka oleh program lain; tutup program tersebut lalu ulangi"
LOCKED = "sebagian berkas sedang dikunci oleh program lain; tutup program tersebut lalu ulangi"
IS_A_FOLDER = "yang dipilih adalah folder, bukan berkas"
NOT_A_FOLDER = "salah satu bagian alamat bukan folder"
READ_ONLY_MEDIA = "media penyimpanan hanya dapat dibaca"
ALREADY_EXISTS = "sudah ada berkas atau folder dengan nama tersebut"
NAME_TOO_LONG = "nama atau alamat berkas terlalu panjang"
TOO_MANY_OPEN = "terlalu banyak berkas yang sedang terbuka; tutup beberapa program lalu ulangi"
DEVICE_ERROR = "kesalahan baca/tulis pada perangkat penyimpanan"
QUOTA = "kuota penyimpanan Anda sudah habis"
TOO_BIG = "berkas terlalu besar untuk media penyimpanan ini"
BUSY = "berkas atau folder sedang dipakai"
NOT_EMPTY = "folder tersebut tidak kosong"
INVALID_NAME = "nama berkas atau folder tidak valid"
NOT_READY = "perangkat penyimpanan tidak siap; mungkin diska lepas sudah dicabut"
NETWORK_PATH = "alamat jaringan tidak ditemukan"

_BY_ERRNO = {
    errno.ENOENT: NOT_FOUND,
    errno.EACCES: ACCESS_DENIED,
    errno.EPERM: ACCESS_DENIED,
    errno.ENOSPC: DISK_FULL,
    errno.EISDIR: IS_A_FOLDER,
    errno.ENOTDIR: NOT_A_FOLDER,
    errno.EROFS: READ_ONLY_MEDIA,
    errno.EEXIST: ALREADY_EXISTS,
    errno.ENAMETOOLONG: NAME_TOO_LONG,
    errno.EMFILE: TOO_MANY_OPEN,
    errno.ENFILE: TOO_MANY_OPEN,
    errno.EIO: DEVICE_ERROR,
    errno.EFBIG: TOO_BIG,
    errno.EBUSY: BUSY,
    errno.ENOTEMPTY: NOT_EMPTY,
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _BY_ERRNO[errno.EDQUOT] = QUOTA

ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION = 32, 33  # another program holds the file (or part of it)

# Windows system error codes (OSError.winerror); checked first, as Python folds several into one errno
# (a sharing violation arrives as EACCES).
_BY_WINERROR = {
    2: NOT_FOUND,  # ERROR_FILE_NOT_FOUND
    3: NOT_FOUND,  # ERROR_PATH_NOT_FOUND
    5: ACCESS_DENIED,  # ERROR_ACCESS_DENIED
    4: TOO_MANY_OPEN,  # ERROR_TOO_MANY_OPEN_FILES
    19: READ_ONLY_MEDIA,  # ERROR_WRITE_PROTECT
    21: NOT_READY,  # ERROR_NOT_READY
    23: DEVICE_ERROR,  # ERROR_CRC
    ERROR_SHARING_VIOLATION: IN_USE,
    ERROR_LOCK_VIOLATION: LOCKED,
    39: DISK_FULL,  # ERROR_HANDLE_DISK_FULL
    53: NETWORK_PATH,  # ERROR_BAD_NETPATH
    80: ALREADY_EXISTS,  # ERROR_FILE_EXISTS
    112: DISK_FULL,  # ERROR_DISK_FULL
    123: INVALID_NAME,  # ERROR_INVALID_NAME
    145: NOT_EMPTY,  # ERROR_DIR_NOT_EMPTY
    183: ALREADY_EXISTS,  # ERROR_ALREADY_EXISTS
    206: NAME_TOO_LONG,  # ERROR_FILENAME_EXCED_RANGE
    267: NOT_A_FOLDER,  # ERROR_DIRECTORY
    1117: DEVICE_ERROR,  # ERROR_IO_DEVICE
    1392: DEVICE_ERROR,  # ERROR_FILE_CORRUPT
}


def windows_error(err: OSError) -> int | None:
    """The Windows system error code of `err`. Python's open() goes through the C runtime, which turns a
    sharing violation (a file another program holds open) into a bare "access denied" without the code:
    for such an error the file is asked again, directly, whether another program holds it now."""
    winerror = getattr(err, "winerror", None)
    if winerror is None and err.errno == errno.EACCES and err.filename is not None:
        probed = _windows_error_opening(err.filename)
        return probed if probed in (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION) else None
    return winerror


def _windows_error_opening(path: str | bytes | os.PathLike) -> int | None:
    """The error Windows gives for opening `path` to read, then to write, shared as the C runtime shares it;
    None when both open (or off Windows)."""
    try:
        import _winapi  # Windows only
    except ImportError:
        return None
    share_read_write = 0x1 | 0x2  # FILE_SHARE_READ | FILE_SHARE_WRITE, as the C runtime's open()
    for access in (_winapi.GENERIC_READ, _winapi.GENERIC_WRITE):
        try:
            handle = _winapi.CreateFile(os.fsdecode(path), access, share_read_write, 0, _winapi.OPEN_EXISTING, 0, 0)
        except OSError as probe:
            return probe.winerror
        _winapi.CloseHandle(handle)
    return None


def describe_os_error(err: OSError) -> str:
    """A short Indonesian reason for `err` (a clause without a final full stop), without paths or OS text."""
    winerror = windows_error(err)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    reason = _BY_ERRNO.get(err.errno or 0)
    if reason:
        return reason
    if winerror:
        return f"kesalahan sistem Windows nomor {winerror}"
    return f"kesalahan sistem nomor {err.errno}" if err.errno else "kesalahan sistem yang tidak dikenal"
