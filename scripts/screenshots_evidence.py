"""Screenshots of the evidence screens: an indicator with several items (ok, warnings, a missing file),
the metadata dialog, the PDF and image previews, and the readiness step's store problems.

Run under Xvfb:
  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_evidence.py [OUT_DIR]
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("INOVASI_HOME", tempfile.mkdtemp(prefix="inovasi-shots-"))
os.environ.setdefault("INOVASI_NO_CRASH_DIALOG", "1")

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inovasi_desktop.domain import EvidenceItem  # noqa: E402
from inovasi_desktop.services import evidence, innovation_evidence, innovations, organisation  # noqa: E402
from inovasi_desktop.services.workspace import Workspace  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import DEMO_ORGANISATION, open_window, settle, start_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def wait_for(app: QApplication, condition, ms: int = 5000) -> None:
    for _ in range(ms // 50):
        if condition():
            return
        settle(app, 50)


def has_ink(image) -> bool:
    """Whether a grab shows rendered text (dark pixels), not only blank page and frame."""
    step = 7
    return any(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), step) for y in range(0, image.height(), step))


def add_demo_items(ws: Workspace, innovation_id: str, folder: Path) -> None:
    """On indicator 4: a photo over the size cap, a PDF dated outside the period, and a missing file."""
    photo = folder / "Foto-Alat-Kerja-Puskesmas.jpg"
    noise = Image.effect_noise((2600, 1950), 60).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)
    photo.write_bytes(buffer.getvalue())
    innovation_evidence.add_files(ws, innovation_id, 4, [photo], evidence.Metadata(
        "BD-04B/SPB/2025", date(2025, 3, 20), "Foto perangkat penimbangan digital di Puskesmas Sooko"))
    sop = ROOT / "examples" / "bukti" / "SOP-Pemantauan-Tumbuh-Kembang.pdf"
    innovation_evidence.add_files(ws, innovation_id, 4, [sop],
                                  evidence.Metadata("000.8.3.3/02/416-109/2023", date(2023, 3, 1),
                                                    "SOP lama penggunaan alat ukur antropometri"))
    innovation = innovations.get(ws, innovation_id)
    innovation.answers[4].evidence.append(EvidenceItem(
        nomor="BD-04C/SPB/2025", tanggal=date(2025, 5, 2), tentang="Daftar inventaris alat kerja (dari berkas JSON)",
        sha256=hashlib.sha256(b"tidak ada di penyimpanan").hexdigest(), file_name="Inventaris-Alat.pdf",
        size=182_000, media_type="application/pdf"))
    innovations.save(ws, innovation)


def main() -> int:
    app, out = start_app()
    ws = Workspace()
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    add_demo_items(ws, example.id, Path(tempfile.mkdtemp(prefix="inovasi-sumber-")))
    window = open_window(app, ws)
    window.open_innovation(example.id, "indikator:4")
    settle(app, 300)
    view = window.editor.view
    page = view.pages["indikator:4"]
    view.scroll_to(page.evidence)
    settle(app)
    window.grab().save(str(out / "20-bukti-indikator.png"))
    page.grab().save(str(out / "21-bukti-halaman-penuh.png"))

    panel = page.evidence
    panel.rows[0].action.emit("edit", panel.rows[0].item.id)
    settle(app)
    panel.metadata_dialog.grab().save(str(out / "22-keterangan-bukti.png"))
    panel.metadata_dialog.reject()

    view.show_step("indikator:1")
    settle(app)
    first = view.pages["indikator:1"].evidence
    first.preview_item(first.items[0])
    preview = first.preview
    wait_for(app, lambda: has_ink(preview.pdf.view.grab().toImage()))
    settle(app, 300)
    preview.grab().save(str(out / "23-pratinjau-pdf.png"))
    preview.accept()

    view.show_step("indikator:10")
    settle(app)
    tenth = view.pages["indikator:10"].evidence
    tenth.preview_item(tenth.items[0])
    settle(app, 400)
    tenth.preview.grab().save(str(out / "24-pratinjau-gambar.png"))
    tenth.preview.accept()

    view.show_step("kesiapan")
    settle(app)
    window.grab().save(str(out / "25-kesiapan-berkas.png"))
    window.close()
    ws.close()
    print(f"Tangkapan layar bukti disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
