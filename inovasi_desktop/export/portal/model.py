"""What a portal upload package takes and gives back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.domain.model import EvidenceItem, Innovation, Organisation
from inovasi_desktop.evidence.limits import DEFAULT_MAX_BYTES

DEFAULT_CAP = DEFAULT_MAX_BYTES  # the upload cap regional IID portals use (2 MB); none is published nationally

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]

# Status of one row of the checklist
READY, TOO_BIG, NO_EVIDENCE, LINKS_ONLY, VIDEO = "siap", "terlalu_besar", "tanpa_bukti", "tautan", "video"
STATUS_LABELS = {READY: "Siap diunggah", TOO_BIG: "Melebihi batas", NO_EVIDENCE: "Belum ada bukti",
                 LINKS_ONLY: "Isi tautan", VIDEO: "Unggah terpisah"}


class PortalPackageError(InovasiError):
    """The package cannot be made (target folder, missing or altered evidence); nothing was written."""


@dataclass(frozen=True)
class PortalInput:
    catalogue: Catalogue
    innovation: Innovation
    organisation: Organisation
    evidence_path: Callable[[str], Path]  # sha256 -> stored file
    cap_bytes: int = DEFAULT_CAP


@dataclass
class UploadRow:
    """One line of the checklist: an indicator or a profile attachment field, and what goes there."""

    place: str  # "Indikator 3" or "Lampiran profil"
    title: str  # the indicator's name or the field's label
    level: str = ""  # the chosen level, worded: "Tingkat 2: Peraturan Kepala Daerah"
    file_name: str = ""  # the file to upload, in the package folder ("" when there is none)
    size: int = 0
    status: str = NO_EVIDENCE
    message: str = ""  # what to do, or why it does not fit
    items: list[EvidenceItem] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class PortalResult:
    folder: Path
    rows: list[UploadRow]
    files: list[str]  # every file written, by name, in the order written
    cap_bytes: int

    @property
    def problems(self) -> list[str]:
        return [row.message for row in self.rows if row.status == TOO_BIG]
