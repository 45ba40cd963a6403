"""The bundled fonts (resources/fonts, DejaVu Sans), so the app and its tests never depend on system fonts.

Offscreen Qt on Windows has no system font database: it looks for a `fonts` folder beside the Qt
libraries, finds none ("QFontDatabase: Cannot find font directory") and draws no text. Pointing
QT_QPA_FONTDIR at the bundled fonts before the QApplication exists, and registering them once it does,
gives every platform the same fonts.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from inovasi_desktop import paths

log = logging.getLogger(__name__)

BUNDLED_FAMILY = "DejaVu Sans"


def fonts_dir():
    return paths.resources_dir() / "fonts"


def point_qt_at_bundled_fonts() -> None:
    """Before the QApplication: the font folder Qt's generic font database (offscreen, minimal) reads."""
    os.environ.setdefault("QT_QPA_FONTDIR", str(fonts_dir()))


def register_bundled_fonts() -> list[str]:
    """After the QApplication: every bundled font becomes available by family name; returns the families."""
    families: set[str] = set()
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Bundled font cannot be loaded: %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def fall_back_to_bundled_family(app: QApplication) -> bool:
    """When the platform's interface font is not installed, use the bundled family at the same size.

    Windows names its dialog font "MS Shell Dlg"; where that alias leads to no installed font (wine without
    Windows fonts, a stripped PC) Qt would pick a serif. Returns whether the font was replaced.
    """
    font = app.font()
    if QFontDatabase.hasFamily(font.family()):
        return False
    log.info("Interface font %r not installed; using %s", font.family(), BUNDLED_FAMILY)
    font.setFamily(BUNDLED_FAMILY)
    app.setFont(font)
    return True
