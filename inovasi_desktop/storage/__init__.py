"""Storage: SQLite through SQLAlchemy. Only this package imports SQLAlchemy; it returns domain objects.

Its names are imported on first use, so that `storage.list_reader` (standard library only) can be
used before SQLAlchemy is loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inovasi_desktop.storage.engine import Database, open_database
    from inovasi_desktop.storage.list_reader import InnovationSummary
    from inovasi_desktop.storage.migrations import LATEST_VERSION
    from inovasi_desktop.storage.repositories import (
        AppStateRepository,
        InnovationRepository,
        OrganisationRepository,
        SpdRepository,
        StoredFileRepository,
    )

_WHERE = {
    "LATEST_VERSION": "migrations",
    "AppStateRepository": "repositories",
    "Database": "engine",
    "InnovationRepository": "repositories",
    "InnovationSummary": "list_reader",
    "OrganisationRepository": "repositories",
    "SpdRepository": "repositories",
    "StoredFileRepository": "repositories",
    "open_database": "engine",
}

__all__ = [
    "LATEST_VERSION",
    "AppStateRepository",
    "Database",
    "InnovationRepository",
    "InnovationSummary",
    "OrganisationRepository",
    "SpdRepository",
    "StoredFileRepository",
    "open_database",
]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
