"""Screenshots of printing: the toolbar with "Cetak berkas…", the dossier preview and the print progress.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_printing.py [OUT_DIR]
Whole-screen grabs, so the preview is seen where it sits on a 1366x768 screen.
"""

from __future__ import annotations

import sys

from PySide6.QtPrintSupport import QPrinter

# screenshots sets up a throw-away data folder before the workspace opens
from screenshots import DEMO_ORGANISATION, open_window, screen, settle, start_app

from inovasi_desktop.services import dossier, innovations, organisation
from inovasi_desktop.services.workspace import Workspace


def main() -> int:
    app, out = start_app()
    ws = Workspace()
    organisation.save(ws, DEMO_ORGANISATION)
    example = innovations.import_example(ws)
    window = open_window(app, ws)
    window.list_view.select(example.id)
    settle(app)
    screen(app, out / "20-daftar-cetak.png")

    result = dossier.export_pdf(ws, example.id, out / "berkas.pdf")
    window._exported([result])  # the preview, as after "Ekspor PDF"
    preview = window.preview
    settle(app, 600)  # QPdfView renders asynchronously
    screen(app, out / "21-pratinjau.png")

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "cetak.pdf"))
    job = preview.print_to(printer)
    settle(app, 1500)
    screen(app, out / "22-mencetak.png")
    job.cancel()
    preview.accept()
    window.close()
    ws.close()
    print(f"Tangkapan layar disimpan di {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
