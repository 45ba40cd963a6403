"""Open the workspace at start-up; explain in place what stops it (never a traceback)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.services.workspace import Workspace


def open_workspace_or_explain() -> Workspace | None:
    workspace = Workspace()
    try:
        workspace.catalogues  # noqa: B018 - load and validate now, not on first use
        workspace.db  # noqa: B018
    except InovasiError as err:
        QMessageBox.critical(None, QApplication.translate("startup", "Inovasi Desktop tidak dapat dibuka"), str(err))
        return None
    return workspace
