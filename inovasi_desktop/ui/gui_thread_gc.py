"""Python's cyclic garbage collector runs on the GUI thread only.

Automatic collection starts on whichever thread happens to allocate. When the garbage holds Qt objects
(wrappers caught in reference cycles), a worker thread then deletes them, and Qt crashes: seen as a
segfault while a worker laid out a dossier. So automatic collection is switched off, and the GUI thread
collects on a timer, each generation as often as Python's own thresholds would have asked for it.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimerEvent

INTERVAL_MS = 250

_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.startTimer(INTERVAL_MS)

    def timerEvent(self, event: QTimerEvent) -> None:  # noqa: N802 - Qt API
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] > self.thresholds[level]:
                generation = level
            else:
                break
        if generation >= 0:
            gc.collect(generation)


def install(app: QObject) -> None:
    """Once per application, on the GUI thread, after the QApplication exists."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
