"""What a dossier export takes and gives back, and the errors it raises."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.domain.heading import DocumentHeading
from inovasi_desktop.domain.model import Innovation, Organisation
from inovasi_desktop.rules.readiness import Readiness
from inovasi_desktop.rules.scoring import InnovationScore

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)
IsCancelled = Callable[[], bool]


class DossierError(InovasiError):
    """The dossier cannot be made (missing or altered evidence, unreadable file); nothing was written."""


@dataclass(frozen=True)
class DossierInput:
    catalogue: Catalogue
    innovation: Innovation
    organisation: Organisation
    evidence_path: Callable[[str], Path]  # sha256 -> stored file
    generated_on: date  # the document date; fixed so that the same input gives the same bytes
    place: str = ""  # where the head of the OPD signs, e.g. "Mojokerto"
    readiness: Readiness | None = None  # computed from the rules when not given
    score: InnovationScore | None = None  # computed from the rules when not given
    invalid_evidence: frozenset[str] = frozenset()  # evidence ids the evidence checker found broken
    lost_evidence: frozenset[str] = frozenset()  # of those, ids whose stored file is missing or changed
    readings: Mapping[str, DocumentHeading] = field(default_factory=dict)  # sha256 -> what the PDF's heading says


@dataclass(frozen=True)
class DossierResult:
    pages: int
    bytes: int
    sha256: str
    path: Path
