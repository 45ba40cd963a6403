"""Each indicator page shows the evidence period the backed score counts (T-1 and T-2 for the "last two
years" indicators of the standard), and the readiness step says why an item out of it does not count."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def _texts(page) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel))


def test_indicator_pages_show_the_period_that_is_counted(window):
    window.new_action.trigger()
    editor = window.editor
    keys = {i.key: i.number for i in editor.catalogue.indicators}
    editor.view.show_step(f"indikator:{keys['aktor']}")
    aktor = _texts(editor.view.pages[f"indikator:{keys['aktor']}"])
    assert "Periode bukti yang dihitung: 1 Januari 2024 s.d. 31 Desember 2025." in aktor
    editor.view.show_step(f"indikator:{keys['anggaran']}")
    anggaran = _texts(editor.view.pages[f"indikator:{keys['anggaran']}"])
    assert "Periode bukti yang dihitung: 1 Januari 2024 s.d. 31 Desember 2026." in anggaran
