"""What is known about each stored evidence file: present, intact, and what its check found.

A stored file's check result depends only on its content (named by its sha256) and the pemda, so
it is checked once and kept on the file's row of `stored_files` (a file the store has no row for:
in the workspace's memory only), beside the size and modification time the file had then. Later
questions cost a `stat` and one read (once per workspace, see `Workspace.file_checks`): a file whose
size or time moved is re-hashed before it is trusted again. `checks.for_target` judges the kept
result again for each place that uses the file (accepted kinds, size cap).

Hashing and checking take seconds for large scans, so the window never does it: it asks with
`examine=False`, gets PENDING for the files that need it, and has `check_pending` run on a worker.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from inovasi_desktop.domain import EvidenceItem, Innovation, InovasiError, Severity
from inovasi_desktop.domain.heading import DocumentHeading
from inovasi_desktop.evidence.checks import FileCheck, Problem, check_file
from inovasi_desktop.services import settings
from inovasi_desktop.services.workspace import Workspace

CHECK_VERSION = 4  # raise when the checker changes what it finds: kept results are then redone
# 2: PDF pages rendered and checked for damage (PDFium); 3: image dimensions upright (EXIF orientation applied);
# 4: a PDF's heading read (document type, nomor, tanggal, tentang)
UNLIMITED = sys.maxsize
MIN_CAP, MAX_CAP = 100 * 1024, 1024**3

OK, MISSING, CHANGED = "ok", "missing", "changed"
PENDING = "pending"  # not checked yet for this content and pemda (or touched since): see `check_pending`
BATCH_SECONDS = 0.2  # check_pending keeps (and reports) what it found at least this often
STATE_MESSAGES = {
    MISSING: "Berkas tidak ada di penyimpanan bukti (mungkin diimpor tanpa berkasnya atau terhapus); "
             "lampirkan ulang berkas aslinya.",
    CHANGED: "Isi berkas di penyimpanan bukti berubah sejak disimpan sehingga tidak dapat dipercaya; "
             "lampirkan ulang berkas aslinya.",
}

Progress = Callable[[int, int, str], None]  # (done, total, text)

_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def store_lock(ws: Workspace) -> threading.Lock:
    """One lock per evidence store in this process: adds (with their undo) and clean-ups never overlap.
    Process-wide, not on the workspace: it guards the folder on disk, which two workspaces may share."""
    root = ws.evidence_store.root.absolute()
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(root, threading.Lock())


@dataclass(frozen=True)
class FileStatus:
    sha256: str
    state: str  # OK, MISSING, CHANGED or PENDING
    check: FileCheck | None  # the content's own check (any file kind, no size cap); None unless OK

    @property
    def usable(self) -> bool:
        return self.state == OK and self.check is not None and self.check.ok


# -- the size cap -------------------------------------------------------------------------------

def max_bytes(ws: Workspace) -> int:
    """The size cap per evidence file (default 2 MB, as regional portals use)."""
    return settings.get(ws, settings.EVIDENCE_MAX_BYTES)


def set_max_bytes(ws: Workspace, value: int) -> None:
    if not MIN_CAP <= value <= MAX_CAP:
        raise InovasiError("Batas ukuran berkas harus antara 100 KB dan 1 GB.")
    settings.put(ws, {settings.EVIDENCE_MAX_BYTES: value})


# -- kept check results ------------------------------------------------------------------------

def check_to_dict(check: FileCheck) -> dict:
    data = {f.name: getattr(check, f.name) for f in fields(FileCheck) if f.name not in ("problems", "heading")}
    data["heading"] = check.heading.to_dict() if check.heading else None
    data["problems"] = [{"severity": p.severity.value, "code": p.code, "message": p.message} for p in check.problems]
    return data


def check_from_dict(data: dict) -> FileCheck:
    values = {f.name: data[f.name] for f in fields(FileCheck)
              if f.name in data and f.name not in ("problems", "heading")}
    if data.get("heading"):
        values["heading"] = DocumentHeading.from_dict(data["heading"])
    for name in ("active_content", "dimensions"):
        if values.get(name) is not None:
            values[name] = tuple(values[name])
    problems = tuple(Problem(Severity(p["severity"]), p["message"], p["code"]) for p in data.get("problems", ()))
    return FileCheck(problems=problems, **values)


def record_for(check: FileCheck, pemda: str, info: os.stat_result | None, changed: bool = False) -> str:
    stamp = [info.st_size, info.st_mtime_ns] if info else None
    return json.dumps({"v": CHECK_VERSION, "pemda": pemda, "stamp": stamp, "changed": changed,
                       "check": check_to_dict(check)}, ensure_ascii=False)


MEMO_LIMIT = 50_000  # records remembered per workspace (Workspace.file_checks) before starting afresh


def _read_records(ws: Workspace, hashes: Iterable[str]) -> dict[str, dict]:
    """The kept record of each of `hashes` that has one: from the workspace's memo, else the database (once)."""
    from inovasi_desktop.storage.repositories import StoredFileRepository

    out: dict[str, dict] = {}
    missing = []
    with ws.file_checks_lock:
        for sha256 in sorted(set(hashes)):
            record = ws.file_checks.get(sha256)
            if record is None:
                missing.append(sha256)
            else:
                out[sha256] = dict(record)
    if not missing:
        return out
    with ws.db.begin() as session:
        texts = StoredFileRepository(session).checks(missing)
    read: dict[str, dict | None] = {}
    for sha256 in missing:
        try:
            read[sha256] = json.loads(texts[sha256]) if texts.get(sha256) else None
        except ValueError:
            read[sha256] = None
    _remember(ws, read)
    out.update({sha256: dict(record) for sha256, record in read.items() if record})
    return out


def _remember(ws: Workspace, records: dict[str, dict | None]) -> None:
    with ws.file_checks_lock:
        if len(ws.file_checks) > MEMO_LIMIT:
            ws.file_checks.clear()
        for sha256, record in records.items():
            if record:
                ws.file_checks[sha256] = dict(record)
            else:
                ws.file_checks.pop(sha256, None)


def write_records(ws: Workspace, session, records: dict[str, str | None]) -> None:
    """Keep (or with None, forget) check records, inside the caller's unit of work: on the file's row of
    `stored_files` (so the record goes with it), and in the workspace's memo."""
    from inovasi_desktop.storage.repositories import StoredFileRepository

    StoredFileRepository(session).keep_checks(records)
    _remember(ws, {sha256: json.loads(text) if text else None for sha256, text in records.items()})


def _stat(path: Path) -> os.stat_result | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info if os.path.isfile(path) else None


def _stamp(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns]


# -- status of stored files ------------------------------------------------------------------------

def file_status(ws: Workspace, hashes: Iterable[str], pemda: str, *, examine: bool = True) -> dict[str, FileStatus]:
    """The status of each stored file; files never seen (or touched since) are re-hashed and checked once.

    With `examine` False such files are PENDING instead, and the answer costs a `stat` per file.
    """
    hashes = sorted(set(hashes))
    records = _read_records(ws, hashes)
    out: dict[str, FileStatus] = {}
    fresh: dict[str, str] = {}
    for sha256 in hashes:
        path = ws.evidence_store.path_for(sha256)
        info = _stat(path)
        if info is None:
            out[sha256] = FileStatus(sha256, MISSING, None)
            continue
        record = records.get(sha256) or {}
        same_file = record.get("v") == CHECK_VERSION and record.get("stamp") == _stamp(info)
        if same_file and record.get("changed"):
            out[sha256] = FileStatus(sha256, CHANGED, None)
        elif same_file and record.get("pemda") == pemda:
            out[sha256] = FileStatus(sha256, OK, check_from_dict(record["check"]))
        elif not examine:
            out[sha256] = FileStatus(sha256, PENDING, None)
        else:
            out[sha256], fresh[sha256] = _examine(ws, sha256, path, info, pemda)
    if fresh:
        with ws.db.write() as session:
            write_records(ws, session, fresh)
    return out


def _examine(ws: Workspace, sha256: str, path: Path, info: os.stat_result, pemda: str) -> tuple[FileStatus, str]:
    if not ws.evidence_store.verify(sha256):
        return FileStatus(sha256, CHANGED, None), record_for(FileCheck(), pemda, info, changed=True)
    check = check_file(path, accepts=None, max_bytes=UNLIMITED, pemda=pemda)
    return FileStatus(sha256, OK, check), record_for(check, pemda, info)


def check_pending(ws: Workspace, hashes: Iterable[str], pemda: str, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> int:
    """Hash and check the files among `hashes` that `file_status` would find PENDING, one by one. What was
    found is kept (and `progress` called) every BATCH_SECONDS and at the end, so a window shows results as
    they come; a cancel keeps what was found so far. Returns how many files were checked."""
    wanted = [sha256 for sha256, status in file_status(ws, hashes, pemda, examine=False).items()
              if status.state == PENDING]
    found: dict[str, str] = {}
    done, last = 0, time.monotonic()
    for sha256 in wanted:
        if cancelled is not None and cancelled():
            break
        path = ws.evidence_store.path_for(sha256)
        info = _stat(path)
        if info is not None:
            found[sha256] = _examine(ws, sha256, path, info, pemda)[1]
        done += 1
        if time.monotonic() - last >= BATCH_SECONDS or done == len(wanted):
            _keep(ws, found)
            found, last = {}, time.monotonic()
            if progress is not None:
                progress(done, len(wanted), f"Memeriksa berkas bukti {done} dari {len(wanted)}")
    _keep(ws, found)
    return done


def _keep(ws: Workspace, records: dict[str, str]) -> None:
    if records:
        with ws.db.write() as session:
            write_records(ws, session, records)


def verify_files(ws: Workspace, hashes: Iterable[str], pemda: str, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> dict[str, str]:
    """Re-hash each stored file now; remember what was found. Returns sha256 -> OK/MISSING/CHANGED."""
    wanted = sorted(set(hashes))
    records = _read_records(ws, wanted)
    states: dict[str, str] = {}
    updates: dict[str, str] = {}
    for done, sha256 in enumerate(wanted, start=1):
        if cancelled is not None and cancelled():
            break
        path = ws.evidence_store.path_for(sha256)
        info = _stat(path)
        if info is None:
            states[sha256] = MISSING
        elif not ws.evidence_store.verify(sha256):
            states[sha256] = CHANGED
            updates[sha256] = record_for(FileCheck(), pemda, info, changed=True)
        else:
            states[sha256] = OK
            record = records.get(sha256)
            if record and record.get("v") == CHECK_VERSION and not record.get("changed"):
                record["stamp"] = _stamp(info)
                updates[sha256] = json.dumps(record, ensure_ascii=False)
            else:
                updates[sha256] = _examine(ws, sha256, path, info, pemda)[1]
        if progress is not None:
            progress(done, len(wanted), f"Memeriksa ulang berkas {done} dari {len(wanted)}")
    if updates:
        with ws.db.write() as session:
            write_records(ws, session, updates)
    return states


def stored_hashes_of(items: Iterable[EvidenceItem]) -> set[str]:
    return {item.sha256 for item in items if item.sha256}


def unusable_ids(ws: Workspace, innovation: Innovation, pemda: str, *,
                 examine: bool = True) -> tuple[frozenset[str], frozenset[str]]:
    """Ids of the evidence items that do not count because their stored file is missing, changed, or has a
    galat; and, of those, the ids whose stored file is missing or changed. (Files still PENDING, see
    `file_status`, count until their check says otherwise.)"""
    items = innovation.all_evidence()
    status = file_status(ws, stored_hashes_of(items), pemda, examine=examine)
    stored = [item for item in items if item.sha256 and status[item.sha256].state != PENDING]
    invalid = frozenset(item.id for item in stored if not status[item.sha256].usable)
    lost = frozenset(item.id for item in stored if status[item.sha256].state != OK)
    return invalid, lost


def readings(ws: Workspace, innovation: Innovation, pemda: str) -> dict[str, DocumentHeading]:
    """sha256 -> what the heading of each checked PDF of `innovation` says (from kept check results: cheap)."""
    status = file_status(ws, stored_hashes_of(innovation.all_evidence()), pemda, examine=False)
    return {sha256: s.check.heading for sha256, s in status.items()
            if s.state == OK and s.check is not None and s.check.heading is not None}
