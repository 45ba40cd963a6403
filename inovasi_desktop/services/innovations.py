"""Use cases on innovations: list, create, save, duplicate, delete, import/export JSON, check, score.

Each use case opens its own unit of work (`with ws.db.begin() as s` to read, `ws.db.write()` to
write). Readiness and score are computed here on save and kept beside the innovation so that
listing thousands stays fast.
The window imports this module before it is first shown: what only some use cases need (catalogue,
rules, interchange, the domain model) is imported inside them.
"""

from __future__ import annotations

import copy
import os
import stat
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inovasi_desktop import paths
from inovasi_desktop.atomic import atomic_file, open_without_waiting
from inovasi_desktop.domain.errors import InovasiError, InterchangeError, NotFoundError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.rules.format import format_size_id
from inovasi_desktop.services import organisation
from inovasi_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from inovasi_desktop.catalogue import Catalogue
    from inovasi_desktop.domain import Innovation
    from inovasi_desktop.rules import CheckContext, Readiness
    from inovasi_desktop.rules.scoring import InnovationScore

EXAMPLE_FILE = "contoh-inovasi.json"  # its evidence files sit beside it, in bukti/


class AlreadyImported(InterchangeError):
    """The document's innovation is already in the database (perhaps in the bin); nothing was changed."""

    def __init__(self, message: str, innovation_id: str, in_bin: bool) -> None:
        super().__init__(message)
        self.innovation_id = innovation_id
        self.in_bin = in_bin


@dataclass(frozen=True)
class InnovationRow:
    """One line of the innovation list."""

    id: str
    name: str
    tahapan: str
    catalogue_id: str
    readiness_label: str
    errors: int
    evidenced: int
    total: int
    claimed: float
    backed: float
    maximum: float
    updated_at: datetime
    search_text: str
    opd: str = ""
    origin: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["search_text"]
        data["updated_at"] = self.updated_at.isoformat()
        return data


def _repo(session):
    from inovasi_desktop.storage.repositories import InnovationRepository

    return InnovationRepository(session)


def context_for(ws: Workspace, innovation: Innovation | None = None, *, examine: bool = True) -> CheckContext:
    """Today, the pemda and, given an innovation, its evidence items that do not count because their
    stored file is missing or changed or its check found a galat (from kept check results: cheap)."""
    from inovasi_desktop.rules import CheckContext
    from inovasi_desktop.services import evidence_status  # on first use: it loads pikepdf and Pillow

    org = organisation.get(ws)
    invalid, lost = (evidence_status.unusable_ids(ws, innovation, org.pemda, examine=examine)
                     if innovation is not None else ((), ()))
    readings = evidence_status.readings(ws, innovation, org.pemda) if innovation is not None else {}
    return CheckContext(today=date.today(), pemda=org.pemda, invalid_evidence=frozenset(invalid),
                        lost_evidence=frozenset(lost), readings=readings,
                        earlier_entries=earlier_entries(ws, innovation) if innovation is not None else ())


def _same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def earlier_entries(ws: Workspace, innovation: Innovation) -> tuple[str, ...]:
    """The catalogue titles of earlier assessment years under which an innovation of the same name is recorded
    here (not in the bin), oldest first: the entries of this innovation that the data knows of."""
    name = _same_name(innovation.name)
    if not name or not ws.catalogues.has(innovation.catalogue_id):
        return ()
    year = ws.catalogues.get(innovation.catalogue_id).year
    with ws.db.begin() as session:
        rows = _repo(session).list_summaries()
    earlier = {ws.catalogues.get(r.catalogue_id) for r in rows
               if r.id != innovation.id and _same_name(r.name) == name and ws.catalogues.has(r.catalogue_id)
               and ws.catalogues.get(r.catalogue_id).year < year}
    return tuple(c.title for c in sorted(earlier, key=lambda c: c.year))


def summary_of(catalogue: Catalogue, innovation: Innovation, context: CheckContext) -> dict:
    from inovasi_desktop.rules import score_innovation, summarise

    readiness = summarise(catalogue, innovation, context)
    score = score_innovation(catalogue, innovation, context.invalid_evidence)
    return {"readiness_label": readiness.label, "errors": readiness.errors, "evidenced": readiness.evidenced,
            "total": readiness.total, "claimed": score.claimed, "backed": score.backed, "maximum": score.maximum}


def refresh_summaries(ws: Workspace, hashes: Iterable[str] | None = None, *, examine: bool = True) -> list[str]:
    """Recompute the kept list summaries (readiness and score) of the innovations that use a stored file among
    `hashes` (all innovations when None), as the store holds them now, without touching their time stamp or
    content. Stored files whose size or time moved are re-hashed (with `examine`; else they count as before).
    Returns the ids whose summary changed."""
    wanted = None if hashes is None else set(hashes)
    with ws.db.begin() as session:
        kept = {s.id: s.summary for s in _repo(session).list_summaries()}
        everyone = _repo(session).load_all()
    changed = {}
    for innovation in everyone:
        if wanted is not None and not wanted & {i.sha256 for i in innovation.all_evidence()}:
            continue
        if not ws.catalogues.has(innovation.catalogue_id):
            continue
        summary = summary_of(ws.catalogues.get(innovation.catalogue_id), innovation,
                             context_for(ws, innovation, examine=examine))
        if kept.get(innovation.id) != summary:
            changed[innovation.id] = summary
    if changed:
        with ws.db.write() as session:
            _repo(session).keep_summaries(changed)
    return sorted(changed)


def list_rows(ws: Workspace, deleted: bool = False) -> list[InnovationRow]:
    """The innovations in use, or with `deleted` those in the bin (they can be restored)."""
    with ws.db.begin() as session:
        summaries = _repo(session).list_summaries(include_deleted=deleted)
    return [_row(s) for s in summaries if (s.deleted_at is not None) == deleted]


def first_rows(ws: Workspace) -> list[InnovationRow] | None:
    """The innovations in use, read before the database is opened fully (so without SQLAlchemy), for the
    window's first paint. None when the database does not exist yet or must be upgraded, damaged or
    locked: `list_rows` then opens it (and explains what stops it)."""
    from inovasi_desktop.storage.list_reader import read_list

    summaries = read_list(ws.database_file)
    return None if summaries is None else [_row(s) for s in summaries]


_UNCHECKED = {"readiness_label": "belum diperiksa", "errors": 0, "evidenced": 0, "total": 0,
              "claimed": 0.0, "backed": 0.0, "maximum": 0.0}


def _row(s) -> InnovationRow:
    return _make_row(s.id, s.name, s.tahapan, s.catalogue_id, s.updated_at, s.summary, s.opd, s.origin)


def row_for(innovation: Innovation, summary: dict) -> InnovationRow:
    """The list row of an innovation just saved, without reading the database again."""
    return _make_row(innovation.id, innovation.name, str(innovation.profile.get("tahapan") or ""),
                     innovation.catalogue_id, innovation.updated_at, summary, innovation.opd, innovation.origin)


def _make_row(iid: str, name: str, tahapan: str, catalogue_id: str, updated_at: datetime,
              summary: dict | None, opd: str = "", origin: str = "") -> InnovationRow:
    values = {**_UNCHECKED, **(summary or {})}
    return InnovationRow(id=iid, name=name, tahapan=tahapan, catalogue_id=catalogue_id, updated_at=updated_at,
                         search_text=f"{name}\n{tahapan}\n{opd}".casefold(), opd=opd, origin=origin,
                         **{k: values[k] for k in _UNCHECKED})


def resolve_id(ws: Workspace, text: str) -> str:
    """A full id, or a unique prefix of one (like git)."""
    text = text.strip().lower()
    with ws.db.begin() as session:
        matches = _repo(session).ids_with_prefix(text)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"Tidak ada inovasi dengan id '{text}'. Lihat daftarnya dengan `inovasi-desktop list`.")
    raise NotFoundError(f"Id '{text}' cocok dengan {len(matches)} inovasi; tulis lebih banyak karakter.")


def get(ws: Workspace, innovation_id: str) -> Innovation:
    with ws.db.begin() as session:
        return _repo(session).get(innovation_id)


def revisions(ws: Workspace) -> dict[str, int]:
    """The stored revision of every innovation not in the bin: what changed since the last look."""
    with ws.db.begin() as session:
        return _repo(session).revisions()


def data_version(ws: Workspace) -> int:
    """A number that changes whenever anything else (another process, or another window) commits a write."""
    return ws.db.data_version()


def load_all(ws: Workspace) -> list[Innovation]:
    """Every innovation not in the bin, whole."""
    with ws.db.begin() as session:
        return _repo(session).load_all()


@dataclass(frozen=True)
class SaveResult:
    summary: dict  # readiness and score of what was stored
    merged: bool = False  # the stored revision had moved on: changes made elsewhere were merged in
    conflicts: tuple = ()  # merge.Conflict: the same unit changed here and elsewhere (this side's value kept)


def save(ws: Workspace, innovation: Innovation, context: CheckContext | None = None, *,
         base: Innovation | None = None, keep_mine: bool = False) -> SaveResult:
    """Write the whole innovation, as of the revision it was read at (`innovation.revision`; 0: a new one).

    In one write transaction: when the stored revision is still that one, the innovation is written as it
    is. When it has moved on (another process or window wrote meanwhile), the changes made since `base`
    (the innovation as read at that revision) are merged onto the stored one (services/merge.py) and
    `innovation` is made the merged result. A unit changed on both sides is a conflict: with `keep_mine`
    (the editor) this side's value is kept and the result lists the conflicts; otherwise ConflictError and
    nothing changes. A new innovation (revision 0) whose id is taken raises AlreadyImported. Afterwards
    `innovation.revision` is the stored revision.
    """
    from inovasi_desktop.domain import utc_now

    catalogue = ws.catalogues.get(innovation.catalogue_id)
    summary = summary_of(catalogue, innovation, context or context_for(ws, innovation))
    merged = None
    before = copy.deepcopy(innovation)
    try:
        with ws.db.write() as session:
            repo = _repo(session)
            stored = repo.revision(innovation.id)
            if stored is not None and stored != innovation.revision:
                merged = _merge_stored(ws, repo, innovation, base, keep_mine)
                if merged is not None:
                    summary = summary_of(catalogue, innovation, context_for(ws, innovation, examine=False))
            innovation.updated_at = utc_now()
            repo.save(innovation, summary)
    except BaseException:
        # Not written (a full disk at commit): the innovation stays as read, its revision included, so that
        # the next save (the editor tries again) is not taken for a change made elsewhere.
        from inovasi_desktop.services import merge

        merge.assign(innovation, before)
        raise
    return SaveResult(summary, merged is not None, merged.conflicts if merged else ())


def _merge_stored(ws: Workspace, repo, innovation: Innovation, base: Innovation | None, keep_mine: bool):
    """Inside save's transaction: `innovation` becomes the stored one merged with its changes since `base`."""
    from inovasi_desktop.domain.errors import ConflictError
    from inovasi_desktop.services import merge

    if innovation.revision == 0:
        raise _already_there(innovation, in_bin=not repo.exists(innovation.id))
    if base is None or base.revision != innovation.revision:
        raise ConflictError(f"Inovasi \"{innovation.name or innovation.id}\" diubah di tempat lain sejak dibaca. "
                            "Tidak ada yang diubah; ulangi perintahnya.")
    try:
        theirs = repo.get(innovation.id)
    except NotFoundError:  # in the bin meanwhile: this write goes there too (it stays restorable)
        return None
    catalogue = ws.catalogues.get(theirs.catalogue_id) if ws.catalogues.has(theirs.catalogue_id) else None
    result = merge.merge(base, innovation, theirs, catalogue)
    if result.conflicts and not keep_mine:
        raise ConflictError(merge.describe(result.conflicts, kept_mine=False))
    merge.assign(innovation, result.innovation)
    innovation.revision = theirs.revision
    return result


def create(ws: Workspace, catalogue_id: str | None = None) -> Innovation:
    from inovasi_desktop.domain import Innovation

    if catalogue_id is None:
        catalogue_id = organisation.get(ws).default_catalogue or ws.catalogues.default.id
    innovation = Innovation(catalogue_id=ws.catalogues.get(catalogue_id).id, opd=organisation.get(ws).opd)
    save(ws, innovation)
    return innovation


def duplicate(ws: Workspace, innovation_id: str) -> Innovation:
    from inovasi_desktop.domain import new_id, utc_now

    original = get(ws, innovation_id)
    clone = copy.deepcopy(original)
    clone.id, clone.revision = new_id(), 0
    clone.created_at = clone.updated_at = utc_now()
    for item in clone.all_evidence():
        item.id = new_id()
    clone.profile["nama_inovasi"] = f"{original.name} (salinan)".strip()
    clone.origin = ""
    save(ws, clone)
    return clone


def delete(ws: Workspace, ids: list[str]) -> int:
    """Move innovations to the bin (soft delete); `restore` brings them back."""
    with ws.db.write() as session:
        for innovation_id in ids:
            _repo(session).soft_delete(innovation_id)
    return len(ids)


def restore(ws: Workspace, ids: list[str]) -> int:
    with ws.db.write() as session:
        for innovation_id in ids:
            _repo(session).restore(innovation_id)
    return len(ids)


REFUSE, REPLACE, COPY = "refuse", "replace", "copy"  # what an import does with an id already there


def import_json_text(ws: Workspace, text: str | bytes, folder: Path | None = None,
                     existing: str = REFUSE) -> Innovation:
    """Validate fully first; write nothing unless the whole document fits its catalogue and every evidence
    file it names beside itself (a path relative to `folder`, the document's folder) passes its check.

    An innovation already there (in the bin too) is refused (`AlreadyImported`) unless `existing` is
    REPLACE (its content is replaced and it leaves the bin) or COPY (imported with new ids, as a copy)."""
    from inovasi_desktop.export import interchange
    from inovasi_desktop.services import conformance, evidence, evidence_beside  # on first use: pikepdf, Pillow

    document = interchange.read_document(text)
    innovation = document.innovation
    if not ws.catalogues.has(innovation.catalogue_id):
        known = ", ".join(c.id for c in ws.catalogues.all)
        raise InterchangeError(f"Katalog '{innovation.catalogue_id}' tidak dikenal aplikasi ini (tersedia: {known}).")
    catalogue = ws.catalogues.get(innovation.catalogue_id)
    found = conformance.problems(catalogue, innovation)
    if found:
        listing = "\n".join(f"  - {p}" for p in found[:20])
        raise InterchangeError(f"Data inovasi tidak sesuai katalog {innovation.catalogue_id}:\n{listing}")
    in_bin = _existing_state(ws, innovation, existing)
    if existing == COPY:
        _renew_ids(document, named_copy=in_bin is not None)
    _refuse_foreign_evidence_ids(ws, innovation)
    _follow_organisation(ws, catalogue, innovation)
    innovation.opd = organisation.get(ws).opd
    if in_bin is not None and existing == REPLACE:  # replaced as it stands now, still counted for its OPD
        innovation.revision, opd, innovation.origin = _stored_standing(ws, innovation.id)
        innovation.opd = opd or innovation.opd
    stored = evidence_beside.store(ws, catalogue, innovation, document.files, folder)
    try:
        try:
            save(ws, innovation)
        except AlreadyImported as err:  # imported meanwhile by another process (a bundle received in the window)
            if existing != REPLACE:
                raise
            in_bin = err.in_bin
            innovation.revision, opd, innovation.origin = _stored_standing(ws, innovation.id)
            innovation.opd = opd or innovation.opd
            save(ws, innovation)
        if in_bin and existing == REPLACE:
            restore(ws, [innovation.id])
    except BaseException:
        evidence.clean_up_unsaved(ws, stored)
        raise
    return innovation


def _existing_state(ws: Workspace, innovation: Innovation, existing: str) -> bool | None:
    """None when the id is new; else whether it is in the bin (raises AlreadyImported when refusing)."""
    with ws.db.begin() as session:
        present = _repo(session).exists(innovation.id, include_deleted=True)
        in_bin = present and not _repo(session).exists(innovation.id)
    if present and existing == REFUSE:
        raise _already_there(innovation, in_bin)
    return in_bin if present else None


def _stored_standing(ws: Workspace, innovation_id: str) -> tuple[int, str, str]:
    """Revision, OPD and origin of the stored innovation (a received one stays its sender's)."""
    with ws.db.begin() as session:
        stored = _repo(session).get(innovation_id, include_deleted=True)
    return stored.revision, stored.opd, stored.origin


def _already_there(innovation: Innovation, in_bin: bool) -> AlreadyImported:
    where = ("di Tempat sampah; pulihkan dari sana, atau impor dengan --ganti untuk memulihkan dan "
             "menggantinya dengan isi berkas ini" if in_bin else
             "di basis data; impor dengan --ganti untuk menggantinya dengan isi berkas ini")
    return AlreadyImported(f"Inovasi \"{_short(innovation.name) or innovation.id}\" (id {innovation.id}) sudah "
                           f"ada {where}. Tidak ada yang diubah.", innovation.id, in_bin)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _renew_ids(document, named_copy: bool) -> None:
    """Make the document's innovation a copy: new ids for it and its evidence items; with `named_copy`
    "(salinan)" after its name (the original is in the database)."""
    from inovasi_desktop.domain import new_id

    innovation = document.innovation
    innovation.id = new_id()
    files = {}
    for item in innovation.all_evidence():
        old, item.id = item.id, new_id()
        if old in document.files:
            files[item.id] = document.files[old]
    document.files = files
    if named_copy:
        innovation.profile["nama_inovasi"] = f"{innovation.name} (salinan)".strip()


def _refuse_foreign_evidence_ids(ws: Workspace, innovation: Innovation) -> None:
    """Evidence ids are unique across the database: one held by another innovation is refused by name."""
    with ws.db.begin() as session:
        owners = _repo(session).evidence_owners(item.id for item in innovation.all_evidence())
    taken = sorted(item_id for item_id, owner in owners.items() if owner != innovation.id)
    if taken:
        more = f" dan {len(taken) - 1} lainnya" if len(taken) > 1 else ""
        raise InterchangeError(f"Bukti dukung dalam berkas ini memakai id yang sudah dipakai inovasi lain "
                               f"({taken[0]}{more}). Impor sebagai salinan (--salinan) agar diberi id baru. "
                               "Tidak ada yang diubah.")


def _follow_organisation(ws: Workspace, catalogue: Catalogue, innovation: Innovation) -> None:
    """Fields the catalogue fills from the organisation (nama_pemda) take this installation's value, as the
    editor shows them."""
    pemda = organisation.get(ws).pemda
    for field in catalogue.fields:
        if field.type == "auto" and field.auto_from == "pemda" and pemda:
            innovation.profile[field.key] = pemda


def import_json_file(ws: Workspace, path: Path, existing: str = REFUSE) -> Innovation:
    """Import a document, with the evidence files it names beside itself (resolved against its folder)."""
    from inovasi_desktop.export import interchange

    data = read_regular_file(path, interchange.MAX_DOCUMENT_BYTES, InterchangeError)
    return import_json_text(ws, data, path.parent, existing)


def read_regular_file(path: Path, limit: int, error: type[InovasiError]) -> bytes:
    """The bytes of the regular file at `path`, read in bounded chunks; `error` when it is no regular file
    (a folder, a device such as /dev/zero, a FIFO that would wait forever), is larger than `limit` (also
    when it grows while read) or cannot be read."""
    name = _short(path.name or str(path))
    try:
        with open(path, "rb", opener=open_without_waiting) as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise error(f"\"{name}\" bukan berkas biasa (mungkin folder atau perangkat); pilih berkas JSON.")
            if info.st_size > limit:
                raise error(f"Berkas {name} terlalu besar ({format_size_id(info.st_size)}); "
                            f"batasnya {format_size_id(limit)}.")
            chunks, size = [], 0
            while chunk := stream.read(min(1 << 20, limit + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise error(f"Berkas {name} terlalu besar; batasnya {format_size_id(limit)}.")
            return b"".join(chunks)
    except OSError as err:
        raise error(f"Berkas {name} tidak dapat dibaca: {describe_os_error(err)}.") from None


def example_path() -> Path:
    return paths.examples_dir() / EXAMPLE_FILE


def import_example(ws: Workspace, existing: str = REFUSE) -> Innovation:
    """Load the shipped example (named "(Contoh) ...") with its evidence files, as `import-json` does.

    Loading it again creates no second copy: AlreadyImported says so and names the one there (the window
    then offers REPLACE or COPY for one in the bin).
    """
    try:
        return import_json_file(ws, example_path(), existing)
    except AlreadyImported as err:
        message = ("Contoh sudah dimuat sebelumnya dan kini ada di Tempat sampah; pulihkan dari sana bila masih "
                   "diperlukan." if err.in_bin else "Contoh sudah dimuat sebelumnya.")
        raise AlreadyImported(message, err.innovation_id, err.in_bin) from None


def export_json_file(ws: Workspace, innovation_id: str, path: Path) -> Innovation:
    from inovasi_desktop.export import interchange
    from inovasi_desktop.services import export_target

    export_target.check(path, ws.home)
    innovation = get(ws, innovation_id)
    write_atomic(path, interchange.dumps(innovation).encode("utf-8"))
    return innovation


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, then rename into place."""
    from inovasi_desktop.domain import InovasiError

    try:
        with atomic_file(path) as stream:
            stream.write(data)
    except OSError as err:
        raise InovasiError(f"Berkas {path} tidak dapat ditulis: {describe_os_error(err)}.") from None


def check(ws: Workspace, innovation_id: str) -> tuple[Innovation, Readiness]:
    from inovasi_desktop.rules import summarise

    innovation = get(ws, innovation_id)
    catalogue = ws.catalogues.get(innovation.catalogue_id)
    return innovation, summarise(catalogue, innovation, context_for(ws, innovation))


def score(ws: Workspace, innovation_id: str) -> tuple[Innovation, InnovationScore]:
    from inovasi_desktop.rules import score_innovation

    innovation = get(ws, innovation_id)
    invalid = context_for(ws, innovation).invalid_evidence
    return innovation, score_innovation(ws.catalogues.get(innovation.catalogue_id), innovation, invalid)
