"""Screenshots of Qt's own dialogs and menus as the app shows them (they should all read Indonesian).

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_qt.py [OUT_DIR]
Popups are separate windows, so the whole screen is grabbed while each dialog or menu is up.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("INOVASI_HOME", tempfile.mkdtemp(prefix="inovasi-shots-"))
os.environ.setdefault("INOVASI_NO_CRASH_DIALOG", "1")

from PySide6.QtCore import QPoint, QTimer  # noqa: E402
from PySide6.QtGui import QContextMenuEvent, QGuiApplication  # noqa: E402
from PySide6.QtPrintSupport import QPrintDialog  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeView,
    QWidget,
)
from screenshots import DEMO_ORGANISATION, open_window, settle, start_app  # noqa: E402

from inovasi_desktop import paths  # noqa: E402
from inovasi_desktop.services import innovations, organisation, settings  # noqa: E402
from inovasi_desktop.services.workspace import Workspace  # noqa: E402
from inovasi_desktop.ui.dialogs.dossier_preview import DossierPreviewDialog  # noqa: E402


class Shooter:
    def __init__(self, app: QApplication, out: Path) -> None:
        self.app, self.out = app, out

    def screen(self, name: str) -> None:
        settle(self.app, 250)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(self.out / f"{name}.png"))
        print(self.out / f"{name}.png")

    def when_shown(self, kind: type[QWidget], act) -> None:
        """`act(widget)` once a new window or popup of `kind` shows (while a modal `exec` runs)."""
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}

        def poll():
            popup = QApplication.activePopupWidget()
            shown = ([popup] if popup else []) + [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            widget = next((w for w in shown if isinstance(w, kind) and id(w) not in before), None)
            if widget is None:
                QTimer.singleShot(20, poll)
            else:
                act(widget)
        QTimer.singleShot(0, poll)


def right_click(widget: QWidget, point: QPoint) -> None:
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point)))


def main() -> int:
    app, out = start_app()
    shot = Shooter(app, out)
    ws = Workspace()
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    window = open_window(app, ws)
    window.list_view.select(example.id)
    settle(app)

    def answer_no(box: QMessageBox) -> None:
        shot.screen("30-qt-pesan-hapus")
        box.button(QMessageBox.StandardButton.No).click()
    shot.when_shown(QMessageBox, answer_no)
    window.delete_action.trigger()

    def carry(dialog: QInputDialog) -> None:
        shot.screen("31-qt-salin-katalog")
        dialog.reject()
    shot.when_shown(QInputDialog, carry)
    window.carry_action.trigger()

    window.open_innovation(example.id, "profil")
    settle(app)
    view = window.editor.view
    name = next(w for w in view.pages["profil"].findChildren(QLineEdit) if w.isVisible() and not w.isReadOnly())
    name.selectAll()
    name.setFocus()
    right_click(name, QPoint(40, 8))
    shot.screen("32-qt-menu-teks")
    QApplication.activePopupWidget().close()

    view.show_step("waktu")
    settle(app)
    calendar_button = next(b for b in view.pages["waktu"].findChildren(QToolButton)
                           if b.isVisible() and b.text() == "Kalender")

    def calendar(menu: QMenu) -> None:
        shot.screen("33-qt-kalender")
        menu.close()
    shot.when_shown(QMenu, calendar)
    calendar_button.showMenu()

    view.show_step("indikator:2")
    settle(app)
    settings.put(ws, {settings.LAST_FOLDER: str(paths.examples_dir() / "bukti")})

    def file_dialog(dialog: QFileDialog) -> None:
        dialog.resize(900, 560)
        shot.screen("34-qt-pilih-berkas")
        dialog.findChild(QToolButton, "detailModeButton").click()
        tree = dialog.findChild(QTreeView, "treeView")
        tree.setCurrentIndex(tree.model().index(0, 0, tree.rootIndex()))
        shot.screen("35-qt-pilih-berkas-rincian")
        right_click(tree, QPoint(40, tree.visualRect(tree.currentIndex()).center().y()))
        shot.screen("36-qt-pilih-berkas-menu")
        QApplication.activePopupWidget().close()

        def not_found(box: QMessageBox) -> None:
            shot.screen("37-qt-berkas-tidak-ada")
            box.accept()
            dialog.reject()
        shot.when_shown(QMessageBox, not_found)
        dialog.findChild(QLineEdit, "fileNameEdit").setText("tidak-ada.pdf")
        dialog.accept()
    shot.when_shown(QFileDialog, file_dialog)
    view.pages["indikator:2"].evidence.add_button.click()
    window.close_editor()

    pdf = next((paths.examples_dir() / "bukti").glob("*.pdf"))
    preview = DossierPreviewDialog(pdf, pdf.name, window)
    preview.show()
    settle(app, 500)

    def print_dialog(dialog: QPrintDialog) -> None:
        shot.screen("38-qt-cetak")
        options = next((b for b in dialog.findChildren(QPushButton) if b.text() == "&Opsi >>"), None)
        if options is not None:
            options.click()
            shot.screen("39-qt-cetak-opsi")

        def properties(d: QDialog) -> None:
            shot.screen("40-qt-cetak-properti")
            d.reject()
        shot.when_shown(QDialog, properties)
        next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "properties").click()
        dialog.reject()
    shot.when_shown(QPrintDialog, print_dialog)
    preview.print_document()
    preview.accept()

    box = QMessageBox(QMessageBox.Icon.Warning, "Contoh pesan", "Pesan dengan rincian dan semua tombol bawaan Qt.",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Retry
                      | QMessageBox.StandardButton.Help, window)
    box.setDetailedText("Rincian teknis")
    box.show()
    shot.screen("41-qt-pesan-tombol")
    box.close()
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
