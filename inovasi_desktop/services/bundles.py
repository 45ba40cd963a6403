"""Use cases on bundles (`*.inovasi`): send innovations with their evidence, check a bundle, receive one.

Sending records, per innovation, the sha256 of the interchange JSON that left; receiving compares three
hashes (ours now, the bundle's, the one recorded at the last exchange) to say, before anything is written,
whether each innovation is new, unchanged, newer here, newer in the bundle, or changed on both sides.
Receiving is all or nothing: the evidence needed is streamed into the store, checked by hash on the way,
then one database transaction writes every innovation; on any failure or cancel the files just stored are
removed again and the database is untouched.
"""

from __future__ import annotations

import contextlib
import copy
import enum
import hashlib
import logging
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from inovasi_desktop import __version__, paths
from inovasi_desktop.atomic import scratch_folder
from inovasi_desktop.domain import Innovation, InovasiError, new_id
from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export import interchange
from inovasi_desktop.export.backup_archive import RECEIVED_FOLDER
from inovasi_desktop.export.bundle import manifest as mf
from inovasi_desktop.export.bundle.manifest import BundleError, InnovationEntry, Manifest, Sender
from inovasi_desktop.export.bundle.reader import BundleReader
from inovasi_desktop.export.bundle.writer import (
    EvidenceSource,
    InnovationSource,
    WrittenPart,
    write_bundle,
)
from inovasi_desktop.rules.format import format_date_id
from inovasi_desktop.services import conformance, innovations, organisation
from inovasi_desktop.services.evidence_status import store_lock
from inovasi_desktop.services.workspace import Workspace

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
RECEIVED_DOSSIERS = RECEIVED_FOLDER  # in the data folder: the dossier PDFs that came with bundles (backed up too)

log = logging.getLogger(__name__)


def json_hash(innovation: Innovation) -> str:
    """The sha256 of the innovation's interchange JSON: what the exchange bookkeeping compares."""
    return hashlib.sha256(interchange.dumps(innovation).encode("utf-8")).hexdigest()


def refuse_inside_data_folder(ws: Workspace, target: Path) -> None:
    """A bundle never lands in the data folder (it could replace the database or the store)."""
    if paths.inside_data_dir(Path(target), ws.home):
        raise InovasiError(f"Tujuan {target} berada di dalam folder data aplikasi ({ws.home}). "
                           "Pilih folder lain, misalnya Dokumen atau flashdisk.")


# ---------------------------------------------------------------------------------------- sending

@dataclass(frozen=True)
class SendResult:
    parts: list[WrittenPart]
    innovations: list[str]  # names, in order
    hashes: dict[str, str] = field(default_factory=dict)  # id -> sha256 of the JSON sent

    @property
    def total_bytes(self) -> int:
        return sum(p.size for p in self.parts)


MAIL_LIMITS_MB = (10, 20, 25)
DEFAULT_MAIL_LIMIT_MB = 20


def part_bytes_for_mail(limit_mb: float) -> int:
    """The largest part for a mail whose size limit is `limit_mb` (10^6 bytes): an attachment travels in
    base64, 4 bytes for every 3, and the message itself needs a little room."""
    return int(limit_mb * 1_000_000 * 3 / 4) - 64 * 1024


def sender_of(ws: Workspace) -> Sender:
    org = organisation.get(ws)
    return Sender(org.pemda, org.opd, org.contact_name, org.contact_phone, org.contact_email)


def default_file_name(names: list[str], opd: str) -> str:
    """'Kiriman Dinas Kesehatan - SI-PANTAU BALITA.inovasi', or '... - 5 inovasi.inovasi'.
    (A small sanitiser of its own: the exports branch brings the shared one; unify at merge.)"""
    import re

    what = names[0] if len(names) == 1 else f"{len(names)} inovasi"
    text = f"{opd} - {what}" if opd else what
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]+', " ", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")[:90].strip(" .") or "inovasi"
    return f"Kiriman {cleaned}{mf.SUFFIX}"


def send(ws: Workspace, ids: list[str], target: Path, *, with_pdf: bool = False, part_bytes: int | None = None,
         progress: Progress | None = None, cancelled: IsCancelled | None = None, record: bool = True) -> SendResult:
    """Write the bundle of `ids` at `target` (or parts beside it, each at most `part_bytes`) and record each
    innovation's JSON hash as exchanged."""

    target = Path(target)
    refuse_inside_data_folder(ws, target)
    if not ids:
        raise InovasiError("Pilih setidaknya satu inovasi untuk dikirim.")
    chosen = [innovations.get(ws, i) for i in dict.fromkeys(ids)]
    org_opd = organisation.get(ws).opd
    with scratch_folder("inovasi-kirim") as scratch:
        sources = []
        for n, inn in enumerate(chosen, start=1):
            pdf, pdf_id = None, ""
            if with_pdf:
                from inovasi_desktop.export.dossier.context import dossier_id  # reportlab: only when wanted
                from inovasi_desktop.services import dossier

                if cancelled is not None and cancelled():
                    raise Cancelled("Pengiriman dibatalkan; tidak ada berkas yang tertinggal.")
                if progress is not None:
                    progress(0, 1, f"Menyusun berkas PDF {n} dari {len(chosen)}: {inn.name}")
                pdf = Path(scratch) / f"{inn.id}.pdf"
                dossier.export_pdf(ws, inn.id, pdf, cancelled=cancelled, generated_on=dossier_date(inn))
                pdf_id = dossier_id(ws.catalogues.get(inn.catalogue_id), inn)
            sources.append(InnovationSource(inn.id, inn.name, inn.opd or org_opd,
                                            interchange.dumps(inn).encode("utf-8"), _evidence_of(ws, inn),
                                            pdf, pdf_id))
        created = max(i.updated_at for i in chosen).astimezone(UTC).isoformat().replace("+00:00", "Z")
        parts = write_bundle(sources, sender_of(ws), __version__, created, target, part_bytes=part_bytes,
                             progress=progress, cancelled=cancelled)
    result = SendResult(parts, [i.name for i in chosen], {s.id: hashlib.sha256(s.json).hexdigest() for s in sources})
    if record:
        record_sent(ws, result)
    return result


def record_sent(ws: Workspace, result: SendResult) -> None:
    """Remember the JSON hash of each innovation sent: both sides hold that version now."""
    from inovasi_desktop.storage.repositories import InnovationRepository

    with ws.db.write() as session:
        repo = InnovationRepository(session)
        for innovation_id, sha256 in result.hashes.items():
            repo.set_exchanged(innovation_id, sha256)


def send_and_read_back(ws: Workspace, ids: list[str], target: Path, *, with_pdf: bool = False,
                       progress: Progress | None = None, cancelled: IsCancelled | None = None) -> SendResult:
    """`send` to a removable drive: the file is flushed, its folder too, then read back from the drive (the
    cache dropped where the system allows) and every hash checked. Any failure or cancel removes the file."""
    result = send(ws, ids, target, with_pdf=with_pdf, progress=progress, cancelled=cancelled, record=False)
    try:
        _sync_folder(target.parent)
        for part in result.parts:
            _drop_cache(part.path)
        verify([p.path for p in result.parts],
               None if progress is None else lambda d, t, _n: progress(d, t, "Memeriksa ulang isi flashdisk"),
               cancelled)
    except BaseException:
        for part in result.parts:
            part.path.unlink(missing_ok=True)
        raise
    record_sent(ws, result)
    return result


def _sync_folder(folder: Path) -> None:
    import os

    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _drop_cache(path: Path) -> None:
    """Ask the system to forget its cached pages of `path`, so that reading it back reads the drive."""
    import os

    if not hasattr(os, "posix_fadvise"):
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def mail_text(ws: Workspace, result: SendResult, part: WrittenPart) -> tuple[str, str]:
    """Subject and body of the mail that carries one part."""
    from inovasi_desktop.rules.format import format_size_id

    sender = sender_of(ws)
    names = result.innovations
    what = names[0] if len(names) == 1 else f"{len(names)} inovasi"
    subject = f"Kiriman inovasi daerah: {what} ({sender.label})"
    if part.parts > 1:
        subject += f", bagian {part.part} dari {part.parts}"
    lines = ["Yth. Bapak/Ibu,", "",
             f"Bersama surel ini kami kirimkan data inovasi daerah dari {sender.label}:"]
    lines += [f"  - {name}" for name in names]
    lines += ["", f"Lampiran: {part.path.name} ({format_size_id(part.size)})."]
    if part.parts > 1:
        lines.append(f"Kiriman ini terdiri atas {part.parts} bagian yang dikirim dengan surel terpisah; simpan "
                     "semua bagiannya, lalu terima sekaligus.")
    lines += ["Cara menerima: buka Inovasi Desktop, pilih menu Berkas > Terima kiriman, lalu pilih berkas "
              "lampiran ini (atau seret berkasnya ke jendela aplikasi).", "", "Hormat kami,",
              sender.contact_name or sender.opd]
    if sender.contact_phone:
        lines.append(sender.contact_phone)
    return subject, "\n".join(lines)


def dossier_date(innovation: Innovation) -> date:
    """A dossier sent in a bundle is dated by the innovation's last change: same content, same PDF bytes."""
    return innovation.updated_at.astimezone(UTC).date()


def _evidence_of(ws: Workspace, inn: Innovation) -> tuple[EvidenceSource, ...]:
    out = []
    for item in inn.all_evidence():
        if item.sha256 is None:
            continue
        path = ws.evidence_store.path_for(item.sha256)
        if not path.is_file():
            raise InovasiError(f"Berkas bukti \"{item.file_name}\" dari inovasi \"{inn.name}\" tidak ada di "
                               "penyimpanan bukti; jalankan Periksa penyimpanan bukti. Tidak ada yang dikirim.")
        out.append(EvidenceSource(item.sha256, item.size or path.stat().st_size,
                                  item.media_type or "application/octet-stream", path))
    return tuple(out)


# ---------------------------------------------------------------------------------------- checking

def verify(paths: Iterable[Path], progress: Progress | None = None,
           cancelled: IsCancelled | None = None) -> list[Manifest]:
    """Open each bundle and check every member's size and hash; BundleError for the first one refused."""
    out = []
    for path in paths:
        with BundleReader(Path(path)) as reader:
            reader.verify_all(None if progress is None else lambda d, t, n=reader.name: progress(d, t, n), cancelled)
            out.append(reader.manifest)
    return out


# ---------------------------------------------------------------------------------------- receiving

class Status(enum.Enum):
    NEW = "baru"
    UNCHANGED = "sama"
    NEWER_HERE = "lebih baru di sini"
    NEWER_THERE = "lebih baru di kiriman"
    CONFLICT = "berubah di kedua pihak"
    INCOMPLETE = "bagian kiriman belum lengkap"


class Choice(enum.Enum):
    KEEP_OURS = "simpan-kami"
    TAKE_THEIRS = "ambil-kiriman"
    KEEP_BOTH = "simpan-keduanya"


DEFAULT_CHOICE = {Status.NEW: Choice.TAKE_THEIRS, Status.UNCHANGED: Choice.KEEP_OURS,
                  Status.NEWER_HERE: Choice.KEEP_OURS, Status.NEWER_THERE: Choice.TAKE_THEIRS,
                  Status.CONFLICT: Choice.KEEP_BOTH, Status.INCOMPLETE: Choice.KEEP_OURS}


@dataclass
class Incoming:
    """One innovation of the bundle(s), as compared with ours."""

    entry: InnovationEntry
    manifest: Manifest
    status: Status
    innovation: Innovation | None = None  # theirs (None when parts are missing)
    ours_name: str = ""
    ours_in_bin: bool = False
    missing_parts: tuple[int, ...] = ()
    choice: Choice = Choice.KEEP_OURS

    @property
    def name(self) -> str:
        return self.entry.name or self.entry.id

    @property
    def note(self) -> str:
        if self.status is Status.INCOMPLETE:
            missing = ", ".join(str(n) for n in self.missing_parts)
            return (f"Bagian {missing} dari {self.manifest.parts} belum ada; tambahkan berkas bagian itu untuk "
                    "menerima inovasi ini.")
        if self.ours_in_bin:
            return "Versi di sini ada di Tempat sampah."
        return ""


@dataclass
class Preview:
    paths: list[Path]
    items: list[Incoming] = field(default_factory=list)
    senders: list[Sender] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # why the other files chosen were set aside
    off_list: list[str] = field(default_factory=list)  # sending OPDs missing from the region's OPD list

    def choose(self, innovation_id: str, choice: Choice) -> None:
        for item in self.items:
            if item.entry.id == innovation_id and item.status is not Status.INCOMPLETE:
                item.choice = choice


def preview(ws: Workspace, paths: Iterable[Path]) -> Preview:
    """Open and check the bundles (structure, manifest, every innovation's JSON), and compare each innovation
    with ours. Writes nothing. Evidence content is checked when received (`receive`)."""
    with _open_all(paths) as readers:
        return _preview(ws, readers)


class _Readers(ExitStack):
    def __init__(self) -> None:
        super().__init__()
        self.by_set: dict[str, dict[int, BundleReader]] = {}
        self.refused: list[str] = []  # a damaged or foreign file among several is set aside, not the others

    def refuse(self, err: BundleError) -> None:
        """Set a file (or a whole set) aside; with nothing left to receive, refuse them all."""
        self.refused.append(str(err))
        if not self.by_set:
            raise BundleError("\n".join(self.refused))


def _open_all(paths: Iterable[Path]) -> _Readers:
    readers = _Readers()
    try:
        bad: list[BundleError] = []
        for path in paths:
            try:
                reader = readers.enter_context(BundleReader(Path(path)))
            except BundleError as err:
                bad.append(err)
                continue
            parts = readers.by_set.setdefault(reader.manifest.set_id, {})
            if reader.manifest.part in parts:
                continue  # the same part chosen twice (a copy of it): the same content, taken once
            first = next(iter(parts.values()), None)
            if first is not None and _tables(first.manifest) != _tables(reader.manifest):
                bad.append(BundleError(f"Kiriman {reader.name} tidak cocok dengan bagian lain dari kiriman yang sama."))
                continue
            parts[reader.manifest.part] = reader
        for err in bad:
            readers.refuse(err)
    except BaseException:
        readers.close()
        raise
    return readers


def _tables(m: Manifest) -> dict:
    data = m.to_dict()
    del data["members"]
    del data["set"]["part"]
    return data


def _preview(ws: Workspace, readers: _Readers) -> Preview:
    from inovasi_desktop.storage.repositories import InnovationRepository

    result = Preview([])
    for set_id, parts in list(readers.by_set.items()):
        manifest = next(iter(parts.values())).manifest
        try:
            items = [_incoming(ws, parts, entry, manifest) for entry in manifest.innovations]
        except BundleError as err:
            del readers.by_set[set_id]
            readers.refuse(err)
            continue
        result.paths += [r.path for r in parts.values()]
        result.senders.append(manifest.sender)
        result.items += items
    result.refused = list(readers.refused)
    result.items = _newest_of_each(result, {k: next(iter(parts.values())).name for k, parts in readers.by_set.items()})
    result.off_list = _off_list(ws, {i.entry.opd or i.manifest.sender.opd for i in result.items})
    ids = [i.entry.id for i in result.items]
    with ws.db.begin() as session:
        repo = InnovationRepository(session)
        exchanged = repo.exchanged(ids)
        live = {i.id: i for i in repo.load_all([i for i in ids if i in exchanged])}
    for item in result.items:
        if item.status is Status.INCOMPLETE:
            continue
        iid = item.entry.id
        if iid in exchanged:
            item.ours_in_bin = iid not in live
            item.status = _compare(live.get(iid), item.entry.sha256, exchanged[iid])
            item.ours_name = live[iid].name if iid in live else ""
        item.choice = DEFAULT_CHOICE[item.status]
    return result


def _off_list(ws: Workspace, opds: set[str]) -> list[str]:
    """The OPDs not on the region's list (when there is one): a misspelt name splits the monitoring page."""
    from inovasi_desktop.services import region_opds

    listed = {name.strip().casefold() for name in region_opds.names(ws)}
    return sorted((o for o in opds if o.strip() and o.strip().casefold() not in listed), key=str.casefold) \
        if listed else []


def _newest_of_each(result: Preview, files: dict[str, str]) -> list[Incoming]:
    """One item per innovation: of one innovation in several bundles (a folder of every bundle an OPD sent), the
    newest complete version; the others are passed over with a note."""
    def key(item: Incoming) -> tuple:
        complete = item.innovation is not None
        return complete, item.innovation.updated_at.timestamp() if complete else 0.0, item.manifest.created_at

    newest: dict[str, Incoming] = {}
    for item in result.items:
        if item.entry.id not in newest or key(item) > key(newest[item.entry.id]):
            newest[item.entry.id] = item
    for item in result.items:
        kept = newest[item.entry.id]
        if item is not kept:
            result.refused.append(f"Inovasi \"{item.name}\" dari {files[item.manifest.set_id]} dilewati: "
                                  f"{files[kept.manifest.set_id]} memuat versi yang sama atau lebih baru.")
    return [item for item in result.items if newest[item.entry.id] is item]


def _incoming(ws: Workspace, parts: dict[int, BundleReader], entry: InnovationEntry, manifest: Manifest) -> Incoming:
    missing = tuple(sorted(manifest.parts_needed(entry) - set(parts)))
    if missing:
        return Incoming(entry, manifest, Status.INCOMPLETE, missing_parts=missing)
    return Incoming(entry, manifest, Status.NEW, _read_innovation(ws, parts[entry.part], entry, manifest))


def _compare(ours: Innovation | None, theirs: str, last: str | None) -> Status:
    if ours is None:  # ours is in the bin: the bundle brings it back
        return Status.NEWER_THERE
    current = json_hash(ours)
    if current == theirs:
        return Status.UNCHANGED
    ours_changed, theirs_changed = current != last, theirs != last
    if ours_changed and theirs_changed:
        return Status.CONFLICT
    return Status.NEWER_HERE if ours_changed else Status.NEWER_THERE


def _read_innovation(ws: Workspace, reader: BundleReader, entry: InnovationEntry, manifest: Manifest) -> Innovation:
    if reader.member(entry.member).sha256 != entry.sha256:
        raise BundleError(f"Kiriman {reader.name} ditolak: sidik inovasi \"{entry.name}\" tidak sesuai daftar isi.")
    document = interchange.read_document(reader.read(entry.member))
    theirs = document.innovation
    where = f"Inovasi \"{entry.name}\" dalam kiriman {reader.name}"
    if theirs.id != entry.id:
        raise BundleError(f"{where} ditolak: id-nya tidak sesuai daftar isi.")
    if document.files:
        raise BundleError(f"{where} ditolak: merujuk berkas di luar kiriman.")
    if not ws.catalogues.has(theirs.catalogue_id):
        raise BundleError(f"{where} memakai katalog '{theirs.catalogue_id}' yang tidak dikenal aplikasi ini; "
                          "perbarui Inovasi Desktop.")
    found = conformance.problems(ws.catalogues.get(theirs.catalogue_id), theirs)
    if found:
        raise BundleError(f"{where} tidak sesuai katalognya: {found[0]}")
    files = {e.sha256: e for e in manifest.evidence}
    for item in theirs.all_evidence():
        if item.sha256 is None:
            continue
        listed = files.get(item.sha256)
        if item.sha256 not in entry.evidence or listed is None or listed.size != item.size:
            raise BundleError(f"{where} ditolak: berkas bukti \"{item.file_name}\" tidak tercantum di daftar isi.")
    theirs.opd = entry.opd or manifest.sender.opd
    theirs.origin = f"Kiriman {manifest.sender.label}, {format_date_id(date.today())}"
    return theirs


@dataclass(frozen=True)
class ReceiveResult:
    taken: list[str] = field(default_factory=list)  # names written (new or replacing ours)
    copies: list[str] = field(default_factory=list)  # names kept beside ours as copies
    kept: list[str] = field(default_factory=list)  # names where ours stays
    backups: list[str] = field(default_factory=list)  # names of our versions moved to the bin as backups
    incomplete: list[str] = field(default_factory=list)
    files_stored: int = 0


def receive(ws: Workspace, paths: Iterable[Path], choices: dict[str, Choice] | None = None, *,
            progress: Progress | None = None, cancelled: IsCancelled | None = None) -> ReceiveResult:
    """Receive the bundles: each innovation as chosen (`choices` by id; the rest as `DEFAULT_CHOICE`)."""
    with _open_all(paths) as readers:
        plan = _preview(ws, readers)
        for iid, choice in (choices or {}).items():
            plan.choose(iid, choice)
        result = _apply(ws, readers, plan, progress, cancelled)
    if result.taken or result.copies:
        _note_for_monitoring(ws, {item.manifest.sender.opd for item in plan.items})
    return result


def _note_for_monitoring(ws: Workspace, senders: set[str]) -> None:
    """The region's figures after a bundle arrived, kept with each sending OPD (its last bundle received). The
    import is done by now: a failure here is logged, never reported as a failed import."""
    from inovasi_desktop.services import monitoring

    try:
        view = monitoring.gather(ws)
        for opd in sorted(senders - {""}) or [""]:
            monitoring.record_snapshot(ws, monitoring.REASON_BUNDLE, opd, view)
    except InovasiError as err:
        log.warning("No monitoring snapshot after the bundle import: %s", err)


def _apply(ws: Workspace, readers: _Readers, plan: Preview, progress: Progress | None,
           cancelled: IsCancelled | None) -> ReceiveResult:
    from inovasi_desktop.storage.repositories import InnovationRepository, StoredFileRepository

    writes = [i for i in plan.items if i.status is not Status.INCOMPLETE and i.choice is not Choice.KEEP_OURS
              and i.status is not Status.UNCHANGED]
    result = ReceiveResult(incomplete=[i.name for i in plan.items if i.status is Status.INCOMPLETE],
                           kept=[i.name for i in plan.items if i.status is not Status.INCOMPLETE and i not in writes])
    needed: dict[str, tuple[mf.EvidenceFile, dict[int, BundleReader]]] = {}
    for item in writes:
        files = {e.sha256: e for e in item.manifest.evidence}
        parts = readers.by_set[item.manifest.set_id]
        for sha256 in item.entry.evidence:
            needed.setdefault(sha256, (files[sha256], parts))
    total = sum(f.size for f, _ in needed.values()) or 1
    stored: list[str] = []
    dossiers: list[tuple[Path, Path]] = []
    stale: list[Path] = []
    with store_lock(ws):
        try:
            done = 0
            for sha256, (file, parts) in sorted(needed.items()):
                if ws.evidence_store.has(sha256):
                    done += file.size
                    continue
                chunks = _file_chunks(file, parts, cancelled)

                def counted(chunks=chunks):
                    nonlocal done
                    for chunk in chunks:
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total, "Menyimpan berkas bukti")
                        yield chunk
                if not ws.evidence_store.add_chunks(counted(), sha256, file.size).already_present:
                    stored.append(sha256)
            if cancelled is not None and cancelled():
                raise Cancelled("Penerimaan dibatalkan; tidak ada yang diubah.")
            for item in writes:
                if item.choice is not Choice.TAKE_THEIRS and item.status is not Status.NEW:
                    continue
                if item.entry.dossier is not None:
                    dossiers.append(_stage_dossier(ws, readers.by_set[item.manifest.set_id][item.entry.part], item))
                else:  # the PDF of an older version would pass for this one's
                    stale.append(ws.home / RECEIVED_DOSSIERS / f"{item.entry.id}.pdf")
            summaries = _summaries(ws, writes)
            if progress is not None:
                progress(total, total, "Menyimpan inovasi")
            with ws.db.write() as session:
                repo, files_repo = InnovationRepository(session), StoredFileRepository(session)
                for sha256, (file, _parts) in needed.items():
                    files_repo.add(sha256, file.size, file.media_type)
                _refuse_taken_evidence_ids(session, writes)
                for item in writes:
                    _write_one(repo, item, summaries[item.entry.id], result)
                for item in plan.items:
                    if item.status is Status.UNCHANGED:
                        repo.set_exchanged(item.entry.id, item.entry.sha256)
        except BaseException:
            for sha256 in stored:
                ws.evidence_store.discard(sha256)
            for staged, _final in dossiers:
                staged.unlink(missing_ok=True)
            raise
    for staged, final in dossiers:
        try:
            staged.replace(final)
        except OSError as err:  # e.g. the older PDF open in a viewer on Windows; the innovation is received
            log.warning("Received dossier %s not put in place: %s", final, err)
    for path in stale:
        try:
            path.unlink(missing_ok=True)
        except OSError as err:  # e.g. open in a viewer on Windows; the innovation itself is received
            log.warning("Old received dossier %s not removed: %s", path, err)
    return ReceiveResult(result.taken, result.copies, result.kept, result.backups, result.incomplete, len(stored))


def _file_chunks(file: mf.EvidenceFile, parts: dict[int, BundleReader], cancelled: IsCancelled | None):
    for piece in file.pieces:
        yield from parts[piece.part].chunks(piece.member, cancelled)


def _stage_dossier(ws: Workspace, reader: BundleReader, item: Incoming) -> tuple[Path, Path]:
    folder = ws.home / RECEIVED_DOSSIERS
    final = folder / f"{item.entry.id}.pdf"
    staged = folder / f".{item.entry.id}.pdf.part"
    try:
        folder.mkdir(exist_ok=True)
        with open(staged, "wb") as out:
            for chunk in reader.chunks(item.entry.dossier.member):
                out.write(chunk)
    except BaseException as err:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)
        if isinstance(err, OSError):  # a full disk, a folder that cannot be written
            raise InovasiError(f"Berkas PDF inovasi \"{item.name}\" tidak dapat disimpan di folder data: "
                               f"{describe_os_error(err)}. Tidak ada yang diubah.") from None
        raise
    return staged, final


def received_dossier(ws: Workspace, innovation_id: str) -> Path | None:
    """The dossier PDF that came with the innovation's last bundle, if one did."""
    path = ws.home / RECEIVED_DOSSIERS / f"{innovation_id}.pdf"
    return path if path.is_file() else None


def _summaries(ws: Workspace, writes: list[Incoming]) -> dict[str, dict]:
    out = {}
    for item in writes:
        inn = item.innovation
        context = innovations.context_for(ws, inn, examine=False)
        out[item.entry.id] = innovations.summary_of(ws.catalogues.get(inn.catalogue_id), inn, context)
    return out


def _refuse_taken_evidence_ids(session, writes: list[Incoming]) -> None:
    from inovasi_desktop.storage.repositories import evidence_owners

    wanted: dict[str, str] = {}
    for item in writes:
        for ev in item.innovation.all_evidence():
            if wanted.setdefault(ev.id, item.entry.id) != item.entry.id:
                raise BundleError(f"Kiriman ditolak: id bukti {ev.id} dipakai lebih dari satu inovasi.")
    for ev_id, owner in evidence_owners(session, list(wanted)).items():
        item = next(i for i in writes if i.entry.id == wanted[ev_id])
        if owner != wanted[ev_id] and (item.choice is not Choice.KEEP_BOTH or item.status is Status.NEW):
            raise BundleError(f"Kiriman ditolak: id bukti {ev_id} sudah dipakai inovasi lain di sini.")


def _write_one(repo, item: Incoming, summary: dict, result: ReceiveResult) -> None:
    theirs = item.innovation
    if item.choice is Choice.KEEP_BOTH and item.status is not Status.NEW:
        clone = _fresh_copy(theirs, f"{theirs.name} (kiriman {item.manifest.sender.opd or 'lain'})".strip())
        repo.save(clone, summary, touch=False)
        result.copies.append(theirs.name)
        return
    if item.status is not Status.NEW:
        ours = repo.get(theirs.id, include_deleted=True)
        backup = _fresh_copy(ours, f"{ours.name} (cadangan sebelum kiriman "
                                   f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M')})")
        repo.save(backup, None, touch=False)
        repo.soft_delete(backup.id)
        result.backups.append(ours.name)
        repo.restore(theirs.id)
    repo.save(theirs, summary, touch=False)
    repo.set_exchanged(theirs.id, item.entry.sha256)
    result.taken.append(theirs.name)


def _fresh_copy(innovation: Innovation, name: str) -> Innovation:
    clone = copy.deepcopy(innovation)
    clone.id = new_id()
    for ev in clone.all_evidence():
        ev.id = new_id()
    clone.profile["nama_inovasi"] = name
    return clone
