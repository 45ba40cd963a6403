"""Domain objects and errors. Standard library only.

Names are imported from their modules on first use, so that `domain.errors` alone does not create the
model's dataclasses before the window is first shown.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
        Snapshot,
        SpdAnswers,
        new_id,
        utc_now,
    )

_WHERE = {
    "Cancelled": "errors",
    "CatalogueError": "errors",
    "EvidenceItem": "model",
    "Finding": "model",
    "IndicatorAnswer": "model",
    "Innovation": "model",
    "InovasiError": "errors",
    "InterchangeError": "errors",
    "NotFoundError": "errors",
    "Organisation": "model",
    "Severity": "model",
    "Snapshot": "model",
    "SpdAnswers": "model",
    "StorageError": "errors",
    "new_id": "model",
    "utc_now": "model",
}

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
    "Snapshot",
    "SpdAnswers",
    "StorageError",
    "new_id",
    "utc_now",
]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
