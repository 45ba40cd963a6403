"""The list reader: the same rows through the repository and through its own read-only connection, and
nothing read (None) from a file that must first be created, upgraded or repaired."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from inovasi_desktop.domain import Innovation
from inovasi_desktop.storage import LATEST_VERSION, Database, InnovationRepository
from inovasi_desktop.storage.list_reader import read_list

Make = Callable[..., Innovation]


def test_read_only_reader_gives_the_repository_rows(db: Database, make_innovation: Make) -> None:
    kept, gone = make_innovation(1), make_innovation(2)
    with db.write() as s:
        repo = InnovationRepository(s)
        repo.save(kept, {"readiness_label": "20/20 indikator berbukti, tanpa galat", "backed": 111.0})
        repo.save(gone)
        repo.soft_delete(gone.id)
    with db.begin() as s:
        expected = InnovationRepository(s).list_summaries()
        expected_all = InnovationRepository(s).list_summaries(include_deleted=True)
    assert [r.id for r in expected] == [kept.id]
    assert read_list(db.path) == expected
    assert read_list(db.path, include_deleted=True) == expected_all
    assert read_list(db.path)[0].summary["backed"] == 111.0


def test_nothing_is_read_from_a_file_that_is_not_ready(tmp_path: Path) -> None:
    missing = tmp_path / "belum-ada.sqlite3"
    assert read_list(missing) is None
    assert not missing.exists()  # read-only: never created
    older = tmp_path / "lama.sqlite3"
    with sqlite3.connect(older) as conn:
        conn.execute("CREATE TABLE innovations (id TEXT)")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")
    conn.close()
    before = older.read_bytes()
    assert read_list(older) is None  # an upgrade comes first, by the full open
    assert older.read_bytes() == before
    junk = tmp_path / "rusak.sqlite3"
    junk.write_bytes(b"bukan basis data " * 100)
    assert read_list(junk) is None


def test_importing_the_reader_loads_no_sqlalchemy() -> None:
    code = ("import sys; import inovasi_desktop.storage.list_reader; "
            "sys.exit(1 if any(m.startswith('sqlalchemy') for m in sys.modules) else 0)")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
