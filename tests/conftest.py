"""Shared test set-up: a headless Qt, a UTF-8 locale, no crash dialog, and a private data folder.

The environment is set at import time, before pytest-qt or any test imports Qt.

Guards (autouse, below): a test fails when it
- logs a record at WARNING or above, from any logger, that it does not expect. A test that expects one
  says so with `@pytest.mark.expect_log("regular expression")` (searched in the message; one marker per
  expected message); an expected message that never comes fails the test too;
- leaves a Python thread running, or work running on a Qt thread pool (a `TaskRunner`'s or the global
  one) or in a QThread. Idle pool threads are fine: Qt ends them itself;
- leaves an active QTimer behind, or a top-level window (shown or not) that was not deleted. Widgets
  given to `qtbot.addWidget` are closed and deleted by pytest-qt; anything else the test closes and
  deletes itself, or parents to such a widget.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import sys
import threading
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["LANG"] = "C.UTF-8"
if "UTF" not in os.environ.get("LC_ALL", "UTF-8").upper():
    os.environ["LC_ALL"] = "C.UTF-8"  # a non-UTF-8 LC_ALL would override LANG and make Qt warn
os.environ["INOVASI_NO_CRASH_DIALOG"] = "1"
# offscreen Qt on Windows has no font folder of its own: the bundled fonts, as ui/fonts.py does for the app
os.environ.setdefault("QT_QPA_FONTDIR", str(Path(__file__).resolve().parent.parent / "resources" / "fonts"))

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))  # evidence_files: makers of real files

pytest_plugins = ["pytester"]  # tests/test_guards.py runs the guards on leaky tests

POOL_GRACE_MS = 1000  # a task that delivered its result may need a moment to leave its thread


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expect_log(pattern): the test logs a WARNING-or-above record whose "
                                       "message matches the regular expression `pattern`")


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_unexpected_log(request: pytest.FixtureRequest):
    """Any WARNING-or-above log record fails the test unless an `expect_log` marker names it."""
    expected = [re.compile(marker.args[0]) for marker in request.node.iter_markers("expect_log")]
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    yield
    root.removeHandler(recorder)
    messages = [(record, record.getMessage()) for record in recorder.records]
    unexpected = [f"{r.levelname} {r.name}: {m}" for r, m in messages if not any(p.search(m) for p in expected)]
    missing = [p.pattern for p in expected if not any(p.search(m) for _, m in messages)]
    if unexpected or missing:
        pytest.fail("".join([f"unexpected log record: {line}\n" for line in unexpected]
                            + [f"expected log record never came: {pattern!r}\n" for pattern in missing]))


@pytest.fixture(autouse=True)
def fail_on_leaked_threads():
    """A Python thread started by the test must have ended by its teardown."""
    before = set(threading.enumerate())
    yield
    # Pool threads that ran Python code appear as dummy threads forever: the Qt guard checks them.
    new = [t for t in threading.enumerate() if t not in before and not isinstance(t, threading._DummyThread)]
    for thread in new:
        thread.join(timeout=1)
    leaked = [t for t in new if t.is_alive()]
    if leaked:
        pytest.fail(f"threads still running after the test: {leaked}")


@pytest.fixture(autouse=True)
def fail_on_leaked_qt_objects():
    """Pools still working, running QThreads, active QTimers and undeleted top-level windows fail the test."""
    app = _qt_app()
    windows_before = set(app.topLevelWidgets()) if app is not None else set()
    yield
    app = _qt_app()
    if app is None:
        return
    from PySide6.QtCore import QEvent, QThread, QThreadPool, QTimer
    from shiboken6 import isValid

    problems = []
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what pytest-qt closed and deleted
    app.processEvents()
    alive = [o for o in gc.get_objects() if isinstance(o, QThreadPool | QThread | QTimer) and isValid(o)]
    for pool in [QThreadPool.globalInstance()] + [o for o in alive if isinstance(o, QThreadPool)]:
        if not pool.waitForDone(POOL_GRACE_MS):
            problems.append(f"a thread pool still works after the test ({pool.activeThreadCount()} tasks)")
            pool.waitForDone()  # the next test starts clean
    for thread in (o for o in alive if isinstance(o, QThread) and o.isRunning()):
        problems.append(f"QThread still running: {thread!r}")
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # objects freed by tasks that just ended
    for _ in range(20):  # a single-shot due in a moment (TaskRunner's 1 ms release retry) fires; no leak that
        due = [o for o in alive if isinstance(o, QTimer) and isValid(o) and o.isActive() and o.isSingleShot()
               and o.interval() <= 10]
        if not due:
            break
        QThread.msleep(5)
        app.processEvents()
    for timer in (o for o in alive if isinstance(o, QTimer) and isValid(o) and o.isActive()):
        problems.append(f"active QTimer left running, owned by {_owners(timer)}")
        timer.stop()  # so it cannot fire into the next test
    for window in (w for w in app.topLevelWidgets() if w not in windows_before and isValid(w)):
        problems.append(f"top-level window left undeleted: {type(window).__module__}.{type(window).__name__} "
                        f"{window.objectName()!r} {window.windowTitle()!r} (visible: {window.isVisible()})")
        window.close()
        window.deleteLater()
    if problems:
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        pytest.fail("\n".join(problems))


def _owners(obj) -> str:
    chain = []
    while (obj := obj.parent()) is not None:
        chain.append(type(obj).__name__)
    return " < ".join(chain) or "nothing (a parentless timer)"


def _qt_app():
    """The running QApplication, or None when no test in this session has made one yet."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets.QApplication.instance() if widgets is not None else None


@pytest.fixture(autouse=True)
def inovasi_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty user data folder for every test, so no test touches the real one."""
    home = tmp_path_factory.mktemp("inovasi_home")
    monkeypatch.setenv("INOVASI_HOME", str(home))
    monkeypatch.delenv("INOVASI_FORMS", raising=False)
    return home


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication, speaking Indonesian as the app does (Qt's own strings, locale id_ID)."""
    from inovasi_desktop.ui import fonts, gui_thread_gc
    from inovasi_desktop.ui.language import install_indonesian

    assert "DejaVu Sans" in fonts.register_bundled_fonts()  # no test depends on the system's fonts
    assert install_indonesian(qapp)
    gui_thread_gc.install(qapp)  # as the app does: no garbage collection on worker threads
    return qapp


@pytest.fixture(scope="session")
def forms_dir() -> Path:
    """The catalogue files shipped in the repository (`forms/`)."""
    return REPO_ROOT / "forms"


@pytest.fixture(scope="session")
def catalogues(forms_dir: Path):
    """Every shipped catalogue, loaded once; errors (not skips) when `forms/` is empty or invalid."""
    from inovasi_desktop.catalogue import Catalogues

    return Catalogues.from_folder(forms_dir)


@pytest.fixture
def files(tmp_path: Path):
    """Makers of real evidence files (PDFs, images, hostile files) in a fresh folder."""
    from evidence_files import EvidenceFiles

    folder = tmp_path / "sumber"
    folder.mkdir()
    return EvidenceFiles(folder)


@pytest.fixture
def workspace(inovasi_home: Path):
    """A workspace on the private data folder, with the organisation already saved."""
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import organisation
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace()
    organisation.save(ws, Organisation(
        pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina",
        head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
        head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026"))
    yield ws
    ws.close()
