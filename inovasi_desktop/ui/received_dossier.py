"""'Lihat berkas PDF kiriman': the dossier PDF an OPD sent with an innovation's last bundle, in the app's preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from inovasi_desktop.services import bundles


def tr(text: str) -> str:
    return QApplication.translate("ReceivedDossier", text)


def selected_dossier(window) -> tuple[object, Path] | None:
    """(list row, PDF) of the one innovation selected in the list, when a dossier came with it."""
    ids = window.list_view.selected_ids()
    if len(ids) != 1 or window.bin_action.isChecked():
        return None
    path = bundles.received_dossier(window.workspace, ids[0])
    if path is None:
        return None
    return window.list_view.model.rows[window.list_view.model.row_of(ids[0])], path


def open_selected(window) -> None:
    from inovasi_desktop.ui.dialogs.dossier_preview import DossierPreviewDialog

    found = selected_dossier(window)
    if found is None:
        return
    row, path = found
    summary = tr("Berkas PDF yang dikirim {opd} bersama kiriman terakhir inovasi ini.").format(opd=row.opd or "OPD")
    window.received_preview = DossierPreviewDialog(path, summary, window, window.runner)
    window.received_preview.setWindowTitle(tr("Berkas PDF kiriman — {name}").format(name=row.name))
    window.received_preview.open()
