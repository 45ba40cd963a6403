"""Use cases about the shipped catalogues."""

from __future__ import annotations

from inovasi_desktop.services.workspace import Workspace


def describe_all(ws: Workspace) -> list[dict]:
    default_id = ws.catalogues.default.id
    return [
        {"id": c.id, "title": c.title, "year": c.year, "default": c.id == default_id,
         "indicators": len(c.indicators), "sid_max": c.sid_max, "spd_max": c.spd_max,
         "confidence": c.confidence, "file": c.source_file}
        for c in ws.catalogues.all
    ]
