"""What an attached PDF's heading proposes for its evidence item, and what it says against the claim.

The heading is read while the file is checked (on the background worker, `evidence.checks`) and kept with
the check result, so proposing costs nothing when the metadata form opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import EvidenceItem, Innovation
from inovasi_desktop.domain.heading import DocumentHeading
from inovasi_desktop.evidence.checks import FileCheck
from inovasi_desktop.rules.document_checks import name_message, type_message
from inovasi_desktop.services import evidence_status, organisation
from inovasi_desktop.services.evidence import INDICATOR, Target
from inovasi_desktop.services.workspace import Workspace

READ_FIELDS = ("nomor", "tanggal", "tentang")
SCAN_NOTE = ("Berkas ini hasil pindaian tanpa lapisan teks sehingga tidak dibaca oleh aplikasi; isi nomor, "
             "tanggal, dan tentang sendiri.")


@dataclass(frozen=True)
class Reading:
    heading: DocumentHeading | None  # None: not a PDF, or a PDF without text
    scan: bool = False  # a PDF without a text layer: nothing was read
    notes: tuple[str, ...] = ()  # peringatan about the document's type and the innovation's name

    @property
    def read(self) -> bool:
        return self.heading is not None and self.heading.found_anything


def reading_of(check: FileCheck | None, catalogue: Catalogue, innovation: Innovation, target: Target) -> Reading:
    if check is None or check.kind != "pdf":
        return Reading(None)
    if check.heading is None:
        return Reading(None, scan=check.has_text is False)
    heading, notes = check.heading, []
    if target.kind == INDICATOR and (indicator := catalogue.indicator(int(target.key))) is not None:
        answer = innovation.answers.get(indicator.number)
        if message := type_message(heading, indicator, answer.level if answer else None):
            notes.append(message[0].upper() + message[1:] + ".")
    if message := name_message(heading, innovation.name):
        notes.append(message[0].upper() + message[1:] + "; penilai mencari nama inovasi di dalam bukti.")
    return Reading(heading, notes=tuple(notes))


def kept_reading(ws: Workspace, innovation: Innovation, target: Target, item: EvidenceItem) -> Reading:
    """The reading of an item's stored file from its kept check (no file is opened)."""
    if not item.sha256:
        return Reading(None)
    status = evidence_status.file_status(ws, [item.sha256], organisation.get(ws).pemda, examine=False)[item.sha256]
    return reading_of(status.check, ws.catalogues.get(innovation.catalogue_id), innovation, target)


def fill_from_heading(item: EvidenceItem, heading: DocumentHeading | None) -> list[str]:
    """Fill the item's empty nomor, tanggal and tentang from the heading; the names of the fields filled."""
    if heading is None:
        return []
    filled = []
    if not item.nomor.strip() and heading.nomor:
        item.nomor = heading.nomor
        filled.append("nomor")
    if item.tanggal is None and heading.tanggal:
        item.tanggal = heading.tanggal
        filled.append("tanggal")
    if not item.tentang.strip() and heading.tentang:
        item.tentang = heading.tentang
        filled.append("tentang")
    return filled
