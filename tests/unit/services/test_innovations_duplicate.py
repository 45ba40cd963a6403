"""Duplicating an innovation: a deep copy under a new id, named as a copy, whose evidence items are its own
rows that point at the same stored files (by sha256), so no file is stored twice."""

from __future__ import annotations

import dataclasses

from evidence_files import store_contents

from inovasi_desktop.domain import Innovation
from inovasi_desktop.services import evidence_upkeep, innovations


def without_ids(innovation: Innovation) -> dict:
    """What a copy must keep: everything but the ids, the times and the name."""
    return {
        "catalogue_id": innovation.catalogue_id,
        "profile": {k: v for k, v in innovation.profile.items() if k != "nama_inovasi"},
        "answers": {n: (a.level, a.basis, a.notes, [dataclasses.replace(e, id="") for e in a.evidence])
                    for n, a in innovation.answers.items()},
        "attachments": {k: [dataclasses.replace(e, id="") for e in items]
                        for k, items in innovation.attachments.items()},
    }


def evidence_rows(ws, innovation_id: str) -> list[str]:
    from sqlalchemy import select

    from inovasi_desktop.storage.models import EvidenceItemRow

    with ws.db.begin() as session:
        query = select(EvidenceItemRow.id).where(EvidenceItemRow.innovation_id == innovation_id)
        return sorted(session.execute(query).scalars())


def test_a_copy_keeps_everything_under_new_ids_and_is_named_as_a_copy(ws):
    original = innovations.import_example(ws)
    files_before = store_contents(ws)
    copy = innovations.duplicate(ws, original.id)
    stored = innovations.get(ws, copy.id)
    assert stored.id != original.id and stored == copy
    assert stored.name == f"{original.name} (salinan)"
    assert without_ids(stored) == without_ids(original)
    assert original.all_evidence() and [e.sha256 for e in stored.all_evidence()] == [
        e.sha256 for e in original.all_evidence()]
    copy_ids, original_ids = {e.id for e in stored.all_evidence()}, {e.id for e in original.all_evidence()}
    assert len(copy_ids) == len(stored.all_evidence()) and not copy_ids & original_ids
    assert evidence_rows(ws, copy.id) == sorted(copy_ids)  # its own rows
    assert evidence_rows(ws, original.id) == sorted(original_ids)
    assert store_contents(ws) == files_before  # the files are shared, not stored again
    assert innovations.get(ws, original.id) == original
    assert sorted(r.id for r in innovations.list_rows(ws)) == sorted([original.id, copy.id])


def test_editing_the_copy_leaves_the_original_alone(ws):
    original = innovations.import_example(ws)
    copy = innovations.duplicate(ws, original.id)
    copy.profile["rancang_bangun"]["dasar_hukum"] = "diubah pada salinan"
    first = copy.all_evidence()[0]
    first.tentang = "diubah pada salinan"
    copy.answers[min(copy.answers)].evidence.clear()
    innovations.save(ws, copy)
    assert innovations.get(ws, original.id) == original
    assert innovations.get(ws, copy.id).profile["rancang_bangun"]["dasar_hukum"] == "diubah pada salinan"


def test_the_copy_keeps_the_shared_files_when_the_original_lets_go_of_them(ws):
    original = innovations.import_example(ws)
    copy = innovations.duplicate(ws, original.id)
    for answer in original.answers.values():
        answer.evidence.clear()
    original.attachments.clear()
    innovations.save(ws, original)
    evidence_upkeep.clean_up(ws, grace_seconds=0)
    for item in (e for e in copy.all_evidence() if e.sha256):
        assert ws.evidence_store.path_for(item.sha256).is_file(), item.file_name


def test_a_copy_of_an_unnamed_innovation_is_named_salinan(ws, innovation):
    assert innovations.duplicate(ws, innovation.id).name == "(salinan)"
