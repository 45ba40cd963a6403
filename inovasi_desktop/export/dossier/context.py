"""Everything the generated pages need, computed once per export."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.model import Innovation, Organisation
from inovasi_desktop.export import interchange
from inovasi_desktop.export.dossier.annex import AnnexSection
from inovasi_desktop.export.dossier.model import DossierInput
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.readiness import Readiness, summarise
from inovasi_desktop.rules.scoring import InnovationScore


def dossier_id(catalogue: Catalogue, innovation: Innovation) -> str:
    """12 hex digits of the SHA-256 of the innovation's interchange JSON and the catalogue id.

    The JSON text is that of `interchange.dumps`, made without its validity check so that a draft
    with unusual values still gets an id.
    """
    document = json.dumps(interchange.innovation_to_dict(innovation), sort_keys=True, indent=2, ensure_ascii=False)
    content = document + "\n\n" + catalogue.id
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


@dataclass
class Context:
    source: DossierInput
    readiness: Readiness
    score: InnovationScore
    dossier_id: str
    sections: list[AnnexSection]
    pages: dict[str, int]  # evidence item id -> its first page in the dossier (0 until laid out)

    @classmethod
    def of(cls, source: DossierInput, sections: list[AnnexSection]) -> Context:
        readiness = source.readiness or summarise(source.catalogue, source.innovation, check_context(source))
        return cls(source=source, readiness=readiness, score=source.score or readiness.score,
                   dossier_id=dossier_id(source.catalogue, source.innovation), sections=sections, pages={})

    @property
    def catalogue(self) -> Catalogue:
        return self.source.catalogue

    @property
    def innovation(self) -> Innovation:
        return self.source.innovation

    @property
    def organisation(self) -> Organisation:
        return self.source.organisation

    @property
    def ready(self) -> bool:
        return self.readiness.ready

    @property
    def status(self) -> str:
        return "SIAP KIRIM" if self.ready else "DRAFT"

    @property
    def innovation_name(self) -> str:
        return self.innovation.name.strip() or "(nama inovasi belum diisi)"

    @property
    def check_context(self) -> CheckContext:
        return check_context(self.source)

    def refresh_pages(self) -> None:
        self.pages = {entry.item.id: entry.page for section in self.sections for entry in section.entries}


def check_context(source: DossierInput) -> CheckContext:
    return CheckContext(today=source.generated_on, pemda=source.organisation.pemda,
                        invalid_evidence=source.invalid_evidence, lost_evidence=source.lost_evidence,
                        readings=source.readings)
