"""Small key/value state kept in the database: last opened innovation and step, window layout."""

from __future__ import annotations

from inovasi_desktop.services.workspace import Workspace

LAST_INNOVATION = "editor/last_innovation"
LAST_STEP = "editor/last_step"
LIST_SELECTED = "list/selected"


def get(ws: Workspace, key: str, default: str | None = None) -> str | None:
    from inovasi_desktop.storage.repositories import AppStateRepository

    with ws.db.begin() as session:
        value = AppStateRepository(session).get(key)
    return default if value is None else value


def put(ws: Workspace, values: dict[str, str | None]) -> None:
    """Set several keys in one transaction; None removes a key."""
    from inovasi_desktop.storage.repositories import AppStateRepository

    with ws.db.begin() as session:
        repo = AppStateRepository(session)
        for key, value in values.items():
            repo.set(key, value)
