"""The DejaVu Sans family, registered once with reportlab and embedded (subset) in every dossier."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FAMILY = {REGULAR: (0, 0), BOLD: (1, 0), ITALIC: (0, 1), BOLD_ITALIC: (1, 1)}


@cache
def register_fonts() -> str:
    """Register the family with reportlab (once per process); return the regular font's name."""
    folder = resources_dir() / "fonts"
    for name, (bold, italic) in _FAMILY.items():
        path = folder / f"{name}.ttf"
        if not path.is_file():
            raise InovasiError(f"Berkas huruf {path.name} tidak ditemukan di {folder}. Pasang ulang aplikasi.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, bold, italic, name)
    return REGULAR
