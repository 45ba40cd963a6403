"""Errors of the evidence layer (OS errors are worded by inovasi_desktop.domain.os_errors)."""

from __future__ import annotations

from inovasi_desktop.domain.errors import InovasiError


class EvidenceError(InovasiError):
    """An evidence file cannot be processed (e.g. an image that cannot be made smaller)."""


class StoreError(EvidenceError):
    """A file cannot be stored in, or read from, the evidence store."""


class StoreCancelled(InovasiError):
    """The user cancelled storing a file; nothing was left behind."""
