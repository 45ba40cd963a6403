"""Adding evidence by dragging files from the file manager onto a panel, or by pasting (Ctrl+V): file URLs,
an image (saved as PNG), or a web address where links count."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from inovasi_desktop.domain import Severity
from inovasi_desktop.ui.editor.evidence_rows import paint

# background, frame line, line width: at rest, with keyboard focus (Ctrl+V pastes here), while dragged over
IDLE, FOCUS, HOVER = ("#f7f8fa", "#c9ced6", 1), ("#f7f8fa", "#1f6fb2", 2), ("#e3effa", "#1f6fb2", 2)


def tr(text: str) -> str:
    return QApplication.translate("EvidencePanel", text)


def local_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class DropTarget:
    """Mixed into EvidencePanel (a QWidget with `zone`, `accepts`, `bound`, `busy`, `add_paths`, `add_link`
    and `show_message`). A click in the zone gives it the focus, so that Ctrl+V pastes there."""

    def take_focus_on_click(self) -> None:
        self.zone.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.zone.setAccessibleName(tr("Kotak bukti dukung: seret berkas ke sini, atau klik lalu tempel dengan "
                                       "Ctrl+V"))
        self.zone.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.zone and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._highlight(self.highlighted)  # the frame shows where Ctrl+V goes
        return False

    def paste(self) -> None:
        self.add_from_mime(QGuiApplication.clipboard().mimeData())

    def add_from_mime(self, mime: QMimeData) -> bool:
        """Files (file URLs), an image (saved as PNG), or a web address on a panel that takes links."""
        if not self.bound:
            return False
        files = local_files(mime)
        if files:
            return self.add_paths(files)
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                folder = Path(tempfile.mkdtemp(prefix="inovasi-tempel-"))
                path = folder / f"tempelan-{datetime.now():%Y%m%d-%H%M%S}.png"
                if image.save(str(path), "PNG"):
                    return self.add_paths([path], scratch=[folder])
                shutil.rmtree(folder, ignore_errors=True)
            self.show_message(Severity.GALAT, [tr("Gambar yang ditempel tidak dapat dibaca.")])
            return False
        text = mime.text().strip() if mime.hasText() else ""
        if text and "link" in self.accepts:
            self.add_link(text)
            return True
        self.show_message(Severity.INFO, [tr("Yang ditempel bukan berkas atau gambar. Salin berkasnya di pengelola "
                                             "berkas, lalu tempel di sini.")])
        return False

    def _highlight(self, on: bool) -> None:
        """The drop zone shows where files will land while something is dragged over it."""
        background, line, width = HOVER if on else FOCUS if self.zone.hasFocus() else IDLE
        paint(self.zone, background, foreground=line)
        self.zone.setLineWidth(width)
        self.highlighted = on

    def _acceptable(self, mime: QMimeData) -> bool:
        return self.bound and not self.busy and (bool(local_files(mime)) or mime.hasImage())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._acceptable(event.mimeData()):
            self._highlight(True)
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._acceptable(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._highlight(False)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._highlight(False)
        if self._acceptable(event.mimeData()):
            event.acceptProposedAction()
            self.add_from_mime(event.mimeData())
