"""Layout of the guided editor: header with scores, step list, step pages, navigation.

A step page is built when it is first shown (or asked for through `pages[key]`), so that opening an
innovation never holds the window for long; `page_built` tells the controller to give it its values.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.ui.editor.form_page import FormPage
from inovasi_desktop.ui.editor.indicator_page import IndicatorPage
from inovasi_desktop.ui.editor.readiness_page import ReadinessPage
from inovasi_desktop.ui.editor.steps import READINESS_KEY, EditorStep, StepState, editor_steps
from inovasi_desktop.ui.editor.wrapping import wrap_rows

STATE_COLOURS = {StepState.EMPTY: "#777", StepState.PARTIAL: "#8a5a00", StepState.COMPLETE: "#1b6e20",
                 StepState.ERROR: "#b00020"}


STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # a step item's StepState value
_ICONS: dict[StepState, QIcon] = {}


def tr(text: str) -> str:
    return QApplication.translate("EditorView", text)


def mark_icon(state: StepState) -> QIcon:
    """The step state's mark (○ ◐ ● ✖ as in STATE_MARKS) in its colour, and in white on the selected row."""
    if state not in _ICONS:
        icon = QIcon(_mark_pixmap(state, QColor(STATE_COLOURS[state])))
        icon.addPixmap(_mark_pixmap(state, QColor("white")), QIcon.Mode.Selected)
        _ICONS[state] = icon
    return _ICONS[state]


def _mark_pixmap(state: StepState, colour: QColor) -> QPixmap:
    pixmap = QPixmap(32, 32)  # large enough for 200 % scaling
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 3))
    circle = QRect(4, 4, 24, 24)
    if state is StepState.ERROR:
        painter.setPen(QPen(colour, 5, c=Qt.PenCapStyle.RoundCap))
        painter.drawLine(7, 7, 25, 25)
        painter.drawLine(25, 7, 7, 25)
    else:
        painter.setBrush(colour if state is StepState.COMPLETE else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        if state is StepState.PARTIAL:
            painter.setBrush(colour)
            painter.drawPie(circle, 90 * 16, 180 * 16)  # the left half filled
    painter.end()
    return pixmap


class Pages(dict):
    """The step pages built so far, by step key; asking for one not built yet builds it."""

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        return self._build(key)


class EditorView(QWidget):
    """Holds layout only; `EditorController` gives it behaviour."""

    page_built = Signal(QWidget)  # a step page was built (on first show); already in `pages`

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.steps: list[EditorStep] = editor_steps(catalogue)

        self.back_button = QPushButton(tr("← Daftar inovasi"))
        self.back_button.setToolTip(tr("Kembali ke daftar (Esc). Perubahan tersimpan otomatis."))
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.catalogue_label = QLabel(f"{catalogue.title} ({catalogue.id})")
        self.catalogue_label.setStyleSheet("color: #555;")
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.catalogue_label)
        header.addLayout(titles, 1)
        header.addWidget(self.score_label)

        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setMinimumWidth(220)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        wrap_rows(self.step_list)  # long indicator names wrap; the tooltip has them too
        mark = self.step_list.fontMetrics().height()
        self.step_list.setIconSize(QSize(mark, mark))
        for step in self.steps:
            QListWidgetItem(step.title, self.step_list)

        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = Pages(self._build_page)
        for _ in self.steps:
            self.stack.addWidget(QWidget(self.stack))  # stands in until the step's page is built
        self.readiness = ReadinessPage(catalogue)
        self._place(READINESS_KEY, self.readiness)

        self.prev_button = QPushButton(tr("‹ Sebelumnya"))
        self.next_button = QPushButton(tr("Berikutnya ›"))
        self.prev_button.setToolTip(tr("Langkah sebelumnya (Alt+Kiri atau PageUp)"))
        self.next_button.setToolTip(tr("Langkah berikutnya (Alt+Kanan atau PageDown)"))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addLayout(nav)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.step_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1000])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

        self.step_list.currentRowChanged.connect(self._show_row)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        for keys, delta in (("Alt+Left", -1), ("Alt+Right", 1), ("PgUp", -1), ("PgDown", 1),
                            ("Ctrl+PgUp", -1), ("Ctrl+PgDown", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.go(d))
        self.step_list.setCurrentRow(0)

    def _show_row(self, row: int) -> None:
        if self.isVisible():
            self._build_current()
        self.stack.setCurrentIndex(row)

    def _build_current(self) -> None:
        row = self.step_list.currentRow()
        if 0 <= row < len(self.steps):
            self.pages[self.steps[row].key]  # noqa: B018 - built on first show

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._build_current()
        super().showEvent(event)

    def _build_page(self, key: str) -> QWidget:
        if key == READINESS_KEY or all(step.key != key for step in self.steps):
            raise KeyError(key)
        if key.startswith("indikator:"):
            page = IndicatorPage(self.catalogue, self.catalogue.indicator(int(key.split(":", 1)[1])))
        else:
            page = FormPage(self.catalogue, next(s for s in self.catalogue.steps if s.key == key))
        self._place(key, page)
        self.page_built.emit(page)
        return page

    def _place(self, key: str, page: QWidget) -> None:
        index = next(row for row, step in enumerate(self.steps) if step.key == key)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page.resize(self.stack.size())  # any size: spares the scroll area measuring the whole page now
        scroll.setWidget(page)
        stand_in = self.stack.widget(index)
        current = self.stack.currentWidget() is stand_in
        self.stack.insertWidget(index, scroll)
        if current:
            self.stack.setCurrentWidget(scroll)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        dict.__setitem__(self.pages, key, page)

    def go(self, delta: int) -> None:
        row = min(max(self.step_list.currentRow() + delta, 0), len(self.steps) - 1)
        self.step_list.setCurrentRow(row)

    def current_step(self) -> EditorStep:
        return self.steps[max(0, self.step_list.currentRow())]

    def show_step(self, key: str) -> None:
        for row, step in enumerate(self.steps):
            if step.key == key:
                self.step_list.setCurrentRow(row)
                return

    def page(self, key: str) -> QWidget:
        return self.pages[key]

    def scroll_to(self, widget: QWidget) -> None:
        scroll = self.stack.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(widget, 20, 40)

    def show_states(self, states: dict[str, StepState]) -> None:
        for row, step in enumerate(self.steps):
            state = states.get(step.key, StepState.EMPTY)
            item = self.step_list.item(row)
            if item.data(STATE_ROLE) == state.value:
                continue  # unchanged: spares re-measuring the wrapped rows after every keystroke
            item.setData(STATE_ROLE, state.value)
            item.setIcon(mark_icon(state))  # an icon, not text, so that a wrapped name keeps its indent
            status = tr("Status: {state}").format(state=tr(state.value))
            item.setToolTip(f"{step.title}\n{status}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}. {status}")
            item.setForeground(QColor(STATE_COLOURS[state]))
        self.prev_button.setEnabled(self.step_list.currentRow() > 0)
        self.next_button.setEnabled(self.step_list.currentRow() < len(self.steps) - 1)
