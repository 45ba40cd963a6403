"""Indonesian for Qt's own widgets and for locale-dependent formatting.

Qt ships no Indonesian translation of its widgets (buttons, file and print dialogs, text context
menus), so the app carries its own: resources/i18n/qt_id.ts, compiled to qt_id.qm. The default
locale becomes id_ID, so month and day names, dates and numbers shown by Qt follow Indonesian use.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from inovasi_desktop import paths

log = logging.getLogger(__name__)

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)

_translator: QTranslator | None = None  # kept referenced, and installed once per application


def qt_translation_path():
    return paths.resources_dir() / "i18n" / "qt_id.qm"


def install_indonesian(app: QCoreApplication) -> bool:
    """Make Qt speak Indonesian in `app`; False (and a log entry) when the translation cannot be loaded."""
    global _translator
    QLocale.setDefault(INDONESIAN)
    if _translator is not None and shiboken6.isValid(_translator) and _translator.parent() is app:
        return True
    translator = QTranslator(app)
    path = qt_translation_path()
    if not translator.load(str(path)):
        log.error("Qt translation cannot be loaded: %s", path)
        return False
    app.installTranslator(translator)
    _translator = translator
    return True
