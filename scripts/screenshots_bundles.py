"""Screenshots of sending and receiving bundles: the Kirim… dialog on each target (USB stick, email,
folder), its result pages, and the receive preview with a conflict, a new innovation and a missing part.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_bundles.py [OUT_DIR]
A folder in OUT_DIR stands in for the USB stick; the mail program is not opened.
"""

from __future__ import annotations

import sys

# screenshots sets up a throw-away data folder before the workspace opens
from screenshots import DEMO_ORGANISATION, open_window, screen, settle, start_app

from inovasi_desktop.domain import Organisation
from inovasi_desktop.services import bundles, innovations, organisation
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.ui import removable_drives
from inovasi_desktop.ui.dialogs import send_bundle


def wait(app, done) -> None:
    while not done():
        settle(app, 100)
    settle(app)


def main() -> int:
    app, out = start_app()
    stick = out / "FLASHDISK"
    stick.mkdir(exist_ok=True)
    removable_drives.removable_drives = lambda: [removable_drives.Drive(stick, "FLASHDISK", 7_812_000_000)]
    send_bundle.open_url = lambda url: True
    ws = Workspace()
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    innovations.duplicate(ws, example.id)

    # The other side: Dinas Pendidikan sends two innovations; one of them also changed here since.
    sender = Workspace(home=out / "dinas-pendidikan")
    organisation.save(sender, Organisation(pemda=DEMO_ORGANISATION.pemda, opd="Dinas Pendidikan",
                                           head_name="Drs. Sugeng", head_nip="196801011990031005",
                                           default_catalogue="iid-2026"))
    theirs = innovations.import_example(sender)
    theirs_copy = innovations.duplicate(sender, theirs.id)
    first = out / "kiriman-1.inovasi"
    bundles.send(sender, [theirs.id], first)
    bundles.receive(ws, [first])
    ours = innovations.get(ws, theirs.id)
    ours.profile["nama_inovasi"] = "SI-PANTAU BALITA (diubah di Bappeda)"
    innovations.save(ws, ours)
    changed = innovations.get(sender, theirs.id)
    changed.profile["nama_inovasi"] = "SI-PANTAU BALITA versi 2026"
    innovations.save(sender, changed)
    parts = bundles.send(sender, [theirs.id, theirs_copy.id], out / "kiriman-2.inovasi", part_bytes=300_000).parts

    window = open_window(app, ws)
    window.list_view.select(example.id)
    settle(app)
    screen(app, out / "40-daftar-dengan-opd.png")

    window.receive_bundle([p.path for p in parts[:-1]])
    receive = window.receive_dialog
    wait(app, lambda: receive.message.isVisible() or receive.receive_button.isEnabled())
    screen(app, out / "46-terima-bagian-kurang.png")
    receive.add_paths([parts[-1].path])
    wait(app, lambda: receive.receive_button.isEnabled())
    screen(app, out / "47-terima-pratinjau.png")
    receive.receive()
    wait(app, lambda: receive.close_button.text() == "Tutup" or receive.message.isVisible())
    screen(app, out / "48-terima-selesai.png")
    receive.accept()
    settle(app)
    screen(app, out / "49-daftar-setelah-terima.png")
    window.send_bundle()
    dialog = window.send_dialog
    settle(app)
    screen(app, out / "41-kirim-flashdisk.png")
    dialog.target.button(send_bundle.EMAIL).setChecked(True)
    settle(app)
    screen(app, out / "42-kirim-surel.png")
    dialog.target.button(send_bundle.FOLDER).setChecked(True)
    settle(app)
    screen(app, out / "43-kirim-folder.png")
    dialog.target.button(send_bundle.USB).setChecked(True)
    dialog.send()
    wait(app, lambda: dialog.pages.currentIndex() == 1 or dialog.message.isVisible())
    screen(app, out / "44-kirim-flashdisk-selesai.png")
    dialog.accept()

    window.send_bundle()
    dialog = window.send_dialog
    dialog.target.button(send_bundle.EMAIL).setChecked(True)
    dialog.limit_combo.setCurrentIndex(0)
    dialog.mail_folder.setText(str(out / "surel"))
    real = bundles.part_bytes_for_mail
    bundles.part_bytes_for_mail = lambda mb: real(mb / 20) + 60 * 1024  # the example is small: scale down
    dialog.send()
    wait(app, lambda: dialog.pages.currentIndex() == 1 or dialog.message.isVisible())
    screen(app, out / "45-kirim-surel-selesai.png")
    dialog.accept()

    window.close()
    sender.close()
    ws.close()
    print(f"Tangkapan layar disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
