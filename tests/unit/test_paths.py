"""A user-supplied name joined onto a folder never lands outside it, on Windows or Linux (the name itself is
made safe by domain/file_names.safe_file_name, tested in tests/unit/domain/test_file_names.py)."""

from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from inovasi_desktop.domain.file_names import safe_file_name
from inovasi_desktop.paths import inside


@pytest.mark.parametrize("name", ["D:x.pdf", "..\\x.pdf", "/etc/x", "\\x", "C:", "a/../../x", "..", "NUL.pdf",
                                  "\\\\server\\share\\x.pdf", "C:\\Windows\\x.pdf"])
def test_inside_stays_inside_as_windows_reads_paths(tmp_path, name):
    folder = PureWindowsPath("C:\\Temp\\inovasi-pratinjau-1")
    joined = PureWindowsPath(folder, safe_file_name(name))
    assert joined.parent == folder
    assert inside(tmp_path, name).parent == tmp_path
