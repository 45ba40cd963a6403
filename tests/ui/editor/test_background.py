"""Nothing slow on the GUI thread: evidence file checks run on the background runner when an innovation
opens (the rows say "Memeriksa berkas…" first and fill in), closing mid-check is clean, and loading the
example, duplicating and copying to another catalogue run in the background and end on the GUI thread.

The file checks are slowed by a gate that holds them in the worker thread until the test opens it."""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import replace

from platform_skips import needs_poppler
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from inovasi_desktop.rules import format_number_id
from inovasi_desktop.rules.scoring import score_innovation
from inovasi_desktop.services import carry_over, evidence_status, innovations, organisation
from inovasi_desktop.ui.main_window import MainWindow

CHECKING = "Memeriksa berkas"


class Gate:
    """Wraps the file check: each call notes its thread, then waits until the gate opens."""

    def __init__(self, monkeypatch) -> None:
        self.opened = threading.Event()
        self.threads: list[threading.Thread] = []
        real = evidence_status.check_file

        def slowed(*args, **kwargs):
            self.threads.append(threading.current_thread())
            self.opened.wait(30)
            return real(*args, **kwargs)

        monkeypatch.setattr(evidence_status, "check_file", slowed)


def unchecked_example(workspace):
    """The example, then the pemda changes: every stored file must be checked again for the new one."""
    example = innovations.import_example(workspace)
    organisation.save(workspace, replace(organisation.get(workspace), pemda="Kabupaten Jombang"))
    return example


def file_panel(editor, number: int):
    return editor.view.pages[f"indikator:{number}"].evidence


def test_checks_run_in_the_background_and_results_fill_in(qtbot, window, workspace, monkeypatch):
    example = unchecked_example(workspace)
    broken = example.answer(1).evidence[0]  # its stored file is changed on disk: found out by the check
    path = workspace.evidence_store.path_for(broken.sha256)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    gate = Gate(monkeypatch)
    window.refresh()

    window.open_innovation(example.id, "indikator:1")  # returns while the checks wait on the gate
    editor = window.editor
    panel = file_panel(editor, 1)
    assert [CHECKING in row.status.text() for row in panel.rows] == [True]
    readiness = editor.view.readiness
    qtbot.waitUntil(lambda: "Memeriksa" in readiness.store_status.text())
    assert "sedang diperiksa" in readiness.summary.text() and "Siap dikirim" not in readiness.summary.text()
    assert editor.context.invalid_evidence == frozenset()  # not known yet: counted until the check says otherwise

    # The window answers meanwhile: the next step opens, its rows are waiting too.
    QTest.keyClick(editor.view.step_list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert editor.view.current_step().key == "indikator:2"
    second = file_panel(editor, 2)
    assert second.rows and all(CHECKING in row.status.text() for row in second.rows)
    qtbot.waitUntil(lambda: bool(gate.threads))  # a worker is inside a check, held by the gate

    gate.opened.set()
    qtbot.waitUntil(lambda: not editor.evidence.checking_files, timeout=30_000)
    assert gate.threads and all(t is not threading.main_thread() for t in gate.threads)
    assert not any(CHECKING in row.status.text() for row in second.rows)
    assert all("PDF" in row.details.text() for row in second.rows)  # facts from the check: kind, pages
    assert "Memeriksa" not in readiness.store_status.text() and "sedang diperiksa" not in readiness.summary.text()
    assert editor.context.invalid_evidence == {broken.id}
    backed = score_innovation(editor.catalogue, editor.innovation, frozenset({broken.id})).backed
    assert f"<b>{format_number_id(backed, 0)}</b>" in editor.view.score_label.text()
    editor.view.show_step("indikator:1")
    assert "berubah" in panel.rows[0].status.text()
    hashes = evidence_status.stored_hashes_of(example.all_evidence())
    kept = evidence_status.file_status(workspace, hashes, "Kabupaten Jombang", examine=False)
    assert {found.state for found in kept.values()} == {evidence_status.OK, evidence_status.CHANGED}


def test_closing_the_editor_mid_check_stops_cleanly(qtbot, window, workspace, monkeypatch):
    example = unchecked_example(workspace)
    gate = Gate(monkeypatch)
    window.refresh()
    window.open_innovation(example.id, "indikator:2")
    qtbot.waitUntil(lambda: bool(gate.threads))
    qtbot.mouseClick(window.editor.view.back_button, Qt.MouseButton.LeftButton)  # back to the list meanwhile
    assert window.editor is None
    gate.opened.set()
    assert window.runner.wait(30_000)
    qtbot.wait(50)  # the ended task's queued signals find the editor gone: nothing happens
    assert len(gate.threads) == 1  # it stopped after the file in hand
    hashes = evidence_status.stored_hashes_of(example.all_evidence())
    states = evidence_status.file_status(workspace, hashes, "Kabupaten Jombang", examine=False)
    assert sum(found.state == evidence_status.OK for found in states.values()) == 1  # that result was kept
    window.open_innovation(example.id, "indikator:2")  # reopening checks the rest
    qtbot.waitUntil(lambda: not window.editor.evidence.checking_files, timeout=30_000)
    assert len(gate.threads) == len(hashes)


def test_closing_the_window_mid_check_waits_for_the_file_in_hand(qtbot, window, workspace, monkeypatch):
    example = unchecked_example(workspace)
    gate = Gate(monkeypatch)
    window.refresh()
    window.open_innovation(example.id, "indikator:2")
    qtbot.waitUntil(lambda: bool(gate.threads))
    real_wait = window.runner.pool.waitForDone

    def release_then_wait(msecs):  # the worker may go on only once closing has asked it to stop
        gate.opened.set()
        return real_wait(msecs)

    monkeypatch.setattr(window.runner.pool, "waitForDone", release_then_wait)
    window.close()
    assert window.runner.pool.activeThreadCount() == 0
    assert len(gate.threads) == 1
    assert innovations.get(workspace, example.id).name == example.name


def test_example_duplicate_and_carry_over_run_in_the_background(qtbot, window, workspace, monkeypatch):
    ran_on: list[threading.Thread] = []
    ended_on: list[threading.Thread] = []
    for module, name in ((innovations, "import_example"), (innovations, "duplicate"),
                         (carry_over, "copy_to_catalogue")):
        real = getattr(module, name)

        def noted(*args, real=real, **kwargs):
            ran_on.append(threading.current_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, noted)
    real_open = MainWindow.open_innovation

    def open_noted(self, *args, **kwargs):
        ended_on.append(threading.current_thread())
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(MainWindow, "open_innovation", open_noted)

    qtbot.mouseClick(window.list_view.example_button, Qt.MouseButton.LeftButton)  # the empty list offers it
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    example_id = window.editor.innovation.id
    qtbot.mouseClick(window.editor.view.back_button, Qt.MouseButton.LeftButton)
    assert window.editor is None

    window.list_view.select(example_id)
    window.duplicate_action.trigger()
    qtbot.waitUntil(lambda: window.list_view.model.rowCount() == 2, timeout=30_000)
    copy = next(r for r in window.list_view.model.rows if r.id != example_id)
    assert copy.name.endswith("(salinan)") and window.list_view.selected_ids() == [copy.id]

    window.list_view.select(example_id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Indeks Inovasi Daerah 2023 (iid-2023)", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.carry_action.trigger()
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert window.editor.innovation.catalogue_id == "iid-2023"

    assert len(ran_on) == 3 and all(t is not threading.main_thread() for t in ran_on)
    assert len(ended_on) == 2 and all(t is threading.main_thread() for t in ended_on)


@needs_poppler  # the region check reads the text with pdftotext
def test_a_new_pemda_has_the_open_innovations_files_checked_again(qtbot, window, workspace, monkeypatch):
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    example = innovations.import_example(workspace)
    window.refresh()
    window.open_innovation(example.id, "indikator:2")
    editor = window.editor
    qtbot.waitUntil(lambda: not editor.evidence.checking_files)
    panel = file_panel(editor, 2)
    assert not any(CHECKING in row.status.text() for row in panel.rows)
    gate = Gate(monkeypatch)

    def accept_another_pemda(dialog) -> int:
        dialog.edits["pemda"].setText("Kabupaten Jombang")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OrganisationDialog, "exec", accept_another_pemda)
    window.settings_action.trigger()
    assert all(CHECKING in row.status.text() for row in panel.rows)  # checked again, in the background
    qtbot.waitUntil(lambda: bool(gate.threads))
    gate.opened.set()
    qtbot.waitUntil(lambda: not editor.evidence.checking_files, timeout=30_000)
    assert all("bukan Kabupaten Jombang" in row.status.text() for row in panel.rows)  # judged for the new pemda
