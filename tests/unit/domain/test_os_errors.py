"""Operating-system errors in plain Indonesian, never the system's English text."""

from __future__ import annotations

import errno
import os
import sys

import pytest

from inovasi_desktop.domain import os_errors
from inovasi_desktop.domain.os_errors import describe_os_error


def caught(action) -> OSError:
    try:
        action()
    except OSError as err:
        return err
    raise AssertionError("no OSError was raised")


def assert_indonesian(err: OSError, expected: str) -> None:
    text = describe_os_error(err)
    assert text == expected
    assert err.strerror is None or err.strerror not in text
    assert "Errno" not in text and "WinError" not in text


def test_real_failures_of_this_system(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    plain = tmp_path / "biasa.txt"
    plain.write_text("isi")
    assert_indonesian(caught(lambda: open(tmp_path / "tidak-ada.pdf", "rb")), os_errors.NOT_FOUND)
    assert_indonesian(caught(folder.mkdir), os_errors.ALREADY_EXISTS)
    if sys.platform != "win32":  # Windows says "access denied" for these two
        assert_indonesian(caught(lambda: open(folder, "wb")), os_errors.IS_A_FOLDER)
        assert_indonesian(caught(lambda: open(plain / "anak.txt", "wb")), os_errors.NOT_A_FOLDER)
    if sys.platform.startswith("linux"):
        assert_indonesian(caught(lambda: open(tmp_path / ("a" * 300), "wb")), os_errors.NAME_TOO_LONG)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows) ignore chmod")
def test_real_permission_denied(tmp_path):
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert_indonesian(caught(lambda: open(locked / "baru.pdf", "wb")), os_errors.ACCESS_DENIED)
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize(("code", "expected"), [
    (errno.ENOSPC, os_errors.DISK_FULL),
    (errno.EACCES, os_errors.ACCESS_DENIED),
    (errno.EPERM, os_errors.ACCESS_DENIED),
    (errno.EISDIR, os_errors.IS_A_FOLDER),
    (errno.ENOTDIR, os_errors.NOT_A_FOLDER),
    (errno.EROFS, os_errors.READ_ONLY_MEDIA),
    (errno.ENOENT, os_errors.NOT_FOUND),
    (errno.EEXIST, os_errors.ALREADY_EXISTS),
    (errno.ENAMETOOLONG, os_errors.NAME_TOO_LONG),
    (errno.EMFILE, os_errors.TOO_MANY_OPEN),
    (errno.EIO, os_errors.DEVICE_ERROR),
])
def test_errno(code, expected):
    assert_indonesian(OSError(code, os.strerror(code), "C:/data/berkas.pdf"), expected)


def windows_error(winerror: int, errno_: int, text: str) -> OSError:
    """An OSError as Python raises it on Windows (where it also carries `winerror`)."""
    err = OSError(errno_, text, "C:\\Users\\rina\\berkas.pdf")
    err.winerror = winerror
    return err


@pytest.mark.parametrize(("winerror", "errno_", "text", "expected"), [
    (32, errno.EACCES, "The process cannot access the file because it is being used by another process",
     os_errors.IN_USE),
    (33, errno.EACCES, "The process cannot access the file because another process has locked a portion of the file",
     os_errors.LOCKED),
    (112, errno.ENOSPC, "There is not enough space on the disk", os_errors.DISK_FULL),
    (5, errno.EACCES, "Access is denied", os_errors.ACCESS_DENIED),
    (206, errno.ENOENT, "The filename or extension is too long", os_errors.NAME_TOO_LONG),
    (21, errno.EIO, "The device is not ready", os_errors.NOT_READY),
])
def test_windows_errors_come_before_errno(winerror, errno_, text, expected):
    assert_indonesian(windows_error(winerror, errno_, text), expected)


def test_unknown_errors_say_only_their_number():
    assert describe_os_error(OSError(9999, "Something odd happened")) == "kesalahan sistem nomor 9999"
    assert describe_os_error(windows_error(4242, 0, "Odd")) == "kesalahan sistem Windows nomor 4242"
    assert describe_os_error(OSError("no errno at all")) == "kesalahan sistem yang tidak dikenal"


def crt_access_denied(path: str) -> PermissionError:
    """open() on Windows: the C runtime reports a sharing violation as a bare EACCES, without `winerror`."""
    return PermissionError(errno.EACCES, "Permission denied", path)


def test_a_bare_access_denied_asks_windows_again_which_error_it_is(monkeypatch):
    asked = []

    def windows_gives(code):
        def probe(path):
            asked.append(path)
            return code
        return probe

    monkeypatch.setattr(os_errors, "_windows_error_opening", windows_gives(32))  # another program holds it
    assert_indonesian(crt_access_denied("D:\\Laporan Survei 2025.pdf"), os_errors.IN_USE)
    monkeypatch.setattr(os_errors, "_windows_error_opening", windows_gives(5))  # really not allowed
    assert_indonesian(crt_access_denied("D:\\Laporan Survei 2025.pdf"), os_errors.ACCESS_DENIED)
    monkeypatch.setattr(os_errors, "_windows_error_opening", windows_gives(None))  # free again by now
    assert_indonesian(crt_access_denied("D:\\Laporan Survei 2025.pdf"), os_errors.ACCESS_DENIED)
    assert_indonesian(PermissionError(errno.EACCES, "Permission denied"), os_errors.ACCESS_DENIED)  # no file to ask
    assert_indonesian(windows_error(5, errno.EACCES, "Access is denied"), os_errors.ACCESS_DENIED)  # code known
    assert asked == ["D:\\Laporan Survei 2025.pdf"] * 3


@pytest.mark.skipif(sys.platform != "win32", reason="Windows share modes: a handle can keep other programs out")
def test_a_file_another_program_holds_open_is_named_as_such(tmp_path):
    import _winapi

    held = tmp_path / "Laporan Survei 2025.pdf"
    held.write_bytes(b"%PDF-1.7")
    handle = _winapi.CreateFile(str(held), _winapi.GENERIC_READ, 0, 0, _winapi.OPEN_EXISTING, 0, 0)  # no sharing
    try:
        err = caught(lambda: open(held, "rb"))
        assert getattr(err, "winerror", None) is None  # what makes this needed
        assert_indonesian(err, os_errors.IN_USE)
    finally:
        _winapi.CloseHandle(handle)
    assert_indonesian(err, os_errors.ACCESS_DENIED)  # asked once it is free again: nothing more to say
