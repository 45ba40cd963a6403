"""Opening the database: pragmas, transactions, backups and the integrity check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from inovasi_desktop.domain import Organisation, StorageError
from inovasi_desktop.storage import LATEST_VERSION, Database, OrganisationRepository, open_database


def pragma(db: Database, name: str) -> object:
    with db.write() as s:
        return s.execute(text(f"PRAGMA {name}")).scalar()


def test_connection_pragmas(db: Database) -> None:
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "synchronous") == 1  # NORMAL
    assert pragma(db, "busy_timeout") >= 1000
    assert pragma(db, "user_version") == LATEST_VERSION


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as s:
        s.execute(text("INSERT INTO indicator_answers (innovation_id, number) VALUES ('tidak-ada', 1)"))


def test_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "inovasi.sqlite3"
    database = open_database(path)
    database.close()
    assert path.is_file()
    assert not (tmp_path / "a" / "b" / "cadangan").exists()  # a new database needs no backup


def test_begin_commits_or_rolls_back_as_one_unit(db: Database) -> None:
    with db.write() as s:
        OrganisationRepository(s).save(Organisation(pemda="Kota Malang"))
    with pytest.raises(RuntimeError), db.write() as s:
        OrganisationRepository(s).save(Organisation(pemda="Kota Batu"))
        raise RuntimeError("gagal di tengah")
    with db.write() as s:
        assert OrganisationRepository(s).get().pemda == "Kota Malang"


def test_reopening_keeps_data(data_dir: Path) -> None:
    path = data_dir / "inovasi.sqlite3"
    first = open_database(path)
    with first.write() as s:
        OrganisationRepository(s).save(Organisation(opd="Bappeda"))
    first.close()
    second = open_database(path)
    with second.begin() as s:
        assert OrganisationRepository(s).get().opd == "Bappeda"
    second.close()


def test_backup_includes_changes_still_in_the_wal(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        OrganisationRepository(s).save(Organisation(pemda="Kabupaten Sleman"))
    assert Path(f"{db.path}-wal").stat().st_size > 0  # the change is not yet in the main file
    dest = db.backup_to(tmp_path / "salinan" / "cadangan.sqlite3")
    copy = sqlite3.connect(dest)
    try:
        assert copy.execute("SELECT pemda FROM organisation").fetchall() == [("Kabupaten Sleman",)]
        assert copy.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    finally:
        copy.close()
    assert [p.name for p in dest.parent.iterdir()] == ["cadangan.sqlite3"]  # no temp file left


def test_backup_onto_the_open_database_is_refused(db: Database) -> None:
    before = db.path.read_bytes()
    with pytest.raises(StorageError, match="tidak boleh ditulis"):
        db.backup_to(db.path)
    assert db.path.read_bytes() == before


def test_integrity_ok_finds_broken_references(db: Database) -> None:
    assert db.integrity_ok()
    raw = sqlite3.connect(db.path)  # foreign keys are off by default on a plain connection
    raw.execute("INSERT INTO indicator_answers (innovation_id, number) VALUES ('hilang', 1)")
    raw.commit()
    raw.close()
    assert not db.integrity_ok()


def test_sessions_see_a_consistent_snapshot(db: Database) -> None:
    """Reads inside one unit of work are one transaction, not separate autocommits."""
    with db.write() as s:
        OrganisationRepository(s).save(Organisation(pemda="A"))
    with db.begin() as reader:
        assert OrganisationRepository(reader).get().pemda == "A"
        with db.write() as writer:
            OrganisationRepository(writer).save(Organisation(pemda="B"))
        assert OrganisationRepository(reader).get().pemda == "A"
    with db.write() as s:
        assert OrganisationRepository(s).get().pemda == "B"
