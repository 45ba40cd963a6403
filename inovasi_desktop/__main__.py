"""Entry point: the GUI with no arguments, the command line otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

OPENED_SUFFIXES = (".pdf", ".inovasi")  # files the installer lets Windows open with the app (app.open_document)

NO_DISPLAY_MESSAGE = """\
Inovasi Desktop memerlukan layar grafis, tetapi tidak ada layar yang terdeteksi
(variabel DISPLAY atau WAYLAND_DISPLAY kosong).

Cara menjalankannya:
  - di komputer dengan desktop: jalankan dari terminal di dalam sesi desktop;
  - di server tanpa layar: xvfb-run -a inovasi-desktop
  - tanpa jendela sama sekali: gunakan perintah baris, misalnya `inovasi-desktop --help`.
"""


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def document_to_open(args: list[str]) -> Path | None:
    """The one file the app is asked to open, a PDF dossier or a bundle (Windows "Open" / "Open with", a file
    dropped on the icon), if that is the call."""
    if len(args) == 1 and args[0].lower().endswith(OPENED_SUFFIXES):
        path = Path(args[0])
        return path if path.is_file() else None
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    document = document_to_open(args)
    if args and document is None:
        from inovasi_desktop.cli import main as cli_main

        return cli_main(args)
    if not _has_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return 2
    from inovasi_desktop.app import run_gui

    return run_gui(document)


if __name__ == "__main__":
    sys.exit(main())
