"""Screenshots of the portal upload package: the list's context menu, the dialog before and after,
and the package's two HTML pages as Qt renders them (QTextBrowser; no web engine here).

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_portal.py [OUT_DIR]
The package itself is left in OUT_DIR/paket for `pdftoppm`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

# screenshots sets up a throw-away data folder before the workspace opens
from screenshots import DEMO_ORGANISATION, open_window, screen, settle, start_app

from inovasi_desktop.services import innovations, organisation
from inovasi_desktop.services.workspace import Workspace


def main() -> int:
    app, out = start_app()
    ws = Workspace()
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    window = open_window(app, ws)
    window.list_view.select(example.id)
    settle(app)
    table = window.list_view.table
    pos = table.visualRect(table.model().index(0, 0)).center()
    table.customContextMenuRequested.emit(pos)
    settle(app)
    screen(app, out / "30-menu-konteks-daftar.png")
    window.list_menu.hide()

    window.portal_package()
    dialog = window.portal_dialog
    dialog.folder_edit.setText(str(out / "paket"))
    settle(app)
    screen(app, out / "31-paket-portal-dialog.png")
    dialog.make()
    settle(app, 250)
    screen(app, out / "32-paket-portal-proses.png")
    while dialog.pages.currentIndex() != 1 and dialog.message.isHidden():
        settle(app, 200)
    settle(app)
    screen(app, out / "33-paket-portal-hasil.png")
    dialog.accept()

    for n, name in ((34, "Isian Profil.html"), (35, "Daftar Unggah.html")):
        browser = QTextBrowser()
        browser.setSource(QUrl.fromLocalFile(str(out / "paket" / name)))
        browser.resize(1000, 740)
        browser.move(0, 0)
        browser.show()
        settle(app, 300)
        screen(app, out / f"{n}-{Path(name).stem.replace(' ', '-').lower()}.png")
        browser.close()
    window.close()
    ws.close()
    print(f"Tangkapan layar disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
