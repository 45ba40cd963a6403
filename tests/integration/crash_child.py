"""Child process for test_crash_recovery: the real app, started through its entry point (offscreen).

    crash_child.py type   INNOVATION_ID PART TEXT LOG   -- open the innovation, go to the rancang bangun
        step and type TEXT into part PART, one key every TYPE_INTERVAL_MS, appending "<count> <monotonic>"
        to LOG after each key, until killed.
    crash_child.py session INNOVATION_ID PART TEXT LOG  -- the same, fast (a key every millisecond) with a
        pause every SESSION_PAUSE_EVERY keys for the live checks; then "Simpan" (Ctrl+S) and quit.
    crash_child.py report OUT                           -- start the app and write to OUT (JSON) what it
        reopened: innovation id, step and the text of every rancang bangun part in the widgets.

Only public attributes of the product are used. QApplication is made first so that a timer can be
queued before the app starts; it waits until the window has loaded its data (`MainWindow.loaded`,
set on the event loop's first turn together with reopening the last innovation) and then acts.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback

TYPE_INTERVAL_MS = 40
SESSION_PAUSE_EVERY = 100
SESSION_PAUSE_MS = 170  # longer than the editor's live-check delay
RANCANG_STEP = "rancang_bangun"


def main_window():
    from PySide6.QtWidgets import QApplication

    from inovasi_desktop.ui.main_window import MainWindow

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def rancang_parts(window) -> dict:
    return window.editor.view.pages[RANCANG_STEP].fields[RANCANG_STEP].parts


def press(edit, char: str) -> None:
    """One key press and release as the keyboard sends them (ASCII). sendEvent returns a value: unlike
    the void QTest.keyClick it adds nothing to the PySide6 6.12 / Python 3.11 reference leak that the
    session test guards against (see inovasi_desktop/ui/pyside_refcount.py)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    key = Qt.Key(ord(char.upper()))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(edit, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def start_typing(innovation_id: str, part_key: str, text: str, log_path: str, session: bool = False) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = main_window()
    window.list_view.select(innovation_id)
    window.open_action.trigger()  # as the toolbar's "Buka" on the selected row
    window.editor.view.show_step(RANCANG_STEP)  # as a click on the step in the step list
    edit = rancang_parts(window)[part_key]
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    typed = [0]
    resume_at = [0.0]

    def type_one() -> None:
        if time.monotonic() < resume_at[0]:
            return
        if typed[0] >= len(text):
            timer.stop()
            if session:
                window.save_action.trigger()
                QApplication.instance().quit()
            return
        press(edit, text[typed[0]])
        typed[0] += 1
        os.write(log, f"{typed[0]} {time.monotonic():.4f}\n".encode())  # unbuffered: survives SIGKILL
        if session and typed[0] % SESSION_PAUSE_EVERY == 0:
            resume_at[0] = time.monotonic() + SESSION_PAUSE_MS / 1000

    timer = QTimer(window)  # started once: no call per key (see `press`)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1 if session else TYPE_INTERVAL_MS)
    timer.timeout.connect(type_one)
    timer.start()


def report(out_path: str) -> None:
    from PySide6.QtWidgets import QApplication

    window = main_window()
    editor = window.editor
    state = {"editor_open": editor is not None}
    if editor is not None:
        state.update(innovation_id=editor.innovation.id, step=editor.view.current_step().key,
                     parts={key: edit.toPlainText() for key, edit in rancang_parts(window).items()})
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
    QApplication.instance().quit()


def when_loaded(action) -> None:
    """Run `action` on a later turn of the event loop than the one on which the window loaded its data."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inovasi_desktop.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if windows and windows[0].loaded:
        try:
            action()
        except Exception:  # a broken step must end the child at once, not leave it idle
            traceback.print_exc()
            os._exit(4)
    else:
        QTimer.singleShot(10, lambda: when_loaded(action))


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inovasi_desktop.__main__ import main as app_main

    app = QApplication(sys.argv[:1])
    if argv[0] in ("type", "session"):
        QTimer.singleShot(0, lambda: when_loaded(lambda: start_typing(*argv[1:5], session=argv[0] == "session")))
    elif argv[0] == "report":
        QTimer.singleShot(0, lambda: when_loaded(lambda: report(argv[1])))
    else:
        raise SystemExit(f"unknown mode {argv[0]!r}")
    code = app_main([])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
