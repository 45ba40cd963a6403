"""Composition root: logging, excepthook, QApplication, workspace and the main window."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from inovasi_desktop import __version__, paths

log = logging.getLogger("inovasi_desktop")

LOG_MAX_BYTES, LOG_BACKUPS = 1_000_000, 3


def rotate_log(path: Path) -> None:
    """A log past LOG_MAX_BYTES moves to .1 (.1 to .2, ...; LOG_BACKUPS kept), at start-up: like
    logging.handlers.RotatingFileHandler, whose import alone costs ~10 ms before the window shows."""
    try:
        if path.stat().st_size < LOG_MAX_BYTES:
            return
        for n in range(LOG_BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # no log yet, or it cannot be moved: write on


def setup_logging() -> str:
    """Log to a file in the data folder, rotated at start (falls back to stderr when not writable)."""
    folder = paths.log_dir()
    handler: logging.Handler
    try:
        folder.mkdir(parents=True, exist_ok=True)
        rotate_log(folder / "inovasi.log")
        handler = logging.FileHandler(folder / "inovasi.log", encoding="utf-8")
        where = str(folder / "inovasi.log")
    except OSError:
        handler = logging.StreamHandler()
        where = "(stderr)"
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return where


def install_excepthook(log_path: str, saved_note: Callable[[], str] | None = None) -> None:
    """Unexpected exceptions are bugs, on the GUI thread (sys.excepthook) or any other (threading.excepthook):
    log them and show the crash dialog, on the GUI thread, with copyable details. `saved_note()` saves what
    it can first and says whether the work is saved (the main window's `save_for_crash`)."""

    def hook(exc_type, exc, tb):
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unhandled exception:\n%s", details)
        sys.__excepthook__(exc_type, exc, tb)
        if os.environ.get("INOVASI_NO_CRASH_DIALOG"):
            return
        from inovasi_desktop.ui.dialogs.crash import report_crash

        report_crash(details, log_path, saved_note)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def open_document(window, path: Path) -> None:
    """A file the app was started with, or handed over by a second start (Explorer's "Open" / "Open with"):
    a bundle (*.inovasi) goes to 'Terima kiriman' (another part of it joins the preview already open), a PDF
    dossier to the dossier preview."""
    if not path.is_file():
        log.info("The file to open is gone: %s", path)
        return
    if path.suffix.lower() == ".inovasi":
        dialog = getattr(window, "receive_dialog", None)
        if dialog is not None and dialog.isVisible() and not dialog.receive_button.isHidden():
            dialog.add_paths([path])
            return
        if window.bin_action.isChecked():
            window.go_back()  # bundles are received into the list in use, not the bin
        window.receive_bundle([path])
        return
    from inovasi_desktop.ui.dialogs.dossier_preview import DossierPreviewDialog

    window.preview = DossierPreviewDialog(path, str(path), window, window.runner)
    window.preview.open()


def open_when_ready(window, path: Path) -> None:
    """`open_document` once the window has opened the database (at once when it already has)."""
    from PySide6.QtCore import Qt

    if window.loaded:
        open_document(window, path)
    else:
        window.opened.connect(lambda: open_document(window, path), Qt.ConnectionType.SingleShotConnection)


def run_gui(document: Path | None = None) -> int:
    log_path = setup_logging()
    install_excepthook(log_path)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inovasi_desktop.services.workspace import Workspace
    from inovasi_desktop.ui import fonts, gui_thread_gc
    from inovasi_desktop.ui.language import install_indonesian
    from inovasi_desktop.ui.main_actions import icon
    from inovasi_desktop.ui.main_window import MainWindow

    fonts.point_qt_at_bundled_fonts()
    app = QApplication.instance() or QApplication(sys.argv)
    fonts.register_bundled_fonts()
    fonts.fall_back_to_bundled_family(app)
    install_indonesian(app)
    gui_thread_gc.install(app)  # cyclic garbage (Qt wrappers among it) is freed on the GUI thread only
    gui_thread_gc.freeze_long_lived_after_start()
    app.setApplicationName("Inovasi Desktop")
    app.setOrganizationName("InovasiDesktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("aplikasi"))  # the same picture as the installer's shortcuts (packaging/aplikasi.ico)
    from inovasi_desktop.ui.single_instance import SingleInstance

    instance = SingleInstance(paths.data_dir())  # one window per data folder
    if not instance.acquire():
        return instance.refuse(document)  # a file to open goes to the window already open
    workspace = Workspace()
    window = MainWindow(workspace)
    instance.serve(window, lambda path: open_when_ready(window, path))
    install_excepthook(log_path, window.save_for_crash)  # from now on a crash first saves the open work
    window.show_first_rows()  # the stored list, read with sqlite3 alone: the first paint shows it
    window.show()  # at once; the rest is loaded right after, in the background (MainWindow.after_show)
    QTimer.singleShot(0, window.after_show)
    if document is not None:
        open_when_ready(window, document)
    code = app.exec()
    window.runner.wait()  # background work ends before the database closes
    workspace.close()
    instance.release()
    return code
