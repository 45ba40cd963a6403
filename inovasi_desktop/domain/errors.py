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
