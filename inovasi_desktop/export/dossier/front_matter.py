"""The generated part before the annexes, laid out with reportlab platypus: cover, lembar
pengesahan, readiness, profile, uraian (rancang bangun, tujuan, ...) and the indicator table.

Headings are `Heading` paragraphs; the page each one lands on is recorded for the outline.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from inovasi_desktop.export.dossier.chrome import draw_running_header
from inovasi_desktop.export.dossier.fonts import register_fonts
from inovasi_desktop.export.dossier.styles import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)


class Heading(Paragraph):
    """A paragraph that also makes an outline entry (level 0 = a part of the dossier)."""

    def __init__(self, markup: str, style, outline: str, level: int = 0) -> None:
        super().__init__(markup, style)
        self.outline = outline
        self.level = level


@dataclass(frozen=True)
class Mark:
    title: str
    level: int
    page: int  # 0-based page index within the front matter


@dataclass(frozen=True)
class FrontMatter:
    pdf: bytes
    pages: int
    marks: tuple[Mark, ...]


class _Document(BaseDocTemplate):
    def __init__(self, stream: io.BytesIO, header_left: str, header_right: str) -> None:
        super().__init__(stream, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_LEFT,
                         rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                         initialFontName=register_fonts(), invariant=1, pageCompression=1)
        self.marks: list[Mark] = []
        cover = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_BOTTOM - 16 * mm,
                      0, 0, 0, 0, id="cover")
        body = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                     0, 0, 0, 0, id="body")

        def running_header(canvas, _doc) -> None:
            draw_running_header(canvas, header_left, header_right)

        self.addPageTemplates([PageTemplate("cover", [cover]),
                               PageTemplate("body", [body], onPage=running_header)])

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, Heading):
            self.marks.append(Mark(flowable.outline, flowable.level, self.page - 1))


def render_front_matter(story: list, header_left: str, header_right: str) -> FrontMatter:
    out = io.BytesIO()
    document = _Document(out, header_left, header_right)
    document.build(story)
    return FrontMatter(out.getvalue(), document.page, tuple(document.marks))
