"""The evidence store heals and says the truth: attaching the original again replaces a damaged or missing
stored copy for every use at once; an add that attaches nothing changes nothing; the kept list summaries
follow the store as it is."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

from inovasi_desktop import domain
from inovasi_desktop.export import interchange
from inovasi_desktop.export.dossier.context import dossier_id
from inovasi_desktop.services import evidence_status, innovation_evidence, innovations
from inovasi_desktop.storage import repositories


def damage(ws, sha256: str, keep_time: bool = False) -> None:
    """Flip bytes of a stored file in place (same size); with `keep_time` its modification time stays too."""
    path = ws.evidence_store.path_for(sha256)
    info = path.stat()
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[50:54] = b"RUSK"
    path.write_bytes(bytes(data))
    os.chmod(path, stat.S_IRUSR)
    if keep_time:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def listed(ws, innovation_id: str):
    return next(r for r in innovations.list_rows(ws) if r.id == innovation_id)


def test_attaching_the_original_again_heals_every_use(ws, innovation, files):
    pdf = files.text_pdf("SK Tim.pdf")
    [item] = innovation_evidence.add_files(ws, innovation.id, 2, [pdf]).outcome.items
    other = innovations.create(ws, "iid-2026")
    innovation_evidence.add_files(ws, other.id, 8, [pdf])
    damage(ws, item.sha256)
    for innovation_id in (innovation.id, other.id):
        assert item.sha256 in {i.sha256 for i in innovations.get(ws, innovation_id).all_evidence()}
        _, readiness = innovations.check(ws, innovation_id)
        assert "evidence.lost" in [f.code for f in readiness.findings]
    again = innovation_evidence.add_files(ws, innovation.id, 2, [pdf])  # the same file, the same place
    assert again.outcome.items == []
    assert any("rusak atau hilang dan telah diganti" in note for note in again.notes)
    assert any("tidak ditambahkan lagi" in note for note in again.notes)
    assert ws.evidence_store.verify(item.sha256)
    for innovation_id in (innovation.id, other.id):  # both uses are whole again, in check and in the list
        _, readiness = innovations.check(ws, innovation_id)
        assert "evidence.lost" not in [f.code for f in readiness.findings]
        assert listed(ws, innovation_id).errors == innovations.check(ws, innovation_id)[1].errors


def test_a_missing_stored_copy_is_restored_by_attaching_it_elsewhere(ws, innovation, files):
    pdf = files.text_pdf("SK.pdf")
    [item] = innovation_evidence.add_files(ws, innovation.id, 2, [pdf]).outcome.items
    ws.evidence_store.discard(item.sha256)
    result = innovation_evidence.add_files(ws, innovation.id, 8, [pdf])
    assert any("telah diganti" in note for note in result.notes)
    _, readiness = innovations.check(ws, innovation.id)
    assert "evidence.lost" not in [f.code for f in readiness.findings]


def test_an_add_that_attaches_nothing_changes_nothing(ws, innovation, files, monkeypatch):
    pdf = files.text_pdf("SK.pdf")
    innovation_evidence.add_files(ws, innovation.id, 1, [pdf])
    before = innovations.get(ws, innovation.id)
    catalogue = ws.catalogues.get(before.catalogue_id)
    later = before.updated_at + timedelta(hours=1)  # a save now would show as a later time stamp
    monkeypatch.setattr(repositories, "utc_now", lambda: later)
    monkeypatch.setattr(domain, "utc_now", lambda: later)
    again = innovation_evidence.add_files(ws, innovation.id, 1, [pdf])
    assert "tidak ditambahkan lagi" in again.notes[0]
    after = innovations.get(ws, innovation.id)
    assert after.updated_at == before.updated_at
    assert dossier_id(catalogue, after) == dossier_id(catalogue, before)
    assert interchange.dumps(after) == interchange.dumps(before)


def test_list_shows_store_damage_found_by_size_and_time(ws, innovation, files):
    pdf = files.text_pdf("SK.pdf")
    [item] = innovation_evidence.add_files(ws, innovation.id, 2, [pdf]).outcome.items
    assert listed(ws, innovation.id).errors == innovations.check(ws, innovation.id)[1].errors
    errors_before = listed(ws, innovation.id).errors
    stamp = listed(ws, innovation.id).updated_at
    damage(ws, item.sha256)
    assert innovations.refresh_summaries(ws) == [innovation.id]
    row = listed(ws, innovation.id)
    assert row.errors == errors_before + 1 == innovations.check(ws, innovation.id)[1].errors
    assert row.updated_at == stamp  # the innovation itself did not change
    assert innovations.refresh_summaries(ws) == []  # nothing new


def test_damage_that_keeps_size_and_time_is_found_by_the_full_check(ws, innovation, files):
    pdf = files.text_pdf("SK.pdf")
    [item] = innovation_evidence.add_files(ws, innovation.id, 2, [pdf]).outcome.items
    damage(ws, item.sha256, keep_time=True)
    assert innovations.refresh_summaries(ws) == []  # the cheap look sees nothing
    pemda = ""
    states = evidence_status.verify_files(ws, [item.sha256], pemda)
    assert states == {item.sha256: evidence_status.CHANGED}
    assert innovations.refresh_summaries(ws) == [innovation.id]
    _, readiness = innovations.check(ws, innovation.id)
    assert "evidence.lost" in [f.code for f in readiness.findings]
