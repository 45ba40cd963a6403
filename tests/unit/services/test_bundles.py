"""Bundles: send on one data folder, receive on another; statuses and choices; email parts; all or nothing."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date

import pytest
from evidence_files import store_contents, stored_rows

from inovasi_desktop.domain import Cancelled, InovasiError, Organisation
from inovasi_desktop.export.bundle.manifest import BundleError
from inovasi_desktop.services import bundles, dossier, innovations, organisation
from inovasi_desktop.services.bundles import Choice, Status
from inovasi_desktop.services.workspace import Workspace

BAPPEDA = Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Bappeda", contact_name="Sari",
                       head_name="Ir. Hadi", head_nip="197001011995031001", head_position="Kepala Bappeda",
                       default_catalogue="iid-2026")


@pytest.fixture
def sent(ws):
    """The example innovation on the sending side."""
    return innovations.import_example(ws)


@pytest.fixture
def other(tmp_path):
    """A fresh data folder: the receiving side (Bappeda)."""
    receiver = Workspace(home=tmp_path / "bappeda")
    organisation.save(receiver, BAPPEDA)
    yield receiver
    receiver.close()


def export_json(ws, iid, path):
    innovations.export_json_file(ws, iid, path)
    return path.read_bytes()


def noisy_pdf(path, size=(600, 700)):
    """A one-page PDF holding an uncompressed noise picture (~1.2 MB): it cannot be made smaller."""
    import os

    import pikepdf

    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, os.urandom(size[0] * size[1] * 3))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = size[0], size[1], 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    pdf.save(path, compress_streams=False)
    return path


def nothing_written(ws) -> bool:
    return innovations.list_rows(ws) == [] and store_contents(ws) == [] and stored_rows(ws) == set()


def test_round_trip_gives_the_same_json_evidence_bytes_and_dossier(ws, sent, other, tmp_path):
    target = tmp_path / "kirim" / "a.inovasi"
    target.parent.mkdir()
    result = bundles.send(ws, [sent.id], target, with_pdf=True)
    assert [p.path for p in result.parts] == [target]

    plan = bundles.preview(other, [target])
    assert [(i.status, i.choice) for i in plan.items] == [(Status.NEW, Choice.TAKE_THEIRS)]
    assert nothing_written(other)  # a preview writes nothing
    received = bundles.receive(other, [target])
    assert received.taken == [sent.name] and received.files_stored == len({e.sha256 for e in sent.all_evidence()
                                                                          if e.sha256})

    assert export_json(ws, sent.id, tmp_path / "a.json") == export_json(other, sent.id, tmp_path / "b.json")
    for item in sent.all_evidence():
        if item.sha256:
            assert (other.evidence_store.path_for(item.sha256).read_bytes()
                    == ws.evidence_store.path_for(item.sha256).read_bytes())
    # The dossier that came in the bundle is the sender's, byte for byte: the same dossier id, too.
    day = bundles.dossier_date(sent)
    dossier.export_pdf(ws, sent.id, tmp_path / "ours.pdf", generated_on=day)
    theirs = bundles.received_dossier(other, sent.id)
    assert theirs is not None and theirs.read_bytes() == (tmp_path / "ours.pdf").read_bytes()
    # And the receiver, with the sender's organisation, makes the same dossier itself.
    organisation.save(other, organisation.get(ws))
    dossier.export_pdf(other, sent.id, tmp_path / "made-there.pdf", generated_on=day)
    assert (tmp_path / "made-there.pdf").read_bytes() == (tmp_path / "ours.pdf").read_bytes()

    [row] = innovations.list_rows(other)
    assert row.opd == "Dinas Kesehatan"  # the sender's OPD, not Bappeda's
    assert row.origin.startswith("Kiriman Dinas Kesehatan, Kabupaten Mojokerto, ")
    assert innovations.get(other, sent.id).opd == "Dinas Kesehatan"


def test_the_same_content_gives_the_same_bytes(ws, sent, tmp_path):
    first, second = tmp_path / "1.inovasi", tmp_path / "2.inovasi"
    bundles.send(ws, [sent.id], first)
    bundles.send(ws, [sent.id], second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        names = zf.namelist()
        assert names[0].startswith("inovasi/") and names[-1] == "manifest.json"
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_statuses_follow_who_changed_since_the_last_exchange(ws, sent, other, tmp_path):
    first = tmp_path / "1.inovasi"
    bundles.send(ws, [sent.id], first)
    bundles.receive(other, [first])
    assert [i.status for i in bundles.preview(other, [first]).items] == [Status.UNCHANGED]

    # Changed at the sender only: newer in the bundle, taken by default.
    changed = innovations.get(ws, sent.id)
    changed.profile["nama_inovasi"] = "SI-PANTAU BALITA versi 2"
    innovations.save(ws, changed)
    second = tmp_path / "2.inovasi"
    bundles.send(ws, [sent.id], second)
    [item] = bundles.preview(other, [second]).items
    assert (item.status, item.choice) == (Status.NEWER_THERE, Choice.TAKE_THEIRS)

    # Changed here only (the old bundle again): newer here, ours kept by default.
    here = innovations.get(other, sent.id)
    here.profile["nama_inovasi"] = "Diubah di Bappeda"
    innovations.save(other, here)
    [item] = bundles.preview(other, [first]).items
    assert (item.status, item.choice) == (Status.NEWER_HERE, Choice.KEEP_OURS)

    # Changed on both sides: a conflict; keeping both leaves ours and adds theirs as a copy.
    [item] = bundles.preview(other, [second]).items
    assert (item.status, item.choice) == (Status.CONFLICT, Choice.KEEP_BOTH)
    result = bundles.receive(other, [second])
    assert result.copies == ["SI-PANTAU BALITA versi 2"]
    names = sorted(r.name for r in innovations.list_rows(other))
    assert names == ["Diubah di Bappeda", "SI-PANTAU BALITA versi 2 (kiriman Dinas Kesehatan)"]


def test_taking_theirs_keeps_ours_as_a_backup_in_the_bin(ws, sent, other, tmp_path):
    first = tmp_path / "1.inovasi"
    bundles.send(ws, [sent.id], first)
    bundles.receive(other, [first])
    here = innovations.get(other, sent.id)
    here.profile["nama_inovasi"] = "Diubah di Bappeda"
    innovations.save(other, here)
    changed = innovations.get(ws, sent.id)
    changed.profile["nama_inovasi"] = "Versi pengirim"
    innovations.save(ws, changed)
    second = tmp_path / "2.inovasi"
    bundles.send(ws, [sent.id], second)

    result = bundles.receive(other, [second], {sent.id: Choice.TAKE_THEIRS})
    assert result.backups == ["Diubah di Bappeda"]
    assert innovations.get(other, sent.id).name == "Versi pengirim"
    [binned] = innovations.list_rows(other, deleted=True)
    assert binned.name.startswith("Diubah di Bappeda (cadangan sebelum kiriman ")
    assert export_json(ws, sent.id, tmp_path / "a.json") == export_json(other, sent.id, tmp_path / "b.json")
    # Keeping ours changes nothing.
    before = export_json(other, sent.id, tmp_path / "c.json")
    bundles.receive(other, [first], {sent.id: Choice.KEEP_OURS})
    assert export_json(other, sent.id, tmp_path / "d.json") == before


def test_email_parts_stay_under_the_limit_and_import_only_together(ws, sent, other, tmp_path, files):
    big = innovations.create(ws, "iid-2026")
    big.profile["nama_inovasi"] = "Inovasi dengan lampiran besar"
    innovations.save(ws, big)
    from inovasi_desktop.services import innovation_evidence

    added = innovation_evidence.add_files(ws, big.id, "1", [noisy_pdf(tmp_path / "laporan-besar.pdf")])
    assert added.outcome.items
    limit = 500_000
    result = bundles.send(ws, [sent.id, big.id], tmp_path / "surel.inovasi", part_bytes=limit)
    assert len(result.parts) >= 3 and all(p.size <= limit for p in result.parts)
    assert [p.path.name for p in result.parts][0] == f"surel-bagian-1-dari-{len(result.parts)}.inovasi"

    paths = [p.path for p in result.parts]
    plan = bundles.preview(other, paths[:-1])  # the last part is missing
    by_name = {i.entry.id: i for i in plan.items}
    assert by_name[big.id].status is Status.INCOMPLETE
    assert f"Bagian {len(paths)} dari {len(paths)} belum ada" in by_name[big.id].note
    bundles.receive(other, paths)
    assert export_json(ws, big.id, tmp_path / "a.json") == export_json(other, big.id, tmp_path / "b.json")
    [item] = innovations.get(other, big.id).answers[1].evidence
    assert hashlib.sha256(other.evidence_store.path_for(item.sha256).read_bytes()).hexdigest() == item.sha256


def test_a_cancelled_receive_leaves_nothing(ws, sent, other, tmp_path):
    target = tmp_path / "a.inovasi"
    bundles.send(ws, [sent.id], target)
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        bundles.receive(other, [target], cancelled=cancelled)
    assert nothing_written(other)


def test_a_cancelled_send_leaves_no_file(ws, sent, tmp_path):
    target = tmp_path / "kirim"
    target.mkdir()
    with pytest.raises(Cancelled):
        bundles.send(ws, [sent.id], target / "a.inovasi", cancelled=lambda: True)
    assert list(target.iterdir()) == []


def test_a_bundle_is_never_written_into_the_data_folder(ws, sent):
    with pytest.raises(Exception, match="di dalam folder data"):
        bundles.send(ws, [sent.id], ws.home / "inovasi.sqlite3")
    assert innovations.list_rows(ws)[0].id == sent.id


def test_a_damaged_evidence_member_refuses_the_whole_bundle(ws, sent, other, tmp_path):
    target = tmp_path / "a.inovasi"
    bundles.send(ws, [sent.id], target)
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as zf:
        info = max((i for i in zf.infolist() if i.filename.startswith("bukti/")), key=lambda i: i.file_size)
        at = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.file_size // 2
    data[at] ^= 0xFF
    target.write_bytes(bytes(data))
    bundles.preview(other, [target])  # the structure and the JSON are fine
    with pytest.raises(BundleError, match="ditolak"):
        bundles.receive(other, [target])
    assert nothing_written(other)


def test_dossier_date_is_the_day_of_the_last_change(sent):
    assert isinstance(bundles.dossier_date(sent), date)


def test_taking_theirs_over_ours_in_the_bin_keeps_ours_as_a_backup(ws, sent, other, tmp_path):
    first = tmp_path / "1.inovasi"
    bundles.send(ws, [sent.id], first)
    bundles.receive(other, [first])
    innovations.delete(other, [sent.id])
    [item] = bundles.preview(other, [first]).items
    assert (item.status, item.ours_in_bin) == (Status.NEWER_THERE, True)
    assert "Tempat sampah" in item.note
    result = bundles.receive(other, [first])
    assert result.backups == [sent.name] and innovations.get(other, sent.id).name == sent.name
    [backup] = innovations.list_rows(other, deleted=True)
    assert backup.name.startswith(f"{sent.name} (cadangan sebelum kiriman")


def test_a_stick_that_reads_back_wrong_keeps_no_file_and_records_no_exchange(ws, sent, tmp_path, monkeypatch):
    from inovasi_desktop.storage.repositories import InnovationRepository

    stick = tmp_path / "FLASHDISK"
    stick.mkdir()

    def unreadable(paths, progress=None, cancelled=None):
        raise BundleError("Kiriman ditolak: isi anggota tidak sama dengan daftar isi.")

    monkeypatch.setattr(bundles, "verify", unreadable)
    with pytest.raises(BundleError):
        bundles.send_and_read_back(ws, [sent.id], stick / "a.inovasi")
    assert list(stick.iterdir()) == []
    with ws.db.begin() as session:
        assert InnovationRepository(session).exchanged([sent.id]) == {sent.id: None}
    monkeypatch.undo()
    result = bundles.send_and_read_back(ws, [sent.id], stick / "a.inovasi")
    assert [p.path.name for p in result.parts] == ["a.inovasi"]
    with ws.db.begin() as session:
        assert InnovationRepository(session).exchanged([sent.id]) == {sent.id: bundles.json_hash(sent)}


def test_a_received_bundle_shows_as_the_senders_last_bundle_on_the_monitoring_page(ws, sent, other, tmp_path):
    from inovasi_desktop.services import monitoring

    target = tmp_path / "a.inovasi"
    bundles.send(ws, [sent.id], target)
    before = {row.name: row.last_bundle for row in monitoring.gather(other).opds}
    assert before.get("Dinas Kesehatan") is None
    bundles.receive(other, [target])
    after = {row.name: row for row in monitoring.gather(other).opds}
    assert after["Dinas Kesehatan"].last_bundle is not None and after["Dinas Kesehatan"].count == 1
    bundles.receive(other, [target])  # unchanged: nothing taken, no new snapshot
    again = {row.name: row.last_bundle for row in monitoring.gather(other).opds}
    assert again["Dinas Kesehatan"] == after["Dinas Kesehatan"].last_bundle


def test_a_newer_version_sent_without_its_pdf_drops_the_old_received_dossier(ws, sent, other, tmp_path):
    bundles.send(ws, [sent.id], tmp_path / "1.inovasi", with_pdf=True)
    bundles.receive(other, [tmp_path / "1.inovasi"])
    assert bundles.received_dossier(other, sent.id) is not None
    newer = innovations.get(ws, sent.id)
    newer.profile["hasil"] += " Diperbarui."
    innovations.save(ws, newer)
    bundles.send(ws, [sent.id], tmp_path / "2.inovasi")
    [item] = bundles.preview(other, [tmp_path / "2.inovasi"]).items
    assert item.status is Status.NEWER_THERE
    bundles.receive(other, [tmp_path / "2.inovasi"])
    assert bundles.received_dossier(other, sent.id) is None  # the old PDF no longer shows the innovation received


def test_keeping_ours_keeps_its_received_dossier(ws, sent, other, tmp_path):
    bundles.send(ws, [sent.id], tmp_path / "1.inovasi", with_pdf=True)
    bundles.receive(other, [tmp_path / "1.inovasi"])
    newer = innovations.get(ws, sent.id)
    newer.profile["hasil"] += " Diperbarui."
    innovations.save(ws, newer)
    bundles.send(ws, [sent.id], tmp_path / "2.inovasi")
    bundles.receive(other, [tmp_path / "2.inovasi"], {sent.id: Choice.KEEP_OURS})
    assert bundles.received_dossier(other, sent.id) is not None


def test_a_dossier_bigger_than_an_email_part_is_named_before_anything_is_written(ws, sent, tmp_path):
    target = tmp_path / "surel" / "a.inovasi"
    target.parent.mkdir()
    from inovasi_desktop.export.bundle.writer import BundleWriteError

    with pytest.raises(BundleWriteError, match="lebih besar dari batas ukuran per bagian; kirim tanpa"):
        bundles.send(ws, [sent.id], target, with_pdf=True, part_bytes=600_000)  # its dossier: ~0.8 MB
    assert list(target.parent.iterdir()) == []
    assert len(bundles.send(ws, [sent.id], target, part_bytes=600_000).parts) == 1  # without the PDF it fits


def test_two_versions_chosen_together_receive_the_newer_one(ws, sent, other, tmp_path, monkeypatch):
    from datetime import timedelta

    bundles.send(ws, [sent.id], tmp_path / "lama.inovasi")
    monkeypatch.setattr("inovasi_desktop.storage.repositories.utc_now", lambda: sent.updated_at + timedelta(minutes=5))
    newer = innovations.get(ws, sent.id)
    newer.profile["hasil"] += " Diperbarui."
    innovations.save(ws, newer)
    bundles.send(ws, [sent.id], tmp_path / "baru.inovasi")
    for order in (["lama.inovasi", "baru.inovasi"], ["baru.inovasi", "lama.inovasi"]):
        plan = bundles.preview(other, [tmp_path / name for name in order])
        [item] = plan.items
        assert item.innovation.profile["hasil"].endswith("Diperbarui.")
        assert plan.refused == [f'Inovasi "{sent.name}" dari lama.inovasi dilewati: baru.inovasi memuat versi yang '
                                "sama atau lebih baru."]
    bundles.receive(other, [tmp_path / "lama.inovasi", tmp_path / "baru.inovasi"])
    assert innovations.get(other, sent.id).profile["hasil"].endswith("Diperbarui.")


def test_a_dossier_that_cannot_be_stored_refuses_in_indonesian_and_changes_nothing(ws, sent, other, tmp_path):
    bundles.send(ws, [sent.id], tmp_path / "a.inovasi", with_pdf=True)
    (other.home / bundles.RECEIVED_DOSSIERS).write_text("bukan folder")  # the folder cannot be made
    with pytest.raises(InovasiError, match="tidak dapat disimpan di folder data: .*Tidak ada yang diubah"):
        bundles.receive(other, [tmp_path / "a.inovasi"])
    assert nothing_written(other)
