"""Every path the app uses, from one place. `INOVASI_HOME` overrides the user data folder."""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path

APP_NAME = "InovasiDesktop"

_NOT_IN_NAMES = re.compile(r'[\x00-\x1f<>:"/\\|?*]')  # what Windows refuses in a file name (":" makes `D:x`)
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}
MAX_NAME = 120


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


def safe_file_name(name: str, fallback: str = "berkas") -> str:
    """A user-supplied name (an evidence file's original name, a name from an imported document) made a plain
    file name that stays inside any folder it is joined to, on Windows too: no folder part (`..\\x`, `a/b`),
    no drive (`D:x.pdf`), no character or device name (`NUL`) Windows refuses; the extension is kept."""
    base = re.split(r"[\\/]", name)[-1]
    base = _NOT_IN_NAMES.sub("_", base).strip(" .")
    if base.split(".")[0].strip().upper() in _DEVICES:
        base = f"_{base}"
    if len(base) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        keep = f".{suffix}" if dot and len(suffix) <= 10 else ""
        base = base[: MAX_NAME - len(keep)] + keep
    return base or fallback


def inside(folder: Path, name: str) -> Path:
    """`folder / name` for a user-supplied `name`, never outside `folder` (see safe_file_name)."""
    return folder / safe_file_name(name)
