"""The window's shell: menu bar, toolbar, shortcuts, the guide (F1), the about box, the list and the bin.

Menu items are chosen as a person does: click the menu title, then the item in the open menu.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from menus import choose, menu_clicks, press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolButton

from inovasi_desktop import __version__, paths
from inovasi_desktop.services import innovations
from tests.fixtures.editor import wait_for_editor

MENUS = {
    "fileMenu": [("Baru", "Ctrl+N"), ("Buka", "Ctrl+O"), ("Ekspor PDF…", "Ctrl+E"), ("Organisasi…", ""),
                 ("Keluar", "Ctrl+Q")],
    "editMenu": [("Cari", "Ctrl+F"), ("Duplikat", "Ctrl+D"), ("Hapus…", "Del"), ("Tempat sampah", ""),
                 ("Pulihkan", ""), ("Simpan", "Ctrl+S")],
    "innovationMenu": [("Periksa kesiapan", "Ctrl+K"), ("Salin ke katalog lain…", ""), ("Kembali ke daftar", "Esc")],
    "monitoringMenu": [("Pemantauan", "Ctrl+M"), ("Isian SPD…", ""), ("Daftar perangkat daerah…", ""),
                       ("Buat rekap pemantauan…", "")],
    "helpMenu": [("Panduan", "F1"), ("Muat contoh", ""), ("Tentang Inovasi Desktop", "")],
}


def listed(window) -> list[str]:
    proxy = window.list_view.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def named(workspace, name: str):
    innovation = innovations.create(workspace)
    innovation.profile["nama_inovasi"] = name
    innovations.save(workspace, innovation)
    return innovation


def test_every_menu_item_shows_its_shortcut_and_an_icon(window):
    for menu_name, expected in MENUS.items():
        menu = window.findChild(QMenu, menu_name)
        shown = [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]
        it = iter(shown)
        assert all(item in it for item in expected), f"{menu_name}: {shown}"  # in this order (more may follow)
        for action in menu.actions():
            if not action.isSeparator():
                assert not action.icon().pixmap(24, 24).isNull(), action.text()  # the SVG icons load
                if not action.shortcut().isEmpty():
                    assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in action.toolTip()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Berkas", "Sunting", "Inovasi", "Pemantauan", "Bantuan"]


def test_toolbar_has_icons_and_text_fits_1366_and_leaves_the_example_to_the_menu(window):
    toolbar = window.toolbar
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert window.example_action not in actions
    assert window.example_action in window.findChild(QMenu, "helpMenu").actions()
    for action in actions:
        button = toolbar.widgetForAction(action)
        assert button.isVisible() and not action.icon().pixmap(24, 24).isNull(), action.text()
        assert button.geometry().right() <= toolbar.width()
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # nothing pushed into an overflow menu
    assert window.list_view.example_button.text() == "Muat contoh"  # the empty list still offers it


@menu_clicks
def test_file_menu_new_open_and_quit(qtbot, window, workspace):
    choose(qtbot, window, "fileMenu", "Baru")
    assert window.editor is not None
    first = window.editor.innovation.id
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.editor is None
    press(window, "Ctrl+N")
    assert window.editor is not None and window.editor.innovation.id != first
    window.close_editor()

    window.list_view.select(first)
    choose(qtbot, window, "fileMenu", "Buka")
    assert window.editor.innovation.id == first
    window.close_editor()
    window.list_view.select(first)
    press(window, "Ctrl+O")
    assert window.editor.innovation.id == first

    name = next(page.fields["nama_inovasi"] for page in window.editor.view.pages.values()
                if "nama_inovasi" in getattr(page, "fields", {})).input
    qtbot.keyClicks(name, "Diketik sebelum keluar")
    choose(qtbot, window, "fileMenu", "Keluar")
    assert not window.isVisible()
    assert innovations.get(workspace, first).name == "Diketik sebelum keluar"  # saved on the way out


def test_ctrl_q_closes_the_window(qtbot, window):
    press(window, "Ctrl+Q")
    assert not window.isVisible()


@menu_clicks
def test_file_menu_export_and_organisation(qtbot, window, workspace, monkeypatch):
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog
    from inovasi_desktop.ui.dossier_export import DossierExport

    one = named(workspace, "Ekspor Satu")
    window.refresh()
    window.list_view.select(one.id)
    asked = []
    monkeypatch.setattr(DossierExport, "ask_targets", lambda self, names: asked.append(dict(names)) or None)
    choose(qtbot, window, "fileMenu", "Ekspor PDF…")
    press(window, "Ctrl+E")
    assert asked == [{one.id: "Ekspor Satu"}] * 2

    shown = []
    monkeypatch.setattr(OrganisationDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    choose(qtbot, window, "fileMenu", "Organisasi…")
    assert shown == ["Data organisasi"]


@menu_clicks
def test_edit_menu_find_duplicate_delete_and_the_bin(qtbot, window, workspace, monkeypatch):
    one = named(workspace, "Layanan Satu")
    window.refresh()
    window.open_innovation(one.id)
    wait_for_editor(window)
    choose(qtbot, window, "editMenu", "Cari")
    assert window.editor is None and window.list_view.search.hasFocus()
    window.list_view.table.setFocus()
    press(window, "Ctrl+F")
    assert window.list_view.search.hasFocus()

    window.list_view.select(one.id)
    choose(qtbot, window, "editMenu", "Duplikat")
    qtbot.waitUntil(lambda: len(listed(window)) == 2)  # copied in the background
    assert sorted(listed(window)) == ["Layanan Satu", "Layanan Satu (salinan)"]
    window.activateWindow()  # offscreen Qt activates the closed menu again while the copy is made
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.list_view.table.setFocus()
    press(window, "Ctrl+D")
    qtbot.waitUntil(lambda: len(listed(window)) == 3)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    choose(qtbot, window, "editMenu", "Hapus…")
    assert len(listed(window)) == 2
    window.list_view.table.setFocus()
    window.list_view.table.selectAll()
    press(window, "Del")
    assert listed(window) == []

    choose(qtbot, window, "editMenu", "Tempat sampah")
    banner = window.list_view.bin_banner
    assert banner.isVisible() and "Tempat sampah" in window.windowTitle()
    assert "Pulihkan" in " ".join(label.text() for label in banner.findChildren(type(window.status_label)))
    assert len(listed(window)) == 3
    window.list_view.table.selectAll()
    assert not window.export_action.isEnabled()  # nothing is exported from the bin
    assert not window.new_action.isEnabled() and not window.delete_action.isEnabled()
    window.list_view.select(one.id)
    choose(qtbot, window, "editMenu", "Pulihkan")
    assert len(listed(window)) == 2
    QTest.keyClick(window, Qt.Key.Key_Escape)  # Esc leaves the bin
    assert not banner.isVisible() and listed(window) == ["Layanan Satu"]
    assert window.windowTitle() == "Inovasi Desktop"


def test_bin_banner_button_goes_back_to_the_list(qtbot, window, workspace):
    gone = named(workspace, "Dibuang")
    innovations.delete(workspace, [gone.id])
    window.bin_action.trigger()
    assert window.list_view.bin_banner.isVisible()
    qtbot.mouseClick(window.list_view.leave_bin_button, Qt.MouseButton.LeftButton)
    assert not window.bin_action.isChecked() and not window.list_view.bin_banner.isVisible()
    assert listed(window) == []


@menu_clicks
def test_edit_menu_save_stores_at_once(qtbot, window, workspace):
    window.new_action.trigger()
    wait_for_editor(window)
    editor = window.editor
    edit = next(page.fields["nama_inovasi"] for page in editor.view.pages.values()
                if hasattr(page, "fields") and "nama_inovasi" in page.fields).input
    qtbot.keyClicks(edit, "Simpan Lewat Menu")
    choose(qtbot, window, "editMenu", "Simpan")
    assert innovations.get(workspace, editor.innovation.id).name == "Simpan Lewat Menu"
    qtbot.keyClicks(edit, " Lagi")
    edit.setFocus()
    press(window, "Ctrl+S")
    assert innovations.get(workspace, editor.innovation.id).name == "Simpan Lewat Menu Lagi"


@menu_clicks
def test_innovation_menu_readiness_carry_over_and_back(qtbot, window, workspace, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    one = named(workspace, "Layanan Kesiapan")
    window.refresh()
    window.list_view.select(one.id)
    choose(qtbot, window, "innovationMenu", "Periksa kesiapan")
    assert window.editor.view.current_step().key == "kesiapan"
    window.editor.view.show_step("indikator:3")
    window.editor.view.step_list.setFocus()
    press(window, "Ctrl+K")
    assert window.editor.view.current_step().key == "kesiapan"
    choose(qtbot, window, "innovationMenu", "Kembali ke daftar")
    assert window.editor is None

    window.list_view.select(one.id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Indeks Inovasi Daerah 2023 (iid-2023)", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    choose(qtbot, window, "innovationMenu", "Salin ke katalog lain…")
    qtbot.waitUntil(lambda: window.editor is not None)  # copied in the background, then opened
    assert window.editor.innovation.catalogue_id == "iid-2023" and window.editor.innovation.id != one.id


@menu_clicks
def test_help_menu_loads_the_example(qtbot, window):
    choose(qtbot, window, "helpMenu", "Muat contoh")
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)  # loaded in the background
    assert "SI-PANTAU" in window.editor.innovation.name


def anchor_top(guide, anchor: str) -> float:
    """Where the heading with this anchor starts in the guide's laid-out text."""
    document = guide.browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if anchor in it.fragment().charFormat().anchorNames():
                return document.documentLayout().blockBoundingRect(block).top()
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor {anchor}")


@menu_clicks
def test_guide_from_the_menu_and_f1(qtbot, window):
    choose(qtbot, window, "helpMenu", "Panduan")
    guide = window.guide
    assert guide.isVisible() and not guide.isModal()
    text = guide.browser.toPlainText()
    for part in ("Menyiapkan bukti dukung", "Mengisi formulir", "Memeriksa kesiapan", "Mengekspor berkas PDF",
                 "Mencetak", "Menandatangani lembar pengesahan", "Mengirim berkas", "Glosarium", "OPD", "SID",
                 "SPD", "Tahapan", "Rancang bangun", "Kematangan", "IGA"):
        assert part in text, part
    assert "Regulasi Inovasi Daerah" in text  # the default catalogue's indicators are appended
    assert guide.width() <= 1366 and guide.height() <= 700  # fits a 1366x768 screen with a taskbar
    guide.close()
    press(window, "F1")
    assert guide.isVisible()


def test_f1_on_an_indicator_page_opens_the_guide_at_that_indicator(qtbot, window, workspace):
    innovation = innovations.create(workspace, "iid-2023")
    window.refresh()
    window.open_innovation(innovation.id, "indikator:7")
    wait_for_editor(window)
    window.editor.view.step_list.setFocus()
    press(window, "F1")
    guide = window.guide
    assert guide.isVisible()
    indicator = window.editor.view.catalogue.indicator(7)
    assert f"Indikator 7: {indicator.name}" in guide.browser.toPlainText()
    assert indicator.help[:60] in guide.browser.toPlainText()  # generated from the innovation's catalogue
    scrollbar = guide.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: abs(scrollbar.value() - anchor_top(guide, "indikator-7")) <= 2, timeout=2000)
    assert scrollbar.value() > 0
    assert guide.contents.currentItem().text(0) == f"7. {indicator.name}"

    window.editor.view.show_step("rancang_bangun")  # a profile step: its section
    window.editor.view.step_list.setFocus()
    press(window, "F1")
    qtbot.waitUntil(lambda: abs(scrollbar.value() - anchor_top(guide, "langkah-rancang_bangun")) <= 2, timeout=2000)


def test_guide_contents_and_search(qtbot, window):
    window.help_action.trigger()
    guide = window.guide
    scrollbar = guide.browser.verticalScrollBar()
    item = next(i for i in guide._items() if i.text(0) == "14. Glosarium")
    guide.contents.scrollToItem(item)
    rect = guide.contents.visualItemRect(item)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(scrollbar.value() - anchor_top(guide, "glosarium")) <= 2, timeout=2000)

    qtbot.keyClicks(guide.search, "pengesahan")
    note = guide.search_note.text()
    assert note.startswith("1 dari ")
    total = int(note.split()[-1])
    assert total >= 3
    assert guide.browser.textCursor().selectedText().lower() == "pengesahan"
    first = guide.browser.textCursor().selectionStart()
    QTest.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.search_note.text() == f"2 dari {total}"
    assert guide.browser.textCursor().selectionStart() > first
    guide.search.clear()
    qtbot.keyClicks(guide.search, "tidakadadipanduan")
    assert guide.search_note.text() == "tidak ditemukan"


@menu_clicks
def test_about_shows_version_catalogues_data_folder_and_licences(qtbot, window, monkeypatch):
    choose(qtbot, window, "helpMenu", "Tentang Inovasi Desktop")
    about = window.about
    assert about.isVisible()
    assert __version__ in about.version_label.text()
    assert "iid-2026" in about.catalogue_label.text() and "iid-2023" in about.catalogue_label.text()
    assert "bawaan" in about.catalogue_label.text()
    assert about.folder_label.text() == str(paths.data_dir())
    licences = about.licences.toPlainText()
    for name, licence in (("PySide6", "LGPL"), ("SQLAlchemy", "MIT"), ("reportlab", "BSD"), ("pikepdf", "MPL-2.0"),
                          ("qpdf", "Apache-2.0"), ("pypdfium2", "BSD-3-Clause"), ("PDFium", "BSD-3-Clause"),
                          ("Pillow", "HPND"), ("platformdirs", "MIT"),
                          ("DejaVu", "Bitstream")):
        assert name in licences and licence in licences, name
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    qtbot.mouseClick(about.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [paths.data_dir()]  # Qt writes C:/..., Python C:\...: the same folder
    qtbot.mouseClick(about.close_button, Qt.MouseButton.LeftButton)
    assert not about.isVisible()


def test_list_is_newest_first_and_columns_are_not_clipped(qtbot, window, workspace, monkeypatch):
    from inovasi_desktop.domain import model
    from inovasi_desktop.storage import repositories

    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    for minutes, name in ((0, "Lama"), (30, "Terbaru"), (10, "Tengah")):
        for module in (repositories, model):
            monkeypatch.setattr(module, "utc_now", lambda m=minutes: start + timedelta(minutes=m))
        named(workspace, name)
    window.refresh()
    assert listed(window) == ["Terbaru", "Tengah", "Lama"]

    table = window.list_view.table
    header = table.horizontalHeader()
    for column in range(1, header.count()):
        title = window.list_view.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + 20, title
    readiness = header.sectionSize(3)
    for text in ("14/20 indikator berbukti, 2 galat", "20/20 indikator berbukti, tanpa galat"):
        assert table.fontMetrics().horizontalAdvance(text) + 8 <= readiness, text
    assert header.sectionSize(0) >= 400  # the name column takes the rest of a 1366 window
    index = window.list_view.proxy.index(0, 3)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()  # the whole text on hover, too
    # Sorting by another column and back by "Diubah" still puts the newest first.
    header_pos = QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header_pos)
    assert listed(window) == ["Lama", "Tengah", "Terbaru"]
    table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert listed(window) == ["Terbaru", "Tengah", "Lama"]


def test_a_long_name_and_its_copy_look_different_in_the_list(qtbot, window, workspace):
    """Duplikat adds "(salinan)" at the end of the name; a long name cut at its end would hide it."""
    original = named(workspace, "Sistem Informasi Pemantauan Tumbuh Kembang Balita dan Ibu Hamil Berbasis Desa "
                                "Terintegrasi dengan Layanan Posyandu dan Puskesmas Kecamatan")
    copy = innovations.duplicate(workspace, original.id)
    window.resize(1366, 768)
    window.show()
    window.refresh()
    table = window.list_view.table
    qtbot.waitUntil(lambda: table.isVisible())
    rows = {table.model().index(row, 0).data(): row for row in range(table.model().rowCount())}
    assert table.fontMetrics().horizontalAdvance(copy.name) > table.columnWidth(0)  # it is cut somewhere
    table.clearSelection()
    table.setAlternatingRowColors(False)  # the same background behind both names
    shots = [table.viewport().grab(table.visualRect(table.model().index(rows[name], 0))).toImage()
             for name in (original.name, copy.name)]
    assert shots[0] != shots[1]


def test_the_guide_has_one_anchor_for_every_editor_step_of_every_catalogue(qapp, catalogues):
    from inovasi_desktop.ui.editor.steps import editor_steps
    from inovasi_desktop.ui.guide_content import anchor_for_step, guide_html, headings

    for catalogue in catalogues.all:
        found = [h.anchor for h in headings(guide_html(catalogue))]
        assert len(found) == len(set(found)), "duplicate anchors"
        for step in editor_steps(catalogue):
            assert anchor_for_step(step.key) in found, (catalogue.id, step.key)


def test_window_shortcuts_work_while_typing_in_a_text_field(qtbot, window, workspace, monkeypatch):
    """On Linux, Qt's line edits take Ctrl+E and Ctrl+K for themselves (end of line, delete to the end); the
    app's own shortcuts must win there, as they do on Windows."""
    window.new_action.trigger()
    wait_for_editor(window)
    name = next(page.fields["nama_inovasi"] for page in window.editor.view.pages.values()
                if hasattr(page, "fields") and "nama_inovasi" in page.fields).input
    qtbot.keyClicks(name, "Layanan Pintas")
    name.setFocus()
    name.setCursorPosition(3)
    exported = []
    monkeypatch.setattr(window, "export_pdf", lambda: exported.append(True))
    window.export_action.triggered.disconnect()
    window.export_action.triggered.connect(window.export_pdf)
    press(window, "Ctrl+E")
    assert exported == [True]
    press(window, "Ctrl+K")
    assert window.editor.view.current_step().key == "kesiapan"
    assert name.text() == "Layanan Pintas"  # nothing deleted to the end of the line


def test_search_then_keys_alone_reach_and_open_an_innovation(qtbot, window, workspace):
    """Ctrl+F, type part of a name, Enter: the only match opens. With several, Down (or Enter) moves into the
    list on the first match, where Enter opens it; no mouse and no Tab round the filters needed."""
    named(workspace, "Layanan Posyandu Digital")
    wanted = named(workspace, "Sistem Pelayanan Terpadu")
    named(workspace, "Sistem Arsip Elektronik")
    window.refresh()
    press(window, "Ctrl+F")
    search = window.list_view.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "terpadu")
    QTest.keyClick(search, Qt.Key.Key_Return)
    wait_for_editor(window)
    assert window.editor.innovation.id == wanted.id

    QTest.keyClick(window.editor.view, Qt.Key.Key_Escape)  # back to the list
    qtbot.waitUntil(lambda: window.editor is None)
    press(window, "Ctrl+F")
    search.clear()
    qtbot.keyClicks(search, "sistem")
    assert window.list_view.proxy.rowCount() == 2
    QTest.keyClick(search, Qt.Key.Key_Down)
    table = window.list_view.table
    assert table.hasFocus() and len(window.list_view.selected_ids()) == 1
    first = window.list_view.proxy.index(0, 0).data()
    QTest.keyClick(table, Qt.Key.Key_Return)
    wait_for_editor(window)
    assert window.editor.innovation.profile["nama_inovasi"] == first
