"""Readiness findings about the innovation profile, driven by each field's type and limits.

Whether a value fits its field is the field validator's answer (`catalogue.field_values`); here each
problem it finds becomes a finding worded for the person filling in the form.

Hidden fields (whose `visible_if` does not hold) are not checked. An empty field only yields the
"wajib diisi" finding when required; the other checks look at values that are there. The
implementation-window finding follows the findings of the window's date field. Attachment items
are checked only for whether they count (accepted kind, not broken); a required attachment needs
at least one item that counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inovasi_desktop.catalogue.field_values import (
    COORDINATE_LIMITS,
    DATE,
    OPTION,
    PART,
    Checked,
    Problem,
    check_value,
    filled,
)
from inovasi_desktop.catalogue.model import Catalogue, ProfileField
from inovasi_desktop.domain.dates import parse_iso_date
from inovasi_desktop.domain.model import Finding, Innovation, Severity
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.evidence_checks import usability_findings
from inovasi_desktop.rules.evidence_kinds import counting_evidence
from inovasi_desktop.rules.format import format_date_id, format_period_id
from inovasi_desktop.rules.words import count_field_words

_TEXT_TYPES = ("text", "paragraph")


def field_value(field: ProfileField, innovation: Innovation, context: CheckContext) -> Any:
    """The value checked for `field`: attachments live apart, `auto` fields fall back to the organisation."""
    if field.type == "attachment":
        return innovation.attachments.get(field.key, [])
    value = innovation.profile.get(field.key)
    if field.type == "auto" and not filled(value):
        return context.organisation_value(field.auto_from)
    return value


def is_empty(field: ProfileField, value: Any, context: CheckContext) -> bool:
    if field.type == "attachment":
        return not counting_evidence(value or [], field.accepts, context.invalid_evidence)
    return check_value(field, value).empty


def profile_findings(catalogue: Catalogue, innovation: Innovation, context: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for field in catalogue.fields:
        if not field.is_visible(innovation.profile):
            continue
        value = field_value(field, innovation, context)
        checked = check_value(field, value) if field.type != "attachment" else None
        if checked.empty if checked else is_empty(field, value, context):
            if field.required:
                out.append(_required_finding(field))
        elif checked:
            out += _value_findings(catalogue, innovation, field, value, checked, context)
        if field.type == "attachment":
            for item in value or []:
                out += usability_findings(item, field.accepts, field.key, field.label, context)
        if field.key == catalogue.window.date_field:
            out += window_findings(catalogue, innovation)
    return out


def _required_finding(field: ProfileField) -> Finding:
    message = f"{field.label} wajib diisi."
    if field.type == "auto":
        message = f"{field.label} belum terisi; lengkapi data organisasi terlebih dahulu."
    return Finding(Severity.GALAT, field.key, message, "field.required")


def _value_findings(catalogue: Catalogue, innovation: Innovation, field: ProfileField, value: Any, checked: Checked,
                    context: CheckContext) -> list[Finding]:
    # An unknown part of a sectioned text is neither shown, counted nor printed (the editor drops it).
    problems = tuple(p for p in checked.problems if p.code != PART)
    if problems:
        return _problem_findings(field, problems)
    if field.type in _TEXT_TYPES:
        return _length_findings(field, str(value).strip()) + _word_findings(field, value)
    if field.type == "sectioned_text":
        return _word_findings(field, value) + _empty_part_findings(field, value)
    if field.type == "date":
        return _date_findings(catalogue, innovation, field, value, context)
    return []


def _problem_findings(field: ProfileField, problems: tuple[Problem, ...]) -> list[Finding]:
    """What the field's validator found, said to the person filling in the form."""
    label = field.label
    if field.type == "coordinates":  # one finding for the pair
        lat, lon = (f"-{COORDINATE_LIMITS[k]:g} dan {COORDINATE_LIMITS[k]:g}" for k in ("lat", "lon"))
        return [Finding(Severity.GALAT, field.key, f"{label} tidak sah: lintang harus antara {lat}, bujur antara "
                                                   f"{lon}.", "field.coordinates_invalid")]
    out = []
    for p in problems:
        if p.code == OPTION:
            message, code = (f'Pilihan "{p.item}" pada {label} tidak tersedia pada katalog ini; pilih ulang.',
                             "field.option_unknown")
        elif p.code == DATE:
            message, code = f'{label} bukan tanggal yang sah ("{p.item}").', "field.date_invalid"
        else:
            message, code = f"{label}: {p.text}.", "field.value_invalid"
        out.append(Finding(Severity.GALAT, field.key, message, code))
    return out


def _length_findings(field: ProfileField, text: str) -> list[Finding]:
    length = len(text)
    if field.min_length is not None and length < field.min_length:
        return [Finding(Severity.GALAT, field.key, f"{field.label} terlalu pendek: {length} karakter; minimal "
                                                   f"{field.min_length} karakter.", "field.min_length")]
    if field.max_length is not None and length > field.max_length:
        return [Finding(Severity.GALAT, field.key, f"{field.label} terlalu panjang: {length} karakter; maksimal "
                                                   f"{field.max_length} karakter.", "field.max_length")]
    return []


def _word_findings(field: ProfileField, value: Any) -> list[Finding]:
    if field.min_words is None:
        return []
    words = count_field_words(field, value)
    if words >= field.min_words:
        return []
    return [Finding(Severity.GALAT, field.key, f"{field.label} baru {words} kata; minimal {field.min_words} kata.",
                    "field.min_words")]


def _empty_part_findings(field: ProfileField, value: Any) -> list[Finding]:
    parts = value if isinstance(value, Mapping) else {}
    return [Finding(Severity.PERINGATAN, field.key, f'Bagian "{part.title}" pada {field.label} masih kosong.',
                    "field.part_empty")
            for part in field.parts if not filled(parts.get(part.key))]


def _date_findings(catalogue: Catalogue, innovation: Innovation, field: ProfileField, value: Any,
                   context: CheckContext) -> list[Finding]:
    day = parse_iso_date(value)
    out = []
    limit_field = catalogue.field(field.not_after) if field.not_after else None
    if limit_field is not None and limit_field.is_visible(innovation.profile):
        limit = parse_iso_date(innovation.profile.get(limit_field.key))
        if limit is not None and day > limit:
            out.append(Finding(Severity.GALAT, field.key,
                               f"{field.label} ({format_date_id(day)}) tidak boleh setelah {limit_field.label} "
                               f"({format_date_id(limit)}).", "field.date_order"))
    if context.today is not None and day > context.today:
        out.append(Finding(Severity.PERINGATAN, field.key, f"{field.label} ({format_date_id(day)}) masih di masa "
                                                           "depan.", "field.date_future"))
    return out


def window_findings(catalogue: Catalogue, innovation: Innovation) -> list[Finding]:
    """The window's date field, or else its visible alternative, must fall inside the window."""
    window, profile = catalogue.window, innovation.profile
    main_field = catalogue.field(window.date_field)
    alt_field = catalogue.field(window.alternative_field) if window.alternative_field else None
    main = parse_iso_date(profile.get(main_field.key)) if main_field.is_visible(profile) else None
    alt_visible = alt_field is not None and alt_field.is_visible(profile)
    alt = parse_iso_date(profile.get(alt_field.key)) if alt_visible else None
    if main is None and alt is None:
        return []  # nothing to place yet; missing or invalid dates have their own findings
    if any(d is not None and window.start <= d <= window.end for d in (main, alt)):
        return []
    period = format_period_id(window.start, window.end)
    sentences = []
    if main is not None:
        sentences.append(f"{main_field.label} ({format_date_id(main)}) berada di luar periode penerapan {period}.")
    if alt is not None:
        outside = "juga di luar periode tersebut" if main is not None else f"berada di luar periode penerapan {period}"
        sentences.append(f"{alt_field.label} ({format_date_id(alt)}) {outside}.")
    elif alt_field is not None:
        sentences.append(_alternative_hint(catalogue, alt_field, alt_visible))
    if window.confidence == "low":
        sentences.append("Periode ini perlu dikonfirmasi.")
    return [Finding(Severity.GALAT, window.date_field, " ".join(sentences), "window.outside")]


def _alternative_hint(catalogue: Catalogue, alt_field: ProfileField, visible: bool) -> str:
    hint = f"Jika inovasi dikembangkan dalam periode tersebut, isi {alt_field.label}"
    condition = alt_field.visible_if
    if not visible and condition is not None and condition.values:
        trigger = catalogue.field(condition.field)
        hint += f' (pilih "{condition.values[0]}" pada {trigger.label if trigger else condition.field})'
    return hint + "."
