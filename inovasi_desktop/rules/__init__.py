"""Rules: pure functions of a Catalogue and an Innovation -- readiness findings, SID and regional IID
scoring, word counting and Indonesian formatting. No I/O, no storage, no Qt."""

from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.evidence_kinds import counting_evidence, counts, kind_of
from inovasi_desktop.rules.format import (
    format_date_id,
    format_nip,
    format_number_id,
    format_period_id,
    format_size_id,
    is_nip,
    nip_digits,
    round_half_up,
)
from inovasi_desktop.rules.readiness import Readiness, check, summarise
from inovasi_desktop.rules.region import RegionEstimate, estimate_region
from inovasi_desktop.rules.scoring import IndicatorScore, InnovationScore, score_innovation
from inovasi_desktop.rules.words import count_field_words, count_words

__all__ = [
    "CheckContext",
    "IndicatorScore",
    "InnovationScore",
    "Readiness",
    "RegionEstimate",
    "check",
    "count_field_words",
    "count_words",
    "counting_evidence",
    "counts",
    "estimate_region",
    "format_date_id",
    "format_nip",
    "format_number_id",
    "format_period_id",
    "format_size_id",
    "is_nip",
    "kind_of",
    "nip_digits",
    "round_half_up",
    "score_innovation",
    "summarise",
]
