"""The evidence commands as a user types them: JSON output, Indonesian messages and exit codes
(0 done, 1 problems found, 2 wrong usage, 3 could not be carried out)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from evidence_files import store_contents

from inovasi_desktop import cli
from inovasi_desktop.services import innovations
from inovasi_desktop.services.workspace import Workspace


@pytest.fixture
def innovation_id(inovasi_home):
    ws = Workspace()
    try:
        return innovations.create(ws, "iid-2026").id
    finally:
        ws.close()


def run(capsys, *args: str) -> tuple[int, object, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    data = json.loads(out) if "--json" in args and out.strip() else out
    return code, data, err


def test_evidence_check_reports_each_file_and_exits_1_on_a_galat(capsys, files):
    good, bad = files.text_pdf("surat.pdf"), files.executable_named_pdf()
    code, data, _ = run(capsys, "evidence-check", str(good), str(bad), "--json")
    assert code == cli.EXIT_FINDINGS
    assert [(Path(r["file"]).name, r["ok"], r["kind"]) for r in data] == [("surat.pdf", True, "pdf"),
                                                                          ("laporan.pdf", False, None)]
    assert data[1]["problems"][0]["severity"] == "galat" and "Program tidak boleh" in data[1]["problems"][0]["message"]
    ws = Workspace()
    assert store_contents(ws) == []  # checking stores nothing
    ws.close()


def test_evidence_check_of_good_files_exits_0_and_can_judge_for_an_indicator(capsys, files):
    code, text, _ = run(capsys, "evidence-check", str(files.text_pdf()))
    assert code == cli.EXIT_OK and "dapat dipakai (PDF · 1 halaman" in text
    video = files.sparse_video(size=1000)
    code, data, _ = run(capsys, "evidence-check", str(video), "--indikator", "4", "--json")
    assert code == cli.EXIT_FINDINGS and "yang diterima di sini hanya PDF, JPG, atau PNG" in data[0]["problems"][0][
        "message"]


def test_evidence_add_attaches_files_with_metadata(capsys, files, innovation_id):
    pdf = files.text_pdf("DPA 2024.pdf")
    code, data, _ = run(capsys, "evidence-add", innovation_id[:8], "3", str(pdf), "--nomor", "DPA/001/2024",
                        "--tanggal", "05-01-2024", "--tentang", "Dokumen Pelaksanaan Anggaran 2024", "--json")
    assert code == cli.EXIT_OK and data["refused"] == []
    [added] = data["added"]
    assert (added["file_name"], added["nomor"], added["tanggal"], added["media_type"]) == (
        "DPA 2024.pdf", "DPA/001/2024", "2024-01-05", "application/pdf")
    ws = Workspace()
    item = innovations.get(ws, innovation_id).answers[3].evidence[0]
    assert item.id == added["id"] and ws.evidence_store.verify(item.sha256)
    ws.close()


def test_evidence_add_refusing_a_file_exits_1_and_keeps_the_rest(capsys, files, innovation_id):
    code, data, _ = run(capsys, "evidence-add", innovation_id, "anggaran", str(files.text_pdf()),
                        str(files.write("kosong.pdf", b"")), "--json")
    assert code == cli.EXIT_FINDINGS
    assert len(data["added"]) == 1 and "Berkas kosong" in data["refused"][0]["problems"][0]["message"]


def test_evidence_add_link_form(capsys, innovation_id):
    code, data, _ = run(capsys, "evidence-add", innovation_id, "20", "--link", "https://youtu.be/Qm7pT2xK9sA",
                        "--tentang", "Video inovasi", "--json")
    assert code == cli.EXIT_OK and data["added"][0]["link"] == "https://youtu.be/Qm7pT2xK9sA"
    code, data, err = run(capsys, "evidence-add", innovation_id, "3", "--link", "https://example.go.id", "--json")
    assert code == cli.EXIT_ERROR and "tidak dapat berupa tautan" in data["error"] and err.startswith("Galat:")


@pytest.mark.parametrize("args, words", [
    (["evidence-add", "{id}", "3"], "BERKAS... atau --link URL"),
    (["evidence-add", "{id}", "3", "x.pdf", "--link", "https://a.id"], "salah satu saja"),
    (["evidence-add", "{id}", "3", "x.pdf", "--tanggal", "31-02-2024"], "tanggal tidak sah"),
    (["evidence-limit", "dua"], "bukan angka"),
])
def test_wrong_usage_exits_2_with_an_indonesian_message(capsys, innovation_id, args, words):
    code, _, err = run(capsys, *[a.format(id=innovation_id) for a in args])
    assert code == cli.EXIT_USAGE and words in err


@pytest.mark.parametrize("args, words", [
    (["evidence-add", "ffffffff", "3", "{file}"], "Tidak ada inovasi dengan id"),
    (["evidence-add", "{id}", "99", "{file}"], "Indikator 99 tidak ada"),
    (["evidence-check", "{file}", "--indikator", "bukan_lampiran"], "bukan nomor indikator"),
])
def test_requests_that_cannot_be_carried_out_exit_3(capsys, files, innovation_id, args, words):
    pdf = str(files.text_pdf())
    code, data, _ = run(capsys, *[a.format(id=innovation_id, file=pdf) for a in args], "--json")
    assert code == cli.EXIT_ERROR and words in data["error"]


def test_verify_store_finds_changed_files_and_cleans_unused_ones(capsys, files, innovation_id):
    run(capsys, "evidence-add", innovation_id, "1", str(files.text_pdf("a.pdf", ("a",))))
    run(capsys, "evidence-add", innovation_id, "2", str(files.text_pdf("b.pdf", ("b",))))
    code, data, _ = run(capsys, "verify-store", "--json")
    assert code == cli.EXIT_OK and data["ok"] and data["checked"] == 2
    ws = Workspace()
    saved = innovations.get(ws, innovation_id)
    changed = ws.evidence_store.path_for(saved.answers[2].evidence[0].sha256)
    os.chmod(changed, 0o644)
    changed.write_bytes(b"bukan lagi PDF yang sama")
    unused = ws.evidence_store.add(files.text_pdf("lama.pdf", ("lama",)))
    week_ago = time.time() - 7 * 24 * 3600
    os.utime(unused.path, (week_ago, week_ago))
    ws.close()
    code, data, _ = run(capsys, "verify-store", "--bersihkan", "--json")
    assert code == cli.EXIT_FINDINGS
    [problem] = data["problems"]
    assert problem["state"] == "changed" and problem["uses"][0]["place"] == "indikator 2"
    assert data["removed"] == [unused.sha256]
    code, text, _ = run(capsys, "verify-store")
    assert code == cli.EXIT_FINDINGS and "[BERUBAH]" in text and "b.pdf" in text


def test_evidence_limit_shows_and_sets_the_cap(capsys):
    assert run(capsys, "evidence-limit", "--json")[1] == {"max_bytes": 2 * 1024 * 1024}
    code, text, _ = run(capsys, "evidence-limit", "1,5")
    assert code == cli.EXIT_OK and "1,5 MB" in text
    code, data, _ = run(capsys, "evidence-limit", "5000", "--json")
    assert code == cli.EXIT_ERROR and "antara 100 KB dan 1 GB" in data["error"]


def test_import_of_references_without_files_is_flagged_by_check(capsys, tmp_path):
    example = json.loads((innovations.paths.examples_dir() / innovations.EXAMPLE_FILE).read_text(encoding="utf-8"))
    example["answers"][0]["evidence"][0]["file"] = {"sha256": "ab" * 32, "name": "perbup.pdf", "size": 100,
                                                    "media_type": "application/pdf"}
    shutil.copytree(innovations.paths.examples_dir() / "bukti", tmp_path / "bukti")  # the other items' files
    source = tmp_path / "impor.json"
    source.write_text(json.dumps(example), encoding="utf-8")
    code, data, _ = run(capsys, "import-json", str(source), "--json")
    assert code == cli.EXIT_OK
    code, report, _ = run(capsys, "check", data["id"], "--json")
    flagged = [f for f in report["findings"] if f["code"] == "evidence.lost" and f["severity"] == "galat"]
    assert code == cli.EXIT_FINDINGS and [f["where"] for f in flagged] == ["indikator:1"]


def test_evidence_add_takes_options_and_files_in_any_order(capsys, files, innovation_id):
    first, second = files.text_pdf("satu.pdf", ("Satu",)), files.text_pdf("dua.pdf", ("Dua",))
    code, data, err = run(capsys, "evidence-add", innovation_id[:8], "12", "--perkecil", str(first),
                          "--nomor", "12/2025", str(second), "--json")
    assert code == cli.EXIT_OK, err
    assert [i["file_name"] for i in data["added"]] == ["satu.pdf", "dua.pdf"]
    assert {i["nomor"] for i in data["added"]} == {"12/2025"}
    code, _, err = run(capsys, "evidence-add", innovation_id[:8], "12", "--perkecil", "--tidak-ada", str(first))
    assert code == cli.EXIT_USAGE and "argumen tidak dikenal: --tidak-ada" in err


def test_rotated_photo_has_one_upright_size_in_check_and_add(capsys, files, innovation_id):
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6  # a 12 MP phone photo taken upright: stored 4000x3000, shown 3000x4000
    photo = files.write("foto.jpg", files.jpeg_bytes((4000, 3000), exif=exif))
    _, checked, _ = run(capsys, "evidence-check", str(photo), "--json")
    _, added, _ = run(capsys, "evidence-add", innovation_id[:8], "12", str(photo), "--json")
    assert checked[0]["dimensions"] == added["added"][0]["dimensions"] == [3000, 4000]
    _, text, _ = run(capsys, "evidence-check", str(photo))
    assert "3000×4000 piksel" in text
    _, shrunk, _ = run(capsys, "evidence-add", innovation_id[:8], "4", "--perkecil", str(photo), "--json")
    width, height = shrunk["added"][0]["dimensions"]
    assert width < height  # made smaller and upright: still portrait


def test_evidence_add_fills_fields_from_the_document_unless_given(capsys, files, innovation_id):
    from evidence_files import SK_TEXT

    sk = files.document_pdf("sk tim.pdf", SK_TEXT)
    code, text, _ = run(capsys, "evidence-add", innovation_id[:8], "1", str(sk))
    assert code == cli.EXIT_OK
    assert "Nomor (dibaca dari dokumen): 188/037/416-109/2025" in text
    assert "Tanggal (dibaca dari dokumen): 13 Januari 2025" in text
    assert "Tentang (dibaca dari dokumen): Pembentukan Tim Pengelola Inovasi SI-PANTAU Balita Tahun 2025" in text
    assert "Jenis dokumen (dibaca dari dokumen): Keputusan Kepala Perangkat Daerah" in text
    ws = Workspace()
    item = innovations.get(ws, innovation_id).answers[1].evidence[0]
    assert (item.nomor, item.tanggal.isoformat()) == ("188/037/416-109/2025", "2025-01-13")
    ws.close()

    # A nomor given on the command line is kept; the document's other fields still fill the rest.
    again = files.document_pdf("sk lagi.pdf", SK_TEXT + "\nSalinan")
    code, data, _ = run(capsys, "evidence-add", innovation_id[:8], "1", str(again), "--nomor", "188/45", "--json")
    [added] = data["added"]
    assert added["nomor"] == "188/45" and added["tanggal"] == "2025-01-13"
    assert added["read_from_document"] == ["tanggal", "tentang"]
    code, text, _ = run(capsys, "evidence-add", innovation_id[:8], "1", str(files.document_pdf("c.pdf", SK_TEXT
                                                                                             + "\nc")),
                        "--nomor", "188/45")
    assert ('[Peringatan] Nomor yang diisi "188/45" berbeda dengan nomor di dokumen "188/037/416-109/2025".'
            in text)


def test_evidence_add_says_a_scan_was_not_read(capsys, files, innovation_id):
    code, text, _ = run(capsys, "evidence-add", innovation_id[:8], "1", str(files.scanned_pdf()))
    assert code == cli.EXIT_OK
    assert "hasil pindaian tanpa lapisan teks sehingga tidak dibaca" in text and "dibaca dari dokumen" not in text
