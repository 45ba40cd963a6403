"""The three-way merge of an innovation: one-sided changes are all kept, two-sided ones are conflicts."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from inovasi_desktop.domain import EvidenceItem, Innovation
from inovasi_desktop.services import merge

WHEN = datetime(2026, 12, 1, tzinfo=UTC)


def base_innovation() -> Innovation:
    innovation = Innovation(id="inovasi-1", catalogue_id="iid-2026", created_at=WHEN, updated_at=WHEN,
                            profile={"nama_inovasi": "Awal", "tahapan": "Inisiatif"})
    innovation.answer(3).evidence[:] = [EvidenceItem(id="a", link="https://a.id"),
                                        EvidenceItem(id="b", link="https://b.id")]
    innovation.answer(3).level = 1
    return innovation


def sides() -> tuple[Innovation, Innovation, Innovation]:
    base = base_innovation()
    return base, copy.deepcopy(base), copy.deepcopy(base)


def test_changes_on_different_fields_and_items_added_on_both_sides_are_all_kept(catalogues):
    base, mine, theirs = sides()
    mine.profile["nama_inovasi"] = "Nama baru"
    mine.answer(3).evidence.append(EvidenceItem(id="m", link="https://m.id"))
    theirs.profile["tahapan"] = "Penerapan"
    theirs.answer(3).level = 2
    theirs.answer(3).evidence.append(EvidenceItem(id="t", link="https://t.id"))
    theirs.attachments["anggaran"] = [EvidenceItem(id="x", link="https://x.id")]
    result = merge.merge(base, mine, theirs, catalogues.get("iid-2026"))
    assert result.conflicts == ()
    merged = result.innovation
    assert merged.profile == {"nama_inovasi": "Nama baru", "tahapan": "Penerapan"}
    assert merged.answers[3].level == 2
    assert [i.id for i in merged.answers[3].evidence] == ["a", "b", "t", "m"]
    assert [i.id for i in merged.attachments["anggaran"]] == ["x"]
    assert base == base_innovation()  # nothing given is changed


def test_removed_and_moved_items_follow_the_side_that_did_it():
    base, mine, theirs = sides()
    mine.answer(3).evidence.reverse()  # moved here
    theirs.answer(3).evidence.append(EvidenceItem(id="t", link="https://t.id"))
    assert [i.id for i in merge.merge(base, mine, theirs).innovation.answers[3].evidence] == ["b", "a", "t"]
    base, mine, theirs = sides()
    del theirs.answer(3).evidence[0]  # removed elsewhere
    mine.answer(3).evidence[1].tentang = "diubah di sini"
    merged = merge.merge(base, mine, theirs).innovation
    assert [(i.id, i.tentang) for i in merged.answers[3].evidence] == [("b", "diubah di sini")]


def test_the_same_field_changed_on_both_sides_is_a_conflict_that_keeps_mine_and_names_both(catalogues):
    base, mine, theirs = sides()
    mine.profile["nama_inovasi"] = "Nama di jendela"
    theirs.profile["nama_inovasi"] = "Nama dari perintah baris"
    mine.answer(3).evidence[0].tentang = "sini"
    theirs.answer(3).evidence[0].tentang = "sana"
    result = merge.merge(base, mine, theirs, catalogues.get("iid-2026"))
    assert result.innovation.name == "Nama di jendela"
    assert result.innovation.answers[3].evidence[0].tentang == "sini"
    assert [c.where for c in result.conflicts] == ["nama_inovasi", "indikator:3"]
    text = merge.describe(result.conflicts, kept_mine=True)
    assert "Nama Inovasi" in text and "Nama dari perintah baris" in text and "Nama di jendela" in text
    assert "bukti indikator 3" in text
    assert "tidak ada yang diubah" in merge.describe(result.conflicts, kept_mine=False)


def test_the_same_change_on_both_sides_is_no_conflict():
    base, mine, theirs = sides()
    for side in (mine, theirs):
        side.profile["nama_inovasi"] = "Sama"
        side.answer(3).evidence.append(EvidenceItem(id="s", link="https://s.id"))
    result = merge.merge(base, mine, theirs)
    assert result.conflicts == () and result.innovation.name == "Sama"
    assert [i.id for i in result.innovation.answers[3].evidence] == ["a", "b", "s"]


def test_assign_keeps_the_lists_an_editor_holds():
    base, mine, theirs = sides()
    held = mine.answer(3).evidence
    theirs.answer(3).evidence.append(EvidenceItem(id="t", link="https://t.id"))
    merge.assign(mine, theirs)
    assert mine.answer(3).evidence is held and [i.id for i in held] == ["a", "b", "t"]
