"""Whether an evidence document proves what it is attached for, from what its heading says (`CheckContext.readings`).

Only what was read is compared: a document whose type, nomor or tanggal was not found raises nothing.
"""

from __future__ import annotations

import re

from inovasi_desktop.catalogue.model import Indicator
from inovasi_desktop.domain.heading import DOCUMENT_TYPES, DocumentHeading, squash
from inovasi_desktop.domain.model import EvidenceItem, Finding, Innovation, Severity
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.format import format_date_id

DOCUMENT_CODES = frozenset({"evidence.doc_type", "evidence.no_name", "evidence.nomor_differs",
                            "evidence.tanggal_differs"})
MIN_NAME = 4  # squashed characters a name needs before it is looked for (shorter ones match anything)


def innovation_names(name: str) -> tuple[str, ...]:
    """The ways a document may name the innovation: the name, what is outside brackets and what is inside
    ("SI-PANTAU (Sistem Pemantauan Balita)": also "SI-PANTAU" and "Sistem Pemantauan Balita")."""
    name = " ".join(name.split())
    names = [name, re.sub(r"\([^()]*\)", " ", name), *re.findall(r"\(([^()]*)\)", name)]
    return tuple(dict.fromkeys(n.strip() for n in names if len(squash(n)) >= MIN_NAME))


def reading_of(item: EvidenceItem, context: CheckContext) -> DocumentHeading | None:
    return context.readings.get(item.sha256) if item.sha256 else None


def type_confirmed(item: EvidenceItem, indicator: Indicator, level: int | None, context: CheckContext) -> bool:
    """The document's type, read from it, is one the chosen level accepts."""
    heading, chosen = reading_of(item, context), indicator.level(level) if level else None
    return bool(heading and chosen and chosen.documents and heading.doc_type in chosen.documents)


def type_message(heading: DocumentHeading, indicator: Indicator, level: int | None) -> str:
    """Why the document's type does not fit the chosen level ("" when it fits or nothing can be said)."""
    chosen = indicator.level(level) if level else None
    if not heading.doc_type or chosen is None or not chosen.documents or heading.doc_type in chosen.documents:
        return ""
    found = DOCUMENT_TYPES[heading.doc_type]
    proven = indicator.levels_proven_by(heading.doc_type)
    if proven:
        supports = " atau ".join(f"tingkat {lv.level} ({lv.text})" for lv in proven)
        return (f"dokumen terbaca sebagai {found}, yang mendukung {supports}, bukan tingkat {chosen.level} "
                f"({chosen.text}) yang dipilih")
    return (f"dokumen terbaca sebagai {found}, yang tidak mendukung tingkat mana pun pada indikator ini; "
            f"tingkat {chosen.level} memerlukan {chosen.text}")


def nomor_message(typed: str, heading: DocumentHeading) -> str:
    if not typed.strip() or not heading.nomor or squash(heading.nomor) in squash(typed):
        return ""  # "Perbup Nomor 19 Tahun 2024" typed for "19 Tahun 2024" read is the same nomor
    return f'nomor yang diisi "{typed.strip()}" berbeda dengan nomor di dokumen "{heading.nomor}"'


def tanggal_message(typed, heading: DocumentHeading) -> str:
    if typed is None or heading.tanggal is None or typed == heading.tanggal:
        return ""
    return (f"tanggal yang diisi {format_date_id(typed)} berbeda dengan tanggal di dokumen "
            f"{format_date_id(heading.tanggal)}")


def name_message(heading: DocumentHeading, innovation_name: str) -> str:
    names = innovation_names(innovation_name)
    if not names or not heading.squashed or any(heading.names(n) for n in names):
        return ""
    return f'dokumen tidak menyebut nama inovasi "{" ".join(innovation_name.split())}"'


def document_findings(item: EvidenceItem, indicator: Indicator, innovation: Innovation, context: CheckContext,
                      where: str, place: str, name: str) -> list[Finding]:
    heading = reading_of(item, context)
    if heading is None:
        return []
    answer = innovation.answers.get(indicator.number)
    level = answer.level if answer else None
    checks = [("evidence.doc_type", type_message(heading, indicator, level)),
              ("evidence.no_name", name_message(heading, innovation.name)),
              ("evidence.nomor_differs", nomor_message(item.nomor, heading)),
              ("evidence.tanggal_differs", tanggal_message(item.tanggal, heading))]
    return [Finding(Severity.PERINGATAN, where, f'Bukti dukung "{name}" ({place}): {message}.', code)
            for code, message in checks if message]
