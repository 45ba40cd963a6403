"""Schema versions, tracked with `PRAGMA user_version`, and the SQL steps between them.

Each migration is literal SQL, so a schema once shipped stays frozen here: never edit a
released migration, append a new one. Version N is reached by running MIGRATIONS[N - 1].
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from inovasi_desktop.domain.errors import StorageError
from inovasi_desktop.storage import messages

Migration = tuple[str, ...]

# Version 1: the first schema.
_V1: Migration = (
    """CREATE TABLE organisation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pemda TEXT NOT NULL DEFAULT '',
        provinsi TEXT NOT NULL DEFAULT '',
        opd TEXT NOT NULL DEFAULT '',
        contact_name TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        head_name TEXT NOT NULL DEFAULT '',
        head_nip TEXT NOT NULL DEFAULT '',
        head_position TEXT NOT NULL DEFAULT '',
        default_catalogue TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE innovations (
        id TEXT PRIMARY KEY,
        catalogue_id TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        tahapan TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        profile_json TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX ix_innovations_updated_at ON innovations (updated_at)",
    """CREATE TABLE indicator_answers (
        innovation_id TEXT NOT NULL REFERENCES innovations (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        level INTEGER,
        basis TEXT,
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (innovation_id, number)
    )""",
    """CREATE TABLE evidence_items (
        id TEXT PRIMARY KEY,
        innovation_id TEXT NOT NULL REFERENCES innovations (id) ON DELETE CASCADE,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('indicator', 'attachment')),
        target_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        nomor TEXT NOT NULL DEFAULT '',
        tanggal TEXT,
        tentang TEXT NOT NULL DEFAULT '',
        sha256 TEXT,
        file_name TEXT,
        size INTEGER,
        media_type TEXT,
        link TEXT
    )""",
    "CREATE INDEX ix_evidence_items_innovation ON evidence_items (innovation_id, target_kind, target_key, position)",
    "CREATE INDEX ix_evidence_items_sha256 ON evidence_items (sha256)",
    """CREATE TABLE stored_files (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE spd_answers (
        catalogue_id TEXT NOT NULL,
        number TEXT NOT NULL,
        level INTEGER NOT NULL,
        PRIMARY KEY (catalogue_id, number)
    )""",
)

# Version 2: soft delete of innovations, a cached summary (readiness, score) for fast listing,
# and a key/value table for the session state. The innovations table is rebuilt (the SQLite
# procedure for table changes) so that the large profile_json stays the last column: listing
# reads no column after it and so never walks its overflow pages.
_V2: Migration = (
    """CREATE TABLE innovations_v2 (
        id TEXT PRIMARY KEY,
        catalogue_id TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        tahapan TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        summary_json TEXT,
        profile_json TEXT NOT NULL DEFAULT '{}'
    )""",
    """INSERT INTO innovations_v2 (id, catalogue_id, name, tahapan, created_at, updated_at, profile_json)
        SELECT id, catalogue_id, name, tahapan, created_at, updated_at, profile_json FROM innovations""",
    "DROP TABLE innovations",
    "ALTER TABLE innovations_v2 RENAME TO innovations",
    "CREATE INDEX ix_innovations_updated_at ON innovations (updated_at)",
    "CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# Version 3: the check result of each stored evidence file moves from app_state (key
# "evidence.check/<sha256>") onto the file's row of stored_files, and goes with the row. Results of
# files the store has no row for are dropped: they are a cache, checked again when next needed.
_V3: Migration = (
    "ALTER TABLE stored_files ADD COLUMN check_json TEXT",
    """UPDATE stored_files SET check_json = (
        SELECT value FROM app_state WHERE key = 'evidence.check/' || stored_files.sha256)""",
    "DELETE FROM app_state WHERE substr(key, 1, 15) = 'evidence.check/'",
)

# Version 4: every innovation has a revision, raised by each write (Database.write), so that a save can say
# which revision it started from and two processes never overwrite each other's work unseen. The table is
# rebuilt as in version 2 so that profile_json stays the last column (the window polls id and revision).
_V4: Migration = (
    """CREATE TABLE innovations_v4 (
        id TEXT PRIMARY KEY,
        catalogue_id TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        tahapan TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        summary_json TEXT,
        profile_json TEXT NOT NULL DEFAULT '{}'
    )""",
    """INSERT INTO innovations_v4 (id, catalogue_id, name, tahapan, created_at, updated_at, deleted_at,
        summary_json, profile_json)
        SELECT id, catalogue_id, name, tahapan, created_at, updated_at, deleted_at, summary_json, profile_json
        FROM innovations""",
    "DROP TABLE innovations",
    "ALTER TABLE innovations_v4 RENAME TO innovations",
    "CREATE INDEX ix_innovations_updated_at ON innovations (updated_at)",
)

# Version 5: each innovation remembers its OPD, where it last came from (a bundle received), and the
# sha256 of its interchange JSON when it last left or arrived in a bundle (to tell whose side changed
# since). The table is rebuilt so that profile_json stays the last column (see version 2); the OPD of
# existing innovations is the organisation's, which made them.
_V5: Migration = (
    """CREATE TABLE innovations_v5 (
        id TEXT PRIMARY KEY,
        catalogue_id TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        tahapan TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        opd TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        exchanged_sha256 TEXT,
        summary_json TEXT,
        profile_json TEXT NOT NULL DEFAULT '{}'
    )""",
    """INSERT INTO innovations_v5 (id, catalogue_id, name, tahapan, created_at, updated_at, deleted_at, revision,
        opd, summary_json, profile_json)
        SELECT id, catalogue_id, name, tahapan, created_at, updated_at, deleted_at, revision,
            coalesce((SELECT opd FROM organisation WHERE organisation.id = 1), ''), summary_json, profile_json
        FROM innovations""",
    "DROP TABLE innovations",
    "ALTER TABLE innovations_v5 RENAME TO innovations",
    "CREATE INDEX ix_innovations_updated_at ON innovations (updated_at)",
)

# Version 6: monitoring (pemantauan). The organisation's role (an OPD, or the region's coordinator:
# Bappeda/BRIDA), the region's list of perangkat daerah in its order, and the snapshots of the region's
# figures kept at each recap and bundle import (the figures as JSON, opaque here).
_V6: Migration = (
    "ALTER TABLE organisation ADD COLUMN role TEXT NOT NULL DEFAULT 'opd'",
    """CREATE TABLE region_opds (
        position INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE monitoring_snapshots (
        id INTEGER PRIMARY KEY,
        taken_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        source_opd TEXT NOT NULL DEFAULT '',
        data_json TEXT NOT NULL
    )""",
    "CREATE INDEX ix_monitoring_snapshots_reason ON monitoring_snapshots (reason, taken_at)",
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    target: int | None = None,
) -> tuple[int, int]:
    """Run the missing migrations up to `target` (default: the last) in one transaction.

    `conn` must be in autocommit mode (`isolation_level=None`). Returns (old, new) version.
    On any error the transaction is rolled back and the database is left as it was.
    """
    target = len(migrations) if target is None else target
    current = schema_version(conn)
    if current > len(migrations):
        raise StorageError(messages.newer_schema(_database_file(conn), current, len(migrations)))
    if current >= target:
        return current, current
    # Table rebuilds (as in version 2) need foreign keys off, or dropping the old table would
    # delete the rows that refer to it; the keys are checked before commit instead.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)  # another process may have upgraded it while this one waited for the lock
        for migration in migrations[current:target]:
            for statement in migration:
                conn.execute(statement)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise sqlite3.IntegrityError("foreign key violation after migration")
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return current, target


def _database_file(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else "(tidak diketahui)"
