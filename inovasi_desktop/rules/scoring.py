"""SID score of one innovation: what the answers claim and what their evidence backs.

Each answered indicator claims the catalogue's score for the chosen level (weight x level). The
assessors give 0 to an indicator without valid evidence, so `backed` keeps an indicator's score
only when at least one of its evidence items counts (accepted kind, not found broken, dated inside
the indicator's evidence period) and, where the indicator offers measurement bases, a basis is
chosen (a level means nothing without it). Whether the evidence proves the chosen level is for the
assessors; this is the best case the dossier allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from inovasi_desktop.catalogue.model import Catalogue, Indicator, Level
from inovasi_desktop.domain.model import Innovation
from inovasi_desktop.rules.evidence_kinds import counting_evidence


@dataclass(frozen=True)
class IndicatorScore:
    number: int
    level: int | None  # None: unanswered (or a level this catalogue does not know)
    claimed: float
    backed: float
    maximum: float

    @property
    def answered(self) -> bool:
        return self.level is not None

    @property
    def evidenced(self) -> bool:
        """Answered and backed by at least one counting evidence item."""
        return self.answered and self.backed > 0


@dataclass(frozen=True)
class InnovationScore:
    rows: tuple[IndicatorScore, ...]  # one per catalogue indicator, in catalogue order
    claimed: float
    backed: float
    maximum: float  # catalogue.sid_max

    def row(self, number: int) -> IndicatorScore | None:
        return next((r for r in self.rows if r.number == number), None)


def chosen_level(indicator: Indicator, innovation: Innovation) -> Level | None:
    """The catalogue level the innovation chose for `indicator`, or None when unanswered."""
    answer = innovation.answers.get(indicator.number)
    if answer is None or answer.level is None:
        return None
    return indicator.level(answer.level)


def is_backed(catalogue: Catalogue, indicator: Indicator, innovation: Innovation,
              invalid_evidence: frozenset[str] = frozenset()) -> bool:
    """Whether the answer to `indicator` has at least one evidence item that counts (and its basis, if any)."""
    answer = innovation.answers.get(indicator.number)
    if answer is None or (indicator.bases and indicator.basis(answer.basis) is None):
        return False
    period = catalogue.evidence_period(indicator)
    return bool(counting_evidence(answer.evidence, indicator.accepts, invalid_evidence, period))


def score_innovation(catalogue: Catalogue, innovation: Innovation,
                     invalid_evidence: frozenset[str] = frozenset()) -> InnovationScore:
    rows = []
    for indicator in catalogue.indicators:
        level = chosen_level(indicator, innovation)
        claimed = level.score if level else 0.0
        backed = claimed if level and is_backed(catalogue, indicator, innovation, invalid_evidence) else 0.0
        rows.append(IndicatorScore(number=indicator.number, level=level.level if level else None,
                                   claimed=claimed, backed=backed, maximum=indicator.max_score))
    return InnovationScore(rows=tuple(rows), claimed=sum(r.claimed for r in rows),
                           backed=sum(r.backed for r in rows), maximum=catalogue.sid_max)
