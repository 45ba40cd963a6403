"""Python's cyclic garbage collector runs on the GUI thread only.

Automatic collection starts on whichever thread happens to allocate. When the garbage holds Qt objects
(wrappers caught in reference cycles), a worker thread then deletes them, and Qt crashes: seen as a
segfault while a worker laid out a dossier. So automatic collection is switched off, and the GUI thread
collects on a timer, each generation as often as Python's own thresholds would have asked for it.

In the app (not the tests), once start-up has settled, what is alive then (modules, catalogues, the window)
is frozen out of the collector's reach (`gc.freeze`): a full collection walked ~100,000 such objects and held
the GUI thread ~40 ms, now it walks only what came later.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimerEvent

INTERVAL_MS = 250
FREEZE_AFTER_S = 5.0  # start-up, the first list and the editor's warm-up are done by then

_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.freeze_at: float | None = None
        gc.disable()
        self.startTimer(INTERVAL_MS)

    def timerEvent(self, event: QTimerEvent) -> None:  # noqa: N802 - Qt API
        if self.freeze_at is not None and time.monotonic() >= self.freeze_at:
            self.freeze_at = None
            gc.collect()
            gc.freeze()
            return
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


def freeze_long_lived_after_start() -> None:
    """The app's start: FREEZE_AFTER_S from now, collect once and freeze what is alive (see the module's note)."""
    if _collector is not None:
        _collector.freeze_at = time.monotonic() + FREEZE_AFTER_S


def long_lived_frozen() -> bool:
    """Whether the freeze asked for at start has happened (or none was asked for)."""
    return _collector is None or _collector.freeze_at is None
