"""The pieces of bukti dukung handling: where evidence goes (`Target`), its metadata, checking files,
and storing them.

Storing is all or nothing per call: the files are copied into the evidence store first, then
their stored-file rows and check results are written in one unit of work; if anything fails or
the user cancels, the files this call wrote are removed again. The editor attaches the returned
items to the innovation it holds (and autosaves). Editing the item lists lives in `evidence_items`,
file status in `evidence_status`, and the whole use cases on a saved innovation (add files or a link,
remove, move, replace) in `innovation_evidence`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inovasi_desktop.atomic import scratch_folder
from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import EvidenceItem, Innovation, InovasiError
from inovasi_desktop.domain.dates import parse_date_text
from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.file_names import safe_file_name
from inovasi_desktop.domain.text import clean_text
from inovasi_desktop.evidence.checks import DEFAULT_MAX_BYTES, FileCheck, check_file, for_target
from inovasi_desktop.evidence.errors import StoreError
from inovasi_desktop.evidence.images import shrink_image
from inovasi_desktop.services import evidence_status, organisation
from inovasi_desktop.services.evidence_status import UNLIMITED, Progress, max_bytes, set_max_bytes, store_lock
from inovasi_desktop.services.workspace import Workspace

__all__ = ["CheckedFile", "Metadata", "StoreOutcome", "Target", "check_files", "check_for", "clean_up_unsaved",
           "display_name", "items_of", "max_bytes", "parse_date_text", "set_max_bytes", "store_checked", "target_for"]

INDICATOR, ATTACHMENT = "indicator", "attachment"
MAX_NOMOR, MAX_TENTANG, MAX_NAME = 300, 2000, 255


@dataclass(frozen=True)
class Target:
    """Where evidence goes: an indicator (key "3") or a profile attachment field (key "anggaran")."""

    kind: str
    key: str
    accepts: tuple[str, ...]
    label: str  # "indikator 3", "lampiran Anggaran (jika diperlukan)"
    period: tuple[date, date] | None = None  # indicators: the window evidence dates should fall in
    max_seconds: int = 0  # a video file's longest playing time here (0: no limit)

    @property
    def accepts_files(self) -> bool:
        return any(k != "link" for k in self.accepts)

    @property
    def accepts_links(self) -> bool:
        return "link" in self.accepts


def target_for(catalogue: Catalogue, spec: int | str) -> Target:
    """The target named by an indicator number or an attachment field key; InovasiError when unknown."""
    text = str(spec).strip()
    if text.isdigit():
        indicator = catalogue.indicator(int(text))
        if indicator is None:
            raise InovasiError(f"Indikator {text} tidak ada di katalog {catalogue.id} "
                               f"(indikator 1 sampai {len(catalogue.indicators)}).")
        return Target(INDICATOR, str(indicator.number), indicator.accepts, f"indikator {indicator.number}",
                      catalogue.evidence_period(indicator), indicator.max_seconds)
    field_ = catalogue.field(text)
    if field_ is None or field_.type != "attachment":
        keys = ", ".join(f.key for f in catalogue.fields if f.type == "attachment")
        raise InovasiError(f"'{text}' bukan nomor indikator atau isian lampiran di katalog {catalogue.id} "
                           f"(lampiran yang ada: {keys}).")
    return Target(ATTACHMENT, field_.key, field_.accepts, f"lampiran {field_.label}")


def items_of(innovation: Innovation, target: Target) -> list[EvidenceItem]:
    """The live list of evidence items at `target` (created empty when missing)."""
    if target.kind == INDICATOR:
        return innovation.answer(int(target.key)).evidence
    return innovation.attachments.setdefault(target.key, [])


@dataclass(frozen=True)
class Metadata:
    nomor: str = ""
    tanggal: date | None = None
    tentang: str = ""

    def cleaned(self) -> Metadata:
        nomor, tentang = clean_text(self.nomor).strip(), clean_text(self.tentang).strip()
        if len(nomor) > MAX_NOMOR:
            raise InovasiError(f"Nomor dokumen terlalu panjang (paling banyak {MAX_NOMOR} karakter).")
        if len(tentang) > MAX_TENTANG:
            raise InovasiError(f"Keterangan \"tentang\" terlalu panjang (paling banyak {MAX_TENTANG} karakter).")
        return Metadata(nomor, self.tanggal, tentang)

    def apply(self, item: EvidenceItem) -> None:
        clean = self.cleaned()
        item.nomor, item.tanggal, item.tentang = clean.nomor, clean.tanggal, clean.tentang


# -- checking ------------------------------------------------------------------------------------

Stamp = tuple[int, int, int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    basis: FileCheck  # the content's own check: any file kind, no size cap (kept with the stored file)
    result: FileCheck  # judged for the target's kinds and the size cap: what the user sees
    stamp: Stamp | None  # the file as it was when checked; storing refuses a file changed since

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def name(self) -> str:
        return display_name(self.path.name)


def display_name(name: str) -> str:
    """An original file name fit to keep as metadata and to write as a file on any platform."""
    return safe_file_name(name)


def check_files(paths: Iterable[Path | str], accepts: tuple[str, ...] | None = None, *,
                max_bytes: int = DEFAULT_MAX_BYTES, pemda: str = "", progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, max_seconds: int = 0) -> list[CheckedFile]:
    """Check files without storing them. Raises Cancelled when `cancelled()` turns true."""
    paths = [Path(p) for p in paths]
    out = []
    for index, path in enumerate(paths):
        if cancelled is not None and cancelled():
            raise Cancelled("Pemeriksaan dibatalkan; tidak ada berkas yang disimpan.")
        if progress is not None:
            progress(index, len(paths), f"Memeriksa {display_name(path.name)} ({index + 1} dari {len(paths)})")
        stamp = _stamp(path)
        basis = check_file(path, accepts=None, max_bytes=UNLIMITED, pemda=pemda)
        out.append(CheckedFile(path, basis, for_target(basis, accepts=accepts, max_bytes=max_bytes,
                                                       max_seconds=max_seconds), stamp))
    if progress is not None:
        progress(len(paths), len(paths), "")
    return out


def check_for(ws: Workspace, paths: Iterable[Path | str], accepts: tuple[str, ...] | None, *,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
              max_seconds: int = 0) -> list[CheckedFile]:
    """`check_files` with this workspace's size cap and pemda."""
    return check_files(paths, accepts, max_bytes=max_bytes(ws), pemda=organisation.get(ws).pemda,
                       progress=progress, cancelled=cancelled, max_seconds=max_seconds)


# -- storing ---------------------------------------------------------------------------------------

@dataclass
class StoreOutcome:
    items: list[EvidenceItem] = field(default_factory=list)  # new items, not attached to anything yet
    results: dict[str, FileCheck] = field(default_factory=dict)  # item id -> check for the target
    refused: list[CheckedFile] = field(default_factory=list)  # galat: not stored
    shrunk: list[str] = field(default_factory=list)  # names of images made smaller before storing
    healed: dict[str, str] = field(default_factory=dict)  # sha256 -> name: a damaged stored copy replaced

    def heal_notes(self) -> list[str]:
        return [f"Salinan berkas \"{name}\" di penyimpanan bukti rusak atau hilang dan telah diganti dengan "
                "berkas ini; setiap bukti dukung yang memakainya kembali utuh." for name in self.healed.values()]


def store_checked(ws: Workspace, checked: list[CheckedFile], target: Target | None, *, metadata: Metadata | None = None,
                  shrink: Iterable[Path] = (), progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> StoreOutcome:
    """Store the checked files that have no galat; images in `shrink` over the cap are made smaller first.

    All or nothing: raises StoreError / Cancelled / EvidenceError having left nothing new behind.
    """
    metadata = (metadata or Metadata()).cleaned()
    cap, pemda = max_bytes(ws), organisation.get(ws).pemda
    shrink = {Path(p) for p in shrink}
    outcome = StoreOutcome(refused=[c for c in checked if not c.ok])
    accepted = [c for c in checked if c.ok]
    with scratch_folder("inovasi-bukti") as scratch, store_lock(ws):
        written: list[str] = []
        try:
            sources = []
            for n, c in enumerate(accepted):
                if c.path in shrink and c.result.can_shrink:
                    small = shrink_image(c.path, Path(scratch) / f"{n}", cap)
                    basis = check_file(small, accepts=None, max_bytes=UNLIMITED, pemda=pemda)
                    name = display_name(Path(c.name).stem + small.suffix)
                    sources.append((small, None, basis, name))
                    outcome.shrunk.append(c.name)
                else:
                    sources.append((c.path, c.stamp, c.basis, c.name))
            stored = _copy_all(ws, sources, written, progress, cancelled, outcome.healed)
            _record(ws, stored, pemda)
        except BaseException:
            for sha256 in written:
                ws.evidence_store.discard(sha256)
            raise
    for (sha256, size, basis, name) in stored:
        item = EvidenceItem(nomor=metadata.nomor, tanggal=metadata.tanggal, tentang=metadata.tentang,
                            sha256=sha256, file_name=name, size=size, media_type=basis.media_type)
        outcome.items.append(item)
        outcome.results[item.id] = for_target(basis, accepts=target.accepts if target else None, max_bytes=cap,
                                              max_seconds=target.max_seconds if target else 0)
    return outcome


def _copy_all(ws, sources, written: list[str], progress: Progress | None,
              cancelled: Callable[[], bool] | None, healed: dict[str, str]) -> list[tuple[str, int, FileCheck, str]]:
    total = sum(basis.size for _, _, basis, _ in sources) or 1
    done_before = 0
    stored = []
    for path, stamp, basis, name in sources:
        if stamp is not None and _stamp(path) != stamp:
            raise StoreError(f"Berkas {name} berubah atau dipindahkan setelah diperiksa. Tambahkan ulang berkasnya.")

        def report(done: int, _total: int, name=name, before=done_before) -> None:
            if progress is not None:
                progress(before + done, total, f"Menyimpan {name}")

        result = ws.evidence_store.add(path, progress=report, cancelled=cancelled)
        if not result.already_present:
            written.append(result.sha256)
        if result.healed or (not result.already_present and _was_used(ws, result.sha256)):
            healed[result.sha256] = name
        if stamp is not None and _stamp(path) != stamp:
            raise StoreError(f"Berkas {name} berubah atau dipindahkan saat disimpan. Tambahkan ulang berkasnya.")
        if result.size != basis.size:
            raise StoreError(f"Berkas {name} berubah setelah diperiksa. Tambahkan ulang berkasnya.")
        stored.append((result.sha256, result.size, basis, name))
        done_before += result.size
    if cancelled is not None and cancelled():
        raise Cancelled("Penyimpanan bukti dibatalkan; tidak ada berkas yang disimpan.")
    return stored


def _was_used(ws: Workspace, sha256: str) -> bool:
    """Whether evidence already uses this file (newly written, so this add restored a missing copy)."""
    from inovasi_desktop.storage.repositories import StoredFileRepository

    with ws.db.begin() as session:
        return StoredFileRepository(session).is_used(sha256)


def _record(ws: Workspace, stored, pemda: str) -> None:
    from inovasi_desktop.storage.repositories import StoredFileRepository

    records = {}
    for sha256, _size, basis, _name in stored:
        info = os.stat(ws.evidence_store.path_for(sha256))
        records[sha256] = evidence_status.record_for(basis, pemda, info)
    with ws.db.write() as session:
        repo = StoredFileRepository(session)
        for sha256, size, basis, _name in stored:
            repo.add(sha256, size, basis.media_type or "application/octet-stream")
        evidence_status.write_records(ws, session, records)


def clean_up_unsaved(ws: Workspace, items: list[EvidenceItem]) -> None:
    """Remove files stored for items that were never saved (and that nothing else uses)."""
    from inovasi_desktop.storage.repositories import StoredFileRepository

    with store_lock(ws), ws.db.write() as session:
        repo = StoredFileRepository(session)
        used = repo.referenced_hashes()
        for sha256 in {i.sha256 for i in items if i.sha256} - used:
            repo.remove(sha256)
            evidence_status.write_records(ws, session, {sha256: None})
            ws.evidence_store.discard(sha256)

