"""Page geometry, colours, paragraph and table styles of the dossier: sober, A4, official."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from inovasi_desktop.export.dossier.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm  # wider binding margin, as on official letters
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
# The footer lives in this band at the bottom of every page; no content of ours, and no foreign
# evidence page (scaled to fit above it), is ever drawn inside it.
FOOTER_BAND = 14 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#404040")
GRID = colors.HexColor("#8c8c8c")
HEADER_FILL = colors.HexColor("#e4e8ee")
SHADE_FILL = colors.HexColor("#f3f4f6")
OK = colors.HexColor("#1d6b2f")
BAD = colors.HexColor("#a11d1d")
WARN = colors.HexColor("#8a5a00")

CHECK = "\u2713"  # check mark
CROSS = "\u2717"  # ballot x


def text(value: object) -> str:
    """Plain text made safe for a reportlab Paragraph (markup escaped, line breaks kept)."""
    return escape(str(value)).replace("\n", "<br/>")


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14, textColor=INK, alignment=TA_LEFT,
                          bulletFontName=REGULAR)

    def make(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "justify": make("justify", alignment=TA_JUSTIFY),
        "small": make("small", fontSize=8.5, leading=11),
        "small_muted": make("small_muted", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": make("cell", fontSize=8.5, leading=10.5),
        "cell_bold": make("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.5),
        "cell_center": make("cell_center", fontSize=8.5, leading=10.5, alignment=TA_CENTER),
        "cell_head": make("cell_head", fontName=BOLD, fontSize=8.5, leading=10.5, alignment=TA_CENTER),
        "label": make("label", fontName=BOLD, fontSize=9.5, leading=13),
        "value": make("value", fontSize=9.5, leading=13),
        "h1": make("h1", fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER, spaceAfter=10),
        "h2": make("h2", fontName=BOLD, fontSize=11, leading=15, spaceBefore=10, spaceAfter=5),
        "h3": make("h3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=7, spaceAfter=3),
        "note": make("note", fontName=ITALIC, fontSize=8.5, leading=11, textColor=MUTED),
        "kop1": make("kop1", fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER),
        "kop2": make("kop2", fontName=BOLD, fontSize=12.5, leading=16, alignment=TA_CENTER),
        "kop3": make("kop3", fontSize=9, leading=12, alignment=TA_CENTER, textColor=MUTED),
        "title": make("title", fontName=BOLD, fontSize=17, leading=22, alignment=TA_CENTER),
        "subtitle": make("subtitle", fontSize=11.5, leading=15, alignment=TA_CENTER),
        "name": make("name", fontName=BOLD, fontSize=15, leading=20, alignment=TA_CENTER),
        "center": make("center", alignment=TA_CENTER),
        "status": make("status", fontName=BOLD, fontSize=12, leading=16, alignment=TA_CENTER),
    }


def grid_table_style(header_rows: int = 1, extra: list | None = None) -> TableStyle:
    """Thin grid lines, a shaded header row, top-aligned cells: the look of a government form."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),  # plain-string cells; the default is Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
                     ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    return TableStyle(commands + (extra or []))


def plain_table_style() -> TableStyle:
    """No lines: label / colon / value rows (as on a cover or a letter)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])


def coloured(markup: str, colour: colors.Color) -> str:
    """Paragraph markup in another colour (table TEXTCOLOR does not reach into paragraphs)."""
    return f'<font color="#{colour.hexval()[2:]}">{markup}</font>'
