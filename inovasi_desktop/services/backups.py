"""Backups the user makes and restores: one `*.inovasi-cadangan` file written anywhere (a USB stick), and
restoring from such a file or from an automatic snapshot (services/snapshots.py), all or nothing.

Restoring builds the new database and the evidence files the store lacks in a work folder inside the data
folder and verifies every hash; only then is the current data kept as a snapshot and the swap made: the
staged files move into the content-addressed store (which only ever gains files) and the database file is
replaced. A refused or cancelled restore changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from inovasi_desktop import paths
from inovasi_desktop.atomic import atomic_file, part_path, remove_stale_parts
from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export import backup_archive
from inovasi_desktop.export.backup_archive import DATABASE, BackupError, Manifest
from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import snapshots, window_lock
from inovasi_desktop.services.workspace import Workspace

Progress = Callable[[int, int, str], None]  # (done, total, text), as TaskControl.progress
IsCancelled = Callable[[], bool]
SUFFIX = backup_archive.SUFFIX


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    manifest: Manifest


@dataclass(frozen=True)
class Source:
    """What a restore reads: a backup file, or an automatic snapshot (`snapshot` set)."""

    path: Path
    manifest: Manifest
    size: int
    snapshot: snapshots.Snapshot | None = None


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    kept_as: str | None  # the snapshot holding the data as it was before, if there was any


def default_file_name(now: datetime | None = None) -> str:
    return f"Cadangan Inovasi {(now or datetime.now()).strftime('%Y-%m-%d')}{SUFFIX}"


def _bytes_progress(progress: Progress | None, total: int, text: str) -> Callable[[int], None] | None:
    if progress is None:
        return None
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        progress(done, total, text)

    return step


def _refuse_inside_data_folder(ws: Workspace, target: Path) -> None:
    if paths.inside_data_dir(target, ws.home):
        raise BackupError(f"Cadangan tidak boleh disimpan di dalam folder data ({ws.home}): bila folder itu "
                          "rusak atau hilang, cadangannya ikut hilang. Pilih tempat lain, misalnya diska lepas.")


def write_backup(ws: Workspace, target: Path, *, progress: Progress | None = None,
                 cancelled: IsCancelled | None = None, now: datetime | None = None) -> BackupResult:
    """Write one backup file at `target` (atomically), then read it back and verify every hash.
    A cancel or any failure leaves nothing at `target` (an earlier file there stays as it was)."""
    target = Path(target)
    _refuse_inside_data_folder(ws, target)
    if target.is_dir():
        raise BackupError(f"{target} adalah folder. Pilih nama berkas untuk cadangan.")
    now = now or datetime.now().astimezone()
    work_root = ws.home / paths.backups_dir().name
    try:
        work_root.mkdir(parents=True, exist_ok=True)
        work = _work_folder(work_root, "cadangkan")
    except OSError as err:
        raise BackupError(f"Folder data tidak dapat ditulisi: {describe_os_error(err)}.") from None
    try:
        copy = work / DATABASE
        snapshots.copy_live_database(ws, copy)
        manifest = replace(snapshots.manifest_for(ws, copy, now), received=_received_dossiers(ws))
        _check_free_space(target.parent, manifest.total_size)
        total = 2 * manifest.total_size  # written, then read back
        try:
            with atomic_file(target) as stream:
                backup_archive.write(stream, manifest, copy, ws.evidence_store.path_for,
                                     received=lambda iid: _received_path(ws, iid),
                                     progress=_bytes_progress(progress, total, "Menulis cadangan…"),
                                     cancelled=cancelled)
                stream.flush()
                os.fsync(stream.fileno())
                written = _bytes_progress(progress, total, "Memeriksa cadangan yang ditulis…")
                if written is not None:
                    written(manifest.total_size)
                with backup_archive.Reader(Path(stream.name)) as reader:
                    if reader.manifest != manifest:
                        raise BackupError(backup_archive.DAMAGED)
                    reader.verify(progress=written, cancelled=cancelled)
                size = os.fstat(stream.fileno()).st_size
        except BackupError as err:
            if err.args[0] == backup_archive.DAMAGED:  # our own read-back failed: the store or the medium?
                report = ws.evidence_store.verify_all(manifest.files)
                if not report.ok:
                    raise BackupError(f"{len(report.missing) + len(report.changed)} berkas bukti di penyimpanan hilang "
                                      "atau berubah, sehingga cadangan tidak dibuat. Jalankan pemeriksaan "
                                      "penyimpanan bukti (verify-store).") from None
                raise BackupError("Cadangan yang baru ditulis tidak terbaca utuh; media penyimpanan mungkin "
                                  "bermasalah. Tidak ada berkas yang ditulis; coba tempat lain.") from None
            raise
        except OSError as err:
            raise BackupError(f"Cadangan tidak dapat ditulis ke {target}: {describe_os_error(err)}. "
                              "Tidak ada berkas yang ditulis.") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupResult(target, size, manifest)


def _received_path(ws: Workspace, innovation_id: str) -> Path:
    return ws.home / backup_archive.received_member(innovation_id)


def _received_dossiers(ws: Workspace) -> dict[str, tuple[str, int]]:
    """The dossier PDFs received with bundles (services.bundles), by innovation id: (sha256, size)."""
    out = {}
    for path in sorted((ws.home / backup_archive.RECEIVED_FOLDER).glob("*.pdf")):
        if backup_archive.INNOVATION_ID.fullmatch(path.stem):
            try:
                out[path.stem] = (snapshots.file_sha256(path), path.stat().st_size)
            except OSError as err:
                raise BackupError(f"Berkas PDF kiriman {path.name} tidak dapat dibaca: {describe_os_error(err)}. "
                                  "Tidak ada berkas yang ditulis.") from None
    return out


def _check_free_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as err:
        raise BackupError(f"Folder tujuan {folder} tidak dapat dipakai: {describe_os_error(err)}.") from None
    needed += 1024 * 1024  # for the database's journal and the file system's own use
    if free < needed:
        raise BackupError(f"Ruang di {folder} tidak cukup: cadangan memerlukan sekitar {format_size_id(needed)}, "
                          f"tersedia {format_size_id(free)}. Tidak ada berkas yang ditulis.")


# -- restoring --------------------------------------------------------------------------------------

def open_source(ws: Workspace, text: str | Path) -> Source:
    """A backup file at `text`, or the automatic snapshot of that name; BackupError when it cannot be used."""
    path = Path(text)
    if not path.exists() and (snapshot := snapshots.find(ws, str(text))) is not None:
        return snapshot_source(snapshot)
    with backup_archive.Reader(path) as reader:
        return Source(path, reader.manifest, reader.size)


def snapshot_source(snapshot: snapshots.Snapshot) -> Source:
    return Source(snapshot.path, snapshot.manifest, snapshot.manifest.database_size, snapshot)


def verify(ws: Workspace, source: Source, *, progress: Progress | None = None,
           cancelled: IsCancelled | None = None) -> None:
    """Read the whole source and check every hash, changing nothing (restore --dry-run)."""
    m = source.manifest
    step = _bytes_progress(progress, m.total_size, "Memeriksa cadangan…")
    if source.snapshot is not None:
        _check_snapshot(ws, source.snapshot, step)
        return
    with backup_archive.Reader(source.path) as reader:
        reader.verify(progress=step, cancelled=cancelled)
    from inovasi_desktop.storage.snapshot import read_facts

    with tempfile.TemporaryDirectory(prefix=".periksa-", dir=_work_parent(ws)) as work:
        db = Path(work) / DATABASE
        with backup_archive.Reader(source.path) as reader, open(db, "wb") as out:
            reader.copy(DATABASE, m.database_sha256, m.database_size, out.write, cancelled=cancelled)
        read_facts(db)


def _work_folder(parent: Path, name: str) -> Path:
    """A new work folder marked with this process's id: the work folders of a backup or restore cut short
    (a killed process, a power cut) are removed here at once, so that they do not hold the space a retry
    needs."""
    remove_stale_parts(parent)
    work = part_path(parent / name)
    work.mkdir()
    return work


def _work_parent(ws: Workspace) -> Path:
    ws.home.mkdir(parents=True, exist_ok=True)
    return ws.home


def _check_snapshot(ws: Workspace, snapshot: snapshots.Snapshot, step: Callable[[int], None] | None) -> None:
    from inovasi_desktop.storage.snapshot import read_facts

    m = snapshot.manifest
    try:
        intact = snapshots.file_sha256(snapshot.database) == m.database_sha256
    except OSError:
        intact = False
    if not intact:
        raise BackupError(f"Cadangan otomatis {snapshot.name} rusak. Data tidak diubah; pilih cadangan lain.")
    read_facts(snapshot.database)
    lacking = [s for s in m.files if not ws.evidence_store.verify(s)]
    if lacking:
        raise BackupError(f"Cadangan otomatis {snapshot.name} tidak lengkap: {len(lacking)} berkas bukti yang "
                          "dipakainya hilang atau berubah. Data tidak diubah; pilih cadangan lain.")
    if step is not None:
        step(m.total_size)


def restore(ws: Workspace, source: Source, *, progress: Progress | None = None,
            cancelled: IsCancelled | None = None, now: datetime | None = None) -> RestoreResult:
    """Replace the data with the source's, all or nothing. The current data is kept as a snapshot first."""
    from inovasi_desktop.storage.snapshot import read_facts

    holder = window_lock.window_holding(ws.home)
    if holder is not None:
        raise BackupError(f"Inovasi Desktop sedang terbuka untuk folder data ini (proses {holder}). Tutup "
                          "jendelanya dulu, lalu pulihkan lagi. Data tidak diubah.")
    now = now or datetime.now().astimezone()
    m = source.manifest
    kept_as = None
    try:
        work = _work_folder(_work_parent(ws), "pemulihan")
    except OSError as err:
        raise BackupError(f"Folder data tidak dapat ditulisi: {describe_os_error(err)}.") from None
    try:
        staged_db = work / DATABASE
        staged_store = work / "bukti"
        step = _bytes_progress(progress, m.total_size, "Memulihkan data…")
        try:
            if source.snapshot is not None:
                _check_snapshot(ws, source.snapshot, None)
                shutil.copyfile(source.snapshot.database, staged_db)
                if snapshots.file_sha256(staged_db) != m.database_sha256:
                    raise BackupError(backup_archive.DAMAGED)
                if step is not None:
                    step(m.total_size)
            else:
                _stage_archive(ws, source.path, staged_db, staged_store, step, cancelled)
        except OSError as err:
            raise BackupError(f"Data cadangan tidak dapat disiapkan: {describe_os_error(err)}. "
                              "Data tidak diubah.") from None
        facts = read_facts(staged_db)
        if facts.schema_version != m.schema_version:
            raise BackupError(backup_archive.DAMAGED)
        if cancelled is not None and cancelled():
            raise Cancelled("Pemulihan dibatalkan; data tidak diubah.")
        if ws.database_file.exists():  # everything checked: keep the current data, then swap
            kept_as = snapshots.take(ws, f"{snapshots.BEFORE_RESTORE}{now.strftime('%Y%m%d-%H%M%S')}", now).name
        from inovasi_desktop.services.evidence_status import store_lock

        with store_lock(ws):  # no clean-up of the store in this process while the database changes under it
            _swap(ws, staged_db, staged_store, m)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RestoreResult(m, kept_as)


def _stage_archive(ws: Workspace, path: Path, staged_db: Path, staged_store: Path,
                   step: Callable[[int], None] | None, cancelled: IsCancelled | None) -> None:
    """Extract the database and the evidence files the store lacks into the work folder, every hash checked."""
    live = ws.evidence_store
    with backup_archive.Reader(path) as reader:
        m = reader.manifest
        _check_free_space(ws.home, m.total_size)
        with open(staged_db, "wb") as out:
            reader.copy(DATABASE, m.database_sha256, m.database_size, out.write, progress=step, cancelled=cancelled)
        for sha256, size in sorted(m.files.items()):
            if live.has(sha256):  # not needed, but read and checked all the same: a damaged backup is refused
                reader.copy(backup_archive.evidence_member(sha256), sha256, size, _discard, progress=step,
                            cancelled=cancelled)
                continue
            staged = staged_store / sha256[:2] / sha256
            staged.parent.mkdir(parents=True, exist_ok=True)
            with open(staged, "wb") as out:
                reader.copy(backup_archive.evidence_member(sha256), sha256, size, out.write, progress=step,
                            cancelled=cancelled)
                if not hasattr(os, "sync"):  # Windows: each file flushed; POSIX: all at once below
                    out.flush()
                    os.fsync(out.fileno())
        for innovation_id, (sha256, size) in sorted(m.received.items()):
            staged = staged_store.parent / backup_archive.received_member(innovation_id)
            staged.parent.mkdir(parents=True, exist_ok=True)
            with open(staged, "wb") as out:
                reader.copy(backup_archive.received_member(innovation_id), sha256, size, out.write, progress=step,
                            cancelled=cancelled)
    if hasattr(os, "sync"):
        os.sync()  # one flush of every staged file: thousands of fsyncs cost far more


def _discard(_chunk: bytes) -> None:
    pass


def _swap(ws: Workspace, staged_db: Path, staged_store: Path, m: Manifest) -> None:
    """Move the staged evidence into the store, then replace the database (its WAL removed first, so no old
    frame is ever applied to the new file), and open it again."""
    store = ws.evidence_store
    try:
        for sha256 in sorted(m.files):
            staged = staged_store / sha256[:2] / sha256
            if staged.is_file() and not store.has(sha256):
                final = store.path_for(sha256)
                final.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(staged, 0o444)
                os.replace(staged, final)
        for innovation_id in sorted(m.received):  # the received dossiers of the backup (the others stay)
            final = ws.home / backup_archive.received_member(innovation_id)
            final.parent.mkdir(exist_ok=True)
            os.replace(staged_store.parent / backup_archive.received_member(innovation_id), final)
        with open(staged_db, "rb+") as f:  # durable before it takes the live file's place
            os.fsync(f.fileno())
        ws.close()
        live = ws.database_file
        for extra in (Path(f"{live}-wal"), Path(f"{live}-shm")):
            extra.unlink(missing_ok=True)
        os.replace(staged_db, live)
    except OSError as err:
        raise BackupError(f"Data tidak dapat dipulihkan: {describe_os_error(err)}. Data sebelumnya tersimpan "
                          "sebagai cadangan otomatis.") from None
    try:
        ws.open()
    except InovasiError as err:
        raise BackupError(f"Data dipulihkan, tetapi tidak dapat dibuka: {err}") from None
