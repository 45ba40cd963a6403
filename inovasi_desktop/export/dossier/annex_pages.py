"""The generated annex pages, drawn on one reportlab canvas in block order: a separator page per
section, one page per image, and listing pages for links (with a QR code) and unprintable files."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer, Table

from inovasi_desktop.domain.model import Innovation
from inovasi_desktop.export.dossier.annex import IMAGE, LISTING, AnnexEntry, AnnexSection, Block
from inovasi_desktop.export.dossier.chrome import draw_running_header, new_canvas
from inovasi_desktop.export.dossier.fonts import REGULAR
from inovasi_desktop.export.dossier.images import PRINT, ImageSettings, ImageUnreadable, fit, prepare_image
from inovasi_desktop.export.dossier.model import DossierError
from inovasi_desktop.export.dossier.styles import (
    CONTENT_WIDTH,
    GRID,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    coloured,
    grid_table_style,
    plain_table_style,
    styles,
    text,
)
from inovasi_desktop.export.dossier.texts import (
    EMPTY,
    chosen_level,
    clip,
    day,
    evidence_facts,
    file_size,
    number,
)

_QR_SIZE = 30 * mm
_SEPARATOR_ROWS = 15  # evidence rows listed on a separator page; the rest are summarised
_FRAME_TOP = PAGE_HEIGHT - MARGIN_TOP
_FRAME_HEIGHT = _FRAME_TOP - MARGIN_BOTTOM


def render_annex_pages(blocks: list[Block], innovation: Innovation, header_left: str,
                       tick: Callable[[], None], images: ImageSettings = PRINT) -> bytes:
    """A PDF with one page per generated block (PDF blocks are skipped: they are the evidence itself);
    photos are re-encoded as `images` says."""
    out = io.BytesIO()
    canvas = new_canvas(out, (PAGE_WIDTH, PAGE_HEIGHT))
    for block in blocks:
        if block.kind == "pdf":
            continue
        tick()
        draw_running_header(canvas, header_left, "Lampiran")
        if block.kind == IMAGE:
            _image_page(canvas, block.section, block.entries[0], images)
        elif block.kind == LISTING:
            _listing_page(canvas, block.section, block.entries)
        else:
            _separator_page(canvas, block.section, innovation)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _fill(canvas: Canvas, flowables: list, top: float = _FRAME_TOP, height: float = _FRAME_HEIGHT) -> None:
    """Draw flowables from the top of the content area, shrunk if they would not fit."""
    frame = Frame(MARGIN_LEFT, top - height, CONTENT_WIDTH, height, 0, 0, 0, 0, showBoundary=0)
    frame.addFromList([KeepInFrame(CONTENT_WIDTH, height, flowables, mode="shrink")], canvas)


def _position(section: AnnexSection, entry: AnnexEntry) -> str:
    return f"Bukti dukung {section.entries.index(entry) + 1} dari {len(section.entries)}"


def _separator_page(canvas: Canvas, section: AnnexSection, innovation: Innovation) -> None:
    s = styles()
    room = 40 * mm if len(section.entries) <= 6 else 8 * mm  # a long list starts higher up
    flow: list = [Spacer(1, room), Paragraph(text(section.heading.upper()), s["kop2"]), Spacer(1, 4 * mm),
                  Paragraph(text(section.title), s["name"]), Spacer(1, 8 * mm)]
    indicator = section.indicator
    if indicator is not None:
        level, wording, _ = chosen_level(indicator, innovation)
        chosen = f"Tingkat {level.level}: {wording}" if level else "Belum dijawab"
        facts = [("Variabel", indicator.variable), ("Bobot", number(indicator.weight)),
                 ("Status", "Indikator wajib" if indicator.mandatory else "Indikator tidak wajib"),
                 ("Tingkat dipilih", chosen)]
        flow.append(_facts_table(facts, 32 * mm))
        flow.append(Spacer(1, 6 * mm))
    rows = [[Paragraph(h, s["cell_head"]) for h in ("No", "Nomor", "Tanggal", "Tentang / berkas", "Hlm.")]]
    for i, entry in enumerate(section.entries[:_SEPARATOR_ROWS], start=1):
        item = entry.item
        about = text(clip(item.tentang, 160) or EMPTY)
        source = item.link if item.is_link else item.file_name
        if source:
            about += "<br/>" + coloured(f'<font size="7.5">{text(clip(source, 70))}</font>', MUTED)
        rows.append([Paragraph(str(i), s["cell_center"]), Paragraph(text(clip(item.nomor, 60) or EMPTY), s["cell"]),
                     Paragraph(day(item.tanggal), s["cell"]), Paragraph(about, s["cell"]),
                     Paragraph(str(entry.page), s["cell_center"])])
    flow += [Paragraph("Daftar bukti dukung", s["h3"]),
             Table(rows, colWidths=[9 * mm, 38 * mm, 28 * mm, CONTENT_WIDTH - 90 * mm, 15 * mm],
                   style=grid_table_style(), repeatRows=1)]
    rest = section.entries[_SEPARATOR_ROWS:]
    if rest:
        flow.append(Paragraph(f"... dan {len(rest)} bukti dukung lainnya pada halaman {rest[0].page} s.d. "
                              f"{rest[-1].page}; daftar lengkapnya ada pada tabel indikator.", s["note"]))
    _fill(canvas, flow)


def _facts_table(facts: list[tuple[str, str]], label_width: float, style: str = "value") -> Table:
    s = styles()
    rows = [[Paragraph(text(label), s["label"] if style == "value" else s["cell_bold"]), Paragraph(":", s[style]),
             Paragraph(text(value), s[style])] for label, value in facts]
    return Table(rows, colWidths=[label_width, 4 * mm, CONTENT_WIDTH - label_width - 4 * mm],
                 style=plain_table_style(), hAlign="LEFT")


def _caption(section: AnnexSection, entry: AnnexEntry) -> list:
    s = styles()
    heading = f"{section.heading} \u00b7 {_position(section, entry)}"
    return [Paragraph(text(heading), s["h3"]), _facts_table(evidence_facts(entry.item), 22 * mm, "cell"),
            Spacer(1, 3 * mm)]


def _image_page(canvas: Canvas, section: AnnexSection, entry: AnnexEntry, images: ImageSettings) -> None:
    caption = KeepInFrame(CONTENT_WIDTH, 60 * mm, _caption(section, entry), mode="shrink")
    _, caption_height = caption.wrapOn(canvas, CONTENT_WIDTH, 60 * mm)
    caption.drawOn(canvas, MARGIN_LEFT, _FRAME_TOP - caption_height)
    box_w, box_h = CONTENT_WIDTH, _FRAME_HEIGHT - caption_height - 2 * mm
    try:
        image = prepare_image(entry.path, box_w, box_h, dpi=images.dpi, quality=images.quality)
    except ImageUnreadable:
        raise DossierError(f'Berkas gambar "{entry.display_name}" pada {entry.place} rusak atau tidak dapat '
                           "dibaca sehingga tidak dapat dilampirkan.") from None
    width, height = fit(image.width, image.height, box_w, box_h)
    x = MARGIN_LEFT + (box_w - width) / 2
    y = _FRAME_TOP - caption_height - 2 * mm - height
    canvas.drawImage(ImageReader(io.BytesIO(image.jpeg)), x, y, width, height)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.rect(x, y, width, height)


def _listing_page(canvas: Canvas, section: AnnexSection, entries: list[AnnexEntry]) -> None:
    s = styles()
    links = all(e.item.is_link for e in entries)
    title = "Bukti dukung berupa tautan" if links else "Bukti dukung yang tidak dapat dicetak"
    flow: list = [Paragraph(text(section.heading), s["h3"]), Paragraph(text(section.title), s["small_muted"]),
                  Spacer(1, 2 * mm), Paragraph(title, s["h2"])]
    rows = [[_listing_mark(entry), _listing_text(section, entry)] for entry in entries]
    flow.append(Table(rows, colWidths=[_QR_SIZE + 6 * mm, CONTENT_WIDTH - _QR_SIZE - 6 * mm],
                      style=grid_table_style(header_rows=0, extra=[("VALIGN", (0, 0), (0, -1), "MIDDLE"),
                                                                    ("BOX", (0, 0), (-1, -1), 0.8, RULE)])))
    if links:
        flow += [Spacer(1, 3 * mm), Paragraph("Pindai kode QR untuk membuka tautan.", s["note"])]
    _fill(canvas, flow)


def _listing_mark(entry: AnnexEntry):
    if entry.item.is_link:
        widget = QrCodeWidget(entry.item.link or "", barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(_QR_SIZE, _QR_SIZE, transform=[_QR_SIZE / (x1 - x0), 0, 0, _QR_SIZE / (y1 - y0), 0, 0],
                          initialFontName=REGULAR)  # else the drawing's start state names Helvetica
        drawing.add(widget)
        return drawing
    word = "Berkas tidak dapat dicetak" if entry.item.sha256 else "Berkas belum diunggah"
    return Paragraph(word, styles()["cell_center"])


def _listing_text(section: AnnexSection, entry: AnnexEntry) -> list:
    s, item = styles(), entry.item
    facts = evidence_facts(item)
    note = ""
    if item.sha256 and not item.is_link:
        facts += [("Jenis", item.media_type or "tidak dikenal"), ("Ukuran", file_size(item.size)),
                  ("SHA-256", item.sha256)]
        note = "Berkas ini disertakan dalam paket berkas digital, tidak dalam dokumen cetak."
    elif not item.is_link:
        note = "Berkas bukti dukung ini belum diunggah; hanya keterangannya yang tercatat."
    rows = [[Paragraph(text(label), s["cell_bold"]), Paragraph(text(value), s["cell"])] for label, value in facts]
    body: list = [Paragraph(text(_position(section, entry)), s["cell_bold"]), Spacer(1, 1.5 * mm),
                  Table(rows, colWidths=[20 * mm, CONTENT_WIDTH - _QR_SIZE - 36 * mm], style=plain_table_style())]
    if note:
        body.append(Paragraph(note, s["note"]))
    return body
