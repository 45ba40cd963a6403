"""Bantuan > Panduan (F1): the user guide in a non-modal window, with a table of contents and a search field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.ui.guide_content import anchor_for_step, guide_html, headings
from inovasi_desktop.ui.screen_fit import resize_within_screen

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_MATCHES = 500
STYLE = """
h1 { color: #1f3b57; }
h2 { color: #1f3b57; margin-top: 18px; }
h3 { color: #2f4858; margin-top: 12px; }
th { background-color: #e8eef4; }
dt { margin-top: 6px; }
"""


def tr(text: str) -> str:
    return QApplication.translate("GuideDialog", text)


class GuideDialog(QDialog):
    """Kept by the main window and shown again on the next F1; `show_at` moves to a step's part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Panduan Inovasi Desktop"))
        self.setModal(False)
        self.catalogue_id: str | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari dalam panduan… (Enter: temuan berikutnya)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self.find(restart=True))
        self.search.returnPressed.connect(lambda: self.find(restart=False))
        self.search_note = QLabel()
        self.search_note.setMinimumWidth(120)

        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.setObjectName("guideContents")
        self.contents.itemActivated.connect(self._go_to_item)
        self.contents.itemClicked.connect(self._go_to_item)

        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # the guide has no links outside itself
        self.browser.document().setDefaultStyleSheet(STYLE)

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 730])

        self.close_button = QPushButton(tr("Tutup"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Cari:")))
        top.addWidget(self.search, 1)
        top.addWidget(self.search_note)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        resize_within_screen(self, 1100, 660)  # 660 fits a 768-pixel screen with its taskbar and title bar

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        """Load the guide with this catalogue's profile steps and indicators (again only when it changed)."""
        catalogue_id = catalogue.id if catalogue is not None else ""
        if catalogue_id == self.catalogue_id:
            return
        self.catalogue_id = catalogue_id
        text = guide_html(catalogue)
        self.browser.setHtml(text)
        self.contents.clear()
        parent = None
        for heading in headings(text):
            if heading.level == 2 or parent is None:
                item = parent = QTreeWidgetItem(self.contents, [heading.title])
            else:
                item = QTreeWidgetItem(parent, [heading.title])
            item.setData(0, ANCHOR_ROLE, heading.anchor)
            item.setToolTip(0, heading.title)  # a long indicator name is cut in the list
        self.contents.expandAll()
        self.find(restart=True)

    def show_at(self, catalogue: Catalogue | None, step_key: str = "") -> None:
        """Show the guide; at the part about `step_key` (an editor step) when given."""
        self.set_catalogue(catalogue)
        self.show()
        self.activateWindow()  # owned by the main window, so it is always in front of it
        anchor = anchor_for_step(step_key)
        if anchor:
            self.scroll_to(anchor)

    def scroll_to(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)
        item = self._item_for(anchor)
        if item is not None:
            self.contents.setCurrentItem(item)
            self.contents.scrollToItem(item)

    def _item_for(self, anchor: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, ANCHOR_ROLE) == anchor:
                return item
        return None

    def _items(self):
        stack = [self.contents.topLevelItem(i) for i in range(self.contents.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack[0:0] = [item.child(i) for i in range(item.childCount())]

    def _go_to_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        anchor = item.data(0, ANCHOR_ROLE)
        if anchor:
            self.browser.scrollToAnchor(anchor)

    def find(self, restart: bool) -> None:
        """Mark every match of the search text and move to the next one (from the top when `restart`)."""
        needle = self.search.text().strip()
        document = self.browser.document()
        matches: list[QTextCursor] = []
        if needle:
            cursor = document.find(needle)
            while not cursor.isNull() and len(matches) < MAX_MATCHES:
                matches.append(cursor)
                cursor = document.find(needle, cursor)
        marks = []
        for match in matches:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = match
            mark.format.setBackground(QColor("#fff3a0"))
            marks.append(mark)
        self.browser.setExtraSelections(marks)
        if not needle:
            self.search_note.clear()
            return
        if not matches:
            self.search_note.setText(tr("tidak ditemukan"))
            return
        current = -1 if restart else self.browser.textCursor().selectionStart()
        index = next((i for i, m in enumerate(matches) if m.selectionStart() > current), 0)  # wraps around
        self.browser.setTextCursor(matches[index])
        self.browser.ensureCursorVisible()
        self.search_note.setText(tr("{i} dari {n}").format(i=index + 1, n=len(matches)))
