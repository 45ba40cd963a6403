"""The profile as the portal asks for it: every visible field in the catalogue's order (the portal's
form order), each value as plain text ready to paste, the chosen level of each indicator, and the links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inovasi_desktop.catalogue.evidence_kinds import VIDEO, kinds_of_group
from inovasi_desktop.catalogue.model import ProfileField
from inovasi_desktop.domain.dates import parse_iso_date
from inovasi_desktop.export.dossier.texts import chosen_level
from inovasi_desktop.export.portal.model import PortalInput
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.format import format_date_id
from inovasi_desktop.rules.profile_checks import field_value
from inovasi_desktop.rules.words import count_field_words


@dataclass(frozen=True)
class Entry:
    key: str  # unique in the page, used as the HTML id
    label: str
    value: str  # exactly what the copy button copies; "" when not filled
    note: str = ""  # shown beside, never copied: "312 kata", "unggah berkas ..."
    parts: tuple[Entry, ...] = ()  # the sub-parts of a sectioned text, each with its own copy button
    upload: bool = False  # an attachment field: a file to upload, no text to copy


def profile_entries(source: PortalInput, attachment_files: Mapping[str, str]) -> list[Entry]:
    """`attachment_files`: attachment field key -> the package file that holds its documents."""
    context = CheckContext(pemda=source.organisation.pemda)
    out = []
    for field in source.catalogue.fields:
        if not field.is_visible(source.innovation.profile):
            continue
        if field.type == "attachment":
            name = attachment_files.get(field.key)
            out.append(Entry(f"f-{field.key}", field.label, "",
                             f"Unggah berkas {name}" if name else "Tidak ada berkas", upload=True))
            continue
        out.append(_entry(field, field_value(field, source.innovation, context)))
    return out


def _entry(field: ProfileField, value: Any) -> Entry:
    key = f"f-{field.key}"
    if field.type == "sectioned_text":
        parts = value if isinstance(value, Mapping) else {}
        subs = tuple(Entry(f"{key}-{part.key}", part.title, str(parts.get(part.key) or "").strip())
                     for part in field.parts)
        whole = "\n\n".join(f"{sub.label}\n{sub.value}" for sub in subs if sub.value)
        return Entry(key, field.label, whole, f"{count_field_words(field, value)} kata", subs)
    if field.type in ("paragraph", "text") and isinstance(value, str):
        words = count_field_words(field, value)
        return Entry(key, field.label, value.strip(), f"{words} kata" if field.type == "paragraph" else "")
    return Entry(key, field.label, _plain(field, value))


def _plain(field: ProfileField, value: Any) -> str:
    if value is None:
        return ""
    if field.type == "multi_choice" and isinstance(value, list | tuple):
        return "\n".join(str(v).strip() for v in value if str(v).strip())
    if field.type == "date":
        day = parse_iso_date(value)
        return format_date_id(day) if day else str(value)
    if field.type == "coordinates" and isinstance(value, Mapping):
        return f"{value.get('lat', '')}, {value.get('lon', '')}"
    return str(value).strip()


@dataclass(frozen=True)
class LevelLine:
    number: int
    name: str
    level: str  # "Tingkat 2: Peraturan Kepala Daerah", or "" when not answered
    basis: str  # the measurement basis, for indicators that offer several
    notes: str


def level_lines(source: PortalInput) -> list[LevelLine]:
    lines = []
    for indicator in source.catalogue.indicators:
        level, wording, basis = chosen_level(indicator, source.innovation)
        answer = source.innovation.answers.get(indicator.number)
        lines.append(LevelLine(indicator.number, indicator.name,
                               f"Tingkat {level.level}: {wording}" if level else "",
                               basis.label if basis else "", (answer.notes.strip() if answer else "")))
    return lines


def link_entries(source: PortalInput) -> list[Entry]:
    """Every link given as evidence, the video's first: 'Tautan video (Indikator 20)'."""
    videos = set(kinds_of_group(VIDEO))
    out = []
    for indicator in source.catalogue.indicators:
        answer = source.innovation.answers.get(indicator.number)
        links = [item for item in (answer.evidence if answer else []) if item.is_link]
        kind = "Tautan video" if videos & set(indicator.accepts) else "Tautan"
        for k, item in enumerate(links, start=1):
            label = f"{kind} (Indikator {indicator.number})" + (f" {k}" if len(links) > 1 else "")
            out.append(Entry(f"l-{indicator.number}-{k}", label, (item.link or "").strip(), item.tentang.strip()))
    out.sort(key=lambda e: not e.label.startswith("Tautan video"))
    return out
