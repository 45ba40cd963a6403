"""Readiness of an innovation dossier: findings in catalogue order and a short summary.

`check` lists what keeps the dossier from being complete (galat), what costs score or risks
rejection (peringatan) and small gaps worth fixing (info): profile fields first, in catalogue
order (the implementation-window finding right after the window's date field), then the
indicators in order, each followed by the findings about its bukti dukung.
"""

from __future__ import annotations

from dataclasses import dataclass

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.model import Finding, Innovation, Severity
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.entry_checks import entry_findings
from inovasi_desktop.rules.indicator_checks import indicator_findings
from inovasi_desktop.rules.profile_checks import profile_findings
from inovasi_desktop.rules.scoring import InnovationScore, score_innovation


@dataclass(frozen=True)
class Readiness:
    findings: tuple[Finding, ...]
    errors: int  # galat
    warnings: int  # peringatan
    answered: int  # indicators with a level chosen
    evidenced: int  # answered indicators with at least one counting evidence item
    total: int  # indicators in the catalogue
    score: InnovationScore

    @property
    def ready(self) -> bool:
        return self.errors == 0

    @property
    def label(self) -> str:
        """E.g. "14/20 indikator berbukti, 2 galat"."""
        state = f"{self.errors} galat" if self.errors else "tanpa galat"
        return f"{self.evidenced}/{self.total} indikator berbukti, {state}"


def check(catalogue: Catalogue, innovation: Innovation, context: CheckContext = CheckContext()) -> list[Finding]:
    return (profile_findings(catalogue, innovation, context) + entry_findings(catalogue, innovation, context)
            + indicator_findings(catalogue, innovation, context))


def summarise(catalogue: Catalogue, innovation: Innovation, context: CheckContext = CheckContext()) -> Readiness:
    findings = tuple(check(catalogue, innovation, context))
    score = score_innovation(catalogue, innovation, context.invalid_evidence)
    return Readiness(
        findings=findings,
        errors=sum(1 for f in findings if f.severity is Severity.GALAT),
        warnings=sum(1 for f in findings if f.severity is Severity.PERINGATAN),
        answered=sum(1 for row in score.rows if row.answered),
        evidenced=sum(1 for row in score.rows if row.evidenced),
        total=len(catalogue.indicators),
        score=score,
    )
