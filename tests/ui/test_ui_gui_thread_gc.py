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
