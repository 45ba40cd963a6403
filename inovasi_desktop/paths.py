"""Every path the app uses, from one place. `INOVASI_HOME` overrides the user data folder."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

APP_NAME = "InovasiDesktop"


@functools.cache  # resolving the path costs a system call per folder; the window asks for ~30 icons
def _package_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The user data folder (database, evidence store, backups, logs)."""
    override = os.environ.get("INOVASI_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def inside_data_dir(path: Path, home: Path | None = None) -> bool:
    """Whether `path` is the data folder (`home`, by default `data_dir()`) or lies inside it, symbolic links
    resolved (and, on Windows, letter case ignored). What the user exports never goes there: it could
    replace the database or a store file."""
    data = os.path.normcase(str(Path(home or data_dir()).resolve()))
    target = os.path.normcase(str(Path(path).resolve()))
    return target == data or target.startswith(data.rstrip(os.sep) + os.sep)


def database_path() -> Path:
    return data_dir() / "inovasi.sqlite3"


def evidence_dir() -> Path:
    return data_dir() / "bukti"


def backups_dir() -> Path:
    return data_dir() / "cadangan"


def view_settings_path() -> Path:
    """Qt's settings file for the window layout (services/settings.py: the VIEW store)."""
    return data_dir() / "tampilan.ini"


def log_dir() -> Path:
    return data_dir() / "log"


def forms_dir() -> Path:
    """The shipped catalogue files (`forms/`); `INOVASI_FORMS` overrides for tests."""
    override = os.environ.get("INOVASI_FORMS")
    return Path(override) if override else _package_root() / "forms"


def resources_dir() -> Path:
    return _package_root() / "resources"


def examples_dir() -> Path:
    return _package_root() / "examples"


def inside(folder: Path, name: str) -> Path:
    """`folder / name` for a user-supplied `name`, never outside `folder` (domain/file_names.safe_file_name)."""
    from inovasi_desktop.domain.file_names import safe_file_name

    return folder / safe_file_name(name)
