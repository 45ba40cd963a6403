"""The guards in tests/conftest.py fail a test that logs a warning it does not expect or leaves work behind."""

from __future__ import annotations

from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")

LEAKY_TESTS = '''
import logging, threading, time
import pytest
from PySide6.QtCore import QRunnable, QThreadPool, QTimer
from PySide6.QtWidgets import QDialog, QLabel

kept = []

def test_logs_a_warning():
    logging.getLogger("inovasi_desktop.somewhere").warning("disk penuh")

@pytest.mark.expect_log("disk penuh")
def test_expects_its_warning():
    logging.getLogger("inovasi_desktop.somewhere").warning("disk penuh")

@pytest.mark.expect_log("tidak pernah")
def test_expects_a_warning_that_never_comes():
    pass

def test_leaves_a_thread_running():
    stop = threading.Event()
    kept.append(stop)
    threading.Thread(target=stop.wait, args=(5,), daemon=True).start()

def test_leaves_a_timer_active(qapp):
    timer = QTimer()
    timer.start(60_000)
    kept.append(timer)

def test_leaves_a_window(qtbot):
    dialog = QDialog()
    dialog.show()
    kept.append(dialog)

def test_leaves_a_hidden_top_level_widget(qtbot):
    kept.append(QLabel("lepas"))

class Slow(QRunnable):
    def run(self):
        time.sleep(2)

def test_leaves_a_task_running(qapp):
    pool = QThreadPool()
    kept.append(pool)
    pool.start(Slow())

def test_cleans_up(qtbot):
    label = QLabel("rapi")
    qtbot.addWidget(label)
    label.show()
    timer = QTimer(label)
    timer.start(60_000)  # owned by a widget pytest-qt deletes
'''


def test_guards_fail_what_is_left_behind(pytester):
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    pytester.makepyfile(test_leaky=LEAKY_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=9, errors=7)
    errors = {line.split(" - ")[0].removeprefix("ERROR test_leaky.py::") for line in result.outlines
              if line.startswith("ERROR ")}
    assert errors == {"test_logs_a_warning", "test_expects_a_warning_that_never_comes", "test_leaves_a_thread_running",
                      "test_leaves_a_timer_active", "test_leaves_a_window", "test_leaves_a_hidden_top_level_widget",
                      "test_leaves_a_task_running"}
    result.stdout.fnmatch_lines_random([
        "*unexpected log record: WARNING inovasi_desktop.somewhere: disk penuh*",
        "*expected log record never came: 'tidak pernah'*",
        "*threads still running after the test*",
        "*active QTimer left running, owned by nothing*",
        "*top-level window left undeleted: PySide6.QtWidgets.QDialog*",
        "*top-level window left undeleted: PySide6.QtWidgets.QLabel*",
        "*a thread pool still works after the test*",
    ])
