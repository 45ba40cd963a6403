"""Opening the SQLite database: checks, pragmas, migrations, sessions and backups.

The database file is never overwritten or deleted here: a damaged, newer or read-only file
is reported with a StorageError (in Indonesian) and left exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from inovasi_desktop.domain import os_errors
from inovasi_desktop.domain.errors import StorageError
from inovasi_desktop.storage import messages
from inovasi_desktop.storage.migrations import LATEST_VERSION, upgrade

BUSY_TIMEOUT_MS = 5000
log = logging.getLogger(__name__)
WRITER = "inovasi_writer"  # execution option of a connection inside Database.write()
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
BACKUPS_FOLDER_NAME = "cadangan"


class Database:
    """An open database: an engine plus a session factory. Close it when done.

    Reads use `begin()`; every unit of work that writes uses `write()`, which takes the database's one
    write lock: writers, from the GUI thread or a worker, go one at a time and never meet SQLite's lock.
    A write outside `write()` is a bug: it is logged as an error (and fails the tests)."""

    def __init__(self, path: Path, engine: Engine, backups_dir: Path) -> None:
        self.path = path
        self.backups_dir = backups_dir
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.write_lock = threading.RLock()
        self._probe: sqlite3.Connection | None = None  # data_version's own connection
        self._probe_lock = threading.Lock()

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in one read transaction (a consistent snapshot), ended on leaving."""
        with self._translated(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction (BEGIN IMMEDIATE), one writer at a time: committed on
        success, rolled back on error."""
        with self.write_lock, self._translated(), self._sessions.begin() as session:
            session.connection(execution_options={WRITER: True})
            yield session

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except (sa_exc.DBAPIError, sqlite3.Error) as err:
            translated = _translate(err, self.path, self.backups_dir)
            if translated is None:
                raise
            raise translated from err

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version` on a connection of its own: it changes whenever any other connection,
        another process's included, commits. Cheap enough to ask every second."""
        with self._probe_lock, self._translated():
            if self._probe is None:
                self._probe = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                              timeout=BUSY_TIMEOUT_MS / 1000)
            return int(self._probe.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._probe_lock:
            if self._probe is not None:
                self._probe.close()
                self._probe = None
        self.engine.dispose()

    def backup_to(self, dest: Path) -> Path:
        """Write a consistent copy of the database to `dest` (sqlite backup API, WAL-safe)."""
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise StorageError(messages.backup_onto_database(self.path))
        with self.engine.connect() as conn:
            _sqlite_backup(conn.connection.driver_connection, dest)
        return dest

    def integrity_ok(self) -> bool:
        """True when SQLite's integrity check and foreign key check both find nothing wrong."""
        try:
            with self.engine.connect() as conn:
                result = conn.exec_driver_sql("PRAGMA integrity_check").all()
                violation = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
        except sa_exc.DatabaseError:
            return False
        return [tuple(r) for r in result] == [("ok",)] and violation is None


def open_database(path: Path, backups_dir: Path | None = None) -> Database:
    """Open (creating or upgrading) the database at `path`.

    Before upgrading an existing schema, a backup copy is written to `backups_dir`
    (default: the `cadangan` folder beside the database).
    """
    path = Path(path).absolute()
    backups = Path(backups_dir) if backups_dir else path.parent / BACKUPS_FOLDER_NAME
    _ensure_folder(path.parent)
    _check_access(path)
    version = _inspect_existing(path, backups) if path.exists() else 0
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", _only_writers_write)
    try:
        _migrate(engine, path, backups, version)
    except (sa_exc.DBAPIError, sqlite3.Error) as err:
        engine.dispose()
        translated = _translate(err, path, backups)
        if translated is None:
            raise
        raise translated from err
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine, backups)


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level; transactions are begun explicitly in _on_begin, so that
    # reads and DDL are transactional too (the SQLAlchemy recipe for Python < 3.12).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITER) else "BEGIN")


def _only_writers_write(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:7].upper().startswith(_WRITES) and not conn.get_execution_options().get(WRITER):
        # A bug, but the user's data comes first: the write goes on (SQLite still serialises it) and the
        # error is logged, which fails any test that reaches it.
        log.error("A database write outside Database.write(): %s", statement[:80])


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError as err:
        raise StorageError(messages.read_only_folder(folder)) from err
    except (FileExistsError, NotADirectoryError) as err:
        raise StorageError(messages.folder_is_a_file(folder)) from err
    except OSError as err:
        raise StorageError(messages.folder_not_created(folder, os_errors.describe_os_error(err))) from err


def _check_access(path: Path) -> None:
    effective = os.access in os.supports_effective_ids

    def allowed(p: Path, mode: int) -> bool:
        return os.access(p, mode, effective_ids=effective)

    if not allowed(path.parent, os.W_OK | os.X_OK):
        raise StorageError(messages.read_only_folder(path.parent))
    if path.exists():
        if not allowed(path, os.R_OK):
            raise StorageError(messages.cannot_open(path))
        if not allowed(path, os.W_OK):
            raise StorageError(messages.read_only_file(path))


def _inspect_existing(path: Path, backups: Path) -> int:
    """Check an existing file read-only (nothing is written) and return its schema version."""
    try:
        conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as err:
        raise StorageError(messages.cannot_open(path)) from err
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        problems = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as err:
        raise _translate(err, path, backups) or StorageError(messages.cannot_open(path)) from err
    finally:
        conn.close()
    if problems != [("ok",)]:
        raise StorageError(messages.damaged(path, backups))
    if version > LATEST_VERSION:
        raise StorageError(messages.newer_schema(path, version, LATEST_VERSION))
    return version


def _migrate(engine: Engine, path: Path, backups: Path, version: int) -> None:
    raw = engine.raw_connection()  # runs _on_connect; creates the file when it is new
    try:
        conn = raw.driver_connection
        if version >= LATEST_VERSION:
            return
        backup = _backup_before_upgrade(conn, path, backups, version) if version > 0 else None
        try:
            upgrade(conn)
        except sqlite3.Error as err:
            if _translate(err, path, backups) is not None:
                raise
            raise StorageError(messages.upgrade_failed(path, LATEST_VERSION, backup)) from err
    finally:
        raw.close()


def _backup_before_upgrade(conn: sqlite3.Connection, path: Path, backups: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = backups / f"{path.stem}-skema-v{version}-{stamp}.sqlite3"
    counter = 2
    while dest.exists():
        dest = backups / f"{path.stem}-skema-v{version}-{stamp}-{counter}.sqlite3"
        counter += 1
    try:
        _sqlite_backup(conn, dest)
    except (OSError, sqlite3.Error) as err:
        raise StorageError(messages.backup_failed(backups, _reason(err))) from err
    return dest


def _sqlite_backup(source: sqlite3.Connection, dest: Path) -> None:
    """Copy `source` into `dest` through a temporary file in the same folder, then rename."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


# Primary SQLite result codes (https://sqlite.org/rescode.html).
_SQLITE_READONLY, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT = 8, 5, 6, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB, _SQLITE_IOERR = 13, 14, 26, 10


def _reason(err: OSError | sqlite3.Error) -> str:
    """A short Indonesian reason, never SQLite's or the system's English text."""
    if isinstance(err, OSError):
        return os_errors.describe_os_error(err)
    primary = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
    return {
        _SQLITE_FULL: os_errors.DISK_FULL,
        _SQLITE_IOERR: os_errors.DEVICE_ERROR,
        _SQLITE_READONLY: os_errors.ACCESS_DENIED,
        _SQLITE_CANTOPEN: "berkas salinan tidak dapat dibuat",
        _SQLITE_BUSY: "basis data sedang dipakai proses lain",
        _SQLITE_LOCKED: "basis data sedang dipakai proses lain",
    }.get(primary, "kesalahan basis data")


def _translate(err: BaseException, path: Path, backups: Path) -> StorageError | None:
    """A StorageError for environment problems (damage, read-only, busy, full), else None."""
    orig = err.orig if isinstance(err, sa_exc.DBAPIError) else err
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return StorageError(messages.damaged(path, backups))
    if primary == _SQLITE_READONLY:
        return StorageError(messages.read_only_file(path))
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(messages.busy(path))
    if primary == _SQLITE_FULL:
        return StorageError(messages.disk_full(path))
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and _disk_nearly_full(path.parent):
        return StorageError(messages.disk_full_on_open(path))  # no room for the -shm or -wal file
    if primary == _SQLITE_CANTOPEN:
        return StorageError(messages.cannot_open(path))
    return None


_ROOM_TO_OPEN = 1 << 20  # the -shm (32 KB) and a first -wal, with some margin


def _disk_nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _ROOM_TO_OPEN
    except OSError:
        return False
