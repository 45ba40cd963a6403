"""Automatic snapshots: one a day, 7 daily and 4 weekly kept, evidence referenced by hash (never copied) and
kept by the store's clean-up while a snapshot uses it."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

from inovasi_desktop.services import backups, evidence_upkeep, innovation_evidence, innovations, snapshots

WIB = timezone(timedelta(hours=7))


def at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


def test_days_to_keep_seven_daily_and_four_weekly():
    today = date(2026, 12, 6)  # a Sunday
    days = [today - timedelta(days=n) for n in range(60)]
    kept = snapshots.days_to_keep(days)
    daily = {today - timedelta(days=n) for n in range(7)}  # 30 Nov (Mon) .. 6 Dec
    weekly = {date(2026, 11, 29), date(2026, 11, 22), date(2026, 11, 15), date(2026, 11, 8)}  # Sundays before
    assert kept == daily | weekly


def test_days_to_keep_with_gaps_takes_the_newest_of_each_older_week():
    days = [date(2026, 12, 1), date(2026, 10, 5), date(2026, 10, 7), date(2026, 9, 1)]
    assert snapshots.days_to_keep(days, daily=1, weekly=2) == {date(2026, 12, 1), date(2026, 10, 7),
                                                                date(2026, 9, 1)}
    assert snapshots.days_to_keep([]) == set()


def test_one_snapshot_a_day_and_rotation_over_forty_days(ws):
    innovations.import_example(ws)
    first = date(2026, 10, 28)
    for n in range(40):
        day = first + timedelta(days=n)
        assert snapshots.take_daily(ws, at(day)) is not None
        assert snapshots.take_daily(ws, at(day, 17)) is None  # the close the same day finds it
    names = {s.name for s in snapshots.list_all(ws)}
    last = first + timedelta(days=39)
    expected = snapshots.days_to_keep([first + timedelta(days=n) for n in range(40)])
    assert names == {d.isoformat() for d in expected}
    assert len(names) == 11 and last.isoformat() in names
    assert not [p for p in snapshots.folder(ws).iterdir() if p.name.startswith(".")]


def test_a_snapshot_references_evidence_without_copying_it(ws):
    example = innovations.import_example(ws)
    snapshot = snapshots.take_daily(ws, at(date(2026, 12, 6)))
    files = [p for p in snapshot.path.rglob("*") if p.is_file()]
    assert sorted(p.name for p in files) == ["inovasi.sqlite3", "manifest.json"]
    used = {i.sha256 for i in example.all_evidence() if i.sha256}
    assert set(snapshot.manifest.files) == used
    assert snapshot.manifest.innovations == 1 and snapshot.manifest.pemda == "Kabupaten Mojokerto"


def test_clean_up_keeps_store_files_a_kept_snapshot_uses(ws, files):
    innovation = innovations.create(ws)
    [item] = innovation_evidence.add_files(ws, innovation.id, 2, [files.text_pdf("SK.pdf")]).outcome.items
    snapshot = snapshots.take_daily(ws, at(date(2026, 12, 5)))
    innovation_evidence.remove_item(ws, innovation.id, item.id)
    assert evidence_upkeep.clean_up(ws, grace_seconds=0) == []  # the snapshot still needs it
    assert ws.evidence_store.has(item.sha256)

    # Restoring that snapshot brings the item back, file and all.
    backups.restore(ws, backups.snapshot_source(snapshot))
    restored = innovations.get(ws, innovation.id)
    assert [i.sha256 for i in restored.answers[2].evidence] == [item.sha256]

    # Once no snapshot uses it and no item does, clean-up removes it.
    innovation_evidence.remove_item(ws, innovation.id, item.id)
    for kept in snapshots.list_all(ws):
        for path in kept.path.iterdir():
            path.unlink()
        kept.path.rmdir()
    assert evidence_upkeep.clean_up(ws, grace_seconds=0) == [item.sha256]


def test_a_damaged_snapshot_is_refused_and_changes_nothing(ws):
    innovations.import_example(ws)
    snapshot = snapshots.take_daily(ws, at(date(2026, 12, 5)))
    with open(snapshot.database, "r+b") as f:
        f.seek(4096)
        f.write(os.urandom(512))
    before = ws.database_file.read_bytes()
    try:
        backups.restore(ws, backups.snapshot_source(snapshot))
    except backups.BackupError as err:
        assert "rusak" in str(err)
    else:
        raise AssertionError("restored from a damaged snapshot")
    assert ws.database_file.read_bytes() == before
    assert [s.name for s in snapshots.list_all(ws)] == [snapshot.name]  # no before-restore snapshot either


def test_work_folders_left_by_a_crash_go_when_stale(ws):
    innovations.import_example(ws)
    left = [ws.home / ".pemulihan-abc", ws.home / "cadangan" / ".cadangkan-x", ws.home / ".periksa-y",
            snapshots.folder(ws) / ".2026-12-01.q.part"]
    for path in left:
        (path / "bukti").mkdir(parents=True)
        (path / "bukti" / "data").write_bytes(b"x" * 10)
    fresh = ws.home / ".pemulihan-now"
    fresh.mkdir()
    old = datetime(2026, 1, 1).timestamp()
    for path in left:
        os.utime(path, (old, old))
    snapshots.take_daily(ws, at(date(2026, 12, 6)))
    assert [p for p in left if p.exists()] == []
    assert fresh.is_dir()  # may belong to a restore running now
