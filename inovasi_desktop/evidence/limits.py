"""Limits on evidence files that settings and checks share (standard library only, cheap to import)."""

DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # size cap per file, as regional portals use
