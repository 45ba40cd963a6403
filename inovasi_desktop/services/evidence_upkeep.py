"""Keeping the evidence store sound: re-hash everything (verify-store), list what the file checks found
for one innovation (readiness step), and remove files nothing uses any more.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from inovasi_desktop.domain import EvidenceItem, Innovation, Severity
from inovasi_desktop.evidence.checks import for_target
from inovasi_desktop.services import evidence_status
from inovasi_desktop.services.evidence_items import places
from inovasi_desktop.services.evidence_status import CHANGED, MISSING, OK, PENDING, Progress, store_lock
from inovasi_desktop.services.workspace import Workspace

CLEAN_UP_GRACE_SECONDS = 24 * 3600  # a file stored this recently may belong to an edit not yet saved


@dataclass(frozen=True)
class Use:
    innovation_id: str
    innovation_name: str
    place: str  # "indikator 3", "lampiran Anggaran"
    item: EvidenceItem


@dataclass(frozen=True)
class FileProblem:
    sha256: str
    state: str  # MISSING or CHANGED
    uses: tuple[Use, ...]

    @property
    def message(self) -> str:
        return evidence_status.STATE_MESSAGES[self.state]


@dataclass(frozen=True)
class StoreReport:
    checked: int
    problems: tuple[FileProblem, ...]
    partials: tuple = ()  # evidence.store.PartialFile: adds under way, and what crashed ones left

    @property
    def ok(self) -> bool:
        return not self.problems


def _uses(ws: Workspace, innovations_: list[Innovation]) -> dict[str, list[Use]]:
    out: dict[str, list[Use]] = {}
    for innovation in innovations_:
        catalogue = ws.catalogues.get(innovation.catalogue_id) if ws.catalogues.has(innovation.catalogue_id) else None
        for place in places(catalogue, innovation):
            for item in place.items:
                if item.sha256:
                    out.setdefault(item.sha256, []).append(Use(innovation.id, innovation.name, place.label, item))
    return out


def verify_store(ws: Workspace, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> StoreReport:
    """Re-hash every file that evidence uses or the store recorded; report missing and changed ones."""
    from inovasi_desktop.services import innovations, organisation
    from inovasi_desktop.storage.repositories import StoredFileRepository

    with ws.db.begin() as session:
        repo = StoredFileRepository(session)
        expected = repo.referenced_hashes() | set(repo.unreferenced())
    uses = _uses(ws, innovations.load_all(ws))
    states = evidence_status.verify_files(ws, expected, organisation.get(ws).pemda, progress=progress,
                                         cancelled=cancelled)
    problems = tuple(FileProblem(sha256, state, tuple(uses.get(sha256, ())))
                     for sha256, state in sorted(states.items()) if state in (MISSING, CHANGED))
    return StoreReport(len(states), problems, tuple(ws.evidence_store.partial_files()))


def refresh_truth(ws: Workspace, *, cancelled: Callable[[], bool] | None = None) -> list[str]:
    """At open, on a worker: make the list's readiness follow the store as it is. First the cheap look (a file
    whose size or time moved is re-hashed), then every file the evidence uses is re-hashed (damage that kept
    size and time), each followed by a refresh of the kept summaries. Returns the ids whose summary changed."""
    from inovasi_desktop.services import innovations, organisation
    from inovasi_desktop.storage.repositories import StoredFileRepository

    changed = set(innovations.refresh_summaries(ws))
    with ws.db.begin() as session:
        used = StoredFileRepository(session).referenced_hashes()
    states = evidence_status.verify_files(ws, used, organisation.get(ws).pemda, cancelled=cancelled)
    damaged = [sha256 for sha256, state in states.items() if state != OK]
    if damaged:
        changed |= set(innovations.refresh_summaries(ws, damaged))
    return sorted(changed)


@dataclass(frozen=True)
class ItemProblem:
    place: str
    where: str  # a finding's `where`: "indikator:3" or the attachment field key
    item: EvidenceItem
    severity: Severity
    message: str
    state: str = OK  # OK, or MISSING / CHANGED when the stored file itself is the problem


def file_problems(ws: Workspace, innovation: Innovation, *, examine: bool = True) -> list[ItemProblem]:
    """What the file checks found about one innovation's stored files, for the readiness step: files
    missing or changed in the store, and galat or peringatan of the checks where each file is used.
    With `examine` False, files not checked yet are left out (see evidence_status.file_status)."""
    from inovasi_desktop.services import organisation

    items = innovation.all_evidence()
    status = evidence_status.file_status(ws, evidence_status.stored_hashes_of(items), organisation.get(ws).pemda,
                                         examine=examine)
    catalogue = ws.catalogues.get(innovation.catalogue_id) if ws.catalogues.has(innovation.catalogue_id) else None
    cap = evidence_status.max_bytes(ws)
    out = []
    for place in places(catalogue, innovation):
        for item in place.items:
            found = status.get(item.sha256) if item.sha256 else None
            if found is None or found.state == PENDING:
                continue
            if found.state != OK:
                out.append(ItemProblem(place.label, place.where, item, Severity.GALAT,
                                       evidence_status.STATE_MESSAGES[found.state], found.state))
                continue
            result = for_target(found.check, accepts=place.accepts, max_bytes=cap,
                                max_seconds=place.max_seconds)
            out += [ItemProblem(place.label, place.where, item, p.severity, p.message)
                    for p in result.problems if p.severity is not Severity.INFO]
    return out


def clean_up(ws: Workspace, *, grace_seconds: int = CLEAN_UP_GRACE_SECONDS) -> list[str]:
    """Delete stored files that no evidence item uses (innovations in the bin count as users).

    Files stored within `grace_seconds` stay: an editor may hold them in an edit not saved yet; so do the files
    kept automatic snapshots use (services/snapshots.py). Returns the sha256 of the files removed.
    """
    from inovasi_desktop.services import snapshots
    from inovasi_desktop.storage.repositories import StoredFileRepository

    store = ws.evidence_store
    now = time.time()
    with store_lock(ws):
        with ws.db.begin() as session:
            referenced = StoredFileRepository(session).referenced_hashes()
        keep = set(referenced) | snapshots.referenced_hashes(ws)
        for sha256 in store.stored_hashes() - referenced:
            try:
                if now - os.stat(store.path_for(sha256)).st_mtime < grace_seconds:
                    keep.add(sha256)
            except OSError:
                continue
        removed = store.remove_unreferenced(keep)
        with ws.db.write() as session:
            repo = StoredFileRepository(session)
            gone = (set(repo.unreferenced()) - keep) | set(removed)
            for sha256 in gone:
                repo.remove(sha256)
            evidence_status.write_records(ws, session, dict.fromkeys(gone))
    return removed
