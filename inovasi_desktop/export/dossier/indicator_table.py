"""The indicator table: per SID indicator its weight, chosen level and text, score, and the list
of bukti dukung with the annex page where each one starts; claimed and backed totals at the end."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from inovasi_desktop.catalogue.model import Indicator
from inovasi_desktop.domain.heading import DOCUMENT_TYPES
from inovasi_desktop.export.dossier.context import Context
from inovasi_desktop.export.dossier.front_matter import Heading
from inovasi_desktop.export.dossier.styles import (
    BAD,
    CONTENT_WIDTH,
    HEADER_FILL,
    MUTED,
    coloured,
    grid_table_style,
    styles,
    text,
)
from inovasi_desktop.export.dossier.texts import chosen_level, evidence_line, number
from inovasi_desktop.rules.document_checks import type_confirmed
from inovasi_desktop.rules.evidence_checks import kind_label
from inovasi_desktop.rules.evidence_kinds import in_period, kind_of
from inovasi_desktop.rules.format import format_period_id

_KEEP_TOGETHER = 12  # evidence rows up to which an indicator is kept on one page
_WIDTHS = [9 * mm, 50 * mm, 13 * mm, CONTENT_WIDTH - 96 * mm, 24 * mm]


def indicator_section(ctx: Context) -> list:
    s = styles()
    head = ["No", "Indikator", "Bobot", "Tingkat yang dipilih", "Skor"]
    rows: list[list] = [[Paragraph(h, s["cell_head"]) for h in head]]
    commands: list = []
    for indicator in ctx.catalogue.indicators:
        first = len(rows)
        rows.append(_indicator_row(ctx, indicator))
        rows += _evidence_rows(ctx, indicator)
        last = len(rows) - 1
        if last - first <= _KEEP_TOGETHER:
            commands += [("NOSPLIT", (0, first), (-1, last)), ("SPAN", (0, first), (0, last))]
        else:  # too long to keep on one page: only the heading row stays with its first item
            commands.append(("NOSPLIT", (0, first), (-1, first + 1)))
        commands += [("SPAN", (1, r), (-1, r)) for r in range(first + 1, last + 1)]
        commands += [("TOPPADDING", (1, r), (-1, r), 1.5) for r in range(first + 1, last + 1)]
    score = ctx.score
    total_rows = [("Jumlah skor SID yang diklaim", score.claimed),
                  ("Jumlah skor SID yang didukung bukti sah", score.backed),
                  ("Skor SID maksimum", score.maximum)]
    for label, value in total_rows:
        rows.append([Paragraph(label, s["cell_bold"]), "", "", "", Paragraph(number(value), s["cell_head"])])
        commands += [("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)),
                     ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HEADER_FILL)]
    table = Table(rows, colWidths=_WIDTHS, repeatRows=1, style=grid_table_style(extra=commands))
    summary = (f"Skor SID mandiri: {number(score.claimed)} dari {number(score.maximum)} diklaim, "
               f"{number(score.backed)} di antaranya didukung bukti dukung yang sah. Penilaian akhir tetap "
               "ditentukan oleh tim penilai.")
    return [Heading("INDIKATOR SATUAN INOVASI DAERAH", s["h1"], "Indikator dan Bukti Dukung"),
            Paragraph(text(summary), s["small"]), Spacer(1, 3 * mm), table, PageBreak()]


def _indicator_row(ctx: Context, indicator: Indicator) -> list:
    s = styles()
    level, wording, basis = chosen_level(indicator, ctx.innovation)
    name = f"<b>{text(indicator.name)}</b>"
    if indicator.mandatory:
        name += "<br/>" + coloured("<i>wajib</i>", MUTED)
    if level is None:
        chosen = coloured("<i>Belum dijawab</i>", BAD if indicator.mandatory else MUTED)
    else:
        chosen = f"<b>Tingkat {level.level}</b>: {text(wording)}"
        if basis:
            chosen += "<br/>" + coloured(f"Dasar pengukuran: {text(basis.label)}", MUTED)
    row = ctx.score.row(indicator.number)
    claimed, backed = (row.claimed, row.backed) if row else (0.0, 0.0)
    score = f"<b>{number(claimed)}</b>"
    if backed != claimed:
        score += "<br/>" + coloured(f"berbukti {number(backed)}", BAD)
    return [Paragraph(str(indicator.number), s["cell_center"]), Paragraph(name, s["cell"]),
            Paragraph(number(indicator.weight), s["cell_center"]), Paragraph(chosen, s["cell"]),
            Paragraph(score, s["cell_center"])]


def _evidence_rows(ctx: Context, indicator: Indicator) -> list[list]:
    s = styles()
    answer = ctx.innovation.answers.get(indicator.number)
    items = answer.evidence if answer else []
    if not items:
        return [["", Paragraph(coloured("<i>Belum ada bukti dukung.</i>", MUTED), s["small"]), "", "", ""]]
    rows = []
    period = ctx.catalogue.evidence_period(indicator)
    for i, item in enumerate(items, start=1):
        kind = kind_of(item)
        kind_text = f" ({kind_label(kind)})" if kind else ""
        line = f"{i}. {text(evidence_line(item))}{kind_text} \u2014 <b>hlm. {ctx.pages.get(item.id, 0)}</b>"
        if not in_period(item, period):  # the standard counts only evidence inside the indicator's period
            line += "<br/>" + coloured(f"Di luar periode {format_period_id(*period)}: tidak dihitung.", BAD)
        if type_confirmed(item, indicator, answer.level if answer else None, ctx.check_context):
            label = DOCUMENT_TYPES[ctx.check_context.readings[item.sha256].doc_type]
            line += "<br/>" + coloured(f"✓ Jenis dokumen sesuai tingkat, dibaca dari dokumen: {text(label)}.", MUTED)
        prefix = "<b>Bukti dukung:</b><br/>" if i == 1 else ""
        rows.append(["", Paragraph(prefix + line, s["small"]), "", "", ""])
    return rows



