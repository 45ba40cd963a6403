"""Take screenshots of every screen for a human to look at.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [OUT_DIR]
Uses a throw-away data folder with the example innovation loaded.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("INOVASI_HOME", tempfile.mkdtemp(prefix="inovasi-shots-"))
os.environ.setdefault("INOVASI_NO_CRASH_DIALOG", "1")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inovasi_desktop.domain import Organisation  # noqa: E402
from inovasi_desktop.services import innovations, organisation  # noqa: E402
from inovasi_desktop.services.workspace import Workspace  # noqa: E402
from inovasi_desktop.ui.language import install_indonesian  # noqa: E402
from inovasi_desktop.ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, ms: int = 150) -> None:
    """Let the event loop run for `ms`. A local loop: QApplication.quit() would close (hide) the windows in Qt 6,
    and hidden editor pages are not laid out or refreshed like the ones a person sees."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


DEMO_ORGANISATION = Organisation(
    pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina Oktaviani",
    head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
    head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    install_indonesian(app)
    ws = Workspace()
    window = MainWindow(ws)
    window.resize(1366, 768)
    window.show()
    window.load()
    settle(app)
    window.grab().save(str(out / "01-daftar-kosong.png"))
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    innovations.create(ws)
    window.refresh()
    settle(app)
    window.grab().save(str(out / "02-daftar.png"))
    window.open_innovation(example.id)
    view = window.editor.view
    for row, step in enumerate(view.steps):
        view.step_list.setCurrentRow(row)
        settle(app, 80)
        name = step.key.replace(":", "-")
        window.grab().save(str(out / f"10-langkah-{row:02d}-{name}.png"))
    window.close_editor()
    from inovasi_desktop.ui.dialogs.organisation import OrganisationDialog

    dialog = OrganisationDialog(ws, window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / "03-organisasi.png"))
    dialog.close()
    window.close()
    ws.close()
    print(f"Tangkapan layar disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
