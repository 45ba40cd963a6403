"""A side pane beside a main pane that takes a share of the width, so it scales with the window and
with the display scaling instead of keeping a fixed number of pixels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


class SideSplitter(QSplitter):
    """`side` takes `share` of the width, at least `minimum_em` text widths (but never more than half)
    and at most what `widest()` says it needs. Once the user drags the handle, their share is kept
    as the window resizes; dragging the side pane shut keeps it shut."""

    def __init__(self, side: QWidget, main: QWidget, *, share: float, minimum_em: float = 8,
                 widest: Callable[[], int] | None = None, side_first: bool = True) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        for widget in (side, main) if side_first else (main, side):
            self.addWidget(widget)
        self.side_index = 0 if side_first else 1
        self.setCollapsible(1 - self.side_index, False)
        self.share, self.minimum_em, self.widest = share, minimum_em, widest
        self.user_share: float | None = None
        self.splitterMoved.connect(self._moved_by_user)  # not emitted by setSizes()

    def side_width(self, total: int) -> int:
        if self.user_share is not None:
            return round(total * self.user_share)
        width = round(total * self.share)
        if self.widest is not None:
            width = min(width, self.widest())
        minimum = round(self.minimum_em * self.fontMetrics().horizontalAdvance("M"))
        return max(width, min(minimum, total // 2))

    def fit(self) -> None:
        """Give the side pane its share of the current width (nothing to do while it is hidden)."""
        total = self.width() - self.handleWidth()
        if total <= 0 or not self.widget(self.side_index).isVisibleTo(self):
            return
        side = self.side_width(total)
        self.setSizes([side, total - side] if self.side_index == 0 else [total - side, side])

    def _moved_by_user(self, _pos: int, _index: int) -> None:
        sizes = self.sizes()
        if sum(sizes) > 0:
            self.user_share = sizes[self.side_index] / sum(sizes)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()
