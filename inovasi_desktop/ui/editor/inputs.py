"""The inputs the field widgets and the dialogs share: the hard length cap, the wheel guard, the date input."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from inovasi_desktop.domain.dates import parse_date_text
from inovasi_desktop.rules import format_period_id
from inovasi_desktop.ui.editor.labels import muted

# Hard cap on what an input accepts at all; catalogue limits below it give a message instead.
HARD_MAX_CHARS = 2_000_000


def tr(text: str) -> str:
    return QApplication.translate("FieldWidgets", text)  # the context these inputs had in field_widgets


class WheelGuard(QObject):
    """Passes the mouse wheel on to the scroll area unless the watched value widget has focus and the
    pointer came onto it by moving: a focused choice that scrolls under a still pointer is passing by
    (Qt sends no Enter then, so underMouse() stays false)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Wheel and not (watched.hasFocus() and watched.underMouse()):
            event.ignore()  # ignored and filtered: Qt offers it to the parents, up to the scroll area
            return True
        return False


def wheel_only_when_focused(widget: QWidget) -> QWidget:
    """Choices, dates and numbers take the wheel only once the user has focused them (click or Tab), so
    scrolling a page never changes a value on the way. Without StrongFocus a combo box would take focus
    from the wheel itself (WheelFocus)."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(WheelGuard(widget))
    return widget


class DateInput(QWidget):
    """A date typed as DD-MM-YYYY or picked from a calendar. Given a period (`set_period`), the calendar
    opens inside it and names it; dates outside stay possible, and the checks report them."""

    picked = Signal()  # a date chosen in the calendar (typing gives the line edit's textEdited)

    def __init__(self, placeholder: str) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One line high: a taller row would sink the field below its form label.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit = wheel_only_when_focused(QLineEdit())
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(placeholder) + 24)  # hint readable
        self.button = QToolButton()
        self.button.setText(tr("Kalender"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        popup = QWidget()
        popup_layout = QVBoxLayout(popup)
        popup_layout.setContentsMargins(4, 4, 4, 4)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.period_note = muted("")
        self.period_note.hide()
        popup_layout.addWidget(self.calendar)
        popup_layout.addWidget(self.period_note)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(popup)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._sync_calendar)
        self.button.setMenu(self.menu)
        self.period: tuple[date, date] | None = None
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def set_period(self, start: date, end: date, label: str) -> None:
        self.period = (start, end)
        self.period_note.setText(f"{label}: {format_period_id(start, end)}")
        self.period_note.show()

    def date(self) -> date | None:
        return parse_date_text(self.edit.text())

    def _sync_calendar(self) -> None:
        current = self.date()
        if current is None and self.period is not None:
            start, end = self.period
            shown = min(max(date.today(), start), end)  # today's month when inside, else the nearer end
            self.calendar.setCurrentPage(shown.year, shown.month)
        elif current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _pick(self, qdate: QDate) -> None:
        self.edit.setText(qdate.toString("dd-MM-yyyy"))
        self.menu.close()
        self.picked.emit()
