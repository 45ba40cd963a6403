"""Hostile or clumsy input to import-json gets an Indonesian message and changes nothing; an id that sits in
the bin is never overwritten silently."""

from __future__ import annotations

import json
import os
import shutil
import uuid

import pytest
from evidence_files import store_contents

from inovasi_desktop.domain import InovasiError
from inovasi_desktop.services import evidence_items, innovations


@pytest.fixture
def folder(tmp_path):
    """The shipped example and its bukti/ folder, copied."""
    folder = tmp_path / "contoh"
    shutil.copytree(innovations.paths.examples_dir(), folder)
    return folder


def example(folder) -> dict:
    return json.loads((folder / innovations.EXAMPLE_FILE).read_text(encoding="utf-8"))


def write(folder, doc, name="uji.json"):
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def with_evidence(doc) -> list[dict]:
    return [item for answer in doc["answers"] for item in answer["evidence"]]


def refused(ws, path, match) -> str:
    before = (innovations.list_rows(ws, deleted=True), innovations.list_rows(ws), store_contents(ws))
    with pytest.raises(InovasiError, match=match) as caught:
        innovations.import_json_file(ws, path)
    assert (innovations.list_rows(ws, deleted=True), innovations.list_rows(ws), store_contents(ws)) == before
    return str(caught.value)


def test_a_duplicate_evidence_id_within_the_file_is_named(ws, folder):
    doc = example(folder)
    items = with_evidence(doc)
    items[1]["id"] = items[0]["id"]
    message = refused(ws, write(folder, doc), "id bukti ini sudah dipakai")
    assert "$.answers[0].evidence[1].id" in message or "evidence" in message


def test_evidence_ids_held_by_another_innovation_are_refused_and_a_copy_gets_new_ones(ws, folder):
    first = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE)
    doc = example(folder)
    doc["id"] = str(uuid.uuid4())
    path = write(folder, doc)
    refused(ws, path, "sudah dipakai inovasi lain")
    copy = innovations.import_json_file(ws, path, innovations.COPY)
    assert copy.id != doc["id"]  # a copy always gets new ids
    assert not {i.id for i in copy.all_evidence()} & {i.id for i in first.all_evidence()}
    assert len(innovations.list_rows(ws)) == 2


@pytest.mark.parametrize("link", ["http://[::1", "https://[zz]/", "http://contoh.go.id:99999/", "http://:80"])
def test_a_malformed_link_is_refused_in_a_file_and_on_the_command_line(ws, folder, link):
    doc = example(folder)
    with_evidence(doc)[0]["link"] = link
    refused(ws, write(folder, doc), "alamat tautan")
    with pytest.raises(InovasiError, match="Tautan tidak sah"):
        evidence_items.normalise_link(link)


@pytest.mark.parametrize("where", ["number", "size", "level"])
def test_integers_beyond_what_sqlite_holds_are_refused(ws, folder, where):
    doc = json.loads(json.dumps(example(folder)))
    huge = 2**63
    if where == "number":
        doc["answers"][0]["number"] = huge
    elif where == "level":
        doc["answers"][0]["level"] = -huge
    else:
        item = with_evidence(doc)[0]
        item["file"] = {"sha256": "0" * 64, "name": "a.pdf", "size": huge, "media_type": "application/pdf"}
    refused(ws, write(folder, doc), "Dokumen inovasi tidak sah")


def test_a_number_of_four_thousand_digits_is_quoted_short(ws, folder):
    doc = example(folder)
    doc["answers"][0]["number"] = 10**3999
    doc["answers"][1]["level"] = 10**3999
    doc["profile"]["nama_inovasi"] = 10**3999
    message = refused(ws, write(folder, doc), "tidak sah")
    assert len(message) < 400 and "9" * 100 not in message


def test_a_ten_megabyte_name_is_refused_and_not_repeated(ws, folder):
    doc = example(folder)
    doc["profile"]["nama_inovasi"] = "A" * 10_000_000
    message = refused(ws, write(folder, doc), "terlalu panjang")
    assert len(message) < 1000


def test_a_name_over_a_thousand_characters_does_not_fit_the_catalogue(ws, folder):
    doc = example(folder)
    doc["profile"]["nama_inovasi"] = "Inovasi " * 200
    refused(ws, write(folder, doc), "terlalu panjang")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_no_document(ws):
    refused(ws, innovations.Path("/dev/zero"), "bukan berkas biasa")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(ws, tmp_path):
    fifo = tmp_path / "pipa.json"
    os.mkfifo(fifo)
    refused(ws, fifo, "bukan berkas biasa")


def test_a_folder_is_no_document(ws, tmp_path):
    refused(ws, tmp_path, "tidak dapat dibaca|bukan berkas biasa")


def test_a_file_that_grows_past_the_cap_while_read_is_refused(ws, tmp_path, monkeypatch):
    from inovasi_desktop.export import interchange

    monkeypatch.setattr(interchange, "MAX_DOCUMENT_BYTES", 1000)
    big = tmp_path / "besar.json"
    big.write_bytes(b" " * 1001)
    refused(ws, big, "terlalu besar")


def test_an_id_in_the_bin_is_refused_then_restored_and_updated_with_ganti(ws, folder):
    first = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE)
    first.profile["nama_inovasi"] = "Diubah"
    innovations.save(ws, first)
    innovations.delete(ws, [first.id])
    message = refused(ws, folder / innovations.EXAMPLE_FILE, "Tempat sampah")
    assert "--ganti" in message
    replaced = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE, innovations.REPLACE)
    assert replaced.id == first.id
    [row] = innovations.list_rows(ws)
    assert row.id == first.id and row.name.startswith("(Contoh)")
    assert innovations.list_rows(ws, deleted=True) == []


def test_replacing_a_received_innovation_keeps_it_counted_for_its_sending_opd(ws, folder):
    """At Bappeda, `import-json --ganti` of an innovation an OPD sent must not move it to Bappeda's own row."""
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import organisation

    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", opd="Bappeda", head_name="Ir. Siti Aminah",
                                       head_nip="197203151998031007", role="koordinator"))
    received = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE)
    received.opd, received.origin = "Dinas Pendidikan", "Kiriman Dinas Pendidikan, 7 Desember 2026"
    innovations.save(ws, received)
    replaced = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE, innovations.REPLACE)
    stored = innovations.get(ws, replaced.id)
    assert (stored.opd, stored.origin) == ("Dinas Pendidikan", "Kiriman Dinas Pendidikan, 7 Desember 2026")
    assert stored.name.startswith("(Contoh)")


def test_import_json_ganti_and_salinan_on_the_command_line(ws, folder, capsys):
    from inovasi_desktop.cli import main

    path = str(folder / innovations.EXAMPLE_FILE)
    assert main(["import-json", path]) == 0
    first = innovations.list_rows(ws)[0].id
    innovations.delete(ws, [first])
    capsys.readouterr()
    assert main(["import-json", path]) == 3
    assert "Tempat sampah" in capsys.readouterr().err
    assert main(["import-json", path, "--ganti"]) == 0
    assert [r.id for r in innovations.list_rows(ws)] == [first]
    assert main(["import-json", path, "--salinan"]) == 0
    assert len(innovations.list_rows(ws)) == 2
    assert main(["import-json", path, "--ganti", "--salinan"]) == 2  # one or the other


def test_a_stored_file_name_from_a_document_is_made_safe(ws, folder):
    from inovasi_desktop.export import interchange

    first = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE)
    doc = json.loads(interchange.dumps(first))
    doc["id"] = str(uuid.uuid4())
    for i, item in enumerate(with_evidence(doc)):
        item["id"] = str(uuid.uuid4())
        if item["file"]:
            item["file"]["name"] = ["..", "con", "NUL:", "a\u202efdp.exe"][i % 4]  # control characters: refused
    imported = innovations.import_json_text(ws, json.dumps(doc), folder)
    names = {i.file_name for i in imported.all_evidence() if i.file_name}
    assert names == {"berkas", "_con", "NUL_", "afdp.exe"}


def test_ganti_replaces_an_innovation_another_process_imported_meanwhile(ws, folder, monkeypatch, tmp_path):
    """`import-json --ganti` while the window receives the same innovation from a bundle: the id is new when
    checked and taken when written. It is replaced, as asked (it used to say "impor dengan --ganti")."""
    import subprocess
    import sys

    from inovasi_desktop.services import evidence_beside

    other = json.loads((folder / innovations.EXAMPLE_FILE).read_text(encoding="utf-8"))
    other["profile"]["nama_inovasi"] = "Versi proses lain"
    (folder / "lain.json").write_text(json.dumps(other), encoding="utf-8")
    store = evidence_beside.store

    def store_then_the_other_process_imports(*args, **kwargs):
        stored = store(*args, **kwargs)
        env = {**os.environ, "INOVASI_HOME": str(ws.home)}
        done = subprocess.run([sys.executable, "-m", "inovasi_desktop", "import-json", str(folder / "lain.json")],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return stored

    monkeypatch.setattr(evidence_beside, "store", store_then_the_other_process_imports)
    replaced = innovations.import_json_file(ws, folder / innovations.EXAMPLE_FILE, innovations.REPLACE)
    [row] = innovations.list_rows(ws)
    assert row.id == replaced.id and row.name.startswith("(Contoh)")
