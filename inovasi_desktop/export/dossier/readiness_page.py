"""Pemeriksaan kesiapan: the eligibility checklist with marks and, when not ready, every open finding."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from inovasi_desktop.domain.dates import parse_iso_date
from inovasi_desktop.domain.model import Finding, Severity
from inovasi_desktop.export.dossier.context import Context, check_context
from inovasi_desktop.export.dossier.cover import status_box
from inovasi_desktop.export.dossier.fonts import BOLD
from inovasi_desktop.export.dossier.front_matter import Heading
from inovasi_desktop.export.dossier.styles import (
    BAD,
    CHECK,
    CONTENT_WIDTH,
    CROSS,
    OK,
    SHADE_FILL,
    WARN,
    coloured,
    grid_table_style,
    styles,
    text,
)
from inovasi_desktop.export.dossier.texts import where_label
from inovasi_desktop.rules.document_checks import DOCUMENT_CODES
from inovasi_desktop.rules.format import format_date_id, format_period_id
from inovasi_desktop.rules.profile_checks import field_value
from inovasi_desktop.rules.words import count_field_words

PASSED, FAILED, ATTENTION = "ok", "bad", "warn"
_MARKS = {PASSED: (CHECK, "Terpenuhi", OK), FAILED: (CROSS, "Belum terpenuhi", BAD),
          ATTENTION: ("!", "Perlu perhatian", WARN)}
_ANSWER_CODES = ("indicator.mandatory", "indicator.level_unknown", "indicator.basis_missing")
_SEVERITY_COLOUR = {Severity.GALAT: BAD, Severity.PERINGATAN: WARN}


def checklist(ctx: Context) -> list[tuple[str, str, str]]:
    """(requirement, what was found, state) for each eligibility requirement."""
    catalogue, profile, findings = ctx.catalogue, ctx.innovation.profile, ctx.readiness.findings
    errors = [f for f in findings if f.severity is Severity.GALAT]
    rows = []
    window = catalogue.window
    keys = {window.date_field, window.alternative_field} - {None}
    dates = []
    for key in (window.date_field, window.alternative_field):
        field = catalogue.field(key) if key else None
        if field and field.is_visible(profile) and (value := parse_iso_date(profile.get(key))):
            dates.append(f"{field.label}: {format_date_id(value)}")
    rows.append((f"Waktu penerapan dalam periode {format_period_id(window.start, window.end)}",
                 "; ".join(dates) or "Tanggal belum diisi.", _state(any(f.where in keys for f in errors))))
    for field in catalogue.fields:
        if field.min_words and field.is_visible(profile):
            words = count_field_words(field, field_value(field, ctx.innovation, check_context(ctx.source)))
            rows.append((f"{field.label} minimal {field.min_words} kata", f"{words} kata",
                         _state(any(f.where == field.key for f in errors if f.code in ("field.min_words",
                                                                                         "field.required")))))
    mandatory = [i for i in catalogue.indicators if i.mandatory]
    answered = sum(1 for i in mandatory if (row := ctx.score.row(i.number)) and row.answered)
    mandatory_numbers = {i.number for i in mandatory}
    rows.append(("Seluruh indikator wajib dijawab",
                 f"{answered} dari {len(mandatory)} indikator wajib telah dijawab",
                 _state(any(f.indicator_number in mandatory_numbers and f.code in _ANSWER_CODES for f in errors))))
    r = ctx.readiness
    rows.append(("Setiap indikator yang dijawab memiliki bukti dukung yang sah",
                 f"{r.evidenced} dari {r.answered} indikator yang dijawab berbukti",
                 PASSED if r.answered and r.evidenced == r.answered else ATTENTION))
    missing = sum(1 for f in errors if f.code == "field.required")
    rows.append(("Isian profil yang wajib telah lengkap",
                 "Lengkap" if not missing else f"{missing} isian wajib belum diisi", _state(missing > 0)))
    rows.append(("Tidak ada galat pada pemeriksaan kesiapan",
                 f"{r.errors} galat, {r.warnings} peringatan", _state(r.errors > 0)))
    return rows


def _state(failed: bool) -> str:
    return FAILED if failed else PASSED


def readiness_section(ctx: Context) -> list:
    s = styles()
    rows = [[Paragraph(h, s["cell_head"]) for h in ("No", "Persyaratan", "Keadaan", "Status")]]
    for i, (requirement, found, state) in enumerate(checklist(ctx), start=1):
        mark, word, colour = _MARKS[state]
        rows.append([Paragraph(str(i), s["cell_center"]), Paragraph(text(requirement), s["cell"]),
                     Paragraph(text(found), s["cell"]),
                     Paragraph(coloured(f'<font name="{BOLD}" size="11">{mark}</font> {word}', colour), s["cell"])])
    table = Table(rows, colWidths=[9 * mm, 66 * mm, 55 * mm, CONTENT_WIDTH - 130 * mm], repeatRows=1)
    table.setStyle(grid_table_style())
    box = status_box(ctx)
    flow = [Heading("PEMERIKSAAN KESIAPAN", s["h1"], "Pemeriksaan Kesiapan"), box, Spacer(1, 6 * mm),
            Heading("A. Daftar periksa kelayakan", s["h2"], "Daftar periksa kelayakan", 1), table]
    if not ctx.ready:
        flow += [Spacer(1, 4 * mm),
                 Heading("B. Temuan yang harus ditindaklanjuti", s["h2"], "Temuan pemeriksaan", 1),
                 Paragraph("Galat harus diperbaiki sebelum berkas dikirim; peringatan dapat mengurangi skor atau "
                           "menyebabkan bukti ditolak; info adalah kekurangan kecil.", s["note"]),
                 Spacer(1, 2 * mm), _findings_table(ctx, ctx.readiness.findings)]
    elif documents := tuple(f for f in ctx.readiness.findings if f.code in DOCUMENT_CODES):
        flow += [Spacer(1, 4 * mm),  # ready, yet what the documents say may make assessors reject them
                 Heading("B. Temuan tentang isi bukti dukung", s["h2"], "Temuan isi bukti dukung", 1),
                 Paragraph("Hasil membaca kepala dokumen bukti: jenis dokumen, nama inovasi, nomor, dan tanggal yang "
                           "tidak sesuai dapat membuat bukti ditolak penilai.", s["note"]),
                 Spacer(1, 2 * mm), _findings_table(ctx, documents)]
    return flow + [PageBreak()]


def _findings_table(ctx: Context, findings: tuple[Finding, ...]) -> Table:
    s = styles()
    rows = [[Paragraph(h, s["cell_head"]) for h in ("No", "Tingkat", "Bagian", "Uraian")]]
    commands = []
    for i, finding in enumerate(findings, start=1):
        label = finding.severity.label
        if finding.severity in _SEVERITY_COLOUR:
            label = coloured(label, _SEVERITY_COLOUR[finding.severity])
        rows.append([Paragraph(str(i), s["cell_center"]), Paragraph(label, s["cell_bold"]),
                     Paragraph(text(where_label(ctx.catalogue, finding)), s["cell"]),
                     Paragraph(text(finding.message), s["cell"])])
        if finding.severity is Severity.GALAT:
            commands.append(("BACKGROUND", (0, i), (-1, i), SHADE_FILL))
    if not findings:
        rows.append(["", Paragraph("Tidak ada temuan.", s["cell"]), "", ""])
    return Table(rows, colWidths=[9 * mm, 22 * mm, 40 * mm, CONTENT_WIDTH - 71 * mm], repeatRows=1,
                 style=grid_table_style(extra=commands))
