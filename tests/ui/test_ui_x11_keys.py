"""On a real X11 window Qt gives one-line fields Emacs-style keys (Ctrl+E: end of line). The offscreen platform
of the other tests has Windows' bindings, so this runs the window on the xcb platform under xvfb-run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fixtures.platform_skips import needs_x11_server

ROOT = Path(__file__).resolve().parents[2]

WINDOW = """
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.dossier_export import DossierExport
from inovasi_desktop.ui.main_window import MainWindow
from tests.fixtures.editor import wait_for_editor

asked = []
DossierExport.ask_targets = lambda self, names: asked.append(list(names.values())) or []
app = QApplication(sys.argv)
window = MainWindow(Workspace())
window.show()
QTest.qWaitForWindowExposed(window)
window.activateWindow()
QTest.qWaitForWindowActive(window)
window.new_action.trigger()
editor = wait_for_editor(window)
name = next(page.fields["nama_inovasi"] for page in editor.view.pages.values()
            if hasattr(page, "fields") and "nama_inovasi" in page.fields).input
name.setFocus()
QTest.keyClicks(name, "Layanan Pintas")
name.setCursorPosition(3)
QTest.keyClick(name, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
exported = len(asked)
QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # an editing key stays the field's
print(json.dumps({"exported": exported, "cursor": name.cursorPosition(), "selected": name.selectedText(),
                  "platform": QApplication.platformName()}))
"""


@needs_x11_server
def test_ctrl_e_in_a_one_line_field_exports_on_x11_too(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", INOVASI_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT),
               INOVASI_NO_CRASH_DIALOG="1")
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-c", WINDOW],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["platform"] == "xcb"
    assert seen["exported"] == 1  # not the end of the line
    assert seen["selected"] == "Layanan Pintas"
