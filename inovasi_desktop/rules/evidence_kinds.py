"""Which catalogue evidence kind ("pdf", "jpg", ..., "link") an evidence item is, and which items count.

The kind comes from the sniffed `media_type` (content, not the file name): a file whose type was
not recognised has no kind and is accepted nowhere. An item counts for an indicator when its kind
is one the indicator accepts, the evidence checker has not found it broken and, where the indicator
has an evidence period, its date (when given) falls inside it: the standard counts valid evidence only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from inovasi_desktop.catalogue.evidence_kinds import KIND_BY_MEDIA_TYPE, LINK
from inovasi_desktop.domain.model import EvidenceItem


def kind_of(item: EvidenceItem) -> str | None:
    """The catalogue evidence kind of `item`, or None when its type is not one the catalogues know."""
    if item.is_link:
        return LINK
    if not item.media_type:
        return None
    media_type = item.media_type.split(";", 1)[0].strip().lower()
    return KIND_BY_MEDIA_TYPE.get(media_type)


def in_period(item: EvidenceItem, period: tuple[date, date] | None) -> bool:
    """Whether `item` is dated inside `period` (an undated item, or no period, cannot be ruled out)."""
    return period is None or item.tanggal is None or period[0] <= item.tanggal <= period[1]


def counts(item: EvidenceItem, accepts: Iterable[str], invalid_evidence: frozenset[str] = frozenset(),
           period: tuple[date, date] | None = None) -> bool:
    """Whether `item` counts as evidence where `accepts` are the accepted kinds and `period` the dates."""
    return item.id not in invalid_evidence and kind_of(item) in set(accepts) and in_period(item, period)


def counting_evidence(items: Iterable[EvidenceItem], accepts: Iterable[str],
                      invalid_evidence: frozenset[str] = frozenset(),
                      period: tuple[date, date] | None = None) -> list[EvidenceItem]:
    """The items that count, in their order."""
    accepted = tuple(accepts)
    return [item for item in items if counts(item, accepted, invalid_evidence, period)]
