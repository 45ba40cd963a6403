"""The dialog shown for unexpected errors (bugs), with details the user can copy."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


def show_crash_dialog(details: str, log_path: str) -> None:
    if QApplication.instance() is None:
        return
    dialog = QDialog()
    dialog.setWindowTitle(QApplication.translate("crash", "Terjadi kesalahan tak terduga"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(QApplication.translate(
        "crash",
        "Maaf, terjadi kesalahan yang tidak terduga. Pekerjaan Anda sudah tersimpan otomatis.\n"
        "Salin rincian di bawah ini dan kirimkan kepada pengelola aplikasi.\n"
        f"Catatan lengkap: {log_path}")))
    text = QPlainTextEdit(details)
    text.setReadOnly(True)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    copy = buttons.addButton(QApplication.translate("crash", "Salin rincian"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 400)
    dialog.exec()
