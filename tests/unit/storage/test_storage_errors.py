"""Unusable databases are reported in Indonesian and never overwritten or deleted."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from inovasi_desktop.domain import Innovation, Organisation, StorageError
from inovasi_desktop.storage import LATEST_VERSION, InnovationRepository, OrganisationRepository, open_database
from inovasi_desktop.storage import engine as engine_module

Make = Callable[..., Innovation]
PAGE = 4096
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="folder permission bits are POSIX")


def filled_database(path: Path, make_innovation: Make, count: int = 40) -> bytes:
    """A closed database with real rows (checkpointed into the main file); returns its bytes."""
    db = open_database(path)
    with db.write() as s:
        for i in range(count):
            InnovationRepository(s).save(make_innovation(i))
    db.close()
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


def open_fails(path: Path) -> str:
    with pytest.raises(StorageError) as caught:
        open_database(path).close()
    return str(caught.value)


def test_a_file_that_is_not_a_database(data_dir: Path) -> None:
    path = data_dir / "inovasi.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    content = b"Ini catatan rapat, bukan basis data.\n" * 200
    path.write_bytes(content)
    message = open_fails(path)
    assert "rusak" in message and str(path) in message and "cadangan" in message
    assert path.read_bytes() == content


def test_a_database_with_damaged_pages(data_dir: Path, make_innovation: Make) -> None:
    path = data_dir / "inovasi.sqlite3"
    good = filled_database(path, make_innovation)
    assert len(good) > 8 * PAGE
    damaged = bytearray(good)
    damaged[2 * PAGE : 6 * PAGE] = b"\xa5" * (4 * PAGE)  # the header page stays intact
    path.write_bytes(damaged)
    message = open_fails(path)
    assert "rusak" in message and str(path) in message
    assert path.read_bytes() == damaged


def test_damage_found_later_is_reported_the_same_way(data_dir: Path, make_innovation: Make) -> None:
    path = data_dir / "inovasi.sqlite3"
    db = open_database(path)
    with db.write() as s:
        for i in range(40):
            InnovationRepository(s).save(make_innovation(i))
    db.engine.dispose()  # the next unit of work opens a fresh connection
    damaged = bytearray(path.read_bytes())
    damaged[2 * PAGE : 6 * PAGE] = b"\x5a" * (4 * PAGE)
    path.write_bytes(damaged)
    with pytest.raises(StorageError, match="rusak"), db.write() as s:
        InnovationRepository(s).load_all()
    db.close()
    assert path.read_bytes() == damaged


def test_a_database_from_a_newer_version(data_dir: Path, make_innovation: Make) -> None:
    path = data_dir / "inovasi.sqlite3"
    filled_database(path, make_innovation, count=3)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    raw.close()
    before = path.read_bytes()
    message = open_fails(path)
    assert "versi Inovasi Desktop yang lebih baru" in message
    assert f"versi skema {LATEST_VERSION + 1}" in message and str(path) in message
    assert path.read_bytes() == before
    assert not (data_dir / "cadangan").exists()


@posix_only
def test_a_read_only_data_folder_without_a_database(open_tmp: Path, without_root_override) -> None:
    folder = open_tmp / "data"
    folder.mkdir()
    folder.chmod(0o555)
    with without_root_override(folder):
        message = open_fails(folder / "inovasi.sqlite3")
    assert "tidak dapat ditulisi" in message and str(folder) in message
    assert list(folder.iterdir()) == []


@posix_only
def test_a_read_only_data_folder_with_a_database(
    open_tmp: Path, without_root_override, make_innovation: Make
) -> None:
    folder = open_tmp / "data"
    path = folder / "inovasi.sqlite3"
    before = filled_database(path, make_innovation, count=3)
    folder.chmod(0o555)
    with without_root_override(folder):
        message = open_fails(path)
    assert "tidak dapat ditulisi" in message and str(folder) in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["inovasi.sqlite3"]


def test_a_read_only_database_file(open_tmp: Path, without_root_override, make_innovation: Make) -> None:
    path = open_tmp / "inovasi.sqlite3"
    before = filled_database(path, make_innovation, count=3)
    path.chmod(0o444)
    with without_root_override(open_tmp):
        message = open_fails(path)
    assert "hanya dapat dibaca" in message and str(path) in message
    assert path.read_bytes() == before


def test_a_folder_where_the_database_file_should_be(data_dir: Path) -> None:
    path = data_dir / "inovasi.sqlite3"
    path.mkdir(parents=True)
    message = open_fails(path)
    assert "tidak dapat dibuka" in message and str(path) in message
    assert path.is_dir() and list(path.iterdir()) == []


def test_a_file_where_the_data_folder_should_be(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.write_text("bukan folder")
    message = open_fails(folder / "inovasi.sqlite3")
    assert "sudah ada berkas (bukan folder)" in message and str(folder) in message
    assert folder.read_text() == "bukan folder"


def test_a_database_locked_by_another_process(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    db = open_database(data_dir / "inovasi.sqlite3")
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        with pytest.raises(StorageError, match="sedang dipakai oleh proses lain"), db.write() as s:
            OrganisationRepository(s).save(Organisation(pemda="Kota Kediri"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
