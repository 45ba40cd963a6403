"""The bundled fonts are the app's own: text is drawn even where Qt finds no system fonts (offscreen Windows)."""

from __future__ import annotations

import os
import subprocess
import sys

START = """
import sys
from inovasi_desktop.ui import fonts
fonts.point_qt_at_bundled_fonts()
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtGui import QFontDatabase, QFontMetrics
qInstallMessageHandler(lambda kind, context, message: sys.stderr.write(message + "\\n"))  # Windows: not stderr
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
families = fonts.register_bundled_fonts()
label = QLabel("Berkas Inovasi ✓")
print(families, "DejaVu Sans" in QFontDatabase.families(), QFontMetrics(label.font()).horizontalAdvance(label.text()))
"""


def test_a_fresh_offscreen_application_has_the_bundled_fonts_and_no_font_warning():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_FONTDIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-c", START], capture_output=True, encoding="utf-8", env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "QFontDatabase" not in result.stderr  # "Cannot find font directory" on Windows without them
    families, found, width = result.stdout.rsplit(" ", 2)
    assert "DejaVu Sans" in families and found == "True" and int(width) > 50


def test_a_missing_interface_font_gives_way_to_the_bundled_family_at_the_same_size(qapp):
    from PySide6.QtGui import QFont, QFontInfo

    from inovasi_desktop.ui import fonts

    original = qapp.font()
    try:
        qapp.setFont(QFont("Tidak Terpasang Sans", 11))  # as "MS Shell Dlg" under wine without Windows fonts
        assert fonts.fall_back_to_bundled_family(qapp)
        assert qapp.font().family() == "DejaVu Sans" and qapp.font().pointSize() == 11
        assert QFontInfo(qapp.font()).family() == "DejaVu Sans"
        assert not fonts.fall_back_to_bundled_family(qapp)  # an installed family stays as it is
    finally:
        qapp.setFont(original)
