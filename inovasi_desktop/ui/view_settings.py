"""The VIEW store of the settings declared in services/settings.py: Qt's settings file in the data folder.

The layout of this screen (window size, splitters) lives here rather than in the database with the work.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from inovasi_desktop import paths
from inovasi_desktop.services.settings import Setting, Store

T = TypeVar("T")


def _file() -> QSettings:
    return QSettings(str(paths.view_settings_path()), QSettings.Format.IniFormat)


def get(setting: Setting[T]) -> T:
    """The stored value of a VIEW setting; its default when none is stored or it is of another type."""
    _require_view(setting)
    value = _file().value(setting.key)
    if isinstance(value, QByteArray):
        value = value.data()
    if type(value) is setting.type:
        return value
    if isinstance(value, str) and setting.type is int:  # an INI file keeps numbers as text
        try:
            return setting.type(value)
        except ValueError:
            pass
    return setting.default


def put(setting: Setting[T], value: T | None) -> None:
    """Store a VIEW setting (bytes as QByteArray, as Qt reads it back); None goes back to the default."""
    _require_view(setting)
    store = _file()
    if value is None:
        store.remove(setting.key)
        return
    if type(value) is not setting.type:
        raise TypeError(f"{setting.key} takes {setting.type.__name__}, not {type(value).__name__}")
    store.setValue(setting.key, QByteArray(value) if isinstance(value, bytes) else value)


def _require_view(setting: Setting[Any]) -> None:
    if setting.store is not Store.VIEW:
        raise ValueError(f"{setting.key} is kept in the {setting.store.value} store, not the view settings")
