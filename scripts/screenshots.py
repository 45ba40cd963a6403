"""Take screenshots of every screen for a human to look at.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [OUT_DIR]
Uses a throw-away data folder with the example innovation loaded.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout, not another editable install
os.environ.setdefault("INOVASI_HOME", tempfile.mkdtemp(prefix="inovasi-shots-"))
os.environ.setdefault("INOVASI_NO_CRASH_DIALOG", "1")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu  # noqa: E402

from inovasi_desktop.domain import Organisation  # noqa: E402
from inovasi_desktop.services import innovations, organisation  # noqa: E402
from inovasi_desktop.services.workspace import Workspace  # noqa: E402
from inovasi_desktop.ui.language import install_indonesian  # noqa: E402
from inovasi_desktop.ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, ms: int = 150) -> None:
    """Let the event loop run for `ms`. A local loop: QApplication.quit() would close (hide) the windows in Qt 6,
    and hidden editor pages are not laid out or refreshed like the ones a person sees."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


DEMO_ORGANISATION = Organisation(
    pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina Oktaviani",
    head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
    head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026")


def screen(app: QApplication, path: Path) -> None:
    """The whole screen, popups (open menus) included, which a window's grab() leaves out."""
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(path))


def start_app(default_out: str = "artifacts/screenshots") -> tuple[QApplication, Path]:
    """The application as the app starts it (Indonesian Qt texts) and the output folder (argv[1] or the default)."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else default_out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    install_indonesian(app)
    return app, out


def open_window(app: QApplication, ws: Workspace) -> MainWindow:
    """The main window at the top left of a 1366x768 screen, its list loaded."""
    window = MainWindow(ws)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    window.load()
    settle(app)
    return window


def shell_shots(app: QApplication, window: MainWindow, out: Path) -> None:
    """Menus, trash, guide and about box."""
    window.move(0, 0)
    bar = window.menuBar()
    for name in ("fileMenu", "editMenu", "innovationMenu", "helpMenu"):
        menu = window.findChild(QMenu, name)
        bar.setActiveAction(menu.menuAction())
        screen(app, out / f"04-menu-{name}.png")
        menu.hide()
    window.bin_action.trigger()
    window.list_view.table.selectRow(0)
    screen(app, out / "05-tempat-sampah.png")
    window.bin_action.trigger()
    window.show_guide()
    window.guide.move(160, 40)
    screen(app, out / "06-panduan.png")
    window.guide.search.setText("lembar pengesahan")
    screen(app, out / "06-panduan-cari.png")
    window.guide.close()
    window.show_about()
    window.about.move(300, 60)
    screen(app, out / "07-tentang.png")
    window.about.close()


def backup_shots(app: QApplication, window: MainWindow, ws: Workspace, out: Path) -> None:
    """Pulihkan dari cadangan: the snapshot list, a snapshot chosen, a backup file chosen, a foreign file refused."""
    from datetime import datetime, timedelta

    from inovasi_desktop.services import backups, snapshots
    from inovasi_desktop.ui.dialogs.restore_backup import RestoreBackupDialog

    now = datetime.now().astimezone()
    for days in (1, 2, 3, 9):
        snapshots.take_daily(ws, now - timedelta(days=days))
    folder = Path(tempfile.mkdtemp(prefix="inovasi-usb-"))
    result = backups.write_backup(ws, folder / backups.default_file_name(now))
    dialog = RestoreBackupDialog(ws, window)
    dialog.show()
    dialog.move((1366 - dialog.width()) // 2, 60)
    screen(app, out / "20-pulihkan-daftar.png")
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    screen(app, out / "21-pulihkan-otomatis.png")
    dialog.open_file(result.path)
    screen(app, out / "22-pulihkan-berkas.png")
    foreign = folder / "catatan.inovasi-cadangan"
    foreign.write_text("{}")
    dialog.open_file(foreign)
    screen(app, out / "23-pulihkan-ditolak.png")
    dialog.close()
    dialog.deleteLater()
    # Berkas → Cadangkan ke…: the message once the file is written and checked (the progress shows only when
    # it takes longer than 0.3 s).
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(folder / "Cadangan USB"), ""))

    def grab_message() -> None:
        box = next((w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(100, grab_message)
            return
        screen(app, out / "24-cadangan-selesai.png")
        box.accept()

    QTimer.singleShot(100, grab_message)
    window.backup_to()
    while window.backup_ui.operation is not None and not window.backup_ui.operation.done:
        settle(app, 50)
def reading_shots(app: QApplication, window: MainWindow, ws: Workspace, out: Path) -> None:
    """A decree dropped on Regulasi: the metadata form with the fields read from it and its peringatan."""
    from tests.fixtures.evidence_files import SK_TEXT, EvidenceFiles

    folder = Path(tempfile.mkdtemp(prefix="inovasi-shots-sk-"))
    sk = EvidenceFiles(folder).document_pdf("SK Tim Pengelola.pdf", SK_TEXT, pages=3)
    innovation = innovations.create(ws)
    innovation.profile["nama_inovasi"] = "SI-PANTAU BALITA"
    innovation.answer(1).level = 2
    innovations.save(ws, innovation)
    window.refresh()
    window.open_innovation(innovation.id, "indikator:1")
    settle(app, 400)
    panel = window.editor.view.pages["indikator:1"].evidence
    panel.add_paths([sk])
    for _ in range(100):
        settle(app, 100)
        if panel.metadata_dialog is not None and panel.metadata_dialog.isVisible():
            break
    dialog = panel.metadata_dialog
    screen(app, out / "12-bukti-dibaca-dari-dokumen.png")
    dialog.nomor.setText("188/45")
    screen(app, out / "13-bukti-nomor-berbeda.png")
    dialog.reject()
    settle(app)
    window.close_editor()


def main() -> int:
    app, out = start_app()
    ws = Workspace()
    window = open_window(app, ws)
    window.grab().save(str(out / "01-daftar-kosong.png"))
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    innovations.create(ws)
    innovations.delete(ws, [innovations.create(ws, None).id])
    window.refresh()
    settle(app)
    window.grab().save(str(out / "02-daftar.png"))
    shell_shots(app, window, out)
    backup_shots(app, window, ws, out)
    window.open_innovation(example.id)
    settle(app)  # the editor shows a few event-loop turns later
    view = window.editor.view
    for row, step in enumerate(view.steps):
        view.step_list.setCurrentRow(row)
        settle(app, 80)
        name = step.key.replace(":", "-")
        window.grab().save(str(out / f"10-langkah-{row:02d}-{name}.png"))
    view.show_step("indikator:7")
    window.help_action.trigger()  # F1 on an indicator page: the guide at that indicator
    window.guide.move(160, 40)
    screen(app, out / "08-panduan-indikator-7.png")
    window.guide.close()
    window.close_editor()
    reading_shots(app, window, ws, out)
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(ws, window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / "03-organisasi.png"))
    dialog.close()
    window.close()
    ws.close()
    print(f"Tangkapan layar disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
