"""Errors of the evidence layer, and plain Indonesian wording for operating-system errors."""

from __future__ import annotations

import errno

from inovasi_desktop.domain.errors import InovasiError


class EvidenceError(InovasiError):
    """An evidence file cannot be processed (e.g. an image that cannot be made smaller)."""


class StoreError(EvidenceError):
    """A file cannot be stored in, or read from, the evidence store."""


class StoreCancelled(InovasiError):
    """The user cancelled storing a file; nothing was left behind."""


_OS_REASONS = {
    errno.ENOENT: "berkas atau folder tidak ditemukan",
    errno.EACCES: "akses ditolak",
    errno.EPERM: "akses ditolak",
    errno.ENOSPC: "ruang penyimpanan penuh",
    errno.EDQUOT: "kuota penyimpanan habis",
    errno.EIO: "kesalahan baca/tulis pada perangkat",
    errno.EISDIR: "yang dipilih adalah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian alamat bukan folder",
    errno.ENAMETOOLONG: "nama atau alamat berkas terlalu panjang",
    errno.EROFS: "media penyimpanan hanya dapat dibaca",
    errno.EFBIG: "berkas terlalu besar untuk media penyimpanan ini",
}


def describe_os_error(err: OSError) -> str:
    """A short Indonesian reason for `err`, without paths or tracebacks."""
    reason = _OS_REASONS.get(err.errno or 0)
    if reason:
        return reason
    return f"kesalahan sistem {err.errno}" if err.errno else "kesalahan sistem yang tidak dikenal"
