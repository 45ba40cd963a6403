"""Profil inovasi (every visible short field, in catalogue order and wording) and the uraian:
rancang bangun with its sub-headings and word count, then tujuan, manfaat, hasil (long texts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from inovasi_desktop.catalogue.model import ProfileField
from inovasi_desktop.domain.dates import parse_iso_date
from inovasi_desktop.export.dossier.context import Context, check_context
from inovasi_desktop.export.dossier.front_matter import Heading
from inovasi_desktop.export.dossier.styles import (
    BAD,
    CONTENT_WIDTH,
    MUTED,
    OK,
    SHADE_FILL,
    coloured,
    grid_table_style,
    styles,
    text,
)
from inovasi_desktop.export.dossier.texts import clip, evidence_line
from inovasi_desktop.rules.format import format_date_id, format_number_id
from inovasi_desktop.rules.profile_checks import field_value, is_empty
from inovasi_desktop.rules.words import count_field_words

LONG_TEXT_TYPES = ("sectioned_text", "paragraph")
_NOT_FILLED = coloured("<i>belum diisi</i>", MUTED)


def _visible(ctx: Context, long_text: bool) -> list[ProfileField]:
    profile = ctx.innovation.profile
    return [f for f in ctx.catalogue.fields
            if f.is_visible(profile) and (f.type in LONG_TEXT_TYPES) == long_text]


def profile_section(ctx: Context) -> list:
    s = styles()
    rows = [[Paragraph(h, s["cell_head"]) for h in ("No", "Isian", "Keterangan")]]
    context = check_context(ctx.source)
    for i, field in enumerate(_visible(ctx, long_text=False), start=1):
        value = field_value(field, ctx.innovation, context)
        shown = _NOT_FILLED if is_empty(field, value, context) and field.type != "attachment" else \
            _value_markup(ctx, field, value)
        rows.append([Paragraph(str(i), s["cell_center"]), Paragraph(text(field.label), s["cell_bold"]),
                     Paragraph(shown, s["cell"])])
    table = Table(rows, colWidths=[9 * mm, 58 * mm, CONTENT_WIDTH - 67 * mm], repeatRows=1,
                  style=grid_table_style(extra=[("BACKGROUND", (1, 1), (1, -1), SHADE_FILL)]))
    return [Heading("PROFIL INOVASI DAERAH", s["h1"], "Profil Inovasi"), table, PageBreak()]


def _value_markup(ctx: Context, field: ProfileField, value: Any) -> str:
    if field.type == "attachment":
        items = value or []
        if not items:
            return _NOT_FILLED
        return "<br/>".join(f"{i}. {text(evidence_line(item))} \u2014 lampiran hlm. {ctx.pages.get(item.id, 0)}"
                            for i, item in enumerate(items, start=1))
    if field.type == "multi_choice" and isinstance(value, list | tuple):
        return "<br/>".join(f"\u2022 {text(clip(str(v)))}" for v in value if str(v).strip())
    if field.type == "date":
        day = parse_iso_date(value)
        return text(format_date_id(day) if day else value)
    if field.type == "coordinates" and isinstance(value, Mapping):
        try:
            lat, lon = float(value["lat"]), float(value["lon"])
        except (KeyError, TypeError, ValueError):  # as typed, reported in the readiness findings
            lat, lon = ("-" if value.get(k) is None else value[k] for k in ("lat", "lon"))
            return text(f"Lintang {lat}; bujur {lon}")
        return f"Lintang {format_number_id(lat, 6)}; bujur {format_number_id(lon, 6)}"
    return text(clip(str(value)))


def _paragraphs(value: Any) -> list[Paragraph]:
    s = styles()
    blocks = [b.strip() for b in str(value or "").replace("\r\n", "\n").split("\n") if b.strip()]
    if not blocks:
        return [Paragraph(_NOT_FILLED, s["body"])]
    return [Paragraph(text(b), s["justify"]) for b in blocks]


def uraian_section(ctx: Context) -> list:
    s = styles()
    flow: list = [Heading("URAIAN INOVASI", s["h1"], "Uraian Inovasi")]
    context = check_context(ctx.source)
    for number, field in enumerate(_visible(ctx, long_text=True), start=1):
        value = field_value(field, ctx.innovation, context)
        flow.append(Heading(f"{number}. {text(field.label)}", s["h2"], field.label, 1))
        if field.type == "sectioned_text":
            flow += _word_count(field, value)
            parts = value if isinstance(value, Mapping) else {}
            for letter, part in zip("abcdefghijklmnopqrstuvwxyz", field.parts, strict=False):
                flow.append(Paragraph(f"{letter}. {text(part.title)}", s["h3"]))
                flow += _paragraphs(parts.get(part.key))
        else:
            if field.min_words:
                flow += _word_count(field, value)
            flow += _paragraphs(value)
    flow.append(PageBreak())
    return flow


def _word_count(field: ProfileField, value: Any) -> list:
    s = styles()
    words = count_field_words(field, value)
    note = f"Jumlah kata: {format_number_id(words, 0)}"
    if field.min_words:
        enough = words >= field.min_words
        note += f" (minimal {format_number_id(field.min_words, 0)} kata) \u2014 " + \
            coloured("memenuhi" if enough else "belum memenuhi", OK if enough else BAD)
    return [Paragraph(note, s["small_muted"]), Spacer(1, 1 * mm)]

