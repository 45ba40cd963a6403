"""Database snapshots for backups: a consistent copy (SQLite's online backup API) and what a copy holds,
read with the standard library's sqlite3 only, read-only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from inovasi_desktop.domain.errors import StorageError
from inovasi_desktop.storage.engine import _sqlite_backup
from inovasi_desktop.storage.migrations import LATEST_VERSION

_DAMAGED = "Salinan basis data di dalam cadangan rusak atau bukan basis data Inovasi Desktop."


@dataclass(frozen=True)
class SnapshotFacts:
    schema_version: int
    innovations: int  # not in the bin
    in_bin: int
    pemda: str
    opd: str
    files: dict[str, int]  # sha256 -> size of every stored evidence file the evidence items use


def copy_database(source: Path, dest: Path) -> None:
    """A consistent copy of the database file `source` (WAL included) at `dest`, written through a temp file.

    Its own connection, so it can run on a worker while the app reads and writes."""
    try:
        conn = sqlite3.connect(f"{Path(source).absolute().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as err:
        raise StorageError(f"Basis data tidak dapat dibaca untuk dicadangkan ({err.__class__.__name__}).") from err
    try:
        _sqlite_backup(conn, Path(dest))
    except sqlite3.Error as err:
        raise StorageError("Salinan basis data tidak dapat dibuat: basis data sedang dipakai atau rusak.") from err
    finally:
        conn.close()


def read_facts(path: Path, *, check: bool = True) -> SnapshotFacts:
    """What the database copy at `path` holds. StorageError when it is damaged, foreign or newer than this app
    (`check` also runs SQLite's integrity check, which reads every page)."""
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as err:
        raise StorageError(_DAMAGED) from err
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > LATEST_VERSION:
            raise StorageError(
                f"Cadangan ini dibuat oleh versi Inovasi Desktop yang lebih baru (versi skema {version}; aplikasi "
                f"ini hanya mengenal sampai versi {LATEST_VERSION}). Perbarui Inovasi Desktop untuk memulihkannya.")
        if check and conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise StorageError(_DAMAGED)
        if version < 1:
            raise StorageError(_DAMAGED)
        active, in_bin = conn.execute(
            "SELECT COUNT(*) - COUNT(deleted_at), COUNT(deleted_at) FROM innovations").fetchone()
        org = conn.execute("SELECT pemda, opd FROM organisation WHERE id = 1").fetchone() or ("", "")
        used = {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM evidence_items WHERE sha256 IS NOT NULL")}
        sizes = dict(conn.execute("SELECT sha256, size FROM stored_files"))
        item_sizes = dict(conn.execute("SELECT sha256, MAX(size) FROM evidence_items WHERE sha256 IS NOT NULL "
                                       "GROUP BY sha256"))
    except sqlite3.Error as err:
        raise StorageError(_DAMAGED) from err
    finally:
        conn.close()
    files = {sha: int(sizes.get(sha) or item_sizes.get(sha) or 0) for sha in sorted(used) if isinstance(sha, str)}
    return SnapshotFacts(version, int(active), int(in_bin), org[0] or "", org[1] or "", files)
