"""Rules: pure functions of a Catalogue and an Innovation -- readiness findings, SID and regional IID
scoring, word counting and Indonesian formatting. No I/O, no storage, no Qt.

Names are imported from their modules on first use, so that `rules.format` alone (the list's numbers)
does not load the catalogue model and the checks while the window starts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

_WHERE = {
    "CheckContext": "context",
    "IndicatorScore": "scoring",
    "InnovationScore": "scoring",
    "Readiness": "readiness",
    "RegionEstimate": "region",
    "check": "readiness",
    "count_field_words": "words",
    "count_words": "words",
    "counting_evidence": "evidence_kinds",
    "counts": "evidence_kinds",
    "estimate_region": "region",
    "format_date_id": "format",
    "format_nip": "format",
    "format_number_id": "format",
    "format_period_id": "format",
    "format_size_id": "format",
    "is_nip": "format",
    "kind_of": "evidence_kinds",
    "nip_digits": "format",
    "round_half_up": "format",
    "score_innovation": "scoring",
    "summarise": "readiness",
}

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


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
