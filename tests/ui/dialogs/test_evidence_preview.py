"""The evidence preview: the details pane takes a share of the width and the dialog fits the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from inovasi_desktop.domain import EvidenceItem


def test_details_take_a_share_and_the_preview_fits_the_screen(qtbot, files):
    from inovasi_desktop.ui.dialogs.evidence_preview import EvidencePreviewDialog

    path = files.text_pdf()
    item = EvidenceItem(tentang="Surat Keputusan Tim Inovasi", file_name=path.name, media_type="application/pdf")
    dialog = EvidencePreviewDialog(item, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= available.width()
    assert dialog.frameGeometry().height() <= available.height()
    details = dialog.findChild(QLabel, "previewDetails").parentWidget()
    em = dialog.fontMetrics().horizontalAdvance("M")
    for width in (1180, 900, 640):
        dialog.resize(width, 500)
        qtbot.waitUntil(lambda width=width: abs(dialog.width() - width) < 5)
        splitter = dialog.pdf.parentWidget()
        total = sum(splitter.sizes())
        assert details.width() <= min(0.25 * total, 26 * em) + 1
        assert details.width() >= min(10 * em, total // 2) - 1
        assert dialog.pdf.width() >= total - details.width() - 1
    dialog.reject()
