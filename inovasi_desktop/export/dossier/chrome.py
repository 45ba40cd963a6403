"""What every page carries: the running header of generated pages, and the footer and DRAFT
watermark stamped onto every page of the assembled dossier (evidence pages included).

The footer sits in a band at the bottom (`FOOTER_BAND`) that nothing else uses: generated pages
keep a larger bottom margin and foreign evidence pages are scaled to fit above it, so the footer
never hides content. The watermark is translucent, so it marks a page without hiding it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from inovasi_desktop.export.dossier.fonts import BOLD, REGULAR, register_fonts
from inovasi_desktop.export.dossier.styles import FOOTER_BAND, MARGIN_LEFT, MARGIN_RIGHT, MUTED, RULE

_WATERMARK_GREY = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class FooterText:
    dossier_id: str
    catalogue_id: str
    draft: bool

    def left(self) -> str:
        return f"ID berkas {self.dossier_id} \u00b7 Katalog {self.catalogue_id}"


def new_canvas(stream: io.BytesIO, pagesize: tuple[float, float]) -> Canvas:
    """A reportlab canvas with the house settings: embedded DejaVu from the start, fixed dates and id."""
    font = register_fonts()
    return Canvas(stream, pagesize=pagesize, initialFontName=font, initialFontSize=10, invariant=1,
                  pageCompression=1)


def draw_running_header(canvas: Canvas, left: str, right: str) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    baseline = height - 13 * mm
    room = width - MARGIN_LEFT - MARGIN_RIGHT - canvas.stringWidth(right, REGULAR, 7.5) - 8 * mm
    canvas.drawString(MARGIN_LEFT, baseline, _clip(canvas, left, REGULAR, 7.5, room))
    canvas.drawRightString(width - MARGIN_RIGHT, baseline, right)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_LEFT, baseline - 2.2 * mm, width - MARGIN_RIGHT, baseline - 2.2 * mm)
    canvas.restoreState()


def footer_overlay(sizes: list[tuple[float, float]], text: FooterText) -> bytes:
    """One overlay page per dossier page (same size): footer line, page X of Y, and the watermark."""
    out = io.BytesIO()
    canvas = new_canvas(out, sizes[0] if sizes else (595.0, 842.0))
    total = len(sizes)
    for number, size in enumerate(sizes, start=1):
        canvas.setPageSize(size)
        if text.draft:
            _draw_watermark(canvas, *size)
        draw_footer(canvas, size[0], text.left(), f"Halaman {number} dari {total}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def draw_footer(canvas: Canvas, width: float, left: str, page_label: str) -> None:
    """The footer band of every page: a rule, `left` in grey and the page label in bold at the right."""
    canvas.saveState()
    top = FOOTER_BAND - 3.5 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_LEFT, top, width - MARGIN_RIGHT, top)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    baseline = top - 4 * mm
    canvas.drawString(MARGIN_LEFT, baseline, left)
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(colors.black)
    canvas.drawRightString(width - MARGIN_RIGHT, baseline, page_label)
    canvas.restoreState()


def _draw_watermark(canvas: Canvas, width: float, height: float) -> None:
    canvas.saveState()
    canvas.setFillColor(_WATERMARK_GREY)
    canvas.setFillAlpha(0.16)
    canvas.setFont(BOLD, min(width, height) * 0.26)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(54.7 if height > width else 35.3)  # along the page diagonal
    canvas.drawCentredString(0, -min(width, height) * 0.09, "DRAFT")
    canvas.restoreState()


def _clip(canvas: Canvas, value: str, font: str, size: float, width: float) -> str:
    """`value` shortened with an ellipsis to fit `width` points."""
    if canvas.stringWidth(value, font, size) <= width:
        return value
    while value and canvas.stringWidth(value + "\u2026", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "\u2026"
