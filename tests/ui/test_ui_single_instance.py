"""One window per data folder (ui/single_instance.py), with the first window in this test's process: a second
start given a file hands it to that window; a lock left under this process's own id (reused after a crash) does
not refuse the start. Both sides as real app processes: tests/integration/test_single_window.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from inovasi_desktop.app import open_when_ready
from inovasi_desktop.domain import Organisation
from inovasi_desktop.services import bundles, innovations, organisation
from inovasi_desktop.services.window_lock import LOCK_FILE
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui.single_instance import SingleInstance

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def parts(tmp_path):
    """A bundle of another OPD's example, sent as email parts (at least two files)."""
    sender = Workspace(home=tmp_path / "dinas-pendidikan")
    try:
        organisation.save(sender, Organisation(pemda="Kabupaten Mojokerto", opd="Dinas Pendidikan",
                                               head_name="Drs. Sugeng", head_nip="196801011990031005",
                                               default_catalogue="iid-2026"))
        example = innovations.import_example(sender)
        sent = bundles.send(sender, [example.id], tmp_path / "Kiriman.inovasi", part_bytes=300_000).parts
    finally:
        sender.close()
    assert len(sent) >= 2
    return [p.path for p in sent]


SECOND_START = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
QMessageBox.information = lambda *args: print("refused", file=sys.stderr)  # the first window was not reached
from inovasi_desktop.ui.single_instance import SingleInstance
sys.exit(SingleInstance(Path(sys.argv[1])).refuse(Path(sys.argv[2])))
"""


def second_start(qtbot, folder, path) -> subprocess.CompletedProcess:
    """A second start of the app given `path`, in a process of its own (as app.run_gui does it), while this
    test's event loop runs the first window."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    process = subprocess.Popen([sys.executable, "-c", SECOND_START, str(folder), str(path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: the window comes forward anyway
def test_a_second_start_with_a_bundle_hands_it_to_the_open_window(qtbot, window, parts, tmp_path):
    folder = tmp_path / "data"
    first = SingleInstance(folder)
    assert first.acquire()
    first.serve(window, lambda path: open_when_ready(window, path))
    try:
        window.bin_action.trigger()  # the user was looking at the bin
        second = second_start(qtbot, folder, parts[0])
        assert second.returncode == 0, second.stderr
        assert "Berkas dibuka di jendela Inovasi Desktop yang sudah terbuka" in second.stderr
        qtbot.waitUntil(lambda: getattr(window, "receive_dialog", None) is not None, timeout=30_000)
        assert not window.bin_action.isChecked()
        assert window.statusBar().currentMessage() == f"Berkas {parts[0].name} dibuka di jendela ini."
        dialog = window.receive_dialog
        assert dialog.paths == [parts[0].resolve()]
        second = second_start(qtbot, folder, parts[1])
        assert second.returncode == 0, second.stderr
        qtbot.waitUntil(lambda: len(dialog.paths) == 2, timeout=30_000)
        dialog.reject()
    finally:
        first.release()
        first.deleteLater()  # on this thread, now


def test_a_lock_left_under_this_process_id_is_taken_over_but_one_held_here_is_not(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    # What a window that ended without unlocking leaves when the system gives its process id to this start:
    # a lock file naming this process (written by Qt here, then copied: Qt sees its owner "running").
    elsewhere = QLockFile(str(tmp_path / "contoh.lock"))
    assert elsewhere.tryLock(100)
    (folder / LOCK_FILE).write_bytes((tmp_path / "contoh.lock").read_bytes())
    elsewhere.unlock()
    first = SingleInstance(folder)
    assert first.acquire()  # taken over, not refused
    try:
        assert not SingleInstance(folder).acquire()  # held in this process now: a second start is refused
    finally:
        first.release()
        first.deleteLater()
    assert not (folder / LOCK_FILE).exists()
