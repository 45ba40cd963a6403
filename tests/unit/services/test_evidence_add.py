"""Adding evidence through the services: checked first, stored once, all or nothing, every bad input refused
in Indonesian with nothing half-stored, and the workspace still working afterwards."""

from __future__ import annotations

import errno
import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from evidence_files import MB, store_contents, stored_rows
from platform_skips import needs_permission_bits, needs_unlink_while_open

from inovasi_desktop.domain import Cancelled, InovasiError, Severity
from inovasi_desktop.evidence.errors import StoreError
from inovasi_desktop.export import interchange
from inovasi_desktop.services import evidence, innovation_evidence, innovations

META = evidence.Metadata("188/037/416-109/2025", date(2025, 1, 13), "Keputusan Kepala Dinas tentang Tim Pengelola")


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_add_stores_the_file_and_attaches_an_item_with_its_metadata(ws, innovation, files):
    pdf = files.text_pdf("SK Tim.pdf", ("Keputusan Kepala Dinas Kesehatan Kabupaten Mojokerto",))
    result = innovation_evidence.add_files(ws, innovation.id, 2, [pdf], META)
    [item] = result.outcome.items
    assert (item.sha256, item.file_name, item.size, item.media_type) == (sha(pdf), "SK Tim.pdf", pdf.stat().st_size,
                                                                       "application/pdf")
    assert (item.nomor, item.tanggal, item.tentang) == (META.nomor, META.tanggal, META.tentang)
    assert ws.evidence_store.path_for(item.sha256).read_bytes() == pdf.read_bytes()
    assert stored_rows(ws) == {item.sha256}
    saved = innovations.get(ws, innovation.id)
    assert [e.id for e in saved.answers[2].evidence] == [item.id]
    pdf.unlink()  # the original may disappear (USB stick removed): the stored copy stays
    assert innovations.check(ws, innovation.id)[0].answers[2].evidence[0].sha256 == item.sha256
    assert item.id not in innovations.context_for(ws, saved).invalid_evidence


def test_profile_attachment_is_a_target_too(ws, innovation, files):
    result = innovation_evidence.add_files(ws, innovation.id, "anggaran", [files.text_pdf("DPA.pdf")])
    assert [i.file_name for i in innovations.get(ws, innovation.id).attachments["anggaran"]] == ["DPA.pdf"]
    assert result.target.label.startswith("lampiran Anggaran")


@pytest.mark.parametrize("spec, words", [(21, "Indikator 21 tidak ada"), ("rancang_bangun", "bukan nomor indikator"),
                                         ("tidak_ada", "lampiran yang ada: anggaran")])
def test_unknown_target_is_refused_in_indonesian(ws, innovation, files, spec, words):
    with pytest.raises(InovasiError, match=words):
        innovation_evidence.add_files(ws, innovation.id, spec, [files.text_pdf()])
    assert store_contents(ws) == []


def test_same_file_twice_is_stored_once_and_reuse_is_pointed_out(ws, innovation, files):
    pdf = files.text_pdf("SK.pdf")
    first = innovation_evidence.add_files(ws, innovation.id, 8, [pdf])
    copy = files.write("salinan SK.pdf", pdf.read_bytes())
    again = innovation_evidence.add_files(ws, innovation.id, 9, [copy])
    assert again.outcome.items[0].sha256 == first.outcome.items[0].sha256
    assert len(store_contents(ws)) == 1
    assert any("sudah dipakai di indikator 8" in note for note in again.notes)
    other = innovations.create(ws)
    innovations.save(ws, innovations.get(ws, other.id))
    elsewhere = innovation_evidence.add_files(ws, other.id, 8, [pdf])
    assert elsewhere.outcome.items and any("sudah dipakai di inovasi" in note for note in elsewhere.notes)


def test_same_file_twice_in_one_list_is_added_once(ws, innovation, files):
    pdf = files.text_pdf()
    innovation_evidence.add_files(ws, innovation.id, 1, [pdf])
    again = innovation_evidence.add_files(ws, innovation.id, 1, [pdf])
    assert again.outcome.items == [] and "tidak ditambahkan lagi" in again.notes[0]
    assert len(innovations.get(ws, innovation.id).answers[1].evidence) == 1


BAD_INPUTS = [
    ("zero-byte", lambda f: f.write("kosong.pdf", b""), "Berkas kosong"),
    ("truncated PDF", lambda f: f.truncated_pdf(), "Berkas PDF rusak"),
    ("user password", lambda f: f.locked_pdf(), "dilindungi kata sandi"),
    ("renamed executable", lambda f: f.executable_named_pdf(), "program (executable) Windows"),
    ("100000x100000 PNG", lambda f: f.png_bomb(), "Gambar terlalu besar"),
    ("corrupt JPEG", lambda f: f.corrupt_jpeg(), "Gambar rusak atau tidak lengkap"),
    ("a folder", lambda f: f.folder, "sebuah folder"),
    ("gone", lambda f: f.folder / "sudah-tidak-ada.pdf", "tidak ditemukan"),
]


@pytest.mark.parametrize("make, words", [(m, w) for _, m, w in BAD_INPUTS], ids=[n for n, _, _ in BAD_INPUTS])
def test_bad_input_is_refused_with_a_reason_and_nothing_stored(ws, innovation, files, make, words):
    bad = make(files)
    result = innovation_evidence.add_files(ws, innovation.id, 4, [bad, files.text_pdf("baik.pdf")])
    [refused] = result.outcome.refused
    assert refused.path == bad and words in refused.result.problems[0].message
    assert refused.result.problems[0].severity is Severity.GALAT
    [kept] = result.outcome.items  # the good file beside it is still added: the app keeps working
    assert kept.file_name == "baik.pdf" and stored_rows(ws) == {kept.sha256} and len(store_contents(ws)) == 1


def test_damaged_cross_reference_table_is_stored_with_a_repair_warning(ws, innovation, files):
    result = innovation_evidence.add_files(ws, innovation.id, 1, [files.damaged_xref_pdf()])
    [item] = result.outcome.items
    problems = result.outcome.results[item.id].problems
    assert [p.severity for p in problems] == [Severity.PERINGATAN] and "diperbaiki otomatis" in problems[0].message


def test_300_mb_video_is_stored_with_a_size_warning_suggesting_a_link(ws, innovation, files):
    video = files.sparse_video(size=300 * MB)
    result = innovation_evidence.add_files(ws, innovation.id, 20, [video])
    [item] = result.outcome.items
    [problem] = result.outcome.results[item.id].problems
    assert problem.severity is Severity.PERINGATAN and "300 MB melebihi batas 2 MB" in problem.message
    assert "gunakan tautan" in problem.message and item.size == 300 * MB


def test_cancel_mid_copy_leaves_nothing_half_stored(ws, innovation, files):
    seen = []
    with pytest.raises(Cancelled, match="tidak ada berkas yang disimpan"):
        innovation_evidence.add_files(ws, innovation.id, 20, [files.text_pdf(), files.sparse_video(size=40 * MB)],
                           progress=lambda d, t, text: seen.append(d), cancelled=lambda: len(seen) > 3)
    assert seen and store_contents(ws) == [] and stored_rows(ws) == set()
    assert innovations.get(ws, innovation.id).answers.get(20) is None or not innovations.get(
        ws, innovation.id).answers[20].evidence


@needs_unlink_while_open
def test_file_vanishing_mid_copy_is_refused_and_the_batch_undone(ws, innovation, files):
    first, video = files.sparse_video("awal.mp4", size=3 * MB), files.sparse_video(size=8 * MB)

    def pull_the_stick(done, total, text):
        if "video.mp4" in text and done > 5 * MB:
            video.unlink(missing_ok=True)

    with pytest.raises(StoreError, match="berubah, dipindahkan, atau hilang"):
        innovation_evidence.add_files(ws, innovation.id, 20, [first, video], progress=pull_the_stick)
    assert store_contents(ws) == [] and stored_rows(ws) == set()  # the first file, stored already, is taken out
    assert innovation_evidence.add_files(ws, innovation.id, 20, [first]).outcome.items  # still working


def test_folder_removed_mid_copy_is_refused(ws, innovation, files, tmp_path):
    video = files.sparse_video(size=8 * MB)

    def unplug(done, total, text):
        if done > MB and files.folder.exists():
            files.folder.rename(tmp_path / "dicabut")

    with pytest.raises(StoreError):
        innovation_evidence.add_files(ws, innovation.id, 20, [video], progress=unplug)
    assert store_contents(ws) == [] and stored_rows(ws) == set()


@needs_permission_bits
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads unreadable folders")
def test_folder_turning_unreadable_mid_copy_is_refused(ws, innovation, files):
    video = files.sparse_video(size=8 * MB)
    try:
        with pytest.raises(StoreError):
            innovation_evidence.add_files(ws, innovation.id, 20, [video],
                               progress=lambda d, t, text: d > MB and os.chmod(files.folder, 0))
    finally:
        os.chmod(files.folder, 0o755)
    assert store_contents(ws) == []


def test_full_disk_in_the_data_folder_is_refused_with_nothing_stored(ws, innovation, files, monkeypatch):
    real_write, writes = os.write, []

    def write(fd, data):
        writes.append(len(data))
        if len(writes) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    pdf, video = files.text_pdf(), files.sparse_video(size=6 * MB)
    monkeypatch.setattr(os, "write", write)
    with pytest.raises(StoreError, match="ruang penyimpanan penuh"):
        innovation_evidence.add_files(ws, innovation.id, 20, [pdf, video])
    monkeypatch.undo()
    assert store_contents(ws) == [] and stored_rows(ws) == set()
    assert innovation_evidence.add_files(ws, innovation.id, 20, [video]).outcome.items


def test_failing_save_takes_the_stored_files_back_out(ws, innovation, files, monkeypatch):
    def refuse(*args, **kwargs):
        raise InovasiError("Basis data sedang dipakai program lain.")

    monkeypatch.setattr(innovations, "save", refuse)
    with pytest.raises(InovasiError, match="dipakai program lain"):
        innovation_evidence.add_files(ws, innovation.id, 1, [files.text_pdf()])
    assert store_contents(ws) == [] and stored_rows(ws) == set()


def _longest_name(word: str, suffix: str = ".pdf", limit: int = 255) -> str:
    """`word` repeated into the longest file name the file system takes (255 bytes in UTF-8)."""
    name = suffix
    while len((word + name).encode()) <= limit:
        name = word + name
    return name


@pytest.mark.parametrize("word", ["ꦧꦸꦏ꧀ꦠꦶꦢꦸꦏꦸꦁ", "وثيقة الدعم ", "📄🧾✅", "Surat Keputusan Kepala Dinas "])
def test_long_non_latin_names_are_kept_as_metadata(ws, innovation, files, word):
    name = _longest_name(word)
    pdf = files.write(name, files.text_pdf().read_bytes())
    [item] = innovation_evidence.add_files(ws, innovation.id, 1, [pdf]).outcome.items
    assert item.file_name == name
    saved = innovations.get(ws, innovation.id)
    assert saved.answers[1].evidence[0].file_name == name
    assert interchange.loads(interchange.dumps(saved)).answers[1].evidence[0].file_name == name


def test_odd_names_are_cleaned_for_keeping():
    assert evidence.display_name("surat\x07 lama\\baru.pdf") == "surat lama_baru.pdf"
    long = evidence.display_name("a" * 400 + ".pdf")
    assert len(long) == 255 and long.endswith(".pdf")


def test_images_over_the_cap_can_be_made_smaller_before_storing(ws, innovation, files):
    photo = files.photo(size=(2400, 1800))
    assert photo.stat().st_size > 2 * MB
    kept = innovation_evidence.add_files(ws, innovation.id, 4, [photo])
    assert "dapat diperkecil" in kept.outcome.results[kept.outcome.items[0].id].problems[0].message
    small = innovation_evidence.add_files(ws, innovation.id, 10, [photo], shrink=True)
    [item] = small.outcome.items
    assert item.size <= 2 * MB and item.file_name == "foto.jpg" and small.outcome.shrunk == ["foto.jpg"]
    assert small.outcome.results[item.id].problems == ()


def test_the_size_cap_is_a_setting(ws, innovation, files):
    assert evidence.max_bytes(ws) == 2 * MB
    evidence.set_max_bytes(ws, 100 * 1024)
    pdf = files.write("besar.pdf", files.text_pdf().read_bytes() + b"%" + b"x" * 150_000 + b"\n")
    [checked] = evidence.check_for(ws, [pdf], ("pdf",))
    assert "melebihi batas 100 KB" in checked.result.problems[0].message
    with pytest.raises(InovasiError, match="antara 100 KB dan 1 GB"):
        evidence.set_max_bytes(ws, 10)


def test_links_only_where_the_catalogue_accepts_them(ws, innovation):
    _, item = innovation_evidence.add_link(ws, innovation.id, 20, "youtu.be/Qm7pT2xK9sA",
                                           evidence.Metadata(tentang="Video"))
    assert item.link == "https://youtu.be/Qm7pT2xK9sA" and item.is_link
    assert innovations.get(ws, innovation.id).answers[20].evidence[0].link == item.link
    with pytest.raises(InovasiError, match="tidak dapat berupa tautan"):
        innovation_evidence.add_link(ws, innovation.id, 3, "https://example.go.id/dpa.pdf")
    with pytest.raises(InovasiError, match="Tautan tidak sah"):
        innovation_evidence.add_link(ws, innovation.id, 20, "bukan tautan")


def test_check_files_stores_nothing(ws, files):
    results = evidence.check_for(ws, [files.text_pdf(), files.executable_named_pdf()], ("pdf",))
    assert [r.ok for r in results] == [True, False] and store_contents(ws) == []


def test_shipped_example_comes_with_its_evidence_files(ws):
    example = innovations.import_example(ws)
    stored = [i for i in example.all_evidence() if i.sha256]
    assert len(stored) == len([i for i in example.all_evidence() if not i.link]) >= 20
    for item in stored:
        assert ws.evidence_store.verify(item.sha256) and item.media_type in ("application/pdf", "image/png",
                                                                                 "image/jpeg")
    _, readiness = innovations.check(ws, example.id)
    assert readiness.ready and readiness.evidenced == readiness.total
    assert not [f for f in readiness.findings if f.code.startswith("evidence.")]


def test_example_evidence_stays_small():
    folder = Path(__file__).resolve().parents[3] / "examples" / "bukti"
    assert sum(p.stat().st_size for p in folder.iterdir()) < 1024 * 1024
