"""Repositories: read and write domain objects through a Session. ORM rows never leave storage/.

Reads select columns, not entities, so the session's identity map never holds rows made stale
by the bulk statements used for writing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inovasi_desktop.domain import (
    EvidenceItem,
    IndicatorAnswer,
    Innovation,
    NotFoundError,
    Organisation,
    SpdAnswers,
    utc_now,
)
from inovasi_desktop.domain.model import Snapshot
from inovasi_desktop.storage import list_reader
from inovasi_desktop.storage.list_reader import InnovationSummary
from inovasi_desktop.storage.models import (
    AppStateRow,
    Base,
    EvidenceItemRow,
    IndicatorAnswerRow,
    InnovationRow,
    OrganisationRow,
    RegionOpdRow,
    SnapshotRow,
    SpdAnswerRow,
    StoredFileRow,
)

INDICATOR, ATTACHMENT = "indicator", "attachment"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


def _innovation_upsert() -> Any:
    """Insert an innovation row (revision 1), or update all of it but its id and created_at (and deleted_at,
    and the hash recorded at its last exchange), raising its revision by one."""
    table = InnovationRow.__table__
    stmt = sqlite_insert(table)
    kept = ("id", "created_at", "deleted_at", "revision", "exchanged_sha256")
    changed: dict[str, Any] = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in kept}
    changed["revision"] = table.c.revision + 1
    return stmt.on_conflict_do_update(index_elements=[table.c.id], set_=changed)


# Built once, so compiled once: save() runs them for every innovation.
_UPSERT_INNOVATION = _innovation_upsert()
_DELETE_PARTS = tuple(
    delete(t).where(t.c.innovation_id == bindparam("innovation_id"))
    for t in (IndicatorAnswerRow.__table__, EvidenceItemRow.__table__)
)


class InnovationRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, innovation_id: str, include_deleted: bool = False) -> Innovation:
        """The innovation with this id; NotFoundError when it is missing or (unless `include_deleted`) deleted."""
        found = self._load([innovation_id], include_deleted)
        if not found:
            raise NotFoundError(f"Inovasi dengan id {innovation_id} tidak ditemukan atau sudah dihapus.")
        return found[0]

    def exists(self, innovation_id: str, include_deleted: bool = False) -> bool:
        query = select(InnovationRow.id).where(InnovationRow.id == innovation_id)
        if not include_deleted:
            query = query.where(InnovationRow.deleted_at.is_(None))
        return self._s.execute(query).first() is not None

    def save(self, innovation: Innovation, summary: Mapping[str, Any] | None = None, *, touch: bool = True) -> None:
        """Insert or replace the whole aggregate; sets `innovation.updated_at` to now (unless not `touch`:
        an innovation received keeps its time of change) and `innovation.revision` to the new stored
        revision (one more than before; 1 when new).

        `summary` (JSON-native values) is kept for `list_summaries`; without one, a previous
        summary is dropped as stale. Keeps created_at and deleted_at of an existing row.
        Empty attachment lists are not kept. Whether the write may go ahead (the revision it started
        from) is the caller's to decide: see services/innovations.save.
        """
        if touch:
            innovation.updated_at = utc_now()
        row = {
            "id": innovation.id,
            "catalogue_id": innovation.catalogue_id,
            "name": innovation.name,
            "tahapan": str(innovation.profile.get("tahapan") or ""),
            "created_at": innovation.created_at,
            "updated_at": innovation.updated_at,
            "opd": innovation.opd,
            "origin": innovation.origin,
            "profile_json": _to_json(innovation.profile),
            "summary_json": None if summary is None else _to_json(summary),
        }
        self._s.execute(_UPSERT_INNOVATION, row)
        for statement in _DELETE_PARTS:
            self._s.execute(statement, {"innovation_id": innovation.id})
        _insert_many(self._s, IndicatorAnswerRow, _answer_rows(innovation))
        _insert_many(self._s, EvidenceItemRow, _evidence_rows(innovation))
        innovation.revision = self.revision(innovation.id) or 1

    def revision(self, innovation_id: str) -> int | None:
        """The stored revision (the bin included); None when there is no such innovation."""
        query = select(InnovationRow.revision).where(InnovationRow.id == innovation_id)
        return self._s.execute(query).scalar_one_or_none()

    def revisions(self) -> dict[str, int]:
        """The revision of every innovation not in the bin (cheap: profile_json is not read)."""
        r = InnovationRow
        rows = self._s.execute(select(r.id, r.revision).where(r.deleted_at.is_(None)))
        return {iid: revision for iid, revision in rows}

    def keep_summaries(self, summaries: Mapping[str, Mapping[str, Any]]) -> None:
        """Replace the kept list summary of innovations by id; their time stamp and content stay as they are."""
        for innovation_id, summary in summaries.items():
            self._s.execute(update(InnovationRow).where(InnovationRow.id == innovation_id)
                            .values(summary_json=_to_json(summary)))

    def exchanged(self, ids: Iterable[str]) -> dict[str, str | None]:
        """For each id present (bin included): the sha256 of its interchange JSON when it last left or arrived
        in a bundle (None: never exchanged)."""
        out: dict[str, str | None] = {}
        for chunk in _chunks(sorted(set(ids)), _CHUNK):
            query = select(InnovationRow.id, InnovationRow.exchanged_sha256).where(InnovationRow.id.in_(chunk))
            out.update({iid: sha256 for iid, sha256 in self._s.execute(query)})
        return out

    def set_exchanged(self, innovation_id: str, sha256: str | None) -> None:
        self._s.execute(update(InnovationRow).where(InnovationRow.id == innovation_id)
                        .values(exchanged_sha256=sha256))

    def evidence_owners(self, item_ids: Iterable[str]) -> dict[str, str]:
        """Evidence item id -> the id of the innovation (in the bin too) that holds it, for the ids held."""
        wanted, table = list(dict.fromkeys(item_ids)), EvidenceItemRow
        return {item_id: owner for chunk in _chunks(wanted, _CHUNK) for item_id, owner in
                self._s.execute(select(table.id, table.innovation_id).where(table.id.in_(chunk)))}

    def list_summaries(self, include_deleted: bool = False) -> list[InnovationSummary]:
        """Lightweight rows, most recently changed first (the one list reader, inside this session)."""
        return list_reader.summaries(self._s.connection().connection.driver_connection, include_deleted)

    def ids_with_prefix(self, prefix: str, include_deleted: bool = False) -> list[str]:
        """Ids starting with `prefix` (as typed on the command line), sorted."""
        query = select(InnovationRow.id).where(InnovationRow.id.startswith(prefix, autoescape=True))
        if not include_deleted:
            query = query.where(InnovationRow.deleted_at.is_(None))
        return list(self._s.execute(query.order_by(InnovationRow.id)).scalars())

    def load_all(self, ids: Iterable[str] | None = None) -> list[Innovation]:
        """Whole innovations (not deleted): all of them, or those of `ids` in that order."""
        if ids is None:
            return self._load(None)
        wanted = list(dict.fromkeys(ids))
        return [inn for chunk in _chunks(wanted, _CHUNK) for inn in self._load(chunk)]

    def load_for_scoring(self) -> list[Innovation]:
        """Every innovation in use with what scoring reads, for region-wide figures: the profile, the answers
        and their evidence items' kind and identity (id, sha256, media type, link; no metadata), and no
        attachments. About five times quicker than `load_all` for a thousand innovations."""
        connection = self._s.connection().connection.driver_connection
        live = "SELECT id FROM innovations WHERE deleted_at IS NULL"
        innovations = {
            iid: Innovation(id=iid, catalogue_id=catalogue_id, profile=json.loads(profile),
                            created_at=list_reader.parse_utc(created), updated_at=list_reader.parse_utc(updated),
                            revision=revision, opd=opd, origin=origin)
            for iid, catalogue_id, profile, created, updated, revision, opd, origin in connection.execute(
                "SELECT id, catalogue_id, profile_json, created_at, updated_at, revision, opd, origin FROM innovations "
                "WHERE deleted_at IS NULL ORDER BY updated_at DESC, name, id")
        }
        for iid, number, level, basis in connection.execute(
                f"SELECT innovation_id, number, level, basis FROM indicator_answers WHERE innovation_id IN ({live}) "
                "ORDER BY innovation_id, number"):
            innovations[iid].answers[number] = IndicatorAnswer(number=number, level=level, basis=basis)
        for iid, key, item_id, sha256, media_type, link in connection.execute(
                "SELECT innovation_id, target_key, id, sha256, media_type, link FROM evidence_items "
                f"WHERE target_kind = 'indicator' AND innovation_id IN ({live}) "
                "ORDER BY innovation_id, target_key, position"):
            innovations[iid].answer(int(key)).evidence.append(
                EvidenceItem(id=item_id, sha256=sha256, media_type=media_type, link=link))
        return list(innovations.values())

    def soft_delete(self, innovation_id: str) -> None:
        """Move to the bin (restorable); deleting an already deleted one changes nothing."""
        self._require(innovation_id)
        r = InnovationRow
        self._s.execute(
            update(r).where(r.id == innovation_id, r.deleted_at.is_(None))
            .values(deleted_at=utc_now(), revision=r.revision + 1)
        )

    def restore(self, innovation_id: str) -> None:
        self._require(innovation_id)
        r = InnovationRow
        self._s.execute(update(r).where(r.id == innovation_id, r.deleted_at.is_not(None))
                        .values(deleted_at=None, revision=r.revision + 1))

    def purge(self, innovation_id: str) -> None:
        """Delete for good, with its answers and evidence rows (stored files stay)."""
        self._require(innovation_id)
        self._s.execute(delete(InnovationRow).where(InnovationRow.id == innovation_id))

    def _require(self, innovation_id: str) -> None:
        if not self.exists(innovation_id, include_deleted=True):
            raise NotFoundError(f"Inovasi dengan id {innovation_id} tidak ditemukan.")

    def _load(self, ids: Sequence[str] | None, include_deleted: bool = False) -> list[Innovation]:
        r = InnovationRow
        live = select(r.id) if include_deleted else select(r.id).where(r.deleted_at.is_(None))
        if ids is not None:
            live = live.where(r.id.in_(ids))
        query = select(r.id, r.catalogue_id, r.profile_json, r.created_at, r.updated_at, r.revision, r.opd, r.origin)
        query = query.where(r.id.in_(live))
        if ids is None:
            query = query.order_by(r.updated_at.desc(), r.name, r.id)
        innovations = {
            row.id: Innovation(
                id=row.id,
                catalogue_id=row.catalogue_id,
                profile=json.loads(row.profile_json),
                created_at=row.created_at,
                updated_at=row.updated_at,
                revision=row.revision,
                opd=row.opd,
                origin=row.origin,
            )
            for row in self._s.execute(query)
        }
        if not innovations:
            return []
        answers = select(IndicatorAnswerRow.__table__).where(IndicatorAnswerRow.innovation_id.in_(live))
        for row in self._s.execute(answers.order_by(IndicatorAnswerRow.number)):
            innovations[row.innovation_id].answers[row.number] = IndicatorAnswer(
                number=row.number, level=row.level, basis=row.basis, notes=row.notes
            )
        e = EvidenceItemRow
        evidence = select(e.__table__).where(e.innovation_id.in_(live))
        evidence = evidence.order_by(e.innovation_id, e.target_kind, e.target_key, e.position)
        for row in self._s.execute(evidence):
            _attach(innovations[row.innovation_id], row)
        if ids is None:
            return list(innovations.values())
        return [innovations[i] for i in ids if i in innovations]


class OrganisationRepository:
    """The single organisation of this installation."""

    _FIELDS = tuple(f.name for f in fields(Organisation))

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self) -> Organisation:
        """The saved organisation, or an empty one when none was saved yet."""
        columns = [getattr(OrganisationRow, name) for name in self._FIELDS]
        row = self._s.execute(select(*columns).where(OrganisationRow.id == 1)).first()
        return Organisation(**row._asdict()) if row else Organisation()

    def save(self, organisation: Organisation) -> None:
        values = {name: getattr(organisation, name) for name in self._FIELDS}
        upsert = sqlite_insert(OrganisationRow).values(id=1, **values)
        self._s.execute(upsert.on_conflict_do_update(index_elements=[OrganisationRow.id], set_=values))


class SpdRepository:
    """Region-level SPD answers, one set per catalogue."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, catalogue_id: str) -> SpdAnswers:
        query = select(SpdAnswerRow.number, SpdAnswerRow.level).where(SpdAnswerRow.catalogue_id == catalogue_id)
        return SpdAnswers(catalogue_id=catalogue_id, levels={n: lv for n, lv in self._s.execute(query)})

    def save(self, answers: SpdAnswers) -> None:
        self._s.execute(delete(SpdAnswerRow).where(SpdAnswerRow.catalogue_id == answers.catalogue_id))
        rows = [{"catalogue_id": answers.catalogue_id, "number": n, "level": lv} for n, lv in answers.levels.items()]
        _insert_many(self._s, SpdAnswerRow, rows)


class RegionOpdRepository:
    """The region's list of perangkat daerah, in its order (schema v4)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def names(self) -> list[str]:
        return list(self._s.execute(select(RegionOpdRow.name).order_by(RegionOpdRow.position)).scalars())

    def replace(self, names: Sequence[str]) -> None:
        self._s.execute(delete(RegionOpdRow))
        _insert_many(self._s, RegionOpdRow, [{"position": i, "name": n} for i, n in enumerate(names)])


class SnapshotRepository:
    """Monitoring snapshots (schema v4), oldest first."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, snapshot: Snapshot) -> None:
        self._s.execute(insert(SnapshotRow.__table__), [{
            "taken_at": snapshot.taken_at, "reason": snapshot.reason, "source_opd": snapshot.source_opd,
            "data_json": _to_json(snapshot.data)}])

    def latest(self, reason: str, before: int = 0) -> Snapshot | None:
        """The newest snapshot taken for `reason`, or with `before` = 1 the one before it, and so on."""
        r = SnapshotRow
        query = select(r.taken_at, r.reason, r.source_opd, r.data_json).where(r.reason == reason)
        row = self._s.execute(query.order_by(r.id.desc()).offset(before).limit(1)).first()
        return None if row is None else Snapshot(row.taken_at, row.reason, json.loads(row.data_json), row.source_opd)

    def last_received(self, reason: str) -> dict[str, Any]:
        """The time of the newest snapshot for `reason` per sending OPD."""
        r = SnapshotRow
        query = select(r.source_opd, r.taken_at).where(r.reason == reason, r.source_opd != "").order_by(r.id)
        return {opd: taken for opd, taken in self._s.execute(query)}


class AppStateRepository:
    """Settings kept as text by key (schema v2); services/settings.py declares the keys and their types."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str) -> str | None:
        return self._s.execute(select(AppStateRow.value).where(AppStateRow.key == key)).scalar_one_or_none()

    def set(self, key: str, value: str | None) -> None:
        """Store `value` under `key`; None removes the key."""
        if value is None:
            self._s.execute(delete(AppStateRow).where(AppStateRow.key == key))
            return
        upsert = sqlite_insert(AppStateRow).values(key=key, value=value)
        self._s.execute(upsert.on_conflict_do_update(index_elements=[AppStateRow.key], set_={"value": value}))


class StoredFileRepository:
    """Metadata of files in the evidence store, and which of them evidence still uses."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, sha256: str, size: int, media_type: str) -> None:
        """Record a stored file; adding a hash that is already known changes nothing."""
        row = {"sha256": sha256, "size": size, "media_type": media_type, "added_at": utc_now()}
        self._s.execute(sqlite_insert(StoredFileRow).values(row).on_conflict_do_nothing())

    def remove(self, sha256: str) -> None:
        """Forget a stored file, with its kept check."""
        self._s.execute(delete(StoredFileRow).where(StoredFileRow.sha256 == sha256))

    def checks(self, hashes: Iterable[str]) -> dict[str, str]:
        """The kept check (text, opaque here) of each recorded file among `hashes` that has one (schema v3)."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(hashes)), _CHUNK):
            query = select(StoredFileRow.sha256, StoredFileRow.check_json).where(
                StoredFileRow.sha256.in_(chunk), StoredFileRow.check_json.is_not(None))
            out.update({sha256: text for sha256, text in self._s.execute(query)})
        return out

    def keep_checks(self, checks: Mapping[str, str | None]) -> None:
        """Keep (None: forget) the check of recorded files; a file without a row keeps nothing."""
        if checks:
            table = StoredFileRow.__table__
            statement = update(table).where(table.c.sha256 == bindparam("h")).values(check_json=bindparam("c"))
            self._s.execute(statement, [{"h": sha256, "c": text} for sha256, text in checks.items()])

    def is_used(self, sha256: str) -> bool:
        """Whether any evidence item (in the bin too) uses this hash."""
        query = select(EvidenceItemRow.id).where(EvidenceItemRow.sha256 == sha256).limit(1)
        return self._s.execute(query).first() is not None

    def referenced_hashes(self) -> set[str]:
        """Hashes used by any evidence item, including those of innovations in the bin."""
        query = select(EvidenceItemRow.sha256).where(EvidenceItemRow.sha256.is_not(None)).distinct()
        return set(self._s.execute(query).scalars())

    def unreferenced(self) -> list[str]:
        """Stored files that no evidence item uses any more, oldest first."""
        used = select(EvidenceItemRow.sha256).where(EvidenceItemRow.sha256 == StoredFileRow.sha256)
        query = select(StoredFileRow.sha256).where(~used.exists())
        query = query.order_by(StoredFileRow.added_at, StoredFileRow.sha256)
        return list(self._s.execute(query).scalars())


def evidence_owners(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """Evidence item id -> the innovation (bin included) whose item it is, for the ids in use."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(ids)), _CHUNK):
        query = select(EvidenceItemRow.id, EvidenceItemRow.innovation_id).where(EvidenceItemRow.id.in_(chunk))
        out.update({iid: owner for iid, owner in session.execute(query)})
    return out


def _to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    # Core insert of the table: one executemany. The ORM bulk path would split the rows into
    # one statement per run of rows with the same None columns (much slower here).
    if rows:
        session.execute(insert(model.__table__), rows)


def _answer_rows(innovation: Innovation) -> list[dict[str, Any]]:
    return [
        {"innovation_id": innovation.id, "number": a.number, "level": a.level, "basis": a.basis, "notes": a.notes}
        for a in innovation.answers.values()
    ]


def _evidence_rows(innovation: Innovation) -> list[dict[str, Any]]:
    groups = [(INDICATOR, str(a.number), a.evidence) for a in innovation.answers.values()]
    groups += [(ATTACHMENT, key, items) for key, items in innovation.attachments.items()]
    return [
        {
            "id": item.id, "innovation_id": innovation.id, "target_kind": kind, "target_key": key,
            "position": position, "nomor": item.nomor, "tanggal": item.tanggal, "tentang": item.tentang,
            "sha256": item.sha256, "file_name": item.file_name, "size": item.size,
            "media_type": item.media_type, "link": item.link,
        }
        for kind, key, items in groups
        for position, item in enumerate(items)
    ]


def _attach(innovation: Innovation, row: Row[Any]) -> None:
    item = EvidenceItem(
        id=row.id, nomor=row.nomor, tanggal=row.tanggal, tentang=row.tentang, sha256=row.sha256,
        file_name=row.file_name, size=row.size, media_type=row.media_type, link=row.link,
    )
    if row.target_kind == INDICATOR:
        innovation.answer(int(row.target_key)).evidence.append(item)
    else:
        innovation.attachments.setdefault(row.target_key, []).append(item)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
