"""Put the dossier together with pikepdf: generated pages and evidence pages in order, the footer
and watermark overlay on every page, the outline, and deterministic metadata.

Foreign evidence pages are not copied as they stand: each is placed, as a form XObject, on a fresh
A4 page (portrait or landscape, as the evidence page is) inside the area above the footer band,
shrunk when needed (an A4 scan to about 95 %), never enlarged unless the page is tiny (under 5 cm,
an image converter's mistake, which would print as a dot). Their content stays untouched and
nothing of it is hidden by the footer, and the printed dossier is uniformly A4. The page's web links
are made again over where they land; the evidence file's own outline hangs under its bookmark.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date

import pikepdf
from pikepdf import Dictionary, Name, Rectangle, String

from inovasi_desktop.evidence.limits import TINY_PAGE_PT
from inovasi_desktop.export.dossier.annex import PDF, Block
from inovasi_desktop.export.dossier.chrome import FooterText, footer_overlay
from inovasi_desktop.export.dossier.context import Context
from inovasi_desktop.export.dossier.evidence_marks import SourceMark, link_annotation, read_outline, web_links
from inovasi_desktop.export.dossier.front_matter import FrontMatter
from inovasi_desktop.export.dossier.pdfa import all_fonts_embedded, mark_pdfa_2b
from inovasi_desktop.export.dossier.styles import FOOTER_BAND, PAGE_HEIGHT, PAGE_WIDTH
from inovasi_desktop.export.dossier.texts import evidence_line

PRODUCER = "Inovasi Desktop"
EVIDENCE_XOBJECT = Name("/InovasiBukti")  # resource names of a placed evidence page and of the footer stamp
FOOTER_XOBJECT = Name("/InovasiKaki")
LANGUAGE = "id-ID"


def assemble(ctx: Context, front: FrontMatter, annex_pdf: bytes, blocks: list[Block],
             evidence: dict[str, pikepdf.Pdf], tick: Callable[[], None], stack: ExitStack) -> pikepdf.Pdf:
    """The dossier as a pikepdf document. qpdf copies stream data lazily, so every source stays
    open (on `stack`) until the result is saved."""
    out = stack.enter_context(pikepdf.new())
    out.pages.extend(stack.enter_context(pikepdf.open(io.BytesIO(front.pdf))).pages)
    append_blocks(out, annex_pdf, blocks, evidence, tick, stack)
    _stamp_every_page(out, ctx, tick, stack)
    _write_outline(out, ctx, front, {sha256: read_outline(pdf) for sha256, pdf in evidence.items()})
    _write_metadata(out, ctx)
    return out


def append_blocks(out: pikepdf.Pdf, annex_pdf: bytes, blocks: list[Block], evidence: dict[str, pikepdf.Pdf],
                  tick: Callable[[], None], stack: ExitStack, band: float = FOOTER_BAND) -> None:
    """Append the annex blocks to `out` in order: generated pages from `annex_pdf` (one per non-PDF
    block, as `render_annex_pages` drew them) and every page of each evidence PDF, placed on A4 above `band`."""
    annex_pages = iter(stack.enter_context(pikepdf.open(io.BytesIO(annex_pdf))).pages)
    for block in blocks:
        if block.kind == PDF:
            for page in evidence[block.entries[0].item.sha256].pages:
                tick()
                _place_foreign(out, page, band)
        else:
            out.pages.append(next(annex_pages))


def _place_foreign(out: pikepdf.Pdf, page: pikepdf.Page, band: float = FOOTER_BAND) -> None:
    box = page.trimbox
    width, height = abs(float(box[2]) - float(box[0])), abs(float(box[3]) - float(box[1]))
    if int(page.obj.get(Name.Rotate, 0)) % 180:
        width, height = height, width
    size = (PAGE_HEIGHT, PAGE_WIDTH) if width > height else (PAGE_WIDTH, PAGE_HEIGHT)
    placed = out.add_blank_page(page_size=size)
    form = page.as_form_xobject()
    placement = _overlay(placed, form, EVIDENCE_XOBJECT, Rectangle(0, band, size[0], size[1]),
                         expand=max(width, height) < TINY_PAGE_PT)
    links = web_links(page)
    if links:
        matrix = _multiply(_matrix(form.get(Name.Matrix)), _placement_matrix(placement))
        placed.obj.Annots = out.make_indirect(pikepdf.Array(
            [out.make_indirect(link_annotation(_transform_rect(link.rect, matrix), link.uri)) for link in links]))


def _overlay(page: pikepdf.Page, form: pikepdf.Object, name: Name, rect: Rectangle, *, expand: bool = False) -> bytes:
    """Draw `form` over the page, fitted into `rect` (shrunk; enlarged only when `expand`). Like
    `Page.add_overlay`, but with a fixed resource name: pikepdf would pick a random one. Returns the
    placing operators."""
    page.add_resource(form, Name.XObject, name)
    placement = page.calc_form_xobject_placement(form, name, rect, allow_shrink=True, allow_expand=expand)
    page.contents_add(b"q\n", prepend=True)
    page.contents_add(b"Q\n" + placement)
    page.contents_coalesce()
    return placement


Matrix = tuple[float, float, float, float, float, float]
_CM = re.compile(rb"\s".join([rb"([-+0-9.eE]+)"] * 6) + rb"\s+cm")


def _matrix(value: object) -> Matrix:
    if isinstance(value, pikepdf.Array) and len(value) == 6:
        return tuple(float(v) for v in value)  # type: ignore[return-value]
    return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _placement_matrix(placement: bytes) -> Matrix:
    match = _CM.search(placement)
    return tuple(float(v) for v in match.groups()) if match else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # type: ignore


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix applying `first`, then `then` (PDF row-vector convention)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = then  # noqa: N806
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _transform_rect(rect: tuple[float, float, float, float], m: Matrix) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = rect
    points = [(x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]) for x in (x1, x2) for y in (y1, y2)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2))


def _stamp_every_page(out: pikepdf.Pdf, ctx: Context, tick: Callable[[], None], stack: ExitStack) -> None:
    sizes = [(float(p.mediabox[2]) - float(p.mediabox[0]), float(p.mediabox[3]) - float(p.mediabox[1]))
             for p in out.pages]
    footer = FooterText(ctx.dossier_id, ctx.catalogue.id, draft=not ctx.ready)
    overlay = stack.enter_context(pikepdf.open(io.BytesIO(footer_overlay(sizes, footer))))
    for page, stamp in zip(out.pages, overlay.pages, strict=True):
        tick()
        _overlay(page, stamp.as_form_xobject(), FOOTER_XOBJECT, Rectangle(page.mediabox))


def _write_outline(out: pikepdf.Pdf, ctx: Context, front: FrontMatter,
                   evidence_outlines: dict[str, list[SourceMark]]) -> None:
    def bookmark(title: str, page: int) -> pikepdf.OutlineItem:
        # An explicit /XYZ destination (top-left of the page, zoom kept): some readers (QtPdf/pdfium)
        # cannot read a location from /Fit destinations and warn about every bookmark.
        top = float(out.pages[page].mediabox[3])
        return pikepdf.OutlineItem(title, page, "XYZ", left=0, top=top, zoom=0)

    with out.open_outline() as outline:
        outline.root.append(bookmark("Sampul", 0))
        for mark in front.marks:
            item = bookmark(mark.title, mark.page)
            if mark.level == 0 or not outline.root:
                outline.root.append(item)
            else:
                outline.root[-1].children.append(item)
        if not ctx.sections:
            return
        annexes = bookmark("Lampiran Bukti Dukung", ctx.sections[0].page - 1)
        for section in ctx.sections:
            node = bookmark(f"{section.heading}: {section.title}", section.page - 1)
            for i, entry in enumerate(section.entries, start=1):
                item = bookmark(f"{i}. {evidence_line(entry.item)}", entry.page - 1)
                if entry.kind == PDF:
                    _nest(item, entry.page - 1, evidence_outlines.get(entry.item.sha256, []), entry.page - 1, bookmark)
                node.children.append(item)
            annexes.children.append(node)
        outline.root.append(annexes)
    out.Root.PageMode = Name.UseOutlines


def _nest(parent: pikepdf.OutlineItem, parent_page: int, marks: list[SourceMark], first_page: int,
          bookmark: Callable[[str, int], pikepdf.OutlineItem]) -> None:
    """The evidence file's own outline under its bookmark; an entry without a page of the file points
    where its parent does."""
    for mark in marks:
        page = first_page + mark.page if mark.page is not None else parent_page
        child = bookmark(mark.title, page)
        _nest(child, page, mark.children, first_page, bookmark)
        parent.children.append(child)


def pdf_date(day: date) -> str:
    return f"D:{day:%Y%m%d}000000Z"


def _write_metadata(out: pikepdf.Pdf, ctx: Context) -> None:
    org, catalogue = ctx.organisation, ctx.catalogue
    title = f"Berkas Inovasi Daerah: {ctx.innovation_name}"
    author = ", ".join(part for part in (org.opd.strip(), org.pemda.strip()) if part) or "Perangkat Daerah"
    subject = f"{catalogue.title} \u2014 berkas {ctx.status}"
    keywords = f"inovasi daerah; IID; {catalogue.id}; ID berkas {ctx.dossier_id}"
    stamp = pdf_date(ctx.source.generated_on)
    out.docinfo = out.make_indirect(Dictionary(Title=String(title), Author=String(author), Subject=String(subject),
                             Keywords=String(keywords), Creator=String(PRODUCER), Producer=String(PRODUCER),
                             CreationDate=String(stamp), ModDate=String(stamp)))
    out.Root.Lang = String(LANGUAGE)
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    iso = f"{ctx.source.generated_on:%Y-%m-%d}T00:00:00Z"
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:description"] = subject
        meta["dc:language"] = [LANGUAGE]
        meta["pdf:Keywords"] = keywords
        meta["pdf:Producer"] = PRODUCER
        meta["xmp:CreatorTool"] = PRODUCER
        meta["xmp:CreateDate"] = iso
        meta["xmp:ModifyDate"] = iso
        meta["xmp:MetadataDate"] = iso
        if all_fonts_embedded(out):
            mark_pdfa_2b(out, meta)
