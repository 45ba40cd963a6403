"""Readiness findings about the SID indicator answers and their bukti dukung, in catalogue order."""

from __future__ import annotations

from inovasi_desktop.catalogue.model import Catalogue, Indicator
from inovasi_desktop.domain.model import Finding, Innovation, Severity
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.document_checks import document_findings
from inovasi_desktop.rules.evidence_checks import (
    evidence_name,
    metadata_findings,
    period_findings,
    usability_findings,
)
from inovasi_desktop.rules.evidence_kinds import counting_evidence
from inovasi_desktop.rules.scoring import chosen_level


def indicator_findings(catalogue: Catalogue, innovation: Innovation, context: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for indicator in catalogue.indicators:
        out += _answer_findings(catalogue, indicator, innovation, context)
        answer = innovation.answers.get(indicator.number)
        where, place = Finding.indicator_where(indicator.number), f"indikator {indicator.number}"
        for item in answer.evidence if answer else ():
            problems = usability_findings(item, indicator.accepts, where, place, context)
            if item.id not in context.invalid_evidence:
                problems += period_findings(item, catalogue.evidence_period(indicator), where, place)
                problems += metadata_findings(item, where, place)
                problems += document_findings(item, indicator, innovation, context, where, place,
                                              evidence_name(item))
            out += problems
    return out


def _answer_findings(catalogue: Catalogue, indicator: Indicator, innovation: Innovation,
                     context: CheckContext) -> list[Finding]:
    where = Finding.indicator_where(indicator.number)
    title = f"Indikator {indicator.number} ({indicator.name})"
    answer = innovation.answers.get(indicator.number)
    level = chosen_level(indicator, innovation)
    if level is None:
        if answer is not None and answer.level is not None:
            return [Finding(Severity.GALAT, where, f"{title}: tingkat {answer.level} tidak ada pada katalog ini; "
                                                   "pilih ulang tingkatnya.", "indicator.level_unknown")]
        if indicator.mandatory:
            return [Finding(Severity.GALAT, where, f"{title} wajib dijawab.", "indicator.mandatory")]
        if answer is not None and answer.evidence:
            return [Finding(Severity.INFO, where, f"{title} sudah memiliki bukti dukung, tetapi tingkatnya belum "
                                                  "dipilih; indikator ini dinilai 0.", "indicator.unanswered")]
        return []
    out = []
    if indicator.bases and indicator.basis(answer.basis) is None:
        out.append(Finding(Severity.GALAT, where, f"{title}: pilih dasar pengukuran yang digunakan; tanpa dasar "
                                                  "pengukuran indikator ini dinilai 0.", "indicator.basis_missing"))
    if not counting_evidence(answer.evidence, indicator.accepts, context.invalid_evidence,
                             catalogue.evidence_period(indicator)):
        # A mandatory indicator without counting evidence makes the innovation not ready to send.
        severity = Severity.GALAT if indicator.mandatory else Severity.PERINGATAN
        out.append(Finding(severity, where, f"{title} belum memiliki bukti dukung yang sah sehingga "
                                            "akan dinilai 0.", "indicator.no_evidence"))
    return out
