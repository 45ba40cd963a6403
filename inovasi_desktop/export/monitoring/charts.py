"""The monitoring charts, defined once as reportlab Drawings: drawn natively in the recap PDF and turned into
SVG for the window (QtSvg), so screen and paper always agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import shapes
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from inovasi_desktop.catalogue.model import Predicate
from inovasi_desktop.export.dossier.fonts import BOLD, REGULAR, register_fonts
from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.monitoring import TAHAPAN, OpdRow

TAHAPAN_COLOURS = (colors.HexColor("#9bbbd9"), colors.HexColor("#e6b35c"), colors.HexColor("#3d7a4a"))
CLAIMED_COLOUR = colors.HexColor("#b8c4d6")
BACKED_COLOUR = colors.HexColor("#1f4e79")
BAND_COLOURS = (colors.HexColor("#2e7d32"), colors.HexColor("#9ccc65"), colors.HexColor("#ffcc80"),
                colors.HexColor("#e0e0e0"))
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
LABEL_WIDTH = 150.0
FONT_SIZE = 7.0


def _canvas(width: float, height: float) -> Drawing:
    """A drawing with a white ground (an SVG is otherwise transparent, and dark on a dark screen)."""
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    return d


def _fonts() -> None:
    """Our embedded font, also as the drawings' starting font (reportlab's default, Helvetica, is not embedded)."""
    shapes.STATE_DEFAULTS["fontName"] = register_fonts()


def _clip(text: str, width: float, size: float = FONT_SIZE) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, REGULAR, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", REGULAR, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _legend(drawing: Drawing, y: float, items: Sequence[tuple[str, colors.Color]], x: float = LABEL_WIDTH) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for label, colour in items:
        drawing.add(Rect(x, y, 8, 8, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 11, y + 1, label, fontName=REGULAR, fontSize=FONT_SIZE + 0.5, fillColor=INK))
        x += 22 + stringWidth(label, REGULAR, FONT_SIZE + 0.5)


def _row_height(count: int, max_height: float) -> float:
    return max(7.0, min(14.0, (max_height - 40) / max(count, 1)))


def tahapan_chart(opds: Sequence[OpdRow], width: float, max_height: float = 620) -> Drawing:
    """Innovations per OPD, stacked by tahapan (inisiatif, uji coba, penerapan)."""
    _fonts()
    rows = list(opds)
    step = _row_height(len(rows), max_height)
    height = 30 + step * len(rows) + 16
    d = _canvas(width, height)
    top = height - 30
    biggest = max((o.count for o in rows), default=0) or 1
    scale = (width - LABEL_WIDTH - 30) / biggest
    _legend(d, height - 12, list(zip(TAHAPAN, TAHAPAN_COLOURS, strict=True)))
    for i, row in enumerate(rows):
        y = top - (i + 1) * step
        label = _clip(row.name, LABEL_WIDTH - 6)
        d.add(String(LABEL_WIDTH - 4, y + step * 0.25, label, fontName=BOLD if not row.count else REGULAR,
                     fontSize=min(FONT_SIZE, step * 0.8), fillColor=colors.HexColor("#a11d1d") if not row.count
                     else INK, textAnchor="end"))
        x = LABEL_WIDTH
        for tahapan, colour in zip(TAHAPAN, TAHAPAN_COLOURS, strict=True):
            n = row.tahapan.get(tahapan, 0)
            if n:
                d.add(Rect(x, y + step * 0.15, n * scale, step * 0.7, fillColor=colour, strokeColor=None))
                x += n * scale
        other = row.count - sum(row.tahapan.get(t, 0) for t in TAHAPAN)
        if other:
            d.add(Rect(x, y + step * 0.15, other * scale, step * 0.7, fillColor=colors.HexColor("#cccccc"),
                       strokeColor=None))
            x += other * scale
        d.add(String(x + 3, y + step * 0.25, str(row.count) if row.count else "belum ada inovasi",
                     fontName=REGULAR, fontSize=min(FONT_SIZE, step * 0.8), fillColor=MUTED))
    d.add(Line(LABEL_WIDTH, top, LABEL_WIDTH, top - step * len(rows), strokeColor=MUTED, strokeWidth=0.5))
    return d


def claimed_backed_chart(opds: Sequence[OpdRow], width: float, maximum: float, max_height: float = 620) -> Drawing:
    """Average SID score per OPD: claimed (light) behind evidence-backed (dark), on the 0..maximum scale."""
    _fonts()
    rows = [o for o in opds if o.count]
    step = _row_height(len(rows), max_height)
    height = 30 + step * len(rows) + 16
    d = _canvas(width, height)
    top = height - 30
    scale = (width - LABEL_WIDTH - 40) / (maximum or 1)
    _legend(d, height - 12, [("Rata-rata skor diklaim", CLAIMED_COLOUR), ("Rata-rata skor didukung bukti",
                                                                          BACKED_COLOUR)])
    for i, row in enumerate(rows):
        y = top - (i + 1) * step
        d.add(String(LABEL_WIDTH - 4, y + step * 0.25, _clip(row.name, LABEL_WIDTH - 6), fontName=REGULAR,
                     fontSize=min(FONT_SIZE, step * 0.8), fillColor=INK, textAnchor="end"))
        d.add(Rect(LABEL_WIDTH, y + step * 0.1, row.claimed_average * scale, step * 0.8, fillColor=CLAIMED_COLOUR,
                   strokeColor=None))
        d.add(Rect(LABEL_WIDTH, y + step * 0.3, row.backed_average * scale, step * 0.4, fillColor=BACKED_COLOUR,
                   strokeColor=None))
        d.add(String(LABEL_WIDTH + row.claimed_average * scale + 3, y + step * 0.25,
                     f"{format_number_id(row.backed_average, 1)} / {format_number_id(row.claimed_average, 1)}",
                     fontName=REGULAR, fontSize=min(FONT_SIZE, step * 0.8), fillColor=MUTED))
    bottom = top - step * len(rows)
    d.add(Line(LABEL_WIDTH, top, LABEL_WIDTH, bottom, strokeColor=MUTED, strokeWidth=0.5))
    for tick in range(0, int(maximum) + 1, 20):
        d.add(String(LABEL_WIDTH + tick * scale, bottom - 9, str(tick), fontName=REGULAR, fontSize=6,
                     fillColor=MUTED, textAnchor="middle"))
    return d


def iid_chart(predicates: Sequence[Predicate], claimed: float, backed: float, width: float) -> Drawing:
    """The regional IID on its 0..100 scale with the predicate bands; markers for claimed and backed."""
    _fonts()
    height = 100.0
    d = _canvas(width, height)
    left, right = 10.0, width - 10.0
    scale = (right - left) / 100
    bar_y, bar_h = 56.0, 18.0
    bands = sorted(predicates, key=lambda p: p.min_iid, reverse=True)
    upper = 100.0
    for band, colour in zip(bands, BAND_COLOURS, strict=False):
        start = max(band.min_iid, 0.0)
        if (upper - start) * scale >= 4:  # a band of a point (0 = "cannot be assessed") gets no label
            d.add(Rect(left + start * scale, bar_y, (upper - start) * scale, bar_h, fillColor=colour,
                       strokeColor=colors.white, strokeWidth=0.5))
            d.add(String(left + (start + upper) / 2 * scale, bar_y + bar_h + 4, band.label, fontName=REGULAR,
                         fontSize=7.5, fillColor=INK, textAnchor="middle"))
            d.add(String(left + start * scale, bar_y - 9, format_number_id(band.min_iid), fontName=REGULAR,
                         fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
        upper = start
    d.add(String(right, bar_y - 9, "100", fontName=REGULAR, fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
    for value, label, colour, y in ((backed, "didukung bukti", BACKED_COLOUR, 24.0),
                                    (claimed, "menurut klaim", CLAIMED_COLOUR, 6.0)):
        x = left + max(0.0, min(100.0, value)) * scale
        d.add(Line(x, y + 8, x, bar_y + bar_h, strokeColor=INK, strokeWidth=1.2))
        d.add(Rect(x - 4, y + 4, 8, 8, fillColor=colour, strokeColor=INK, strokeWidth=0.5))
        anchor = "end" if x > width * 0.7 else "start"
        d.add(String(x + (-7 if anchor == "end" else 7), y + 5, f"IID {label}: {format_number_id(value)}",
                     fontName=BOLD, fontSize=8, fillColor=INK, textAnchor=anchor))
    return d


def to_svg(drawing: Drawing) -> bytes:
    """The drawing as SVG (for the window; the PDF draws the Drawing itself)."""
    from reportlab.graphics import renderSVG

    return renderSVG.drawToString(drawing).encode("utf-8")
