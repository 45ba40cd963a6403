"""Evidence in the editor, driven as a person would: drop files from the file manager, describe them, see
the check results, preview, shrink, reorder, remove and undo, paste, links, cancel a large add, and
repair an imported reference with a missing file from the readiness step."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import warnings
from pathlib import Path

from evidence_files import MB, store_contents
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from inovasi_desktop.domain import EvidenceItem
from inovasi_desktop.services import innovations
from inovasi_desktop.ui import tasks
from inovasi_desktop.ui.editor import evidence_adding
from tests.fixtures.editor import wait_for_editor


def open_at(window, workspace, step: str, innovation=None):
    innovation = innovation or innovations.create(workspace)
    window.refresh()
    window.open_innovation(innovation.id, step)
    wait_for_editor(window)
    return window.editor


def panel_of(editor, number: int):
    return editor.view.pages[f"indikator:{number}"].evidence


def drop(panel, paths) -> QDropEvent:
    """What a file manager does: drag enter with file URLs, then drop, both on the panel."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = panel.zone.geometry().center()
    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted() and panel.highlighted  # the drop zone shows where the files will land
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, event)
    assert not panel.highlighted
    return event


def click(qtbot, button) -> None:
    qtbot.waitUntil(lambda: button.height() > 0)  # rows just rebuilt are laid out on the next event loop turn
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_added(qtbot, panel, timeout=20_000) -> None:
    qtbot.waitUntil(lambda: panel.flow is not None and panel.flow.finished, timeout=timeout)


def wait_describe(qtbot, panel):
    """After an add, the panel asks nomor, tanggal and tentang in a dialog (opened on the next event loop turn)."""
    qtbot.waitUntil(lambda: panel.metadata_dialog is not None and panel.metadata_dialog.isVisible())
    return panel.metadata_dialog


def saved(workspace, editor):
    editor.save()
    return innovations.get(workspace, editor.innovation.id)


def has_ink(image) -> bool:
    return any(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 5) for y in range(0, image.height(), 5))


def test_drop_describe_check_preview_and_remove(qtbot, window, workspace, files, monkeypatch):
    editor = open_at(window, workspace, "indikator:2")
    panel = panel_of(editor, 2)
    sk = files.text_pdf("SK Tim Pengelola.pdf", ("Keputusan Kepala Dinas Kesehatan Kabupaten Mojokerto", "Lampiran"))
    event = drop(panel, [sk, files.executable_named_pdf("program.pdf"), files.write("kosong.pdf", b"")])
    assert event.isAccepted()
    qtbot.waitUntil(lambda: panel.metadata_dialog is not None and panel.metadata_dialog.isVisible(), timeout=20_000)
    assert "program.pdf tidak disimpan: Berkas ini adalah program (executable) Windows" in panel.message.text()
    assert "kosong.pdf tidak disimpan: Berkas kosong" in panel.message.text()

    dialog = panel.metadata_dialog
    qtbot.keyClicks(dialog.nomor, "188/037/416-109/2025")
    qtbot.keyClicks(dialog.tanggal, "13-01-2023")
    assert "di luar periode bukti" in dialog.message.text()  # warned while typing, still allowed
    dialog.tanggal.clear()
    qtbot.keyClicks(dialog.tanggal, "13-01-2025")
    qtbot.keyClicks(dialog.tentang, "Keputusan Kepala Dinas tentang Tim Pengelola 2025")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [row] = panel.rows
    assert row.title.text() == "Keputusan Kepala Dinas tentang Tim Pengelola 2025"
    details = row.details.text().replace("\u00a0", " ")
    assert "No. 188/037/416-109/2025 · 13 Januari 2025 · SK Tim Pengelola.pdf · PDF · 2 halaman" in details
    assert "Siap dipakai" in row.status.text()
    stored = saved(workspace, editor).answers[2].evidence
    assert [(i.file_name, i.nomor, i.tanggal.isoformat()) for i in stored] == [
        ("SK Tim Pengelola.pdf", "188/037/416-109/2025", "2025-01-13")]
    assert len(store_contents(workspace)) == 1  # the refused files left nothing behind

    click(qtbot, row.buttons["preview"])
    preview = panel.preview
    qtbot.waitUntil(lambda: preview.isVisible() and preview.pdf.page_count() == 2, timeout=5000)
    qtbot.waitUntil(lambda: has_ink(preview.pdf.view.grab().toImage()), timeout=10_000)  # QPdfView renders async
    click(qtbot, preview.pdf.next_page)
    qtbot.waitUntil(lambda: preview.pdf.current_page() == 1, timeout=5000)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    click(qtbot, preview.open_button)
    assert Path(opened[0]).name == "SK Tim Pengelola.pdf" and Path(opened[0]).read_bytes() == sk.read_bytes()
    preview.accept()

    click(qtbot, panel.rows[0].buttons["remove"])
    assert panel.rows == [] and panel.undo_bar.isVisible()
    click(qtbot, panel.undo_button)
    assert [r.item.id for r in panel.rows] == [stored[0].id]
    click(qtbot, panel.rows[0].buttons["remove"])
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)  # autosaved
    assert innovations.get(workspace, editor.innovation.id).answers[2].evidence == []


def test_photo_over_the_cap_warns_and_can_be_made_smaller(qtbot, window, workspace, files, monkeypatch):
    monkeypatch.setattr(evidence_adding, "ask_shrink", lambda *a: False)  # "Simpan apa adanya"
    editor = open_at(window, workspace, "indikator:4")
    panel = panel_of(editor, 4)
    photo = files.photo("Foto Alat.jpg", size=(2400, 1800))
    drop(panel, [photo])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    [row] = panel.rows
    assert "⚠" in row.status.text() and "melebihi batas 2 MB" in row.status.text()
    assert not row.buttons["shrink"].isHidden()
    row.item.tentang = "Foto alat penimbangan"
    click(qtbot, row.buttons["shrink"])
    wait_added(qtbot, panel)
    [row] = panel.rows
    assert "Siap dipakai" in row.status.text() and row.buttons["shrink"].isHidden()
    item = saved(workspace, editor).answers[4].evidence[0]
    assert item.size <= 2 * MB and item.file_name == "Foto Alat.jpg" and item.tentang == "Foto alat penimbangan"


def test_reorder_with_the_arrow_buttons(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:5")
    panel = panel_of(editor, 5)
    drop(panel, [files.text_pdf(f"{n}.pdf", (n,)) for n in ("satu", "dua", "tiga")])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).skip_all_button.click()
    assert [r.item.file_name for r in panel.rows] == ["satu.pdf", "dua.pdf", "tiga.pdf"]
    assert not panel.rows[0].buttons["up"].isEnabled() and not panel.rows[2].buttons["down"].isEnabled()
    click(qtbot, panel.rows[2].buttons["up"])
    assert [r.item.file_name for r in panel.rows] == ["satu.pdf", "tiga.pdf", "dua.pdf"]
    click(qtbot, panel.rows[0].buttons["down"])
    assert [r.item.file_name for r in panel.rows] == ["tiga.pdf", "satu.pdf", "dua.pdf"]
    assert [i.file_name for i in saved(workspace, editor).answers[5].evidence] == ["tiga.pdf", "satu.pdf", "dua.pdf"]


def test_a_long_list_shows_ten_rows_until_asked_for_all(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:19")
    panel = panel_of(editor, 19)
    drop(panel, [files.text_pdf(f"laporan-{n:02d}.pdf", (f"Laporan {n}",)) for n in range(12)])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).skip_all_button.click()
    assert len(panel.rows) == 10 and panel.more_button.text() == "Tampilkan 2 bukti lainnya"
    assert panel.rows[-1].buttons["down"].isEnabled()  # not the last item of the list
    click(qtbot, panel.more_button)
    assert [r.item.file_name for r in panel.rows][-1] == "laporan-11.pdf"
    assert len(saved(workspace, editor).answers[19].evidence) == 12


def test_cancelling_a_large_add_leaves_nothing_and_the_panel_can_add_again(qtbot, window, workspace, files,
                                                                             monkeypatch):
    shown = tasks.Operation._progressed

    def press_cancel_once_saving_shows(operation, done, total, text):
        shown(operation, done, total, text)
        if text.startswith("Menyimpan") and operation.progress is not None:
            operation.progress.findChild(QPushButton).click()  # the Batal button of the progress dialog

    monkeypatch.setattr(tasks.Operation, "_progressed", press_cancel_once_saving_shows)
    editor = open_at(window, workspace, "indikator:20")
    panel = panel_of(editor, 20)
    video = files.sparse_video(size=300 * MB)
    drop(panel, [video])  # the add runs off the GUI thread (its stalls are measured in bench_evidence_add)
    wait_added(qtbot, panel)
    assert panel.rows == [] and panel.items == []
    assert "dibatalkan; tidak ada berkas yang disimpan" in panel.message.text()
    assert store_contents(workspace) == []
    assert panel.add_button.isEnabled()


def test_every_bad_input_ends_in_a_clear_message_with_nothing_stored(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:4")
    panel = panel_of(editor, 4)
    bad = [files.write("kosong.pdf", b""), files.truncated_pdf(), files.locked_pdf(), files.executable_named_pdf(),
           files.png_bomb(), files.corrupt_jpeg(), files.folder / "sudah-dicabut.pdf"]
    drop(panel, bad)
    wait_added(qtbot, panel)
    text = panel.message.text()
    for words in ("Berkas kosong", "Berkas PDF rusak", "dilindungi kata sandi", "program (executable)",
                  "Gambar terlalu besar", "Gambar rusak atau tidak lengkap", "tidak ditemukan"):
        assert words in text
    assert panel.rows == [] and store_contents(workspace) == []
    drop(panel, [files.text_pdf()])  # the app keeps working
    wait_added(qtbot, panel)
    assert len(panel.rows) == 1


def test_full_disk_while_storing_is_said_in_place(qtbot, window, workspace, files, monkeypatch):
    editor = open_at(window, workspace, "indikator:20")
    panel = panel_of(editor, 20)
    real_write = os.write

    def full(fd, data):
        if len(data) > 64 * 1024:  # the store's chunks, not the database
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    drop(panel, [files.sparse_video(size=5 * MB)])
    wait_added(qtbot, panel)
    monkeypatch.undo()
    message = panel.message.text()
    assert "ruang penyimpanan penuh" in message and "Tidak ada berkas yang disimpan" in message
    assert panel.rows == [] and store_contents(workspace) == []


def test_paste_an_image_or_copied_files(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:4")
    panel = panel_of(editor, 4)
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    panel.add_button.setFocus()
    QTest.keyClick(panel.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    [row] = panel.rows
    assert row.item.media_type == "image/png" and row.item.file_name.startswith("tempelan-")
    copied = QMimeData()
    copied.setUrls([QUrl.fromLocalFile(str(files.text_pdf("disalin.pdf")))])
    QGuiApplication.clipboard().setMimeData(copied)
    window.activateWindow()  # the closed dialog leaves no active window under the offscreen platform
    panel.add_button.setFocus()
    qtbot.waitUntil(panel.add_button.hasFocus)
    first = panel.flow
    QTest.keyClick(panel.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.flow is not first
    wait_added(qtbot, panel)
    assert [r.item.file_name for r in panel.rows][1] == "disalin.pdf"
    QGuiApplication.clipboard().clear()  # the clipboard owns the mime data; leaving it crashes at exit


def test_link_for_the_video_indicator(qtbot, window, workspace):
    editor = open_at(window, workspace, "indikator:20")
    panel = panel_of(editor, 20)
    assert not panel.link_button.isHidden()
    click(qtbot, panel.link_button)
    dialog = panel.metadata_dialog
    qtbot.keyClicks(dialog.link, "bukan tautan")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "Tautan tidak sah" in dialog.message.text()
    dialog.link.setText("youtu.be/Qm7pT2xK9sA")
    qtbot.keyClicks(dialog.tentang, "Video inovasi")
    click(qtbot, dialog.save_button)
    assert [r.item.link for r in panel.rows] == ["https://youtu.be/Qm7pT2xK9sA"]
    assert saved(workspace, editor).answers[20].evidence[0].tentang == "Video inovasi"


def test_attachment_field_takes_dropped_files(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "lampiran")
    panel = next(p for page in editor.view.pages.values() if hasattr(page, "fields")
                 for key, p in ((k, w.input) for k, w in page.fields.items()) if key == "anggaran")
    drop(panel, [files.text_pdf("DPA.pdf")])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    assert [i.file_name for i in saved(workspace, editor).attachments["anggaran"]] == ["DPA.pdf"]


def test_readiness_shows_a_missing_file_until_it_is_replaced(qtbot, window, workspace, files, monkeypatch):
    innovation = innovations.create(workspace)
    missing = EvidenceItem(nomor="31 Tahun 2024", tentang="Peraturan Bupati", file_name="perbup.pdf", size=10,
                           media_type="application/pdf", sha256=hashlib.sha256(b"tidak ada").hexdigest())
    innovation.answer(1).evidence.append(missing)
    innovations.save(workspace, innovation)
    editor = open_at(window, workspace, "kesiapan", innovation)
    readiness = editor.view.readiness
    assert readiness.store_problems.count() == 1 and missing.id in editor.context.invalid_evidence
    assert "perbup.pdf" in readiness.store_problems.item(0).text()
    readiness.store_problems.itemActivated.emit(readiness.store_problems.item(0))
    assert editor.view.current_step().key == "indikator:1"
    panel = panel_of(editor, 1)
    [row] = panel.rows
    assert "tidak ada di penyimpanan bukti" in row.status.text() and not row.buttons["preview"].isEnabled()
    replacement = files.text_pdf("perbup-asli.pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(replacement), ""))
    click(qtbot, row.buttons["replace"])
    wait_added(qtbot, panel)
    [row] = panel.rows
    assert row.item.id == missing.id and row.item.tentang == "Peraturan Bupati" and "Siap dipakai" in row.status.text()
    qtbot.waitUntil(lambda: readiness.store_problems.count() == 0 and editor.context.invalid_evidence == frozenset())


def test_verify_button_finds_a_changed_file(qtbot, window, workspace, files):
    innovation = innovations.create(workspace)
    from inovasi_desktop.services import innovation_evidence

    innovation_evidence.add_files(workspace, innovation.id, 3, [files.text_pdf("dpa.pdf")])
    editor = open_at(window, workspace, "kesiapan", innovation)
    readiness = editor.view.readiness
    assert readiness.store_problems.count() == 0
    stored = workspace.evidence_store.path_for(innovations.get(workspace, innovation.id).answers[3].evidence[0].sha256)
    info = stored.stat()
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF
    stored.write_bytes(bytes(data))
    os.utime(stored, ns=(info.st_atime_ns, info.st_mtime_ns))  # same size and time: only re-hashing tells
    qtbot.mouseClick(readiness.verify_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: readiness.verify_button.isEnabled() and readiness.store_problems.count() == 1,
                    timeout=10_000)
    assert "berubah sejak disimpan" in readiness.store_problems.item(0).text()
    assert len(editor.context.invalid_evidence) == 1


def test_a_pasted_image_that_cannot_be_read_leaves_no_temporary_folder(qtbot, window, workspace, tmp_path,
                                                                        monkeypatch):
    """As when the program that copied the image has closed (Windows keeps only what it could render)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    editor = open_at(window, workspace, "indikator:4")
    panel = panel_of(editor, 4)
    unreadable = QMimeData()
    unreadable.setImageData(QImage())
    QGuiApplication.clipboard().setMimeData(unreadable)
    panel.add_button.setFocus()
    QTest.keyClick(panel.add_button, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Gambar yang ditempel tidak dapat dibaca." in panel.message.text()
    assert panel.rows == [] and list(temp.iterdir()) == []
    QGuiApplication.clipboard().clear()


def test_click_the_drop_zone_then_paste_copied_files(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:3")
    panel = panel_of(editor, 3)
    copied = QMimeData()
    copied.setUrls([QUrl.fromLocalFile(str(files.text_pdf("DPA-2025.pdf")))])
    QGuiApplication.clipboard().setMimeData(copied)
    qtbot.mouseClick(panel.zone, Qt.MouseButton.LeftButton, pos=panel.empty.geometry().center())
    qtbot.waitUntil(panel.zone.hasFocus)
    assert panel.zone.lineWidth() == 2  # a stronger frame shows where Ctrl+V goes
    QTest.keyClick(panel.zone, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    assert [r.item.file_name for r in panel.rows] == ["DPA-2025.pdf"]
    assert saved(workspace, editor).answers[3].evidence[0].file_name == "DPA-2025.pdf"
    QGuiApplication.clipboard().clear()


def test_originals_that_would_lose_content_in_the_dossier_are_said_when_added(qtbot, window, workspace, files):
    """Issue 13: a PDF cut off halfway is refused naming its broken pages; a tiny page and annotations the
    dossier cannot print are said beside the item."""
    editor = open_at(window, workspace, "indikator:4")
    panel = panel_of(editor, 4)
    drop(panel, [files.cut_off_pdf(), files.tiny_page_pdf(), files.annotated_pdf()])
    wait_added(qtbot, panel)
    assert "halaman 2 dan 3 kehilangan isi" in panel.message.text()
    assert [row.item.file_name for row in panel.rows] == ["kecil.pdf", "beranotasi.pdf"]
    tiny, annotated = (row.status.text() for row in panel.rows)
    assert "berukuran sangat kecil" in tiny and "diperbesar" in tiny
    assert "kotak teks (halaman 2)" in annotated


def test_a_dropped_decree_proposes_its_fields_and_says_what_it_proves(qtbot, window, workspace, files):
    """The issue's case: an SK (level 1 of Regulasi) dropped for Peraturan Kepala Daerah (level 2), nomor typed
    over the one read. The form proposes what the document says, marked, and warns about type and nomor."""
    from evidence_files import SK_TEXT

    innovation = innovations.create(workspace)
    innovation.profile["nama_inovasi"] = "SI-PANTAU BALITA"
    innovation.answer(1).level = 2
    innovations.save(workspace, innovation)
    editor = open_at(window, workspace, "indikator:1", innovation)
    panel = panel_of(editor, 1)
    drop(panel, [files.document_pdf("SK Tim Pengelola.pdf", SK_TEXT, pages=3)])
    wait_added(qtbot, panel)
    dialog = wait_describe(qtbot, panel)

    assert dialog.nomor.text() == "188/037/416-109/2025" and dialog.tanggal.text() == "13-01-2025"
    assert dialog.tentang.toPlainText() == "Pembentukan Tim Pengelola Inovasi SI-PANTAU Balita Tahun 2025"
    assert all(marker.isVisible() for marker in dialog.read_markers.values())
    summary = dialog.read_summary.text()
    assert "Jenis: Keputusan Kepala Perangkat Daerah" in summary
    assert "Penerbit: Kepala Dinas Kesehatan Kabupaten Mojokerto" in summary
    notes = dialog.reading_notes.text()
    assert dialog.reading_notes.isVisible()
    assert "yang mendukung tingkat 1 (SK Kepala Daerah atau SK Kepala Perangkat Daerah a.n. Kepala Daerah)" in notes
    assert "bukan tingkat 2 (Peraturan Kepala Daerah)" in notes and "nomor" not in notes

    dialog.nomor.selectAll()
    qtbot.keyClicks(dialog.nomor, "188/45")
    assert not dialog.read_markers["nomor"].isVisible() and dialog.read_markers["tanggal"].isVisible()
    assert ('Nomor yang diisi "188/45" berbeda dengan nomor di dokumen "188/037/416-109/2025"'
            in dialog.reading_notes.text())
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [item] = saved(workspace, editor).answers[1].evidence
    assert (item.nomor, item.tanggal.isoformat()) == ("188/45", "2025-01-13")
    _, readiness = innovations.check(workspace, innovation.id)
    codes = {f.code for f in readiness.findings}
    assert {"evidence.doc_type", "evidence.nomor_differs"} <= codes and "evidence.no_name" not in codes


def test_a_dropped_scan_says_it_was_not_read(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:1")
    panel = panel_of(editor, 1)
    drop(panel, [files.scanned_pdf()])
    wait_added(qtbot, panel)
    dialog = wait_describe(qtbot, panel)
    assert "hasil pindaian tanpa lapisan teks sehingga tidak dibaca" in dialog.read_summary.text()
    assert dialog.nomor.text() == "" and not any(m.isVisible() for m in dialog.read_markers.values())
    click(qtbot, dialog.later_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_long_file_name_wraps_and_every_button_stays_in_view(qtbot, window, workspace, files):
    """Names from scanners and chat apps run long without a space; the row, the refusal under it and the
    preview must wrap them, not widen the page past the window (a sideways scroll bar, Hapus cut off)."""
    window.resize(1280, 720)  # the window's size at the first start
    editor = open_at(window, workspace, "indikator:4")
    panel = panel_of(editor, 4)
    name = ("Laporan_Pelaksanaan_Program_Inovasi_Daerah_SIPINTER_Dinas_Kesehatan_Kabupaten_Mojokerto_"
            "Tahun_Anggaran_2025_revisi_final_v3_(1).pdf")
    drop(panel, [files.text_pdf(name, ("Bukti pelaksanaan",)), files.write("kosong_" + name, b"")])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    [row] = panel.rows
    assert row.title.text().replace("\u200b", "") == name
    assert "tidak disimpan: Berkas kosong" in panel.message.text()
    page = editor.view.stack.currentWidget()
    qtbot.waitUntil(lambda: row.buttons["remove"].isVisible())
    assert page.horizontalScrollBar().maximum() == 0, "the page scrolls sideways"
    remove = row.buttons["remove"]
    right = remove.mapTo(page.viewport(), remove.rect().topRight()).x()
    assert right < page.viewport().width()

    click(qtbot, row.buttons["preview"])
    preview = panel.preview
    qtbot.waitUntil(preview.isVisible)
    details = preview.findChild(QLabel, "previewDetails")
    assert details.width() < preview.width() / 2, "the details beside the document stay narrow"
    preview.accept()

    click(qtbot, row.buttons["remove"])  # "Bukti "<name>" dihapus dari daftar." with Urungkan beside it
    qtbot.waitUntil(panel.undo_bar.isVisible)
    assert page.horizontalScrollBar().maximum() == 0, "the page scrolls sideways"


def test_a_file_added_twice_to_one_list_is_said_once(qtbot, window, workspace, files):
    editor = open_at(window, workspace, "indikator:5")
    panel = panel_of(editor, 5)
    sk = files.text_pdf("SK Bimtek.pdf", ("Surat Keputusan Bimtek",))
    drop(panel, [sk])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    drop(panel, [files.write("SK Bimtek (1).pdf", sk.read_bytes())])
    wait_added(qtbot, panel)
    lines = panel.message.text().split("<br>")
    assert len(panel.rows) == 1
    [said] = [line for line in lines if "SK Bimtek (1).pdf" in line]  # not again as "already used here"
    assert "sudah ada di indikator 5" in said and "tidak ditambahkan lagi" in said


def test_replacing_a_file_does_not_call_it_used_already(qtbot, window, workspace, files, monkeypatch):
    editor = open_at(window, workspace, "indikator:5")
    panel = panel_of(editor, 5)
    drop(panel, [files.text_pdf("SK lama.pdf", ("Surat Keputusan lama",))])
    wait_added(qtbot, panel)
    wait_describe(qtbot, panel).reject()
    replacement = files.text_pdf("SK baru.pdf", ("Surat Keputusan baru",))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(replacement), ""))
    click(qtbot, panel.rows[0].buttons["replace"])
    wait_added(qtbot, panel)
    [row] = panel.rows
    assert row.item.file_name == "SK baru.pdf"
    assert "sudah dipakai" not in panel.message.text()
