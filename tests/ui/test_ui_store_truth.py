"""At open, the list's readiness follows the evidence store: a stored file damaged behind the app's back
(even with its size and time kept) shows as a galat in the list once the background check has run."""

from __future__ import annotations

import os
import stat

from inovasi_desktop.services import innovation_evidence, innovations
from inovasi_desktop.ui.main_window import MainWindow


def test_list_shows_a_damaged_stored_file_after_the_background_check(qtbot, workspace, files):
    innovation = innovations.create(workspace, "iid-2026")
    [item] = innovation_evidence.add_files(workspace, innovation.id, 2, [files.text_pdf("SK.pdf")]).outcome.items
    errors = next(r for r in innovations.list_rows(workspace) if r.id == innovation.id).errors
    path = workspace.evidence_store.path_for(item.sha256)
    info = path.stat()
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[40:44] = b"RUSK"
    path.write_bytes(bytes(data))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # size and time as before: only a re-hash sees it
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.load()
    row = lambda: next(r for r in window.list_view.model.rows if r.id == innovation.id)  # noqa: E731
    qtbot.waitUntil(lambda: row().errors == errors + 1, timeout=10_000)
    assert row().errors == innovations.check(workspace, innovation.id)[1].errors
    window.close()
