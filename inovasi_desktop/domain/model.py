"""Domain objects: plain dataclasses, standard library only.

Profile answers are JSON-native values keyed by the catalogue's field keys:
text/paragraph/choice -> str, multi_choice -> list[str], date -> ISO "YYYY-MM-DD" str,
sectioned_text -> dict[part_key, str], coordinates -> {"lat": float, "lon": float}.
The catalogue pinned on the innovation says which type each key has.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any


def new_id() -> str:
    import uuid  # here: its import (with `platform`) is not needed before the window shows

    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


ROLE_OPD = "opd"  # an OPD drafting its own innovations (the usual installation)
ROLE_COORDINATOR = "koordinator"  # the region's coordinator (Bappeda or BRIDA), monitoring every OPD


@dataclass
class Organisation:
    """The OPD (or the region's coordinator, Bappeda/BRIDA) using this installation."""

    pemda: str = ""  # e.g. "Kabupaten Mojokerto"
    provinsi: str = ""
    opd: str = ""  # e.g. "Dinas Kesehatan"
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    head_name: str = ""  # Kepala OPD
    head_nip: str = ""
    head_position: str = ""  # jabatan, e.g. "Kepala Dinas Kesehatan"
    default_catalogue: str = ""
    role: str = ROLE_OPD  # ROLE_OPD or ROLE_COORDINATOR

    @property
    def is_coordinator(self) -> bool:
        return self.role == ROLE_COORDINATOR

    def is_complete(self) -> bool:
        return bool(self.pemda and self.opd and self.head_name and self.head_nip)


@dataclass
class EvidenceItem:
    """One document of bukti dukung: a stored file (by sha256) or a link."""

    id: str = field(default_factory=new_id)
    nomor: str = ""
    tanggal: date | None = None
    tentang: str = ""
    sha256: str | None = None
    file_name: str | None = None  # the original name, kept as metadata
    size: int | None = None
    media_type: str | None = None  # sniffed from content, e.g. "application/pdf"
    link: str | None = None

    @property
    def is_link(self) -> bool:
        return self.link is not None and self.sha256 is None


@dataclass
class IndicatorAnswer:
    """The answer to one SID indicator: the chosen level (1-3) or none."""

    number: int
    level: int | None = None
    basis: str | None = None  # measurement basis, for indicators that offer several
    notes: str = ""
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass
class Innovation:
    id: str = field(default_factory=new_id)
    catalogue_id: str = ""
    profile: dict[str, Any] = field(default_factory=dict)
    answers: dict[int, IndicatorAnswer] = field(default_factory=dict)
    attachments: dict[str, list[EvidenceItem]] = field(default_factory=dict)  # profile file fields
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    revision: int = field(default=0, compare=False)  # the stored revision it was read at (0: new); services/merge
    opd: str = ""  # the OPD it belongs to: the organisation that made it, or the sender of a bundle it came in
    origin: str = ""  # where it last came from, e.g. "Kiriman Dinas Kesehatan, 7 Desember 2026" ("" = made here)

    @property
    def name(self) -> str:
        return str(self.profile.get("nama_inovasi") or "")

    def answer(self, number: int) -> IndicatorAnswer:
        """The answer to indicator `number`, created empty if missing."""
        if number not in self.answers:
            self.answers[number] = IndicatorAnswer(number=number)
        return self.answers[number]

    def all_evidence(self) -> list[EvidenceItem]:
        items = [e for a in self.answers.values() for e in a.evidence]
        items += [e for lst in self.attachments.values() for e in lst]
        return items


class Severity(enum.Enum):
    GALAT = "galat"  # blocks readiness
    PERINGATAN = "peringatan"  # costs score or risks rejection
    INFO = "info"

    @property
    def label(self) -> str:
        return {"galat": "Galat", "peringatan": "Peringatan", "info": "Info"}[self.value]


@dataclass(frozen=True)
class Finding:
    """One readiness finding; `where` is a profile field key or "indikator:N"."""

    severity: Severity
    where: str
    message: str
    code: str = ""  # stable machine-readable kind, e.g. "rancang_bangun.words"

    @staticmethod
    def indicator_where(number: int) -> str:
        return f"indikator:{number}"

    @property
    def indicator_number(self) -> int | None:
        if self.where.startswith("indikator:"):
            return int(self.where.split(":", 1)[1])
        return None


@dataclass
class SpdAnswers:
    """Region-level SPD answers (filled by Bappeda), keyed by SPD row number ("1", "2a", ...)."""

    catalogue_id: str
    levels: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Snapshot:
    """The region's monitoring figures at one moment: at a recap ("rekap") or a bundle import ("kiriman")."""

    taken_at: datetime
    reason: str
    data: dict[str, Any]
    source_opd: str = ""  # the sending OPD, for a bundle import
