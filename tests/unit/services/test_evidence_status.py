"""What the app knows about stored evidence: which items count, item reports, verify-store, clean-up,
imported references without files, and editing the lists."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date

import pytest
from evidence_files import store_contents, stored_rows
from sqlalchemy import text

from inovasi_desktop.domain import EvidenceItem, Severity
from inovasi_desktop.export import interchange
from inovasi_desktop.services import (
    evidence,
    evidence_items,
    evidence_status,
    evidence_upkeep,
    innovation_evidence,
    innovations,
)
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.storage.repositories import StoredFileRepository


def _add(ws, innovation, target, path, **meta):
    return innovation_evidence.add_files(ws, innovation.id, target, [path], evidence.Metadata(**meta)).outcome.items[0]


def _tamper(ws, sha256: str, data: bytes = b"diubah") -> None:
    path = ws.evidence_store.path_for(sha256)
    os.chmod(path, 0o644)
    with open(path, "r+b") as f:
        f.write(data)


def test_missing_changed_and_broken_files_do_not_count(ws, innovation, files):
    kept = _add(ws, innovation, 1, files.text_pdf("a.pdf", ("satu",)))
    gone = _add(ws, innovation, 2, files.text_pdf("b.pdf", ("dua",)))
    changed = _add(ws, innovation, 3, files.text_pdf("c.pdf", ("tiga",)))
    program = ws.evidence_store.add(files.executable_named_pdf())  # in the store without passing the checks
    saved = innovations.get(ws, innovation.id)
    broken = EvidenceItem(sha256=program.sha256, file_name="laporan.pdf", size=program.size,
                          media_type="application/pdf")
    saved.answers[5] = saved.answer(5)
    saved.answers[5].evidence.append(broken)
    innovations.save(ws, saved)
    os.chmod(ws.evidence_store.path_for(gone.sha256), 0o644)
    ws.evidence_store.path_for(gone.sha256).unlink()
    _tamper(ws, changed.sha256)
    context = innovations.context_for(ws, innovations.get(ws, innovation.id))
    assert context.invalid_evidence == {gone.id, changed.id, broken.id}
    assert context.lost_evidence == {gone.id, changed.id}
    assert kept.id not in context.invalid_evidence
    _, readiness = innovations.check(ws, innovation.id)
    flagged = {(f.where, f.code) for f in readiness.findings if f.code in ("evidence.lost", "evidence.invalid")}
    assert flagged == {("indikator:2", "evidence.lost"), ("indikator:3", "evidence.lost"),
                       ("indikator:5", "evidence.invalid")}
    assert all(f.severity is Severity.GALAT for f in readiness.findings if (f.where, f.code) in flagged)


def test_kept_check_results_make_the_context_cheap(ws, innovation, files, monkeypatch):
    _add(ws, innovation, 1, files.text_pdf())
    saved = innovations.get(ws, innovation.id)
    calls = []
    monkeypatch.setattr(evidence_status, "check_file", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(type(ws.evidence_store), "verify", lambda *a: calls.append(a))
    for _ in range(3):
        assert innovations.context_for(ws, saved).invalid_evidence == frozenset()
    assert calls == []  # neither re-checked nor re-hashed


def test_kept_checks_live_on_the_stored_file_rows_and_are_read_once_per_workspace(ws, innovation, files, monkeypatch):
    item = _add(ws, innovation, 1, files.text_pdf())
    with ws.db.begin() as session:
        [kept] = StoredFileRepository(session).checks([item.sha256]).values()
        assert session.execute(text("SELECT count(*) FROM app_state")).scalar() == 0  # not a key/value entry
    assert json.loads(kept)["check"]["kind"] == "pdf"
    saved = innovations.get(ws, innovation.id)
    calls = []
    monkeypatch.setattr(evidence_status, "check_file", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(type(ws.evidence_store), "verify", lambda *a: calls.append(a))
    later = Workspace(home=ws.home)  # the next run: its own, empty memo
    try:
        assert later.file_checks == {}
        assert innovations.context_for(later, saved).invalid_evidence == frozenset()
        assert set(later.file_checks) == {item.sha256} and calls == []  # read from the row, not checked again
    finally:
        later.close()
    assert later.file_checks == {}


def test_a_file_touched_in_the_store_is_rehashed_before_it_is_trusted(ws, innovation, files):
    item = _add(ws, innovation, 1, files.text_pdf())
    path = ws.evidence_store.path_for(item.sha256)
    os.utime(path, ns=(1, 1))  # same content, other time: hashed again, still fine
    assert innovations.context_for(ws, innovations.get(ws, innovation.id)).invalid_evidence == frozenset()
    _tamper(ws, item.sha256)
    os.utime(path, ns=(1, 1))  # same size, same time: only re-hashing tells (verify), then it is remembered
    saved = innovations.get(ws, innovation.id)
    assert innovations.context_for(ws, saved).invalid_evidence == frozenset()
    assert evidence_status.verify_files(ws, [item.sha256], "") == {item.sha256: evidence_status.CHANGED}
    assert innovations.context_for(ws, saved).invalid_evidence == {item.id}
    os.utime(path, ns=(2, 2))  # touched again: re-hashed, still changed
    assert innovations.context_for(ws, saved).invalid_evidence == {item.id}


def test_imported_references_without_files_are_kept_and_flagged(ws, files):
    example = interchange.loads((innovations.paths.examples_dir() / innovations.EXAMPLE_FILE).read_bytes())
    pdf = files.text_pdf()
    item = example.answers[1].evidence[0]
    item.sha256, item.file_name, item.size, item.media_type = (hashlib.sha256(b"tidak ada").hexdigest(), "perbup.pdf",
                                                               1234, "application/pdf")
    imported = innovations.import_json_text(ws, interchange.dumps(example))
    assert imported.answers[1].evidence[0].sha256 == item.sha256  # kept as a reference
    context = innovations.context_for(ws, imported)
    assert context.invalid_evidence == {item.id}
    [problem] = evidence_upkeep.file_problems(ws, imported)
    assert problem.state == evidence_status.MISSING and problem.where == "indikator:1"
    assert "tidak ada di penyimpanan bukti" in problem.message
    innovation_evidence.replace_item_file(ws, imported.id, 1, item.id, pdf)
    fixed = innovations.get(ws, imported.id)
    assert fixed.answers[1].evidence[0].id == item.id and fixed.answers[1].evidence[0].tentang == item.tentang
    assert innovations.context_for(ws, fixed).invalid_evidence == frozenset()
    assert evidence_upkeep.file_problems(ws, fixed) == []


def test_verify_store_reports_missing_and_changed_files_with_their_uses(ws, innovation, files):
    kept = _add(ws, innovation, 1, files.text_pdf("a.pdf", ("a",)))
    gone = _add(ws, innovation, 2, files.text_pdf("b.pdf", ("b",)))
    changed = _add(ws, innovation, 3, files.text_pdf("c.pdf", ("c",)))
    assert evidence_upkeep.verify_store(ws).ok
    os.chmod(ws.evidence_store.path_for(gone.sha256), 0o644)
    ws.evidence_store.path_for(gone.sha256).unlink()
    _tamper(ws, changed.sha256)
    report = evidence_upkeep.verify_store(ws)
    assert report.checked == 3 and not report.ok
    states = {p.sha256: p.state for p in report.problems}
    assert states == {gone.sha256: "missing", changed.sha256: "changed"}
    uses = {p.state: [(u.place, u.item.file_name) for u in p.uses] for p in report.problems}
    assert uses == {"missing": [("indikator 2", "b.pdf")], "changed": [("indikator 3", "c.pdf")]}
    assert kept.sha256 not in states


def test_removing_the_last_reference_lets_clean_up_remove_the_file(ws, innovation, files):
    shared = files.text_pdf("bersama.pdf")
    first = _add(ws, innovation, 8, shared)
    second = _add(ws, innovation, 9, shared)
    alone = _add(ws, innovation, 1, files.text_pdf("sendiri.pdf", ("lain",)))
    innovation_evidence.remove_item(ws, innovation.id, first.id)
    innovation_evidence.remove_item(ws, innovation.id, alone.id)
    assert evidence_upkeep.clean_up(ws) == []  # stored just now: an editor may not have saved yet
    assert evidence_upkeep.clean_up(ws, grace_seconds=0) == [alone.sha256]
    assert stored_rows(ws) == {second.sha256} and len(store_contents(ws)) == 1
    deleted = innovations.get(ws, innovation.id)
    innovations.delete(ws, [deleted.id])  # in the bin, it still holds its files
    assert evidence_upkeep.clean_up(ws, grace_seconds=0) == []
    assert alone.sha256 not in ws.file_checks  # its kept check went with its row


def test_item_reports_say_what_is_wrong_beside_each_item(ws, innovation, files):
    pdf = files.text_pdf("sk.pdf")
    for number in (7, 8, 9):
        _add(ws, innovation, number, pdf, tanggal=date(2023, 5, 1) if number == 9 else None)
    saved = innovations.get(ws, innovation.id)
    catalogue = ws.catalogues.get(saved.catalogue_id)
    [report] = evidence_items.item_reports(ws, saved, evidence.target_for(catalogue, 9)).values()
    assert report.facts.startswith("PDF · 1 halaman") and report.available
    assert (Severity.PERINGATAN, "Tanggal 1 Mei 2023 di luar periode bukti 1 Januari 2024 s.d. 31 Desember 2025: "
                                 "tidak dihitung.") \
        in report.lines
    reuse = [text for severity, text in report.lines if "dipakai di 3 tempat" in text]
    assert reuse and "indikator 7 dan indikator 8" in reuse[0] and report.worst is Severity.PERINGATAN
    saved.answer(3).evidence.append(EvidenceItem(link="https://example.go.id/dpa"))
    link_report = evidence_items.item_reports(ws, saved, evidence.target_for(catalogue, 3))
    assert any("Tautan tidak dihitung" in t for _, t in next(iter(link_report.values())).lines)


def test_list_edits_move_and_remove_keep_the_order(ws, innovation, files):
    items = [EvidenceItem(tentang=name) for name in "abc"]
    assert evidence_items.move(items, items[2].id, -1) == 1
    assert [i.tentang for i in items] == ["a", "c", "b"]
    assert evidence_items.move(items, items[0].id, -5) == 0
    index, removed = evidence_items.remove(items, items[1].id)
    assert (index, removed.tentang, [i.tentang for i in items]) == (1, "c", ["a", "b"])
    first = _add(ws, innovation, 5, files.text_pdf("1.pdf", ("1",)))
    second = _add(ws, innovation, 5, files.text_pdf("2.pdf", ("2",)))
    innovation_evidence.move_item(ws, innovation.id, second.id, -1)
    assert [i.id for i in innovations.get(ws, innovation.id).answers[5].evidence] == [second.id, first.id]
    with pytest.raises(Exception, match="tidak ada pada inovasi ini"):
        innovation_evidence.remove_item(ws, innovation.id, "tidak-ada")


def test_the_window_gets_pending_files_cheaply_and_a_worker_checks_them(ws, innovation, files, monkeypatch):
    from dataclasses import replace

    from inovasi_desktop.services import organisation

    good = _add(ws, innovation, 1, files.text_pdf("a.pdf", ("satu",)))
    changed = _add(ws, innovation, 2, files.text_pdf("b.pdf", ("dua",)))
    organisation.save(ws, replace(organisation.get(ws), pemda="Kabupaten Jombang"))  # kept results: another pemda
    _tamper(ws, changed.sha256)
    saved = innovations.get(ws, innovation.id)
    hashes = evidence_status.stored_hashes_of(saved.all_evidence())
    checked = []
    real_check = evidence_status.check_file
    monkeypatch.setattr(evidence_status, "check_file", lambda *a, **k: checked.append(a) or real_check(*a, **k))

    status = evidence_status.file_status(ws, hashes, "Kabupaten Jombang", examine=False)
    assert {s.state for s in status.values()} == {evidence_status.PENDING}
    assert innovations.context_for(ws, saved, examine=False).invalid_evidence == frozenset()  # counted meanwhile
    reports = evidence_items.item_reports(ws, saved, evidence.target_for(ws.catalogues.get(saved.catalogue_id), 1),
                                          examine=False)
    assert reports[good.id].checking and not reports[good.id].lines
    assert checked == []  # nothing was hashed or checked for these answers

    reported = []
    assert evidence_status.check_pending(ws, hashes, "Kabupaten Jombang",
                                         progress=lambda *p: reported.append(p)) == 2
    assert reported[-1][:2] == (2, 2)
    assert len(checked) == 1  # the changed file is found out by its hash, not checked
    after = evidence_status.file_status(ws, hashes, "Kabupaten Jombang", examine=False)
    assert after[good.sha256].state == evidence_status.OK and after[changed.sha256].state == evidence_status.CHANGED
    assert innovations.context_for(ws, saved, examine=False).invalid_evidence == {changed.id}
    assert evidence_status.check_pending(ws, hashes, "Kabupaten Jombang") == 0  # kept: nothing left to do


def test_a_cancelled_check_keeps_what_it_found(ws, innovation, files):
    from dataclasses import replace

    from inovasi_desktop.services import organisation

    for number in (1, 2, 3):
        _add(ws, innovation, number, files.text_pdf(f"{number}.pdf", (f"isi {number}",)))
    organisation.save(ws, replace(organisation.get(ws), pemda="Kabupaten Jombang"))
    hashes = evidence_status.stored_hashes_of(innovations.get(ws, innovation.id).all_evidence())
    asked = []
    assert evidence_status.check_pending(ws, hashes, "Kabupaten Jombang",
                                         cancelled=lambda: asked.append(1) or len(asked) > 1) == 1
    states = evidence_status.file_status(ws, hashes, "Kabupaten Jombang", examine=False)
    assert sorted(s.state for s in states.values()) == [evidence_status.OK, evidence_status.PENDING,
                                                        evidence_status.PENDING]
