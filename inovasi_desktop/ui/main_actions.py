"""The main window's actions, its menu bar and its toolbar, built in one place.

Every action is an attribute of the window (`window.new_action`, ...), so tests and the window's own
logic reach them by name. Icons are our own SVG files in `resources/icons/` (Qt's svg image plugin
ships with PySide6), so nothing depends on the system's icon theme.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolBar

from inovasi_desktop import paths
from inovasi_desktop.ui import received_dossier


def tr(text: str) -> str:
    return QApplication.translate("MainActions", text)


def icon(name: str) -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / f"{name}.svg"))


def make_action(parent, text: str, slot, shortcut=None, tip: str = "", icon_name: str = "",
                icon_text: str = "") -> QAction:
    """An action whose tooltip and status tip end with its shortcut, e.g. "Buat inovasi baru (Ctrl+N)"."""
    action = QAction(text, parent)
    tip = tip or text
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if icon_name:
        action.setIcon(icon(icon_name))
    if icon_text:
        action.setIconText(icon_text)  # the shorter label under the toolbar icon
    action.triggered.connect(lambda: slot())  # not slot(checked): `triggered` passes a bool
    return action


def build(window: QMainWindow) -> None:
    """Create the window's actions, then the menu bar and the toolbar that show them."""
    w = window
    key = QKeySequence.StandardKey
    w.new_action = make_action(w, tr("Baru"), w.new_innovation, key.New, tr("Buat inovasi baru"), "baru")
    w.open_action = make_action(w, tr("Buka"), w.open_selected, key.Open,
                                tr("Buka inovasi terpilih (juga dengan Enter atau klik ganda)"), "buka")
    w.export_action = make_action(w, tr("Ekspor PDF…"), w.export_pdf, "Ctrl+E",
                                  tr("Buat berkas PDF inovasi beserta bukti dukungnya"), "ekspor-pdf",
                                  tr("Ekspor PDF"))
    w.print_action = make_action(w, tr("Cetak berkas…"), w.print_selected, key.Print,
                                 tr("Cetak berkas inovasi terpilih tanpa membuka pratinjau"), "cetak",
                                 tr("Cetak"))
    w.settings_action = make_action(w, tr("Organisasi…"), w.edit_organisation, None,
                                    tr("Ubah data pemda, OPD, dan kepala OPD"), "organisasi", tr("Organisasi"))
    # -- backups (cadangan): ui/backup_ui.py
    w.backup_action = make_action(w, tr("Cadangkan ke…"), w.backup_to, None,
                                  tr("Simpan satu berkas cadangan berisi semua data dan bukti, misalnya di "
                                     "diska lepas"), "cadangkan")
    w.restore_backup_action = make_action(w, tr("Pulihkan dari cadangan…"), w.restore_from_backup, None,
                                          tr("Ganti data dengan isi berkas cadangan atau cadangan otomatis"),
                                          "pulihkan-cadangan")
    w.quit_action = make_action(w, tr("Keluar"), w.close, "Ctrl+Q", tr("Tutup aplikasi"), "keluar")

    w.find_action = make_action(w, tr("Cari"), w.focus_search, key.Find, tr("Cari di daftar inovasi"), "cari")
    w.duplicate_action = make_action(w, tr("Duplikat"), w.duplicate_selected, "Ctrl+D",
                                     tr("Salin inovasi terpilih"), "duplikat")
    w.delete_action = make_action(w, tr("Hapus…"), w.delete_selected, key.Delete,
                                  tr("Pindahkan inovasi terpilih ke tempat sampah"), "hapus", tr("Hapus"))
    w.bin_action = make_action(w, tr("Tempat sampah"), w.refresh, None,
                               tr("Tampilkan inovasi yang telah dihapus; pilih lalu Pulihkan"), "tempat-sampah")
    w.bin_action.setCheckable(True)
    w.restore_action = make_action(w, tr("Pulihkan"), w.restore_selected, None,
                                   tr("Kembalikan inovasi terpilih dari tempat sampah"), "pulihkan")
    w.save_action = make_action(w, tr("Simpan"), w.save_now, key.Save,
                                tr("Simpan sekarang; perubahan juga tersimpan otomatis"), "simpan")

    w.readiness_action = make_action(w, tr("Periksa kesiapan"), w.show_readiness, "Ctrl+K",
                                     tr("Buka langkah Kesiapan inovasi ini: semua temuan dan skornya"),
                                     "kesiapan", tr("Kesiapan"))
    w.carry_action = make_action(w, tr("Salin ke katalog lain…"), w.carry_over_selected, None,
                                 tr("Salin inovasi terpilih ke versi katalog lain, misalnya ke IID 2026"),
                                 "katalog-lain", tr("Ke katalog lain"))
    # -- portal upload package
    w.portal_action = make_action(w, tr("Paket unggah portal…"), w.portal_package, None,
                                  tr("Siapkan PDF bukti per indikator di bawah batas unggah, isian profil untuk "
                                     "disalin, dan daftar unggah portal IID"), "ekspor-pdf", tr("Paket portal"))
    # --
    # -- bundles (kiriman)
    w.send_action = make_action(w, tr("Kirim…"), w.send_bundle, "Ctrl+Shift+K",
                                tr("Kirim inovasi beserta bukti dukungnya ke flashdisk, lewat surel, atau ke folder"),
                                "kirim", tr("Kirim"))
    w.receive_action = make_action(w, tr("Terima kiriman…"), w.receive_bundle, None,
                                   tr("Terima kiriman (.inovasi) dari OPD lain: pratinjau dulu, lalu pilih"), "terima",
                                   tr("Terima"))
    w.received_dossier_action = make_action(
        w, tr("Lihat berkas PDF kiriman"), lambda: received_dossier.open_selected(w), None,
        tr("Buka berkas PDF (dossier) yang dikirim OPD bersama inovasi ini"), "ekspor-pdf")
    # -- monitoring (pemantauan)
    w.monitoring_action = make_action(w, tr("Pemantauan"), w.show_monitoring, "Ctrl+M",
                                      tr("Pantau inovasi setiap perangkat daerah, IID daerah, dan tindak lanjutnya"),
                                      "pemantauan")
    w.recap_action = make_action(w, tr("Buat rekap pemantauan…"), w.make_recap, None,
                                 tr("Laporan Pemantauan Inovasi Daerah sebagai PDF, XLSX, atau CSV"), "ekspor-pdf")
    w.spd_action = make_action(w, tr("Isian SPD…"), w.edit_spd, None,
                               tr("Isi indikator tingkat daerah (Satuan Pemerintahan Daerah)"), "isian-spd")
    w.opd_list_action = make_action(w, tr("Daftar perangkat daerah…"), w.edit_opd_list, None,
                                    tr("Ubah, impor, atau mulai dari templat daftar perangkat daerah"), "daftar-opd")
    # --
    w.back_action = make_action(w, tr("Kembali ke daftar"), w.go_back, "Esc",
                                tr("Kembali ke daftar inovasi; perubahan tersimpan otomatis"), "kembali")

    w.help_action = make_action(w, tr("Panduan"), w.show_guide, "F1",
                                tr("Panduan penggunaan; di halaman indikator langsung ke indikator itu"), "panduan")
    w.example_action = make_action(w, tr("Muat contoh"), w.load_example, None,
                                   tr("Muat contoh inovasi yang sudah terisi lengkap"), "contoh")
    w.about_action = make_action(w, tr("Tentang Inovasi Desktop"), w.show_about, None,
                                 tr("Versi, katalog, folder data, dan lisensi"), "tentang")

    for action in (w.back_action, w.find_action, w.save_action, w.help_action):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    menus = w.menuBar()
    _menu(menus, "fileMenu", tr("&Berkas"), w.new_action, w.open_action, None, w.export_action, w.print_action, None,
          w.send_action, w.receive_action, None, w.settings_action, None, w.backup_action, w.restore_backup_action,
          None, w.quit_action)
    _menu(menus, "editMenu", tr("&Sunting"), w.find_action, None, w.duplicate_action, w.delete_action, None,
          w.bin_action, w.restore_action, None, w.save_action)
    _menu(menus, "innovationMenu", tr("&Inovasi"), w.readiness_action, w.carry_action, None, w.portal_action, None,
          w.back_action)
    _menu(menus, "monitoringMenu", tr("&Pemantauan"), w.monitoring_action, None, w.spd_action, w.opd_list_action,
          None, w.recap_action)
    _menu(menus, "helpMenu", tr("Ban&tuan"), w.help_action, w.example_action, None, w.about_action)

    toolbar = QToolBar(tr("Alat"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(24, 24))
    # Text beside the icon keeps the bar 39 px high (57 with text under it), which a 768-pixel screen needs;
    # it is ~1,000 px wide. "Salin ke katalog lain" (once a year) stays in the Inovasi menu.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (w.new_action, w.open_action, w.duplicate_action, w.delete_action, None,
                   w.export_action, w.print_action, w.readiness_action, None, w.bin_action, w.restore_action, None,
                   w.monitoring_action, w.settings_action, w.help_action):
        if action is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(action)
    w.addToolBar(toolbar)
    w.toolbar = toolbar
    _list_context_menu(w)


def _list_context_menu(w: QMainWindow) -> None:
    """Right click on the innovation list: the actions on the selected innovations."""
    table = w.list_view.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    menu = QMenu(table)
    menu.setObjectName("listContextMenu")
    for action in (w.open_action, w.received_dossier_action, None, w.export_action, w.print_action, w.portal_action,
                   w.send_action, None, w.duplicate_action, w.delete_action):
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    w.list_menu = menu

    def show(pos) -> None:
        if not w.bin_action.isChecked() and table.indexAt(pos).isValid():
            w.received_dossier_action.setVisible(received_dossier.selected_dossier(w) is not None)
            menu.popup(table.viewport().mapToGlobal(pos))

    table.customContextMenuRequested.connect(show)


def _menu(menus, name: str, title: str, *actions: QAction | None) -> QMenu:
    menu = menus.addMenu(title)
    menu.setObjectName(name)
    menu.setToolTipsVisible(True)
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu
