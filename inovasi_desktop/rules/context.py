"""What readiness checks need to know besides the catalogue and the innovation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from inovasi_desktop.domain.heading import DocumentHeading


@dataclass(frozen=True)
class CheckContext:
    today: date | None = None  # dates after it are flagged; None: no such check
    pemda: str = ""  # the organisation's pemda, source of `auto` fields with auto_from = "pemda"
    invalid_evidence: frozenset[str] = frozenset()  # ids found broken by the evidence checker
    lost_evidence: frozenset[str] = frozenset()  # of those, ids whose stored file is missing or changed
    earlier_entries: tuple[str, ...] = ()  # catalogue titles of earlier years where this innovation was entered
    readings: Mapping[str, DocumentHeading] = field(default_factory=dict)  # sha256 -> what the PDF's heading says

    def organisation_value(self, attribute: str | None) -> str:
        """The organisation attribute an `auto` field copies; only `pemda` is known here."""
        return {"pemda": self.pemda}.get(attribute or "", "")
