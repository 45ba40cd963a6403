"""Limits on evidence files that settings and checks share (standard library only, cheap to import)."""

DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # size cap per file, as regional portals use
TINY_PAGE_PT = 5 / 2.54 * 72  # a page whose longer side is under 5 cm is enlarged to fit A4 in the dossier
