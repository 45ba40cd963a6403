"""A user-supplied name joined onto a folder never lands outside it, on Windows or Linux."""

from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from inovasi_desktop.paths import MAX_NAME, inside, safe_file_name


@pytest.mark.parametrize(("name", "expected"), [
    ("SK Bupati 2024.pdf", "SK Bupati 2024.pdf"),
    ("D:x.pdf", "D_x.pdf"),  # a drive-relative path on Windows
    ("C:\\Windows\\x.pdf", "x.pdf"),
    ("..\\..\\x.pdf", "x.pdf"),
    ("../../x.pdf", "x.pdf"),
    ("\\\\server\\share\\x.pdf", "x.pdf"),
    ("..", "berkas"),
    ("", "berkas"),
    ("NUL.pdf", "_NUL.pdf"),
    ("com1", "_com1"),
    ("Laporan?.pdf ", "Laporan_.pdf"),
    ("ꦱꦶꦥꦤ꧀ꦠꦸ ✓.pdf", "ꦱꦶꦥꦤ꧀ꦠꦸ ✓.pdf"),
])
def test_names_become_plain_file_names(name, expected):
    assert safe_file_name(name) == expected


def test_long_names_keep_their_extension():
    name = safe_file_name("a" * 300 + ".pdf")
    assert len(name) == MAX_NAME and name.endswith(".pdf")


@pytest.mark.parametrize("name", ["D:x.pdf", "..\\x.pdf", "/etc/x", "\\x", "C:", "a/../../x"])
def test_inside_stays_inside_as_windows_reads_paths(tmp_path, name):
    folder = PureWindowsPath("C:\\Temp\\inovasi-pratinjau-1")
    joined = PureWindowsPath(folder, safe_file_name(name))
    assert joined.parent == folder
    assert inside(tmp_path, name).parent == tmp_path
