"""A long session must not exhaust the references to None (PySide6 6.12 on Python 3.11).

Each void Qt call there drops a reference to None that it never took; without the workaround in
ui/pyside_refcount.py, Python aborts ("none_dealloc") once they run out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# More void calls than None has references before the UI package is imported: the child aborts
# without the workaround and prints "selamat" with it.
MANY_VOID_CALLS = """
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
references = sys.getrefcount(None)
import inovasi_desktop.ui  # applies the workaround
for _ in range(references + 10_000):
    label.setText("x")
del label, app
print("selamat", references)
"""


def test_more_void_qt_calls_than_none_has_references_do_not_bring_python_down():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    child = subprocess.run([sys.executable, "-c", MANY_VOID_CALLS], cwd=REPO_ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.startswith("selamat")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12")
def test_importing_the_ui_gives_the_singletons_references_to_spare():
    import inovasi_desktop.ui  # noqa: F401

    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 1 << 47
