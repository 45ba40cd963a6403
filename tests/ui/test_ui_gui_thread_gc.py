"""Cyclic garbage made on a worker thread is freed on the GUI thread (Qt objects must not die on a worker)."""

from __future__ import annotations

import gc
import threading


class Node:
    freed_on_gui_thread: list[bool] = []

    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        Node.freed_on_gui_thread.append(threading.current_thread() is threading.main_thread())


def test_cyclic_garbage_from_a_worker_is_freed_on_the_gui_thread(qtbot, qapp):
    assert not gc.isenabled()  # automatic collection would start on whichever thread allocates
    Node.freed_on_gui_thread.clear()

    def make_garbage() -> None:
        for _ in range(3000):  # well past the first generation's threshold
            Node()

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(Node.freed_on_gui_thread) == 3000, timeout=10_000)
    assert all(Node.freed_on_gui_thread)


def test_after_start_what_lives_is_frozen_once_and_garbage_still_goes(qtbot, qapp, monkeypatch):
    """The app freezes its long-lived objects once start-up has settled (full collections then walk only what
    came later); garbage made afterwards is still collected on the GUI thread."""
    from inovasi_desktop.ui import gui_thread_gc

    monkeypatch.setattr(gui_thread_gc, "FREEZE_AFTER_S", 0.0)
    kept = [Node() for _ in range(10)]  # alive at the freeze: left alone from then on
    try:
        gui_thread_gc.freeze_long_lived_after_start()
        assert not gui_thread_gc.long_lived_frozen()
        qtbot.waitUntil(gui_thread_gc.long_lived_frozen, timeout=5_000)
        assert gc.get_freeze_count() >= len(kept)
        Node.freed_on_gui_thread.clear()
        for _ in range(3000):
            Node()
        qtbot.waitUntil(lambda: len(Node.freed_on_gui_thread) == 3000, timeout=10_000)
        assert all(Node.freed_on_gui_thread)
    finally:
        gc.unfreeze()  # the rest of the suite runs as before
