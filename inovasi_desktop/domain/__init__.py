"""Domain objects and errors. Standard library only."""

from inovasi_desktop.domain.errors import (
    Cancelled,
    CatalogueError,
    InovasiError,
    InterchangeError,
    NotFoundError,
    StorageError,
)
from inovasi_desktop.domain.model import (
    EvidenceItem,
    Finding,
    IndicatorAnswer,
    Innovation,
    Organisation,
    Severity,
    SpdAnswers,
    new_id,
    utc_now,
)

__all__ = [
    "Cancelled",
    "CatalogueError",
    "EvidenceItem",
    "Finding",
    "IndicatorAnswer",
    "Innovation",
    "InovasiError",
    "InterchangeError",
    "NotFoundError",
    "Organisation",
    "Severity",
    "SpdAnswers",
    "StorageError",
    "new_id",
    "utc_now",
]
