"""Item views whose rows wrap long text to the width they have, instead of cutting it off with "…"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrapDelegate(QStyledItemDelegate):
    """Sizes each row for the width of its view. Qt's own size hint wraps only within a valid rectangle,
    which item views do not give it, so every row would be one line long and elided."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> object:  # noqa: N802 - Qt API
        view = self.parent()
        width = view.viewport().width()
        if isinstance(view, QTreeView):
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= view.indentation() * (depth + int(view.rootIsDecorated()))
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, max(width, 60), 1)
        return super().sizeHint(wrapped, index)


class _Relayout(QObject):
    def __init__(self, view: QAbstractItemView, after: Callable[[], None] | None) -> None:
        super().__init__(view)
        self.view, self.after, self.width = view, after, -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self.width:
            self.width = self.view.viewport().width()
            self.view.doItemsLayout()  # rows are measured again for the new width
            if self.after is not None:
                self.after()
        return False


def wrap_rows(view: QAbstractItemView, after_relayout: Callable[[], None] | None = None) -> None:
    """Make `view` wrap its rows, measured again whenever its width changes (then `after_relayout`)."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setItemDelegate(WrapDelegate(view))
    view.viewport().installEventFilter(_Relayout(view, after_relayout))
