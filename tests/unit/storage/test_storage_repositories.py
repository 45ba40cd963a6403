"""Repositories: domain objects in, the same domain objects out."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from inovasi_desktop.domain import EvidenceItem, Innovation, NotFoundError, Organisation, SpdAnswers
from inovasi_desktop.storage import (
    AppStateRepository,
    Database,
    InnovationRepository,
    OrganisationRepository,
    SpdRepository,
    StoredFileRepository,
)

Make = Callable[..., Innovation]

ODD_TEXT = (
    "Inovasi 🚀👩🏽‍💻 — «kutipan» "
    "مرحبا بالعالم \u200f שלום \u202eterbalik\u202c "
    "ctrl:\x01\x07\x1b\x7f\t\r\n"
    "e\u0301 \ufeff \u200d '; DROP TABLE innovations; -- \"petik\" \\"
)


def save(db: Database, *innovations: Innovation) -> None:
    with db.write() as s:
        repo = InnovationRepository(s)
        for inn in innovations:
            repo.save(inn)


def get(db: Database, innovation_id: str) -> Innovation:
    with db.write() as s:
        return InnovationRepository(s).get(innovation_id)


def count(db: Database, table: str, innovation_id: str) -> int:
    with db.write() as s:
        return s.execute(text(f"SELECT count(*) FROM {table} WHERE innovation_id = :i"), {"i": innovation_id}).scalar()


def test_full_innovation_round_trips_with_odd_text(db: Database, make_innovation: Make) -> None:
    inn = make_innovation(text=ODD_TEXT)
    inn.attachments["profil_bisnis"] = [EvidenceItem(tentang=ODD_TEXT, file_name=f"{ODD_TEXT}.pdf", sha256="c" * 64)]
    expected = copy.deepcopy(inn)
    save(db, inn)
    got = get(db, inn.id)
    assert got.updated_at == inn.updated_at  # save sets it on the object it was given
    expected.updated_at = inn.updated_at
    assert got == expected
    assert got.name.endswith(ODD_TEXT)
    assert [e.tentang for e in got.answers[7].evidence] == [f"Surat Keputusan 7 {ODD_TEXT}", "Tautan video"]
    assert got.answers[9].level is None and got.answers[9].evidence == []


def test_one_megabyte_texts_round_trip(db: Database, make_innovation: Make) -> None:
    big = ("Rancang bangun inovasi daerah. ✓ " * 40_000)[:1_000_000]
    inn = make_innovation()
    inn.profile["rancang_bangun"] = {"permasalahan": big}
    inn.answer(1).notes = big
    save(db, inn)
    got = get(db, inn.id)
    assert got.profile["rancang_bangun"]["permasalahan"] == big
    assert got.answers[1].notes == big


def test_datetimes_come_back_aware_utc(db: Database, make_innovation: Make) -> None:
    inn = make_innovation()
    wib = datetime.fromisoformat("2026-01-05T15:30:00+07:00")
    inn.created_at = wib
    save(db, inn)
    got = get(db, inn.id)
    assert got.created_at == wib and got.created_at.utcoffset().total_seconds() == 0
    assert got.updated_at.tzinfo is not None


def test_naive_datetime_is_refused(db: Database, make_innovation: Make) -> None:
    inn = make_innovation()
    inn.created_at = datetime(2026, 1, 1, 8, 0)
    with pytest.raises(Exception, match="naive datetime"):
        save(db, inn)
    with db.write() as s:
        assert not InnovationRepository(s).exists(inn.id)


def test_save_replaces_the_aggregate_and_keeps_created_at(db: Database, make_innovation: Make) -> None:
    inn = make_innovation()
    save(db, inn)
    first_update = inn.updated_at
    inn.created_at = datetime(2030, 1, 1, tzinfo=UTC)  # an existing row keeps its creation time
    del inn.answers[2]
    inn.answer(1).evidence.reverse()
    inn.attachments["anggaran"] = inn.attachments["anggaran"][:1]
    inn.profile["tahapan"] = "penerapan"
    save(db, inn)
    got = get(db, inn.id)
    assert got.created_at == datetime(2026, 1, 5, 8, 30, tzinfo=UTC)
    assert got.updated_at >= first_update
    assert sorted(got.answers) == [1, 7, 9]
    assert [e.tentang for e in got.answers[1].evidence] == ["Tautan video", "Surat Keputusan 1 "]
    assert len(got.attachments["anggaran"]) == 1
    assert count(db, "evidence_items", inn.id) == 2 + 2 + 1
    with db.write() as s:
        assert InnovationRepository(s).list_summaries()[0].tahapan == "penerapan"


def test_get_missing_raises_not_found_in_indonesian(db: Database) -> None:
    with db.write() as s, pytest.raises(NotFoundError, match="tidak ditemukan"):
        InnovationRepository(s).get("tidak-ada")


def test_soft_delete_and_restore(db: Database, make_innovation: Make) -> None:
    keep, binned = make_innovation(1), make_innovation(2)
    save(db, keep, binned)
    with db.write() as s:
        InnovationRepository(s).soft_delete(binned.id)
    with db.write() as s:
        repo = InnovationRepository(s)
        with pytest.raises(NotFoundError):
            repo.get(binned.id)
        assert not repo.exists(binned.id) and repo.exists(binned.id, include_deleted=True)
        assert [x.id for x in repo.list_summaries()] == [keep.id]
        deleted = {x.id: x.deleted_at for x in repo.list_summaries(include_deleted=True)}
        assert deleted[keep.id] is None and deleted[binned.id] is not None
        assert [x.id for x in repo.load_all()] == [keep.id]
        assert repo.load_all([binned.id, keep.id]) == [repo.get(keep.id)]
    assert count(db, "evidence_items", binned.id) > 0  # still there, restorable
    with db.write() as s:
        InnovationRepository(s).restore(binned.id)
    assert get(db, binned.id).answers == binned.answers


def test_purge_cascades_to_answers_and_evidence(db: Database, make_innovation: Make) -> None:
    gone, other = make_innovation(1), make_innovation(2)
    save(db, gone, other)
    assert count(db, "indicator_answers", gone.id) == 4
    with db.write() as s:
        InnovationRepository(s).purge(gone.id)
    assert count(db, "indicator_answers", gone.id) == 0
    assert count(db, "evidence_items", gone.id) == 0
    assert count(db, "evidence_items", other.id) == 8
    with db.write() as s:
        assert not InnovationRepository(s).exists(gone.id, include_deleted=True)


@pytest.mark.parametrize("action", ["soft_delete", "restore", "purge"])
def test_actions_on_a_missing_innovation_raise_not_found(db: Database, action: str) -> None:
    with db.write() as s, pytest.raises(NotFoundError, match="Inovasi dengan id x tidak ditemukan"):
        getattr(InnovationRepository(s), action)("x")


def test_list_summaries_newest_first(db: Database, make_innovation: Make) -> None:
    old, new = make_innovation(1), make_innovation(2)
    save(db, old, new)
    with db.write() as s:
        s.execute(text("UPDATE innovations SET updated_at = '2020-01-01T00:00:00+00:00' WHERE id = :i"), {"i": old.id})
    with db.write() as s:
        rows = InnovationRepository(s).list_summaries()
    assert [r.id for r in rows] == [new.id, old.id]
    assert (rows[1].name, rows[1].tahapan, rows[1].catalogue_id) == (old.name, old.profile["tahapan"], "iid-2026")
    assert rows[1].updated_at == datetime(2020, 1, 1, tzinfo=UTC)


def test_summary_is_kept_until_a_save_without_one(db: Database, make_innovation: Make) -> None:
    inn = make_innovation()
    summary = {"readiness_label": "Siap diunggah", "errors": 0, "claimed": 37.5, "nama_inisiator": ODD_TEXT}
    with db.write() as s:
        InnovationRepository(s).save(inn, summary)
    with db.write() as s:
        assert InnovationRepository(s).list_summaries()[0].summary == summary
        InnovationRepository(s).save(inn)
    with db.write() as s:
        assert InnovationRepository(s).list_summaries()[0].summary is None


def test_ids_with_prefix(db: Database, make_innovation: Make) -> None:
    a, b, c = make_innovation(1), make_innovation(2), make_innovation(3)
    a.id, b.id, c.id = "abc-1", "abd-2", "a%c_3"
    save(db, a, b, c)
    with db.write() as s:
        repo = InnovationRepository(s)
        repo.soft_delete(b.id)
        assert repo.ids_with_prefix("ab") == ["abc-1"]
        assert repo.ids_with_prefix("ab", include_deleted=True) == ["abc-1", "abd-2"]
        assert repo.ids_with_prefix("a%") == ["a%c_3"]  # LIKE wildcards are taken literally
        assert repo.ids_with_prefix("x") == []


def test_load_all_by_ids_keeps_the_order_asked(db: Database, make_innovation: Make) -> None:
    items = [make_innovation(i) for i in range(4)]
    save(db, *items)
    wanted = [items[2].id, "tidak-ada", items[0].id, items[2].id]
    with db.write() as s:
        got = InnovationRepository(s).load_all(wanted)
    assert [x.id for x in got] == [items[2].id, items[0].id]
    assert got[0].answers == items[2].answers and got[1].attachments == items[0].attachments


def test_thousand_innovations_in_one_transaction(db: Database, make_innovation: Make) -> None:
    items = [make_innovation(i) for i in range(1000)]
    save(db, *items)
    with db.write() as s:
        repo = InnovationRepository(s)
        assert len(repo.list_summaries()) == 1000
        loaded = {x.id: x for x in repo.load_all()}
    assert len(loaded) == 1000
    assert all(loaded[x.id] == x for x in items)


def test_organisation_is_empty_until_saved_then_updated(db: Database) -> None:
    with db.write() as s:
        assert OrganisationRepository(s).get() == Organisation()
    org = Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                       head_name="dr. Siti Aminah", head_nip="197001012000032001", default_catalogue="iid-2026")
    with db.write() as s:
        OrganisationRepository(s).save(org)
    org.opd = "Dinas Pendidikan"
    with db.write() as s:
        OrganisationRepository(s).save(org)
    with db.write() as s:
        assert OrganisationRepository(s).get() == org
        assert s.execute(text("SELECT count(*) FROM organisation")).scalar() == 1


def test_spd_answers_are_kept_per_catalogue(db: Database) -> None:
    with db.write() as s:
        repo = SpdRepository(s)
        repo.save(SpdAnswers("iid-2026", {"1": 3, "2a": 1, "2b": 2}))
        repo.save(SpdAnswers("iid-2023", {"1": 1}))
        repo.save(SpdAnswers("iid-2026", {"1": 2, "3": 3}))
    with db.write() as s:
        repo = SpdRepository(s)
        assert repo.get("iid-2026") == SpdAnswers("iid-2026", {"1": 2, "3": 3})
        assert repo.get("iid-2023").levels == {"1": 1}
        assert repo.get("iid-2030") == SpdAnswers("iid-2030", {})


def test_app_state_set_get_and_remove(db: Database) -> None:
    key = "editor/last_step"
    with db.write() as s:
        repo = AppStateRepository(s)
        assert repo.get(key) is None
        repo.set(key, "profil")
        repo.set(key, "indikator")
        repo.set("window/geometry", "AdnQywADAAA=")
    with db.write() as s:
        repo = AppStateRepository(s)
        assert repo.get(key) == "indikator"
        repo.set(key, None)
        assert repo.get(key) is None
        assert repo.get("window/geometry") == "AdnQywADAAA="


def test_stored_files_referenced_and_unreferenced(db: Database, make_innovation: Make) -> None:
    inn, binned = make_innovation(1), make_innovation(2)
    binned.attachments["anggaran"].append(EvidenceItem(sha256="d" * 64))
    save(db, inn, binned)
    with db.write() as s:
        InnovationRepository(s).soft_delete(binned.id)
        files = StoredFileRepository(s)
        for digest in ("a" * 64, "d" * 64, "e" * 64, "f" * 64):
            files.add(digest, 10, "application/pdf")
        files.add("e" * 64, 99, "image/png")  # known already: unchanged
    with db.write() as s:
        files = StoredFileRepository(s)
        assert files.referenced_hashes() == {f"{n:064x}" for n in (1, 2, 7)} | {"a" * 64, "b" * 64, "d" * 64}
        assert sorted(files.unreferenced()) == ["e" * 64, "f" * 64]
        assert s.execute(text("SELECT size FROM stored_files WHERE sha256 = :h"), {"h": "e" * 64}).scalar() == 10
        files.remove("e" * 64)
    with db.write() as s:
        InnovationRepository(s).purge(binned.id)
    with db.write() as s:
        assert sorted(StoredFileRepository(s).unreferenced()) == ["d" * 64, "f" * 64]


def test_load_for_scoring_reads_what_scoring_needs(db, make_innovation) -> None:
    from inovasi_desktop.storage import InnovationRepository

    innovations = [make_innovation(i) for i in range(3)]
    with db.write() as s:
        repo = InnovationRepository(s)
        for innovation in innovations:
            repo.save(innovation)
        repo.soft_delete(innovations[2].id)
    with db.write() as s:
        light = {i.id: i for i in InnovationRepository(s).load_for_scoring()}
        whole = {i.id: i for i in InnovationRepository(s).load_all()}
    assert set(light) == set(whole) == {innovations[0].id, innovations[1].id}
    for iid, innovation in light.items():
        full = whole[iid]
        assert (innovation.profile, innovation.catalogue_id, innovation.updated_at) == (
            full.profile, full.catalogue_id, full.updated_at)
        assert {n: (a.level, a.basis) for n, a in innovation.answers.items()} == {
            n: (a.level, a.basis) for n, a in full.answers.items()}
        def kinds(inn):
            return {n: [(e.id, e.sha256, e.media_type, e.link) for e in a.evidence] for n, a in inn.answers.items()}

        assert kinds(innovation) == kinds(full) and any(kinds(full).values())
        assert innovation.attachments == {}
