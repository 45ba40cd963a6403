"""Automatic snapshots in `cadangan/otomatis/`: once a day (on start or close, whichever first finds none for
today), keeping 7 daily and 4 weekly ones, and one before every restore (the newest few kept).

A snapshot is a folder with a consistent copy of the database (SQLite's online backup API, safe while the app
runs) and a manifest listing the evidence files it uses by sha256. The files themselves stay in the
content-addressed store, never copied: clean-up keeps every file a kept snapshot lists (`referenced_hashes`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from inovasi_desktop import __version__, paths
from inovasi_desktop.atomic import remove_stale_parts
from inovasi_desktop.domain.errors import InovasiError, StorageError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export.backup_archive import DATABASE, MANIFEST, BackupError, Manifest
from inovasi_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

FOLDER = "otomatis"
DAILY_KEPT, WEEKLY_KEPT = 7, 4
BEFORE_RESTORE = "sebelum-pemulihan-"
BEFORE_RESTORE_KEPT = 3


@dataclass(frozen=True)
class Snapshot:
    name: str  # folder name: "2026-12-06" (daily) or "sebelum-pemulihan-20261206-153000"
    path: Path
    manifest: Manifest

    @property
    def database(self) -> Path:
        return self.path / DATABASE

    @property
    def day(self) -> date | None:
        try:
            return date.fromisoformat(self.name)
        except ValueError:
            return None

    @property
    def before_restore(self) -> bool:
        return self.name.startswith(BEFORE_RESTORE)


def folder(ws: Workspace) -> Path:
    return ws.home / paths.backups_dir().name / FOLDER


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def manifest_for(ws: Workspace, database_copy: Path, now: datetime) -> Manifest:
    """The manifest of a fresh database copy: what it holds and the stored files it uses (sizes as on disk)."""
    from inovasi_desktop.storage.snapshot import read_facts

    facts = read_facts(database_copy)
    files: dict[str, int] = {}
    missing = []
    for sha256 in facts.files:
        try:
            files[sha256] = os.stat(ws.evidence_store.path_for(sha256)).st_size
        except OSError:
            missing.append(sha256)
    return Manifest(created=now.isoformat(timespec="seconds"), app_version=__version__,
                    schema_version=facts.schema_version, pemda=facts.pemda, opd=facts.opd,
                    innovations=facts.innovations, in_bin=facts.in_bin,
                    database_sha256=file_sha256(database_copy), database_size=database_copy.stat().st_size,
                    files=files, missing=tuple(missing))


def copy_live_database(ws: Workspace, dest: Path) -> None:
    from inovasi_desktop.storage.snapshot import copy_database

    ws.db  # noqa: B018 - opened (created or upgraded) first
    copy_database(ws.database_file, dest)


def take(ws: Workspace, name: str, now: datetime | None = None) -> Snapshot:
    """Write snapshot `name` (a folder built aside, then renamed into place)."""
    from inovasi_desktop.services.evidence_status import store_lock

    now = now or datetime.now().astimezone()
    root = folder(ws)
    try:
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".part", dir=root))
    except OSError as err:
        raise StorageError(f"Folder cadangan {root} tidak dapat ditulisi: {describe_os_error(err)}.") from None
    try:
        with store_lock(ws):  # no clean-up in this process between the copy and its manifest
            copy_live_database(ws, work / DATABASE)
            manifest = manifest_for(ws, work / DATABASE, now)
            (work / MANIFEST).write_bytes(manifest.to_bytes())
            name = _free_name(root, name)
            os.replace(work, root / name)
    except OSError as err:
        raise StorageError(f"Cadangan otomatis tidak dapat ditulis: {describe_os_error(err)}.") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Snapshot(name, root / name, manifest)


def needed_today(ws: Workspace, now: datetime | None = None) -> bool:
    """Whether today has no automatic snapshot yet (one file check)."""
    return not (folder(ws) / (now or datetime.now()).date().isoformat() / MANIFEST).is_file()


def take_daily(ws: Workspace, now: datetime | None = None) -> Snapshot | None:
    """Today's snapshot, unless there is one already; then the old ones are thinned out."""
    now = now or datetime.now().astimezone()
    name = now.date().isoformat()
    if not needed_today(ws, now):
        return None
    snapshot = take(ws, name, now)
    rotate(ws, now.date())
    return snapshot


def _free_name(root: Path, name: str) -> str:
    candidate, counter = name, 2
    while (root / candidate).exists():
        candidate, counter = f"{name}-{counter}", counter + 1
    return candidate


def take_daily_quietly(ws: Workspace) -> None:
    """For the window's start and close: a failure is logged, never in the user's way."""
    try:
        take_daily(ws)
    except (InovasiError, OSError) as err:
        log.warning("No automatic snapshot today: %s", err)


def days_to_keep(days: Iterable[date], daily: int = DAILY_KEPT, weekly: int = WEEKLY_KEPT) -> set[date]:
    """The newest `daily` days, and from the older ones the newest of each of the `weekly` most recent ISO weeks."""
    ordered = sorted(set(days), reverse=True)
    keep = set(ordered[:daily])
    weeks: dict[tuple[int, int], date] = {}
    for day in ordered[daily:]:
        week = tuple(day.isocalendar())[:2]
        if week not in weeks and len(weeks) < weekly:
            weeks[week] = day
    return keep | set(weeks.values())


def rotate(ws: Workspace, today: date) -> list[str]:
    """Remove snapshots beyond 7 daily + 4 weekly (and before-restore ones beyond the newest 3); leftovers of
    interrupted work goes too. Returns the names removed."""
    existing = list_all(ws)
    dated = {s.day: s for s in existing if s.day is not None and s.day <= today}
    kept = days_to_keep(dated)
    restores = sorted((s for s in existing if s.before_restore), key=lambda s: s.name, reverse=True)
    doomed = [s for d, s in dated.items() if d not in kept] + restores[BEFORE_RESTORE_KEPT:]
    for snapshot in doomed:
        shutil.rmtree(snapshot.path, ignore_errors=True)
    remove_stale_work(ws)
    return sorted(s.name for s in doomed)


def remove_stale_work(ws: Workspace, age_seconds: int = 3600) -> None:
    """Work folders an interrupted snapshot, backup or restore left (after a crash or SIGKILL); one younger
    than `age_seconds` may belong to work running now and stays."""
    backups_root = ws.home / paths.backups_dir().name
    for parent in (backups_root, ws.home):  # work folders marked with their process (services/backups.py)
        remove_stale_parts(parent)
    for parent, pattern in ((folder(ws), ".*.part"), (backups_root, ".cadangkan-*"), (ws.home, ".pemulihan-*"),
                            (ws.home, ".periksa-*")):
        if parent.is_dir():
            for leftover in parent.glob(pattern):
                try:
                    stale = time.time() - leftover.stat().st_mtime > age_seconds
                except OSError:
                    continue
                if stale:
                    shutil.rmtree(leftover, ignore_errors=True)


def list_all(ws: Workspace) -> list[Snapshot]:
    """Every readable snapshot, newest first."""
    root = folder(ws)
    if not root.is_dir():
        return []
    out = []
    for path in root.iterdir():
        if path.name.startswith(".") or not path.is_dir():
            continue
        try:
            raw = (path / MANIFEST).read_bytes()
            out.append(Snapshot(path.name, path, Manifest.parse(raw)))
        except (OSError, BackupError):
            continue
    return sorted(out, key=lambda s: (s.manifest.created, s.name), reverse=True)


def find(ws: Workspace, name: str) -> Snapshot | None:
    return next((s for s in list_all(ws) if s.name == name), None)


def referenced_hashes(ws: Workspace) -> set[str]:
    """The evidence files kept snapshots use: the store's clean-up keeps them."""
    return {sha256 for s in list_all(ws) for sha256 in s.manifest.files}
