"""Use cases on innovations: list, create, save, duplicate, delete, import/export JSON, check, score.

Each use case opens its own unit of work (`with ws.db.begin() as s` to read, `ws.db.write()` to
write). Readiness and score are computed here on save and kept beside the innovation so that
listing thousands stays fast.
The window imports this module before it is first shown: what only some use cases need (catalogue,
rules, interchange, the domain model) is imported inside them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inovasi_desktop import paths
from inovasi_desktop.atomic import atomic_file
from inovasi_desktop.domain.errors import InterchangeError, NotFoundError
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
    return _make_row(s.id, s.name, s.tahapan, s.catalogue_id, s.updated_at, s.summary)


def row_for(innovation: Innovation, summary: dict) -> InnovationRow:
    """The list row of an innovation just saved, without reading the database again."""
    return _make_row(innovation.id, innovation.name, str(innovation.profile.get("tahapan") or ""),
                     innovation.catalogue_id, innovation.updated_at, summary)


def _make_row(iid: str, name: str, tahapan: str, catalogue_id: str, updated_at: datetime,
              summary: dict | None) -> InnovationRow:
    values = {**_UNCHECKED, **(summary or {})}
    return InnovationRow(id=iid, name=name, tahapan=tahapan, catalogue_id=catalogue_id, updated_at=updated_at,
                         search_text=f"{name}\n{tahapan}".casefold(), **{k: values[k] for k in _UNCHECKED})


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


def load_all(ws: Workspace) -> list[Innovation]:
    """Every innovation not in the bin, whole."""
    with ws.db.begin() as session:
        return _repo(session).load_all()


def save(ws: Workspace, innovation: Innovation, context: CheckContext | None = None) -> dict:
    """Write the whole innovation; returns its fresh summary."""
    from inovasi_desktop.domain import utc_now

    catalogue = ws.catalogues.get(innovation.catalogue_id)
    summary = summary_of(catalogue, innovation, context or context_for(ws, innovation))
    innovation.updated_at = utc_now()
    with ws.db.write() as session:
        _repo(session).save(innovation, summary)
    return summary


def create(ws: Workspace, catalogue_id: str | None = None) -> Innovation:
    from inovasi_desktop.domain import Innovation

    if catalogue_id is None:
        catalogue_id = organisation.get(ws).default_catalogue or ws.catalogues.default.id
    innovation = Innovation(catalogue_id=ws.catalogues.get(catalogue_id).id)
    save(ws, innovation)
    return innovation


def duplicate(ws: Workspace, innovation_id: str) -> Innovation:
    from inovasi_desktop.domain import new_id, utc_now

    original = get(ws, innovation_id)
    clone = copy.deepcopy(original)
    clone.id = new_id()
    clone.created_at = clone.updated_at = utc_now()
    for item in clone.all_evidence():
        item.id = new_id()
    clone.profile["nama_inovasi"] = f"{original.name} (salinan)".strip()
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


def import_json_text(ws: Workspace, text: str | bytes, folder: Path | None = None) -> Innovation:
    """Validate fully first; write nothing unless the whole document fits its catalogue and every evidence
    file it names beside itself (a path relative to `folder`, the document's folder) passes its check."""
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
    _refuse_if_present(ws, innovation)
    _follow_organisation(ws, catalogue, innovation)
    stored = evidence_beside.store(ws, catalogue, innovation, document.files, folder)
    try:
        save(ws, innovation)
    except BaseException:
        evidence.clean_up_unsaved(ws, stored)
        raise
    return innovation


def _refuse_if_present(ws: Workspace, innovation: Innovation) -> None:
    with ws.db.begin() as session:
        present = _repo(session).exists(innovation.id, include_deleted=True)
        in_bin = present and not _repo(session).exists(innovation.id)
    if present:
        where = "di Tempat sampah; pulihkan dari sana" if in_bin else "di basis data"
        raise AlreadyImported(f"Inovasi \"{innovation.name or innovation.id}\" (id {innovation.id}) sudah ada {where}. "
                              "Tidak ada yang diubah.", innovation.id, in_bin)


def _follow_organisation(ws: Workspace, catalogue: Catalogue, innovation: Innovation) -> None:
    """Fields the catalogue fills from the organisation (nama_pemda) take this installation's value, as the
    editor shows them."""
    pemda = organisation.get(ws).pemda
    for field in catalogue.fields:
        if field.type == "auto" and field.auto_from == "pemda" and pemda:
            innovation.profile[field.key] = pemda


def import_json_file(ws: Workspace, path: Path) -> Innovation:
    """Import a document, with the evidence files it names beside itself (resolved against its folder)."""
    from inovasi_desktop.export import interchange

    try:
        if path.stat().st_size > interchange.MAX_DOCUMENT_BYTES:
            raise InterchangeError(f"Berkas {path.name} terlalu besar untuk satu inovasi "
                                   f"(maksimal {format_size_id(interchange.MAX_DOCUMENT_BYTES)}).")
        data = path.read_bytes()
    except OSError as err:
        raise InterchangeError(f"Berkas {path.name} tidak dapat dibaca: {describe_os_error(err)}.") from None
    return import_json_text(ws, data, path.parent)


def example_path() -> Path:
    return paths.examples_dir() / EXAMPLE_FILE


def import_example(ws: Workspace) -> Innovation:
    """Load the shipped example (named "(Contoh) ...") with its evidence files, as `import-json` does.

    Loading it again creates no second copy: AlreadyImported says so and names the one there.
    """
    try:
        return import_json_file(ws, example_path())
    except AlreadyImported as err:
        message = ("Contoh sudah dimuat sebelumnya dan kini ada di Tempat sampah; pulihkan dari sana bila masih "
                   "diperlukan." if err.in_bin else "Contoh sudah dimuat sebelumnya.")
        raise AlreadyImported(message, err.innovation_id, err.in_bin) from None


def export_json_file(ws: Workspace, innovation_id: str, path: Path) -> Innovation:
    from inovasi_desktop.export import interchange

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
