"""A PDF viewer widget (QtPdf): pages, bookmarks, zoom and page navigation.

Used for the dossier preview and for evidence previews; printing lives in `printing.py`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIdentityProxyModel, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.ui.side_splitter import SideSplitter

BOOKMARKS_SHARE = 0.2
ZOOMS = (("Pas lebar", "width"), ("Pas halaman", "page"), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0),
         ("125%", 1.25), ("150%", 1.5), ("200%", 2.0))


def tr(text: str) -> str:
    return QApplication.translate("PdfViewer", text)


class _TitleTips(QIdentityProxyModel):
    """The bookmarks with their whole title as a tooltip: a narrow pane cuts long titles short."""

    def __init__(self, source, parent) -> None:
        super().__init__(parent)
        self.setSourceModel(source)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


class PdfViewer(QWidget):
    loaded = Signal(int)  # page count; -1 when the file could not be opened

    def __init__(self, show_bookmarks: bool = True) -> None:
        super().__init__()
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.bookmarks = QTreeView()
        self.bookmarks.setObjectName("bookmarks")
        self.bookmark_model = QPdfBookmarkModel(self)
        self.bookmark_model.setDocument(self.document)
        self.bookmarks.setModel(_TitleTips(self.bookmark_model, self))
        self.bookmarks.setHeaderHidden(True)
        self.bookmarks.activated.connect(self._jump_to_bookmark)
        self.bookmarks.clicked.connect(self._jump_to_bookmark)
        self.bookmarks.setVisible(show_bookmarks)

        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setToolTip(tr("Nomor halaman"))
        self.page_box.editingFinished.connect(lambda: self.go_to_page(self.page_box.value() - 1))
        self.page_total = QLabel()
        self.prev_page = QToolButton(text=tr("‹"), toolTip=tr("Halaman sebelumnya"))
        self.next_page = QToolButton(text=tr("›"), toolTip=tr("Halaman berikutnya"))
        self.prev_page.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_page.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom = QComboBox()
        for label, value in ZOOMS:
            self.zoom.addItem(tr(label), value)
        self.zoom.currentIndexChanged.connect(self._apply_zoom)
        zoom_in = QShortcut(QKeySequence.StandardKey.ZoomIn, self)
        zoom_out = QShortcut(QKeySequence.StandardKey.ZoomOut, self)
        zoom_in.activated.connect(lambda: self.zoom.setCurrentIndex(min(self.zoom.currentIndex() + 1,
                                                                       self.zoom.count() - 1)))
        zoom_out.activated.connect(lambda: self.zoom.setCurrentIndex(max(self.zoom.currentIndex() - 1, 0)))

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.prev_page)
        self.toolbar.addWidget(QLabel(tr("Halaman")))
        self.toolbar.addWidget(self.page_box)
        self.toolbar.addWidget(self.page_total)
        self.toolbar.addWidget(self.next_page)
        self.toolbar.addSpacing(12)
        self.toolbar.addWidget(QLabel(tr("Perbesaran")))
        self.toolbar.addWidget(self.zoom)
        self.toolbar.addStretch(1)

        # the bookmarks take a fifth of the width (12 text widths at least), no wider than their titles need
        self.splitter = SideSplitter(self.bookmarks, self.view, share=BOOKMARKS_SHARE, minimum_em=12,
                                     widest=self._bookmarks_width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)

    def open(self, path: Path) -> bool:
        error = self.document.load(str(path))
        ok = error == QPdfDocument.Error.None_
        count = self.document.pageCount() if ok else -1
        self.page_box.setMaximum(max(1, count))
        self.page_total.setText(tr("dari {n}").format(n=max(0, count)))
        if ok and self.bookmarks.isVisibleTo(self):
            self.bookmarks.expandToDepth(0)
            self.splitter.fit()  # the titles are known now
        self._page_changed(0)
        self.loaded.emit(count)
        return ok

    def page_count(self) -> int:
        return self.document.pageCount()

    def _bookmarks_width(self) -> int:
        """What the bookmark titles need, with the frame, a scroll bar and a little room."""
        tree = self.bookmarks
        return (tree.sizeHintForColumn(0) + 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width()
                + tree.fontMetrics().horizontalAdvance("M"))

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _jump_to_bookmark(self, index) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        if page is not None:
            self.go_to_page(int(page))

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.prev_page.setEnabled(page > 0)
        self.next_page.setEnabled(page + 1 < self.document.pageCount())

    def _apply_zoom(self) -> None:
        value = self.zoom.currentData()
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def close_document(self) -> None:
        self.document.close()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_PageDown and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.go_to_page(self.current_page() + 1)
        elif event.key() == Qt.Key.Key_PageUp and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.go_to_page(self.current_page() - 1)
        else:
            super().keyPressEvent(event)
