"""Storage: SQLite through SQLAlchemy. Only this package imports SQLAlchemy; it returns domain objects."""

from inovasi_desktop.storage.engine import Database, open_database
from inovasi_desktop.storage.migrations import LATEST_VERSION
from inovasi_desktop.storage.repositories import (
    AppStateRepository,
    InnovationRepository,
    InnovationSummary,
    OrganisationRepository,
    SpdRepository,
    StoredFileRepository,
)

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
