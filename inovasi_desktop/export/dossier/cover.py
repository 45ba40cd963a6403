"""The cover (letterhead, title, key facts, status) and the lembar pengesahan (signature block)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from inovasi_desktop.export.dossier.context import Context
from inovasi_desktop.export.dossier.fonts import REGULAR
from inovasi_desktop.export.dossier.front_matter import Heading
from inovasi_desktop.export.dossier.styles import (
    BAD,
    CONTENT_WIDTH,
    OK,
    RULE,
    coloured,
    plain_table_style,
    styles,
    text,
)
from inovasi_desktop.export.dossier.texts import (
    BLANK,
    DOSSIER_TITLE,
    EMPTY,
    day,
    head_position,
    number,
    pemda_heading,
)
from inovasi_desktop.rules.format import format_nip


def letterhead(ctx: Context) -> list:
    s = styles()
    opd = ctx.organisation.opd.strip()
    flow = [Paragraph(text(pemda_heading(ctx.organisation)), s["kop1"])]
    if opd:
        flow.append(Paragraph(text(opd.upper()), s["kop2"]))
    if ctx.organisation.provinsi.strip():
        flow.append(Paragraph(text(f"Provinsi {ctx.organisation.provinsi.strip()}"), s["kop3"]))
    flow += [Spacer(1, 2.5 * mm), HRFlowable(width="100%", thickness=2.2, color=RULE, spaceAfter=1),
             HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=0)]
    return flow


def facts_table(rows: list[tuple[str, str]], label_width: float, width: float = CONTENT_WIDTH,
                style: str = "value") -> Table:
    s = styles()
    data = [[Paragraph(text(label), s[style]), Paragraph(":", s[style]), Paragraph(text(value), s[style])]
            for label, value in rows]
    return Table(data, colWidths=[label_width, 5 * mm, width - label_width - 5 * mm], style=plain_table_style())


def status_box(ctx: Context) -> Table:
    s = styles()
    colour = OK if ctx.ready else BAD
    detail = ("Seluruh syarat kelengkapan terpenuhi; berkas siap dikirim." if ctx.ready else
              f"Belum siap dikirim: masih ada {ctx.readiness.errors} galat yang harus diperbaiki.")
    box = Table([[Paragraph(coloured(f"STATUS: {ctx.status}", colour), s["status"])],
                 [Paragraph(text(detail), s["center"])]], colWidths=[120 * mm])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("BOX", (0, 0), (-1, -1), 1.4, colour),
                             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return box


def cover(ctx: Context) -> list:
    s, catalogue, org = styles(), ctx.catalogue, ctx.organisation
    facts = [("Pemerintah daerah", org.pemda.strip() or EMPTY), ("Perangkat daerah", org.opd.strip() or EMPTY),
             ("Tahun penilaian", str(catalogue.year)), ("Katalog penilaian", f"{catalogue.title} ({catalogue.id})"),
             ("Tanggal dokumen", day(ctx.source.generated_on)), ("ID berkas", ctx.dossier_id)]
    table = facts_table(facts, 42 * mm, width=130 * mm)
    table.hAlign = "CENTER"
    box = status_box(ctx)
    box.hAlign = "CENTER"
    return [
        *letterhead(ctx), Spacer(1, 38 * mm),
        Paragraph(DOSSIER_TITLE, s["title"]), Spacer(1, 3 * mm),
        Paragraph(text(catalogue.title), s["subtitle"]), Spacer(1, 16 * mm),
        Paragraph("Nama Inovasi:", s["center"]), Spacer(1, 2 * mm),
        Paragraph(text(ctx.innovation_name), s["name"]), Spacer(1, 22 * mm),
        table, Spacer(1, 16 * mm), box,
        NextPageTemplate("body"), PageBreak(),
    ]


def _pemda_line(org) -> list:
    """The pemda under the position, unless the position already names it."""
    pemda = org.pemda.strip()
    if not pemda or pemda.lower() in head_position(org).lower():
        return []
    return [Paragraph(text(pemda), styles()["body"])]


def approval(ctx: Context) -> list:
    s, catalogue, org, score = styles(), ctx.catalogue, ctx.organisation, ctx.score
    place = ctx.source.place.strip() or "." * 20
    intro = (f"Berkas inovasi daerah ini disusun untuk penilaian {catalogue.title} dan memuat profil inovasi, "
             "jawaban indikator Satuan Inovasi Daerah (SID) beserta bukti dukungnya.")
    facts = [("Nama inovasi", ctx.innovation_name), ("Perangkat daerah", org.opd.strip() or EMPTY),
             ("Pemerintah daerah", org.pemda.strip() or EMPTY),
             ("Skor SID mandiri", f"{number(score.claimed)} dari {number(score.maximum)} (diklaim); "
                                  f"{number(score.backed)} didukung bukti"),
             ("Status kesiapan", f"{ctx.status} \u2014 {ctx.readiness.label}"), ("ID berkas", ctx.dossier_id)]
    statement = ("Dengan ini kami menyatakan bahwa data dan bukti dukung dalam berkas ini benar, sesuai dengan "
                 "keadaan sebenarnya, dan dapat dipertanggungjawabkan.")
    signature = [
        Paragraph(text(f"{place}, {day(ctx.source.generated_on)}"), s["body"]),
        Paragraph(text(head_position(org)), s["body"]),
        *_pemda_line(org),
        Spacer(1, 24 * mm),
        Paragraph(f"<u>{text(org.head_name.strip())}</u>" if org.head_name.strip() else BLANK, s["label"]),
        Paragraph(text(f"NIP. {format_nip(org.head_nip)}" if org.head_nip.strip() else f"NIP. {BLANK[:26]}"),
                  s["body"]),
    ]
    block = Table([["", signature]], colWidths=[CONTENT_WIDTH - 78 * mm, 78 * mm], style=plain_table_style())
    return [
        Heading("LEMBAR PENGESAHAN", s["h1"], "Lembar Pengesahan"), Spacer(1, 4 * mm),
        Paragraph(text(intro), s["justify"]), Spacer(1, 5 * mm),
        facts_table(facts, 42 * mm), Spacer(1, 7 * mm),
        Paragraph(text(statement), s["justify"]), Spacer(1, 12 * mm),
        block, PageBreak(),
    ]
