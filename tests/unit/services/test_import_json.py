"""Importing a JSON document brings the evidence files it names beside itself: one path for the window's
*Muat contoh* and `import-json`, checked and stored through the evidence service, all or nothing."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from evidence_files import store_contents, stored_rows

from inovasi_desktop.domain import InterchangeError, Organisation
from inovasi_desktop.services import innovations, organisation


@pytest.fixture
def copy(tmp_path):
    """The shipped example and its bukti/ folder, copied so a test can spoil them."""
    folder = tmp_path / "contoh"
    shutil.copytree(innovations.paths.examples_dir(), folder)
    return folder


def document(folder):
    return json.loads((folder / innovations.EXAMPLE_FILE).read_text(encoding="utf-8"))


def write(folder, doc, name=innovations.EXAMPLE_FILE):
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def nothing_written(ws) -> bool:
    return innovations.list_rows(ws) == [] and store_contents(ws) == [] and stored_rows(ws) == set()


def test_the_example_imported_from_its_file_is_the_example_the_window_loads(ws, copy, tmp_path):
    imported = innovations.import_json_file(ws, copy / innovations.EXAMPLE_FILE)
    files = [i for i in imported.all_evidence() if not i.link]
    assert len(files) == 25 and all(i.sha256 and ws.evidence_store.verify(i.sha256) for i in files)
    assert {i.file_name for i in files} == {p.name for p in (copy / "bukti").iterdir()}
    [row] = innovations.list_rows(ws)
    assert (row.name, row.evidenced, row.total, row.errors) == (imported.name, 20, 20, 0)
    assert imported.name.startswith("(Contoh) ")

    other = ws.__class__(home=tmp_path / "lain")
    organisation.save(other, organisation.get(ws))
    try:
        loaded = innovations.import_example(other)
        [same] = innovations.list_rows(other)
        assert {**same.as_dict(), "updated_at": None} == {**row.as_dict(), "updated_at": None}
        assert innovations.score(other, loaded.id)[1] == innovations.score(ws, imported.id)[1]
        assert innovations.check(other, loaded.id)[1] == innovations.check(ws, imported.id)[1]
    finally:
        other.close()


def test_a_missing_file_refuses_the_whole_import_and_names_it(ws, copy):
    (copy / "bukti" / "DPA-Dinkes-2025.pdf").unlink()
    with pytest.raises(InterchangeError) as caught:
        innovations.import_json_file(ws, copy / innovations.EXAMPLE_FILE)
    message = str(caught.value)
    assert "bukti/DPA-Dinkes-2025.pdf (indikator 3): berkas tidak ditemukan" in message
    assert "tidak ada yang disimpan" in message
    assert nothing_written(ws)


def test_a_refused_file_refuses_the_good_ones_too(ws, copy, files):
    shutil.copy(files.executable_named_pdf(), copy / "bukti" / "SK-Tim-Pengelola-2026.pdf")
    with pytest.raises(InterchangeError) as caught:
        innovations.import_json_file(ws, copy / innovations.EXAMPLE_FILE)
    assert "bukti/SK-Tim-Pengelola-2026.pdf (indikator 2): " in str(caught.value)
    assert nothing_written(ws)  # the 24 good files were checked but not stored


def test_a_file_of_a_kind_the_indicator_does_not_take_is_refused(ws, copy):
    doc = document(copy)
    doc["answers"][0]["evidence"][0]["file"] = {"path": "bukti/Kliping-Berita-Peluncuran.jpg"}  # indicator 1: PDF
    with pytest.raises(InterchangeError) as caught:
        innovations.import_json_file(ws, write(copy, doc))
    assert "bukti/Kliping-Berita-Peluncuran.jpg (indikator 1): " in str(caught.value)
    assert nothing_written(ws)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_path_leading_out_of_the_folder_is_refused(ws, copy, tmp_path, files):
    outside = files.text_pdf("rahasia.pdf")
    (copy / "bukti" / "tautan.pdf").symlink_to(outside)
    doc = document(copy)
    doc["answers"][0]["evidence"][0]["file"] = {"path": "bukti/tautan.pdf"}
    with pytest.raises(InterchangeError) as caught:
        innovations.import_json_file(ws, write(copy, doc))
    assert "bukti/tautan.pdf (indikator 1): berada di luar folder" in str(caught.value)
    doc["answers"][0]["evidence"][0]["file"] = {"path": "../sumber/rahasia.pdf"}
    with pytest.raises(InterchangeError, match=r"file\.path: harus path berkas yang relatif"):
        innovations.import_json_file(ws, write(copy, doc))
    assert nothing_written(ws)


def test_files_beside_need_the_document_file_not_only_its_text(ws):
    text = innovations.example_path().read_text(encoding="utf-8")
    with pytest.raises(InterchangeError, match="Impor dari berkas JSON-nya"):
        innovations.import_json_text(ws, text)
    assert nothing_written(ws)


def test_loading_the_example_again_makes_no_second_copy(ws):
    first = innovations.import_example(ws)
    before = store_contents(ws)
    with pytest.raises(innovations.AlreadyImported) as caught:
        innovations.import_example(ws)
    assert str(caught.value) == "Contoh sudah dimuat sebelumnya."
    assert (caught.value.innovation_id, caught.value.in_bin) == (first.id, False)
    innovations.delete(ws, [first.id])
    with pytest.raises(innovations.AlreadyImported, match="Tempat sampah") as caught:
        innovations.import_example(ws)
    assert caught.value.in_bin
    assert [r.id for r in innovations.list_rows(ws, deleted=True)] == [first.id] and store_contents(ws) == before


def test_the_pemda_of_the_organisation_is_taken_as_the_editor_shows_it(ws, copy):
    org = organisation.get(ws)
    organisation.save(ws, Organisation(**{**org.__dict__, "pemda": "Kabupaten Sleman", "provinsi": "DI Yogyakarta"}))
    imported = innovations.import_json_file(ws, copy / innovations.EXAMPLE_FILE)
    assert imported.profile["nama_pemda"] == "Kabupaten Sleman"
    assert document(copy)["profile"]["nama_pemda"] == "Kabupaten Mojokerto"
