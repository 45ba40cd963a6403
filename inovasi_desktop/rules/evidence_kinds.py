"""Which catalogue evidence kind ("pdf", "jpg", ..., "link") an evidence item is, and which items count.

The kind comes from the sniffed `media_type` (content, not the file name): a file whose type was
not recognised has no kind and is accepted nowhere. An item counts for an indicator when its kind
is one the indicator accepts and the evidence checker has not found it broken.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def counts(item: EvidenceItem, accepts: Iterable[str], invalid_evidence: frozenset[str] = frozenset()) -> bool:
    """Whether `item` counts as evidence where `accepts` are the accepted kinds."""
    return item.id not in invalid_evidence and kind_of(item) in set(accepts)


def counting_evidence(items: Iterable[EvidenceItem], accepts: Iterable[str],
                      invalid_evidence: frozenset[str] = frozenset()) -> list[EvidenceItem]:
    """The items that count, in their order."""
    accepted = tuple(accepts)
    return [item for item in items if counts(item, accepted, invalid_evidence)]
