"""The rows of the innovation list, read with the standard library's sqlite3 only.

The one list reader: the repository calls it inside its session, and `read_list` calls it on a
read-only connection of its own, so the window can show the list before SQLAlchemy (and the rest of
storage) has been imported. Importing this module imports neither.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inovasi_desktop.storage.migrations import LATEST_VERSION

_QUERY = ("SELECT id, name, tahapan, catalogue_id, updated_at, deleted_at, summary_json, opd, origin "
          "FROM innovations{where} "
          "ORDER BY updated_at DESC, name, id")


@dataclass(frozen=True)
class InnovationSummary:
    """One row of the innovation list, without the profile, answers or evidence.

    `summary` is what the caller passed to `save` (e.g. readiness and score), None if nothing was.
    """

    id: str
    name: str
    tahapan: str
    catalogue_id: str
    updated_at: datetime
    deleted_at: datetime | None = None
    summary: dict[str, Any] | None = None
    opd: str = ""
    origin: str = ""


def parse_utc(value: str | None) -> datetime | None:
    """A stored ISO 8601 time as an aware UTC datetime (how every datetime column is kept)."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def summaries(connection: sqlite3.Connection, include_deleted: bool = False) -> list[InnovationSummary]:
    """Lightweight rows, most recently changed first (innovations in the bin only with `include_deleted`)."""
    query = _QUERY.format(where="" if include_deleted else " WHERE deleted_at IS NULL")
    return [InnovationSummary(iid, name, tahapan, catalogue_id, parse_utc(updated), parse_utc(deleted),
                              None if summary is None else json.loads(summary), opd, origin)
            for iid, name, tahapan, catalogue_id, updated, deleted, summary, opd, origin
            in connection.execute(query)]


def read_list(path: Path, include_deleted: bool = False) -> list[InnovationSummary] | None:
    """`summaries` from the database file at `path`, opened read-only; None when it cannot be read as it
    is (no file yet, an older or newer schema, locked, damaged): opening it fully then creates, upgrades
    or explains it."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] != LATEST_VERSION:
            return None
        return summaries(connection, include_deleted)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        connection.close()
