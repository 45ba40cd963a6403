"""*Laporan Pemantauan Inovasi Daerah*: the recap the head of the region reads (A4, the dossier's look).

Cover, summary (regional IID and predicate, claimed and backed, each term explained), charts, the per-OPD
table, every innovation with its readiness and score, the follow-up list per OPD, and the signature block of
the head of Bappeda. Page "X dari Y" on every page and an outline entry per part: laid out twice, the
second time knowing the page count.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from inovasi_desktop.atomic import atomic_file
from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export.dossier.chrome import draw_footer, draw_running_header
from inovasi_desktop.export.dossier.fonts import REGULAR, register_fonts
from inovasi_desktop.export.dossier.styles import (
    BAD,
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    OK,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    SHADE_FILL,
    coloured,
    grid_table_style,
    plain_table_style,
    styles,
    text,
)
from inovasi_desktop.export.monitoring import charts
from inovasi_desktop.export.monitoring.tables import (
    explained_terms,
    innovation_table,
    opd_table,
    recap_title,
)
from inovasi_desktop.rules.format import format_date_id, format_nip, format_number_id
from inovasi_desktop.rules.monitoring import RegionView

rl_config.useA85 = 0

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
FOLLOW_UP_PER_OPD = 15
_GOOD = ("Sangat Inovatif", "Inovatif")  # predicates shown with a green frame on the cover


class _Heading(Paragraph):
    def __init__(self, markup: str, style, outline: str, level: int = 0) -> None:
        super().__init__(markup, style)
        self.outline, self.level = outline, level


class _Document(BaseDocTemplate):
    def __init__(self, stream, view: RegionView, total_pages: int, cancelled: IsCancelled | None) -> None:
        super().__init__(stream, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_LEFT,
                         rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                         initialFontName=register_fonts(), invariant=1, pageCompression=1,
                         title=recap_title(view), author=view.organisation.opd or view.organisation.pemda,
                         subject="Laporan Pemantauan Inovasi Daerah", creator="Inovasi Desktop")
        self.total_pages, self.cancelled, self.marks = total_pages, cancelled, 0
        self.footer_left = f"Laporan Pemantauan Inovasi Daerah \u00b7 {format_date_id(view.generated_at.date())}"
        header_left = f"Laporan Pemantauan Inovasi Daerah \u00b7 {view.organisation.pemda}"
        body = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                     0, 0, 0, 0, id="body")
        cover = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_BOTTOM - 16 * mm,
                      0, 0, 0, 0, id="cover")

        wide = Frame(MARGIN_LEFT, MARGIN_BOTTOM, PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT,
                     PAGE_WIDTH - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="wide")

        def on_body(canvas, doc) -> None:
            draw_running_header(canvas, header_left, view.catalogue.title)
            self._footer(canvas, doc)

        self.addPageTemplates([PageTemplate("cover", [cover], onPage=self._footer),
                               PageTemplate("body", [body], onPage=on_body),
                               PageTemplate("landscape", [wide], onPage=on_body,
                                            pagesize=(PAGE_HEIGHT, PAGE_WIDTH))])

    def _footer(self, canvas, doc) -> None:
        total = self.total_pages or doc.page
        draw_footer(canvas, canvas._pagesize[0], self.footer_left, f"Halaman {doc.page} dari {total}")

    def afterFlowable(self, flowable) -> None:
        if self.cancelled and self.cancelled():
            raise Cancelled("Pembuatan rekap dibatalkan. Tidak ada berkas yang ditulis.")
        if isinstance(flowable, _Heading):
            key = f"m{self.marks}"
            self.marks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline, key, level=flowable.level, closed=flowable.level > 0)


def render_recap(view: RegionView, place: str = "", *, progress: Progress | None = None,
                 cancelled: IsCancelled | None = None) -> tuple[bytes, int]:
    """The recap as PDF bytes and its page count."""
    total = 0
    for attempt in range(2):
        if progress:
            progress(attempt, 3, "Menyusun halaman rekap")
        out = io.BytesIO()
        document = _Document(out, view, total, cancelled)
        document.build(_story(view, place))
        if document.page == total:
            break
        total = document.page
    if progress:
        progress(2, 3, "Menyimpan rekap")
    return out.getvalue(), document.page


def write_recap_pdf(view: RegionView, path: Path, place: str = "", *, progress: Progress | None = None,
                    cancelled: IsCancelled | None = None) -> int:
    data, pages = render_recap(view, place, progress=progress, cancelled=cancelled)
    try:
        with atomic_file(path) as stream:
            stream.write(data)
    except OSError as err:
        raise InovasiError(f"Berkas {path.name} tidak dapat ditulis: {describe_os_error(err)}.") from None
    if progress:
        progress(3, 3, "")
    return pages


# --- the story ------------------------------------------------------------------------------------------

def _styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    s = dict(styles())
    s["small_head"] = ParagraphStyle("small_head", parent=s["cell_head"], fontSize=7, leading=8.5)
    return s


def _story(view: RegionView, place: str) -> list:
    return (_cover(view) + _summary(view) + _charts(view) + _per_opd(view) + _innovations(view)
            + _follow_up(view) + _signature(view, place))


def _cover(view: RegionView) -> list:
    s, org = styles(), view.organisation
    head = [Paragraph(text(("PEMERINTAH " + org.pemda).upper() if org.pemda else "PEMERINTAH DAERAH"), s["kop1"])]
    if org.opd:
        head.append(Paragraph(text(org.opd.upper()), s["kop2"]))
    if org.provinsi:
        head.append(Paragraph(text(f"Provinsi {org.provinsi}"), s["kop3"]))
    head += [Spacer(1, 2.5 * mm), HRFlowable(width="100%", thickness=2.2, color=RULE, spaceAfter=1),
             HRFlowable(width="100%", thickness=0.6, color=RULE)]
    listed = sum(1 for o in view.opds if o.on_list)
    without = sum(1 for o in view.opds if o.on_list and not o.count)
    facts = [("Pemerintah daerah", org.pemda or "-"), ("Disusun oleh", org.opd or "-"),
             ("Katalog penilaian", f"{view.catalogue.title} ({view.catalogue.id})"),
             ("Tanggal", format_date_id(view.generated_at.date())),
             ("Perangkat daerah", f"{listed} dalam daftar; {without} belum berinovasi"),
             ("Jumlah inovasi", str(len(view.innovations)))]
    table = Table([[Paragraph(text(a), s["value"]), ":", Paragraph(text(b), s["value"])] for a, b in facts],
                  colWidths=[42 * mm, 5 * mm, 88 * mm], style=plain_table_style())
    table.hAlign = "CENTER"
    box = Table([[Paragraph(f"IID didukung bukti: {format_number_id(view.backed.iid)} \u2014 "
                            f"{text(view.backed.predicate)}", s["status"])],
                 [Paragraph(text(f"IID menurut klaim: {format_number_id(view.claimed.iid)} \u2014 "
                                 f"{view.claimed.predicate}"), s["center"])]], colWidths=[130 * mm])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOX", (0, 0), (-1, -1), 1.4, OK if view.backed.predicate in _GOOD else BAD),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    box.hAlign = "CENTER"
    return [*head, Spacer(1, 36 * mm), Paragraph("LAPORAN PEMANTAUAN INOVASI DAERAH", s["title"]),
            Spacer(1, 3 * mm), Paragraph(text(org.pemda), s["subtitle"]), Spacer(1, 20 * mm), table,
            Spacer(1, 16 * mm), box, NextPageTemplate("body"), PageBreak()]


def _summary(view: RegionView) -> list:
    s = _styles()
    rows = [[Paragraph("<b>Unsur</b>", s["cell_head"]), Paragraph("<b>Menurut klaim</b>", s["cell_head"]),
             Paragraph("<b>Didukung bukti</b>", s["cell_head"]), Paragraph("<b>Artinya</b>", s["cell_head"])]]
    for term, claimed, backed, meaning in explained_terms(view):
        rows.append([Paragraph(text(term), s["cell_bold"]), Paragraph(text(claimed), s["cell_center"]),
                     Paragraph(text(backed), s["cell_center"]), Paragraph(text(meaning), s["cell"])])
    table = Table(rows, colWidths=[34 * mm, 24 * mm, 24 * mm, CONTENT_WIDTH - 82 * mm], repeatRows=1,
                  style=grid_table_style())
    flow = [_Heading("Ringkasan", s["h1"], "Ringkasan"), table, Spacer(1, 4 * mm)]
    change = view.change_backed_iid
    if change is not None:
        flow.append(Paragraph(text(
            f"Perubahan IID didukung bukti sejak rekap sebelumnya "
            f"({format_date_id(view.previous_recap.taken_at.date())}): {_signed(change)} poin."), s["body"]))
    if view.opd_list_is_template:
        flow.append(Paragraph(coloured(text("Daftar perangkat daerah masih berupa templat dan perlu disesuaikan."),
                                       BAD), s["body"]))
    flow.append(Paragraph(text(view.catalogue.scoring.note), s["note"]))
    return flow + [PageBreak()]


def _charts(view: RegionView) -> list:
    s = _styles()
    return [
        _Heading("Grafik", s["h1"], "Grafik"),
        _Heading("Indeks Inovasi Daerah dan predikatnya", s["h2"], "IID dan predikat", 1),
        charts.iid_chart(view.catalogue.scoring.predicates, view.claimed.iid, view.backed.iid, CONTENT_WIDTH),
        Paragraph(text("Garis menunjukkan IID daerah: menurut klaim (semua jawaban indikator dihitung) dan didukung "
                       "bukti (indikator tanpa bukti sah bernilai 0). Warna menunjukkan rentang predikat."), s["note"]),
        PageBreak(),
        _Heading("Inovasi per perangkat daerah menurut tahapan", s["h2"], "Inovasi menurut tahapan", 1),
        charts.tahapan_chart(view.opds, CONTENT_WIDTH, max_height=600), PageBreak(),
        _Heading("Skor diklaim dan skor didukung bukti per perangkat daerah", s["h2"],
                 "Skor diklaim dan didukung bukti",
                 1),
        charts.claimed_backed_chart(view.opds, CONTENT_WIDTH, view.catalogue.sid_max, max_height=620),
        NextPageTemplate("landscape"), PageBreak(),
    ]


def _per_opd(view: RegionView) -> list:
    s = _styles()
    header, rows, empty, off_list = opd_table(view)
    data = [[Paragraph(f"<b>{text(h)}</b>", s["small_head"]) for h in header]]
    for row in rows:
        data.append([Paragraph(text(row[1]), s["cell"]) if i == 1 else str(v) for i, v in enumerate(row)])
    widths = [9 * mm, 64 * mm] + [18 * mm] * 3 + [18 * mm, 18 * mm, 18 * mm, 18 * mm, 20 * mm, 20 * mm, 18 * mm]
    extra = [("FONTSIZE", (0, 1), (-1, -1), 7.5), ("ALIGN", (2, 1), (-1, -1), "RIGHT")]
    extra += [("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#fbe3e3")) for i in empty]
    extra += [("BACKGROUND", (0, i + 1), (-1, i + 1), SHADE_FILL) for i in off_list]
    table = Table(data, colWidths=widths, repeatRows=1, style=grid_table_style(1, extra))
    notes = [Paragraph(text("Baris merah muda: perangkat daerah yang belum memiliki inovasi. Baris kelabu: "
                            "perangkat daerah yang tidak ada dalam daftar daerah. Skor adalah skor SID inovasi "
                            f"(maksimal {format_number_id(view.catalogue.sid_max, 0)})."), s["note"])]
    return [_Heading("Rekap per Perangkat Daerah", s["h1"], "Rekap per perangkat daerah"), table, Spacer(1, 3 * mm),
            *notes, NextPageTemplate("body"), PageBreak()]


def _innovations(view: RegionView) -> list:
    s = _styles()
    header, rows = innovation_table(view)
    data = [[Paragraph(f"<b>{text(h)}</b>", s["small_head"]) for h in header]]
    for row in rows:
        data.append([row[0], Paragraph(text(row[1]), s["cell"]), Paragraph(text(row[2]), s["cell"]), *row[3:]])
    widths = [10 * mm, 52 * mm, 40 * mm, 17 * mm, 16 * mm, 14 * mm, 16 * mm]
    table = Table(data, colWidths=widths, repeatRows=1,
                  style=grid_table_style(1, [("FONTSIZE", (0, 1), (-1, -1), 7.5),
                                             ("ALIGN", (5, 1), (-1, -1), "RIGHT")]))
    return [_Heading("Daftar Inovasi", s["h1"], "Daftar inovasi"), table, PageBreak()]


def _follow_up(view: RegionView) -> list:
    s = _styles()
    flow = [_Heading("Tindak Lanjut", s["h1"], "Tindak lanjut"),
            Paragraph(text("Perubahan yang paling menaikkan IID didukung bukti, diurutkan menurut tambahan poinnya. "
                           "Angka adalah tambahan poin IID (skala 0\u2013100)."), s["body"]), Spacer(1, 2 * mm)]
    region = [x for x in view.suggestions if not x.opd]
    if region:
        flow.append(_Heading("Tingkat daerah (Bappeda/BRIDA)", s["h2"], "Tingkat daerah", 1))
        flow += [Paragraph(text(f"{i}. {x.text}"), s["small"]) for i, x in enumerate(region, 1)]
    for opd in view.opds:
        items = view.follow_up(opd.name)
        if not items:
            continue
        block = [_Heading(text(opd.name), s["h3"], opd.name, 1)]
        block += [Paragraph(text(f"{i}. {x.text}"), s["small"]) for i, x in enumerate(items[:FOLLOW_UP_PER_OPD], 1)]
        if len(items) > FOLLOW_UP_PER_OPD:
            block.append(Paragraph(text(f"... dan {len(items) - FOLLOW_UP_PER_OPD} perubahan lain (lihat XLSX)."),
                                   s["small_muted"]))
        flow.append(KeepTogether(block[:4]))
        flow += block[4:]
    return flow


def _signature(view: RegionView, place: str) -> list:
    s, org = styles(), view.organisation
    position = org.head_position or "Kepala Bappeda"
    block = [Paragraph(text(f"{place or '.' * 20}, {format_date_id(view.generated_at.date())}"), s["body"]),
             Paragraph(text(position), s["body"]), Spacer(1, 22 * mm),
             Paragraph(f"<u>{text(org.head_name)}</u>" if org.head_name else "." * 40, s["label"]),
             Paragraph(text(f"NIP. {format_nip(org.head_nip)}" if org.head_nip else "NIP. " + "." * 26), s["body"])]
    table = Table([["", block]], colWidths=[CONTENT_WIDTH - 80 * mm, 80 * mm], style=plain_table_style())
    return [CondPageBreak(70 * mm), Spacer(1, 10 * mm), KeepTogether([table])]


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + format_number_id(value)
