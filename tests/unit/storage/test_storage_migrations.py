"""Schema versions: the ORM matches the migrated schema, and old databases upgrade without loss."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from inovasi_desktop.domain import Innovation, Organisation, SpdAnswers, StorageError
from inovasi_desktop.storage import (
    LATEST_VERSION,
    AppStateRepository,
    Database,
    InnovationRepository,
    OrganisationRepository,
    SpdRepository,
    StoredFileRepository,
    open_database,
)
from inovasi_desktop.storage import engine as engine_module
from inovasi_desktop.storage.migrations import MIGRATIONS, schema_version, upgrade
from inovasi_desktop.storage.models import Base

Make = Callable[..., Innovation]
ORGANISATION = Organisation(
    pemda="Kabupaten Banyuwangi", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina",
    contact_phone="0333-123456", contact_email="dinkes@banyuwangikab.go.id", head_name="dr. Amir Hasan",
    head_nip="197512312005011002", head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026",
)
STORED = [
    ("a" * 64, 5, "application/pdf", "2026-01-02T03:04:05+00:00"),
    ("f" * 64, 9, "image/png", "2026-01-03T00:00:00+00:00"),
]


def with_organisation_opd(innovations: list[Innovation]) -> list[Innovation]:
    """Version 4 gives each innovation the OPD of the organisation that made it."""
    return [replace(i, opd=ORGANISATION.opd) for i in innovations]


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def write_like_version_1(conn: sqlite3.Connection, innovations: list[Innovation]) -> None:
    """Rows as the first release wrote them: literal SQL against schema version 1."""
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO organisation (id, pemda, provinsi, opd, contact_name, contact_phone, contact_email, head_name,"
        " head_nip, head_position, default_catalogue) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ORGANISATION.pemda, ORGANISATION.provinsi, ORGANISATION.opd, ORGANISATION.contact_name,
         ORGANISATION.contact_phone, ORGANISATION.contact_email, ORGANISATION.head_name, ORGANISATION.head_nip,
         ORGANISATION.head_position, ORGANISATION.default_catalogue),
    )
    for inn in innovations:
        conn.execute(
            "INSERT INTO innovations (id, catalogue_id, name, tahapan, created_at, updated_at, profile_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (inn.id, inn.catalogue_id, inn.name, inn.profile["tahapan"], inn.created_at.isoformat(),
             inn.updated_at.isoformat(), json.dumps(inn.profile)),
        )
        for a in inn.answers.values():
            conn.execute("INSERT INTO indicator_answers VALUES (?, ?, ?, ?, ?)",
                         (inn.id, a.number, a.level, a.basis, a.notes))
        groups = [("indicator", str(a.number), a.evidence) for a in inn.answers.values()]
        groups += [("attachment", key, items) for key, items in inn.attachments.items()]
        for kind, key, items in groups:
            for position, e in enumerate(items):
                conn.execute(
                    "INSERT INTO evidence_items (id, innovation_id, target_kind, target_key, position, nomor, tanggal,"
                    " tentang, sha256, file_name, size, media_type, link) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (e.id, inn.id, kind, key, position, e.nomor, e.tanggal.isoformat() if e.tanggal else None,
                     e.tentang, e.sha256, e.file_name, e.size, e.media_type, e.link),
                )
    conn.executemany("INSERT INTO stored_files VALUES (?, ?, ?, ?)", STORED)
    conn.executemany("INSERT INTO spd_answers VALUES ('iid-2026', ?, ?)", [("1", 3), ("2a", 2), ("15", 1)])
    conn.execute("COMMIT")


@pytest.fixture
def version_1_database(data_dir: Path, make_innovation: Make) -> Iterator[tuple[Path, list[Innovation]]]:
    """A database at schema version 1 whose last rows are still only in the WAL (a connection is open)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "inovasi.sqlite3"
    conn = connect(path)
    assert upgrade(conn, target=1) == (0, 1)
    innovations = [make_innovation(i, text="versi 1 ✓") for i in range(25)]
    innovations[3].attachments["profil_bisnis"] = [innovations[3].attachments["anggaran"].pop()]
    write_like_version_1(conn, innovations)
    yield path, innovations
    conn.close()


def test_a_new_database_has_the_schema_the_models_describe(db: Database) -> None:
    raw = sqlite3.connect(db.path)
    try:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == set(Base.metadata.tables)
        for name, table in Base.metadata.tables.items():
            info = {r[1]: r for r in raw.execute(f"PRAGMA table_info({name})")}
            assert set(info) == {c.name for c in table.columns}, name
            for column in table.columns:
                assert (info[column.name][5] > 0) == column.primary_key, (name, column.name)
                if not column.primary_key:
                    assert bool(info[column.name][3]) == (not column.nullable), (name, column.name)
            db_keys = {(r[3], r[2], r[4], r[6]) for r in raw.execute(f"PRAGMA foreign_key_list({name})")}
            orm_keys = {(fk.parent.name, fk.column.table.name, fk.column.name, (fk.ondelete or "NO ACTION").upper())
                        for fk in table.foreign_keys}
            assert db_keys == orm_keys, name
    finally:
        raw.close()


def test_upgrade_from_version_1_loses_nothing(version_1_database: tuple[Path, list[Innovation]]) -> None:
    path, innovations = version_1_database
    db = open_database(path)
    try:
        with db.write() as s:
            repo = InnovationRepository(s)
            assert repo.load_all([i.id for i in innovations]) == with_organisation_opd(innovations)
            assert repo.get(innovations[3].id).attachments.keys() == {"anggaran", "profil_bisnis"}
            summaries = {x.id: x for x in repo.list_summaries()}
            assert set(summaries) == {i.id for i in innovations}
            assert all(x.deleted_at is None and x.summary is None for x in summaries.values())
            assert summaries[innovations[4].id].name == innovations[4].name
            assert OrganisationRepository(s).get() == ORGANISATION
            assert SpdRepository(s).get("iid-2026") == SpdAnswers("iid-2026", {"1": 3, "2a": 2, "15": 1})
            assert StoredFileRepository(s).unreferenced() == ["f" * 64]
            # What version 2 adds works on the upgraded file.
            repo.soft_delete(innovations[0].id)
            AppStateRepository(s).set("editor/last_innovation", innovations[1].id)
        with db.write() as s:
            assert len(InnovationRepository(s).list_summaries()) == len(innovations) - 1
            assert AppStateRepository(s).get("editor/last_innovation") == innovations[1].id
        assert db.integrity_ok()
    finally:
        db.close()


def test_upgrade_first_writes_a_backup_of_the_old_file(version_1_database: tuple[Path, list[Innovation]]) -> None:
    path, innovations = version_1_database
    open_database(path).close()
    backups = list((path.parent / "cadangan").iterdir())
    assert len(backups) == 1 and backups[0].suffix == ".sqlite3"
    copy = sqlite3.connect(backups[0])
    try:
        assert schema_version(copy) == 1
        assert copy.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert copy.execute("SELECT count(*) FROM innovations").fetchone()[0] == len(innovations)
        assert copy.execute("SELECT count(*) FROM evidence_items").fetchone()[0] == sum(
            len(i.all_evidence()) for i in innovations)
    finally:
        copy.close()
    open_database(path).close()  # already current: no second backup
    assert len(list((path.parent / "cadangan").iterdir())) == 1


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite3")
    upgrade(conn, target=1)
    conn.execute("INSERT INTO spd_answers VALUES ('iid-2026', '1', 3)")
    broken = (MIGRATIONS[0], ("CREATE TABLE extra (a TEXT)", "ALTER TABLE innovations ADD COLUMN x TEXT", "BUKAN SQL"))
    with pytest.raises(sqlite3.OperationalError):
        upgrade(conn, broken)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    assert "x" not in {r[1] for r in conn.execute("PRAGMA table_info(innovations)")}
    assert conn.execute("SELECT * FROM spd_answers").fetchall() == [("iid-2026", "1", 3)]
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


def test_a_failing_upgrade_is_reported_and_the_backup_named(
    version_1_database: tuple[Path, list[Innovation]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, innovations = version_1_database
    broken = (MIGRATIONS[0], ("ALTER TABLE innovations ADD COLUMN deleted_at TEXT", "BUKAN SQL"))
    monkeypatch.setattr(engine_module, "upgrade", lambda conn: upgrade(conn, broken))
    with pytest.raises(StorageError, match="tidak dapat diperbarui ke versi") as caught:
        open_database(path)
    backup = next((path.parent / "cadangan").iterdir())
    assert str(backup) in str(caught.value)
    conn = sqlite3.connect(path)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM innovations").fetchone()[0] == len(innovations)
    conn.close()


def test_upgrade_refuses_a_newer_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.sqlite3")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 3}")
    with pytest.raises(StorageError, match="lebih baru"):
        upgrade(conn)
    assert schema_version(conn) == LATEST_VERSION + 3
    conn.close()


def test_upgrade_from_version_2_moves_kept_checks_onto_the_stored_file_rows(
    data_dir: Path, make_innovation: Make
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "inovasi.sqlite3"
    conn = connect(path)
    assert upgrade(conn, target=2) == (0, 2)
    innovations = [make_innovation(i) for i in range(3)]
    write_like_version_1(conn, innovations)
    check = json.dumps({"v": 1, "pemda": "Kabupaten Banyuwangi", "stamp": [5, 7], "changed": False,
                        "check": {"kind": "pdf", "problems": []}})
    state = {"editor/last_innovation": innovations[1].id, "evidence/max_bytes": "5242880",
             "evidence.check/" + "a" * 64: check,  # a recorded file: moves onto its row
             "evidence.check/" + "e" * 64: check}  # no stored file row: a cache entry, dropped
    conn.executemany("INSERT INTO app_state VALUES (?, ?)", state.items())
    conn.close()
    db = open_database(path)
    try:
        with db.write() as s:
            files = StoredFileRepository(s)
            assert files.checks(["a" * 64, "e" * 64, "f" * 64]) == {"a" * 64: check}
            assert AppStateRepository(s).get("editor/last_innovation") == innovations[1].id
            assert AppStateRepository(s).get("evidence/max_bytes") == "5242880"
            assert AppStateRepository(s).get("evidence.check/" + "a" * 64) is None
            assert AppStateRepository(s).get("evidence.check/" + "e" * 64) is None
            assert InnovationRepository(s).load_all([i.id for i in innovations]) == with_organisation_opd(innovations)
            assert StoredFileRepository(s).unreferenced() == ["f" * 64]
            files.keep_checks({"f" * 64: "{}", "e" * 64: "{}"})  # a file without a row keeps nothing
            files.remove("a" * 64)
        with db.write() as s:
            assert StoredFileRepository(s).checks(["a" * 64, "e" * 64, "f" * 64]) == {"f" * 64: "{}"}
        assert db.integrity_ok()
    finally:
        db.close()
    [backup] = (path.parent / "cadangan").iterdir()
    copy = sqlite3.connect(backup)
    try:
        assert schema_version(copy) == 2
        assert copy.execute("SELECT count(*) FROM app_state").fetchone()[0] == len(state)
    finally:
        copy.close()


def test_upgrade_from_version_3_gives_every_innovation_revision_1_that_each_write_raises(
    data_dir: Path, make_innovation: Make
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "inovasi.sqlite3"
    conn = connect(path)
    assert upgrade(conn, target=2) == (0, 2)
    innovations = [make_innovation(i) for i in range(3)]
    write_like_version_1(conn, innovations)
    assert upgrade(conn, target=3) == (2, 3)
    conn.execute("UPDATE innovations SET deleted_at = '2026-02-01T00:00:00+00:00', summary_json = '{\"a\": 1}'"
                 " WHERE id = ?", (innovations[2].id,))
    conn.close()
    db = open_database(path)
    try:
        with db.write() as s:
            repo = InnovationRepository(s)
            assert repo.load_all([i.id for i in innovations]) == with_organisation_opd(innovations[:2])
            assert repo.revisions() == {innovations[0].id: 1, innovations[1].id: 1}
            assert repo.revision(innovations[2].id) == 1  # in the bin, kept with its summary
            assert {x.id: x.summary for x in repo.list_summaries(include_deleted=True)}[innovations[2].id] == {"a": 1}
            repo.save(innovations[0])
            assert innovations[0].revision == 2
            repo.restore(innovations[2].id)
            repo.soft_delete(innovations[1].id)
        with db.begin() as s:
            assert InnovationRepository(s).revisions() == {innovations[0].id: 2, innovations[2].id: 2}
            assert InnovationRepository(s).get(innovations[0].id).revision == 2
        assert db.integrity_ok()
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:  # profile_json stays the last column: listing and polling never read its overflow pages
        columns = [r[1] for r in raw.execute("PRAGMA table_info(innovations)")]
        assert "revision" in columns and columns[-2:] == ["summary_json", "profile_json"]
    finally:
        raw.close()
    [backup] = (path.parent / "cadangan").iterdir()
    assert "skema-v3" in backup.name


def test_processes_opening_a_new_database_at_the_same_time_all_succeed(tmp_path: Path) -> None:
    """Two command-line runs on a fresh data folder: the one that waited for the lock finds it upgraded."""
    import threading

    for trial in range(5):
        path = tmp_path / str(trial) / "inovasi.sqlite3"
        path.parent.mkdir()
        errors: list[BaseException] = []

        def open_and_close(path: Path = path, errors: list = errors) -> None:
            try:
                open_database(path).close()
            except BaseException as err:  # noqa: BLE001 - judged below
                errors.append(err)

        threads = [threading.Thread(target=open_and_close) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        conn = sqlite3.connect(path)
        assert schema_version(conn) == LATEST_VERSION
        conn.close()


def test_upgrade_from_version_3_gives_each_innovation_its_opd_and_no_exchange_yet(
    data_dir: Path, make_innovation: Make
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "inovasi.sqlite3"
    conn = connect(path)
    assert upgrade(conn, target=1) == (0, 1)
    innovations = [make_innovation(i) for i in range(3)]
    write_like_version_1(conn, innovations)
    assert upgrade(conn, target=3) == (1, 3)
    conn.execute("UPDATE innovations SET deleted_at = '2026-05-01T00:00:00+00:00', summary_json = '{\"x\": 1}' "
                 "WHERE id = ?", (innovations[2].id,))
    conn.close()
    db = open_database(path)
    try:
        with db.write() as s:
            repo = InnovationRepository(s)
            assert repo.load_all([i.id for i in innovations[:2]]) == with_organisation_opd(innovations[:2])
            assert repo.exchanged([i.id for i in innovations]) == {i.id: None for i in innovations}
            [binned] = [x for x in repo.list_summaries(include_deleted=True) if x.deleted_at is not None]
            assert (binned.id, binned.summary, binned.opd) == (innovations[2].id, {"x": 1}, ORGANISATION.opd)
            repo.set_exchanged(innovations[0].id, "b" * 64)
        with db.write() as s:  # a later save keeps the hash of the last exchange, and the OPD it is given
            repo = InnovationRepository(s)
            changed = replace(innovations[0], opd="Bappeda", origin="Kiriman Dinas Kesehatan")
            repo.save(changed)
        with db.begin() as s:
            repo = InnovationRepository(s)
            assert repo.exchanged([innovations[0].id]) == {innovations[0].id: "b" * 64}
            loaded = repo.get(innovations[0].id)
            assert (loaded.opd, loaded.origin) == ("Bappeda", "Kiriman Dinas Kesehatan")
        assert db.integrity_ok()
    finally:
        db.close()
    raw = sqlite3.connect(path)
    try:
        columns = [r[1] for r in raw.execute("PRAGMA table_info(innovations)")]
        assert columns[-1] == "profile_json"  # listing never walks its overflow pages
    finally:
        raw.close()


def test_upgrade_from_version_3_adds_the_role_the_opd_list_and_snapshots(data_dir: Path, make_innovation: Make) -> None:
    from datetime import UTC, datetime

    from inovasi_desktop.domain.model import ROLE_COORDINATOR, ROLE_OPD, Snapshot
    from inovasi_desktop.storage.repositories import RegionOpdRepository, SnapshotRepository

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "inovasi.sqlite3"
    conn = connect(path)
    assert upgrade(conn, target=2) == (0, 2)
    innovations = [make_innovation(i) for i in range(2)]
    write_like_version_1(conn, innovations)
    assert upgrade(conn, target=3) == (2, 3)
    conn.close()
    db = open_database(path)
    try:
        with db.write() as s:
            assert OrganisationRepository(s).get().role == ROLE_OPD  # every existing installation is an OPD
            assert InnovationRepository(s).load_all([i.id for i in innovations]) == with_organisation_opd(innovations)
            assert RegionOpdRepository(s).names() == []
            assert SnapshotRepository(s).latest("rekap") is None
            OrganisationRepository(s).save(Organisation(**{**vars(ORGANISATION), "role": ROLE_COORDINATOR}))
            RegionOpdRepository(s).replace(["Dinas Sosial", "Bappeda"])
            when = datetime(2026, 12, 1, tzinfo=UTC)
            SnapshotRepository(s).add(Snapshot(when, "kiriman", {"n": 1}, "Dinas Sosial"))
            SnapshotRepository(s).add(Snapshot(when, "rekap", {"n": 2}))
            SnapshotRepository(s).add(Snapshot(when, "rekap", {"n": 3}))
        with db.write() as s:
            assert OrganisationRepository(s).get().is_coordinator
            assert RegionOpdRepository(s).names() == ["Dinas Sosial", "Bappeda"]
            assert SnapshotRepository(s).latest("rekap").data == {"n": 3}
            assert SnapshotRepository(s).latest("rekap", before=1).data == {"n": 2}
            assert SnapshotRepository(s).last_received("kiriman") == {"Dinas Sosial": when}
        assert db.integrity_ok()
    finally:
        db.close()
    [backup] = (path.parent / "cadangan").iterdir()
    copy = sqlite3.connect(backup)
    try:
        assert schema_version(copy) == 3
    finally:
        copy.close()
