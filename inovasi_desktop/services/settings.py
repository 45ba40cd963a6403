"""Every setting and piece of remembered state, declared once: name, type, default, store, purpose.

Two stores:
- DATABASE: the `app_state` table of the workspace's database; it travels with the work (backups,
  a copied data folder). Read and written here, with `get` and `put`.
- VIEW: Qt's settings file `tampilan.ini` in the data folder (`paths.view_settings_path`), for the
  layout of this screen. Read and written by `ui/view_settings.py` (Qt is only imported in ui/).

The declarations live in services, the lowest layer that both the window (ui/) and the command line
can import, and the one that holds the workspace the DATABASE store needs.

Not settings, so not here: the organisation (a typed record with its own table and one validator,
`services/organisation.py`); the check result of each stored evidence file (kept on its row of
`stored_files`, see `evidence_status`); the environment switches `INOVASI_HOME`, `INOVASI_FORMS` and
`INOVASI_NO_CRASH_DIALOG` (read by `paths.py` and `app.py` before any workspace exists).

To add a setting: append one `Setting` below and read it with `get` (or `view_settings.get`);
tests/unit/services/test_settings.py checks every entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from inovasi_desktop.evidence.limits import DEFAULT_MAX_BYTES
from inovasi_desktop.services.workspace import Workspace

T = TypeVar("T")


class Store(Enum):
    DATABASE = "database"  # the workspace database's app_state table
    VIEW = "view"  # Qt's view settings file (ui/view_settings.py)


TYPES = {Store.DATABASE: (str, int), Store.VIEW: (str, int, bytes)}  # what each store can keep


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str  # its name in the store
    type: type[T]
    default: T
    store: Store
    purpose: str


SETTINGS: list[Setting[Any]] = []


def _declare(key: str, type_: type[T], default: T, store: Store, purpose: str) -> Setting[T]:
    if type_ not in TYPES[store] or type(default) is not type_:
        raise TypeError(f"setting {key}: {type_.__name__} (default {default!r}) cannot be kept in {store.value}")
    setting = Setting(key, type_, default, store, purpose)
    SETTINGS.append(setting)
    return setting


LAST_INNOVATION = _declare("editor/last_innovation", str, "", Store.DATABASE,
                           "Id of the innovation open in the editor, reopened at the next start (also after a crash).")
LAST_STEP = _declare("editor/last_step", str, "", Store.DATABASE,
                     "Key of the editor step last shown, reopened with LAST_INNOVATION.")
LIST_SELECTED = _declare("list/selected", str, "", Store.DATABASE,
                         "Id of the innovation last selected in the list, selected again at the next start.")
LAST_FOLDER = _declare("evidence/last_folder", str, "", Store.DATABASE,
                       "Folder the file dialogs for evidence open in: where the last evidence file came from.")
EVIDENCE_MAX_BYTES = _declare("evidence/max_bytes", int, DEFAULT_MAX_BYTES, Store.DATABASE,
                              "Size cap per evidence file in bytes; larger files get a warning "
                              "(set in the organisation dialog or with `evidence-limit`).")
OPD_LIST_IS_TEMPLATE = _declare("monitoring/opd_list_is_template", int, 0, Store.DATABASE,
                                "1 while the region's OPD list is the shipped template, not yet adjusted by the user "
                                "(the monitoring page says so).")
STALE_DAYS = _declare("monitoring/stale_days", int, 30, Store.DATABASE,
                      "An OPD with nothing new for this many days stands out on the monitoring page.")
WINDOW_GEOMETRY = _declare("window/geometry", bytes, b"", Store.VIEW,
                           "Size and place of the main window (QWidget.saveGeometry), restored at start.")
EDITOR_SPLITTER = _declare("editor/splitter", bytes, b"", Store.VIEW,
                           "Widths of the editor's step list and page (QSplitter.saveState).")


def get(ws: Workspace, setting: Setting[T]) -> T:
    """The stored value of a DATABASE setting; its default when none is stored or it cannot be read."""
    from inovasi_desktop.storage.repositories import AppStateRepository

    _require_database(setting)
    with ws.db.begin() as session:
        text = AppStateRepository(session).get(setting.key)
    return setting.default if text is None else _decode(setting, text)


def put(ws: Workspace, values: Mapping[Setting[Any], Any]) -> None:
    """Store several DATABASE settings in one transaction; None goes back to the default."""
    from inovasi_desktop.storage.repositories import AppStateRepository

    texts = {}
    for setting, value in values.items():
        _require_database(setting)
        if value is not None and type(value) is not setting.type:
            raise TypeError(f"{setting.key} takes {setting.type.__name__}, not {type(value).__name__}")
        texts[setting.key] = None if value is None else str(value)
    with ws.db.write() as session:
        repo = AppStateRepository(session)
        for key, text in texts.items():
            repo.set(key, text)


def _require_database(setting: Setting[Any]) -> None:
    if setting.store is not Store.DATABASE:
        raise ValueError(f"{setting.key} is kept in the {setting.store.value} store, not the database")


def _decode(setting: Setting[T], text: str) -> T:
    if setting.type is str:
        return text  # type: ignore[return-value]
    try:
        return setting.type(text)  # type: ignore[call-arg]
    except ValueError:
        return setting.default
