"""The Pemantauan page driven as a person does: menu, toolbar, shortcut, filters, double clicks, the SPD form,
the OPD list, the follow-up list and the recap with its progress and cancel."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from menus import choose, menu_clicks, press
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QProgressDialog, QPushButton
from region_data import build_region

from inovasi_desktop.domain.model import ROLE_COORDINATOR
from inovasi_desktop.services import monitoring, organisation, region_opds
from inovasi_desktop.ui.monitoring.opd_model import EMPTY_FILL, ROW_ROLE

pytestmark = menu_clicks


@pytest.fixture
def region(workspace, tmp_path, monkeypatch):
    """45 innovations from 15 OPDs; the region's list names 17 (two without innovation) and misses one."""
    opds = build_region(workspace, tmp_path, 45, 15)
    monkeypatch.setattr(monitoring, "opd_of", lambda inn, org: opds[inn.id])
    region_opds.save(workspace, [f"Dinas Uji {i:02d}" for i in range(2, 18)])  # 01 is off the list
    return opds


def _open_page(qtbot, window):
    choose(qtbot, window, "monitoringMenu", "Pemantauan")
    page = window.monitoring.page
    qtbot.waitUntil(lambda: page.view is not None, timeout=30_000)
    assert window.pages.currentWidget() is page
    return page


def _row_of(page, name: str) -> int:
    table = page.table
    return next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data(ROW_ROLE).name == name)


def _double_click(table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_page_shows_every_opd_and_the_empty_ones_stand_out(qtbot, region, window):
    window.refresh()
    page = _open_page(qtbot, window)
    assert page.model.rowCount() == 17  # 16 listed (02-17; 16 and 17 without innovation) + 01, off the list
    assert "IID didukung bukti" in page.summary.text() and "2 perangkat daerah belum berinovasi" in page.summary.text()
    empty = page.table.model().index(_row_of(page, "Dinas Uji 17"), 3)
    assert empty.data(Qt.ItemDataRole.BackgroundRole).color() == EMPTY_FILL
    off = page.table.model().index(_row_of(page, "Dinas Uji 01"), 0)
    assert off.data().endswith("(di luar daftar)") and off.data(Qt.ItemDataRole.FontRole).italic()
    assert not window.open_action.isEnabled() and window.back_action.isEnabled()

    page.show_filter.setCurrentIndex(page.show_filter.findData("kosong"))
    names = [page.table.model().index(r, 0).data(ROW_ROLE).name for r in range(page.table.model().rowCount())]
    assert names == ["Dinas Uji 16", "Dinas Uji 17"]
    page.show_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "Uji 0")
    assert page.table.model().rowCount() == 9 and page.count_label.text() == "9 dari 17 perangkat daerah"
    page.search.clear()

    header = page.table.horizontalHeader()

    def click_penerapan() -> list[int]:
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(3) + 10, header.height() // 2))
        return [int(page.table.model().index(r, 3).data()) for r in range(page.table.model().rowCount())]

    first, second = click_penerapan(), click_penerapan()  # sorted by Penerapan, then the other way round
    assert len(set(first)) > 1 and first in (sorted(first), sorted(first, reverse=True))
    assert second == sorted(first, reverse=first == sorted(first))

    qtbot.waitUntil(lambda: window.monitoring.drawing.done, timeout=30_000)
    for key in ("iid", "tahapan", "skor"):
        widget = page.charts[key]
        assert widget.renderer().isValid() and widget.width() > 500


def test_double_click_shows_that_opds_innovations_in_the_list(qtbot, region, window):
    window.refresh()
    page = _open_page(qtbot, window)
    row = _row_of(page, "Dinas Uji 03")
    expected = set(page.table.model().index(row, 0).data(ROW_ROLE).innovation_ids)
    _double_click(page.table, row)
    assert window.pages.currentWidget() is window.list_view
    listed = {window.list_view.proxy.index(r, 0).data(ROW_ROLE).id for r in range(window.list_view.proxy.rowCount())}
    assert listed == expected and window.list_view.only_banner.isVisible()
    assert "Dinas Uji 03" in window.list_view.only_label.text()
    qtbot.mouseClick(window.list_view.show_all_button, Qt.MouseButton.LeftButton)
    assert window.list_view.proxy.rowCount() == 45 and not window.list_view.only_banner.isVisible()


def test_toolbar_shortcut_and_escape(qtbot, region, window):
    button = window.toolbar.widgetForAction(window.monitoring_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.monitoring.page
    qtbot.waitUntil(lambda: page.view is not None, timeout=30_000)
    page.table.setFocus()
    assert window.back_action.isEnabled(), [a.text() for a in window.findChildren(type(window.back_action))
                                            if a.shortcut().toString() == "Esc"]
    window.activateWindow()  # offscreen Qt leaves no window active after the progress note closes; a desktop does
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    press(window, "Esc")
    assert window.pages.currentWidget() is window.list_view
    window.list_view.table.setFocus()
    press(window, "Ctrl+M")
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: window.monitoring.loading.done, timeout=30_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.monitoring.loading.done, timeout=30_000)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.list_view


def test_the_opd_shown_from_the_page_is_the_lists_opd_filter(qtbot, region, window):
    """One OPD filter: the page's double click chooses the OPD in the list's filter, and the filter undoes it."""
    window.refresh()
    page = _open_page(qtbot, window)
    _double_click(page.table, _row_of(page, "Dinas Uji 05"))
    combo, proxy = window.list_view.opd_filter, window.list_view.proxy
    assert combo.currentText() == "Dinas Uji 05" and window.list_view.only_banner.isVisible()
    shown = proxy.rowCount()
    assert 0 < shown < 45 and all(proxy.index(r, 6).data() == "Dinas Uji 05" for r in range(shown))
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)  # "Semua OPD"
    assert proxy.rowCount() == 45 and not window.list_view.only_banner.isVisible()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the first OPD, chosen in the list itself: the same banner
    assert window.list_view.only_label.text() == "Inovasi Dinas Uji 01" and proxy.rowCount() < 45


def _double_click_item(widget, item) -> None:
    centre = widget.visualItemRect(item).center()
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_spd_form_saves_levels_and_the_index_follows(qtbot, region, window, workspace):
    page = _open_page(qtbot, window)
    before = page.view.backed.spd

    def fill(dialog):
        labels = [label.text() for label in dialog.boxes["8"].findChildren(type(dialog.total))]
        assert "perlu dikonfirmasi" not in labels[0]  # 2026 rows are of medium confidence
        assert any("Bukti yang dihitung: Laporan Hasil Pemeriksaan BPK" in text for text in labels)
        dialog.groups["8"].button(3).click()  # Opini BPK: WTP, weight 1,5
        dialog.groups["12"].button(2).click()  # weight 2
        assert "Skor SPD: 8,50 dari 63,00" in dialog.total.text()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: fill(window.monitoring.spd_dialog))
    qtbot.mouseClick(page.spd_button, Qt.MouseButton.LeftButton)
    assert monitoring.spd_levels(workspace, "iid-2026") == {"8": 3, "12": 2}
    qtbot.waitUntil(lambda: page.view.backed.spd == pytest.approx(before + 8.5), timeout=30_000)


def test_follow_up_opens_the_indicator_or_the_spd_row(qtbot, region, window, monkeypatch):
    page = _open_page(qtbot, window)
    page.tabs.setCurrentIndex(2)
    page.show_follow_up_of("Dinas Uji 05")
    first = page.follow_up.item(0)
    suggestion = first.data(Qt.ItemDataRole.UserRole + 3)
    assert suggestion.opd == "Dinas Uji 05" and first.text().startswith("1. lampirkan bukti indikator")
    page.follow_up.scrollToItem(first)
    _double_click_item(page.follow_up, first)
    qtbot.waitUntil(lambda: window.editor is not None and window.pages.currentWidget() is window.editor.view,
                    timeout=10_000)
    assert window.editor.innovation.id == suggestion.innovation_id
    assert window.editor.view.current_step().key == suggestion.step
    window.activateWindow()  # see test_toolbar_shortcut_and_escape
    qtbot.waitUntil(window.isActiveWindow)
    press(window, "Esc")
    qtbot.waitUntil(lambda: window.editor is None)
    assert window.pages.currentWidget() is page  # back where the follow-up was chosen, recounted
    qtbot.waitUntil(lambda: window.monitoring.loading.done, timeout=30_000)
    page.show_follow_up_of("")
    spd_item = page.follow_up.item(0)
    assert "isi indikator SPD 12" in spd_item.text()
    opened = []
    from inovasi_desktop.ui.monitoring.spd_dialog import SpdDialog

    monkeypatch.setattr(SpdDialog, "exec", lambda self: opened.append(self.scroll.verticalScrollBar().value()) or 0)
    _double_click_item(page.follow_up, spd_item)
    assert len(opened) == 1


def test_opd_list_from_template_and_from_csv(qtbot, region, window, workspace, tmp_path, monkeypatch):
    page = _open_page(qtbot, window)
    source = tmp_path / "opd.csv"
    with open(source, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows([["No", "Nama OPD"], ["1", "Dinas Uji 01"], ["2", "Dinas Baru"]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    def template_then_save(dialog):
        qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
        assert dialog.banner.isVisible() and "Dinas Kesehatan" in dialog.names()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: template_then_save(window.monitoring.opd_dialog))
    qtbot.mouseClick(page.opd_list_button, Qt.MouseButton.LeftButton)
    assert region_opds.is_template(workspace)
    qtbot.waitUntil(lambda: page.template_banner.isVisible() and page.model.rowCount() == 15 + 33, timeout=30_000)

    def import_then_save(dialog):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.names() == ["Dinas Uji 01", "Dinas Baru"] and not dialog.banner.isVisible()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: import_then_save(window.monitoring.opd_dialog))
    window.opd_list_action.trigger()
    assert region_opds.names(workspace) == ["Dinas Uji 01", "Dinas Baru"] and not region_opds.is_template(workspace)
    qtbot.waitUntil(lambda: not page.template_banner.isVisible() and page.view.opd("Dinas Baru") is not None,
                    timeout=30_000)


def test_recap_from_the_menu_writes_the_pdf_and_later_shows_the_change(qtbot, region, window, tmp_path,
                                                                      monkeypatch):
    target = tmp_path / "rekap.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = _open_page(qtbot, window)
    assert page.view.previous_recap is None
    choose(qtbot, window, "monitoringMenu", "Buat rekap pemantauan…")
    qtbot.waitUntil(lambda: window.monitoring.last_recap is not None, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF") and window.monitoring.last_recap[1] > 5
    assert "Rekap ditulis" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: page.view.previous_recap is not None, timeout=30_000)
    assert "sejak rekap" in page.summary.text()
    assert page.table.model().index(0, 12).data() == "0 inovasi, 0 skor"


@pytest.fixture
def big_region(workspace, tmp_path, monkeypatch):
    opds = build_region(workspace, tmp_path, 400, 60)
    monkeypatch.setattr(monitoring, "opd_of", lambda inn, org: opds[inn.id])


def test_cancelling_the_recap_leaves_no_file(qtbot, big_region, window, tmp_path):
    page = _open_page(qtbot, window)
    target = tmp_path / "rekap.pdf"
    qtbot.waitUntil(lambda: page.findChild(QProgressDialog) is None)  # the loading note is gone
    operation = window.monitoring.write_recap(target)
    progress = operation.progress
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Batal")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert not target.exists() and list(Path(tmp_path).glob("rekap*")) == []
    assert window.monitoring.last_recap is None
    assert "dibatalkan" in window.statusBar().currentMessage()


def test_organisation_dialog_sets_the_coordinator_role(qtbot, window, workspace):
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(workspace, window)
    qtbot.addWidget(dialog)
    assert dialog.role.currentIndex() == 0
    dialog.role.setCurrentIndex(dialog.role.findData(ROLE_COORDINATOR))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert organisation.get(workspace).is_coordinator


def test_spd_rows_of_low_confidence_say_perlu_dikonfirmasi(qtbot, window, workspace):
    from inovasi_desktop.ui.monitoring.spd_dialog import SpdDialog

    dialog = SpdDialog(workspace, workspace.catalogues.get("iid-2023"), window)
    qtbot.addWidget(dialog)
    first = dialog.boxes["1"].findChildren(type(dialog.total))[0].text()
    assert "perlu dikonfirmasi" in first
    dialog.groups["1"].button(2).click()
    dialog.groups["1"].button(0).click()  # back to "Belum diisi"
    assert dialog.levels() == {}


def test_monitoring_menu_items_open_their_dialogs(qtbot, window, monkeypatch):
    from inovasi_desktop.ui.monitoring.opd_list_dialog import OpdListDialog
    from inovasi_desktop.ui.monitoring.spd_dialog import SpdDialog

    shown = []
    monkeypatch.setattr(SpdDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    monkeypatch.setattr(OpdListDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    choose(qtbot, window, "monitoringMenu", "Isian SPD…")
    choose(qtbot, window, "monitoringMenu", "Daftar perangkat daerah…")
    assert shown == ["Isian SPD — Indeks Inovasi Daerah 2026", "Daftar perangkat daerah"]
    assert window.pages.currentWidget() is window.list_view  # the dialogs open over the list


def test_the_change_since_the_last_recap_is_readable(qtbot, region, window, workspace):
    from inovasi_desktop.services import innovations

    monitoring.record_snapshot(workspace, monitoring.REASON_RECAP, view=monitoring.gather(workspace))
    region[innovations.create(workspace, "iid-2026").id] = "Dinas Uji 02"  # one more since: "+1 inovasi, …"
    window.refresh()
    page = _open_page(qtbot, window)
    header, metrics = page.table.horizontalHeader(), page.table.fontMetrics()
    texts = [page.table.model().index(r, 12).data() for r in range(page.table.model().rowCount())]
    assert any(t.startswith("+1 inovasi") for t in texts)
    widest = max(metrics.horizontalAdvance(t) for t in texts)
    assert widest + 8 <= header.sectionSize(12), (widest, header.sectionSize(12))  # 8: the cell's own margins


def test_a_long_follow_up_wraps_inside_the_list(qtbot, window, workspace):
    from inovasi_desktop.services import innovations

    innovations.import_example(workspace)  # one urusan of the wajib ones: the rest are named in one follow-up
    window.refresh()
    page = _open_page(qtbot, window)
    page.tabs.setCurrentIndex(2)
    items = [page.follow_up.item(r) for r in range(page.follow_up.count())]
    longest = max(items, key=lambda item: len(item.text()))
    assert "Pekerjaan Umum dan Penataan Ruang" in longest.text()
    assert page.follow_up.fontMetrics().horizontalAdvance(longest.text()) > page.follow_up.viewport().width()
    qtbot.waitUntil(lambda: page.follow_up.visualItemRect(longest).width() <= page.follow_up.viewport().width())
    assert page.follow_up.visualItemRect(longest).height() > page.follow_up.visualItemRect(items[0]).height()
