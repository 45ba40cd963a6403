"""Screenshots of the Pemantauan page, its dialogs and the recap's pages, for a human to look at.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_monitoring.py [OUT_DIR]
Uses a throw-away data folder with 300 made-up innovations from 40 OPDs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fixtures"), str(ROOT / "scripts")]
os.environ.setdefault("INOVASI_HOME", tempfile.mkdtemp(prefix="inovasi-shots-"))
os.environ.setdefault("INOVASI_NO_CRASH_DIALOG", "1")

from region_data import build_region  # noqa: E402
from screenshots import open_window, screen, settle, start_app  # noqa: E402

from inovasi_desktop.domain import Organisation  # noqa: E402
from inovasi_desktop.services import monitoring, organisation, region_opds  # noqa: E402
from inovasi_desktop.services.workspace import Workspace  # noqa: E402
from inovasi_desktop.ui import gui_thread_gc  # noqa: E402


def main() -> int:
    app, out = start_app("artifacts/screenshots-monitoring")
    gui_thread_gc.install(app)
    ws = Workspace()
    organisation.save(ws, Organisation(
        pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Badan Perencanaan Pembangunan, Riset dan Inovasi "
        "Daerah", head_name="Ir. Siti Aminah, M.T.", head_nip="197203151998031007", head_position="Kepala Bappeda",
        default_catalogue="iid-2026", role="koordinator"))
    opds = build_region(ws, Path(os.environ["INOVASI_HOME"]), 300, 40)
    monitoring.opd_of = lambda innovation, org: opds[innovation.id]  # until innovations carry their OPD
    region_opds.save(ws, sorted(set(opds.values()))[1:] + ["Dinas Pariwisata", "Dinas Perikanan"])
    monitoring.save_spd_levels(ws, "iid-2026", {"1": 3, "2a": 3, "8": 3, "9": 2, "12": 2})
    window = open_window(app, ws)
    settle(app)
    window.show_monitoring()
    controller = window.monitoring
    while not (controller.loading.done and controller.drawing is not None and controller.drawing.done):
        settle(app, 100)
    window.activateWindow()
    page = controller.page
    for index, name in enumerate(("opd", "grafik", "tindak-lanjut", "rincian-iid")):
        page.tabs.setCurrentIndex(index)
        settle(app)
        window.grab().save(str(out / f"30-pemantauan-{name}.png"))
    page.tabs.setCurrentIndex(0)
    page.show_filter.setCurrentIndex(page.show_filter.findData("kosong"))
    settle(app)
    window.grab().save(str(out / "31-pemantauan-belum-berinovasi.png"))
    page.show_filter.setCurrentIndex(0)

    from inovasi_desktop.ui.monitoring.opd_list_dialog import OpdListDialog
    from inovasi_desktop.ui.monitoring.spd_dialog import SpdDialog

    spd = SpdDialog(ws, ws.catalogues.get("iid-2026"), window)
    spd.move(300, 40)
    spd.show()
    screen(app, out / "32-isian-spd.png")
    spd.close()
    opd_list = OpdListDialog(ws, window)
    opd_list.use_template()
    opd_list.move(360, 60)
    opd_list.show()
    screen(app, out / "33-daftar-perangkat-daerah-templat.png")
    opd_list.close()

    recap = out / "rekap.pdf"
    monitoring.write_recap(ws, recap, "Mojokerto")
    subprocess.run(["pdftoppm", "-r", "66", "-png", "-f", "1", "-l", "8", str(recap), str(out / "40-rekap")],
                   check=True)
    last = int(subprocess.run(["pdfinfo", str(recap)], capture_output=True, text=True).stdout.split("Pages:")[1]
               .split()[0])
    subprocess.run(["pdftoppm", "-r", "66", "-png", "-f", str(last - 1), "-l", str(last), str(recap),
                    str(out / "41-rekap-akhir")], check=True)
    window.close()
    ws.close()
    print(f"Tangkapan layar disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
