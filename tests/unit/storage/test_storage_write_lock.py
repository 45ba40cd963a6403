"""One writer at a time: every unit of work that writes takes the database's write lock."""

from __future__ import annotations

import threading

import pytest

from inovasi_desktop.services import innovations, organisation

WRITERS, EACH = 8, 15


def test_many_writers_on_threads_lose_nothing_and_never_meet_a_locked_database(workspace):
    """Threads create and save innovations (read, then write, in one use case) while others read the
    list: no 'database is locked', every row arrives, every save is kept."""
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS + 2)

    def writer(n: int) -> None:
        try:
            start.wait()
            for k in range(EACH):
                innovation = innovations.create(workspace)
                innovation.profile["nama_inovasi"] = f"Inovasi {n}-{k}"
                innovations.save(workspace, innovation)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    def reader() -> None:
        try:
            start.wait()
            for _ in range(EACH):
                innovations.list_rows(workspace)
                organisation.get(workspace)
        except BaseException as err:  # noqa: BLE001
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    names = sorted(row.name for row in innovations.list_rows(workspace))
    assert names == sorted(f"Inovasi {n}-{k}" for n in range(WRITERS) for k in range(EACH))


@pytest.mark.expect_log("outside Database.write")
def test_a_write_outside_the_write_unit_of_work_is_logged_as_a_bug_and_kept(workspace):
    from inovasi_desktop.storage.repositories import AppStateRepository

    with workspace.db.begin() as session:
        AppStateRepository(session).set("kunci", "lama")
    with workspace.db.begin() as session:
        assert AppStateRepository(session).get("kunci") == "lama"  # the user's data comes first
    with workspace.db.write() as session:
        AppStateRepository(session).set("kunci", "nilai")
    with workspace.db.begin() as session:
        assert AppStateRepository(session).get("kunci") == "nilai"



def test_read_then_write_units_of_work_on_threads_never_lose_an_update(workspace):
    """Each unit of work reads a counter and writes it back plus one: with one writer at a time, no
    update is lost and SQLite never answers 'database is locked' (a read upgraded to a write would)."""
    from inovasi_desktop.storage.repositories import AppStateRepository

    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def count() -> None:
        try:
            start.wait()
            for _ in range(EACH):
                with workspace.db.write() as session:
                    repo = AppStateRepository(session)
                    repo.set("hitungan", str(int(repo.get("hitungan") or 0) + 1))
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=count) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [str(e) for e in errors] == []
    with workspace.db.begin() as session:
        assert AppStateRepository(session).get("hitungan") == str(WRITERS * EACH)
