"""Errors that carry a message fit for the user (Bahasa Indonesia)."""


class InovasiError(Exception):
    """Base of every expected error; `str(err)` is shown to the user as is."""


class CatalogueError(InovasiError):
    """A catalogue file is missing or malformed."""


class StorageError(InovasiError):
    """The database or data folder cannot be used."""


class InterchangeError(InovasiError):
    """An interchange (JSON) document is invalid; nothing was written."""


class NotFoundError(InovasiError):
    """A requested object does not exist."""


class ConflictError(InovasiError):
    """What was saved changed elsewhere on the same fields since it was read; nothing was changed."""


class Cancelled(InovasiError):
    """The user cancelled the work; nothing was left half done. The one cancel type of the app."""

    def __init__(self, message: str = "Dibatalkan.") -> None:
        super().__init__(message)
