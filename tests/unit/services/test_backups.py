"""Backup files and restoring: a full round trip onto a fresh data folder gives byte-identical exports and
dossiers; a cancelled backup leaves nothing; every damaged, foreign or crafted backup file is refused in
Indonesian and changes nothing."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from inovasi_desktop.domain import Cancelled, InovasiError
from inovasi_desktop.export import backup_archive
from inovasi_desktop.services import backups, dossier, innovation_evidence, innovations, snapshots
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.storage.migrations import LATEST_VERSION
from tests.fixtures.platform_skips import remove_tree

NOW = datetime(2026, 12, 6, 9, 30, tzinfo=timezone(timedelta(hours=7)))
DAY = date(2026, 12, 1)


def noisy_scan(files) -> Path:
    """A one-page scan of a photo: a PDF that hardly compresses (stored in the backup, not deflated)."""
    import pikepdf

    size = (900, 700)
    image = files.photo("foto.jpg", size=size, quality=90).read_bytes()
    pdf = pikepdf.new()
    xobject = pikepdf.Stream(pdf, image)
    xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    xobject.Width, xobject.Height, xobject.BitsPerComponent = size[0], size[1], 8
    xobject.ColorSpace, xobject.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject))
    page.Contents = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    path = files.folder / "pindaian.pdf"
    pdf.save(path)
    return path


@pytest.fixture
def filled(ws, files):
    """The example (24 evidence files), a copy of it, one in the bin, and a scan added to the copy."""
    example = innovations.import_example(ws)
    copy = innovations.duplicate(ws, example.id)
    innovation_evidence.add_files(ws, copy.id, 3, [noisy_scan(files)])
    binned = innovations.create(ws)
    innovations.delete(ws, [binned.id])
    return ws


def outputs(ws: Workspace, folder: Path) -> dict[str, bytes]:
    """Every innovation's export-json and dossier, as bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for row in innovations.list_rows(ws):
        target = folder / f"{row.id}.json"
        innovations.export_json_file(ws, row.id, target)
        out[target.name] = target.read_bytes()
        pdf = folder / f"{row.id}.pdf"
        dossier.export_pdf(ws, row.id, pdf, generated_on=DAY)
        out[pdf.name] = pdf.read_bytes()
    return out


def data_state(home: Path) -> dict[str, str]:
    """Every file of the data folder (log aside) with its hash: 'changes nothing' means this is unchanged."""
    return {str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(home.rglob("*")) if p.is_file() and "log" not in p.parts
            and not p.name.endswith(("-wal", "-shm"))}


def test_back_up_wipe_restore_on_a_fresh_folder_gives_identical_exports_and_dossiers(filled, tmp_path):
    ws = filled
    before = outputs(ws, tmp_path / "voor")
    assert len(before) == 4  # two innovations outside the bin: JSON and PDF each
    usb = tmp_path / "usb"
    usb.mkdir()
    result = backups.write_backup(ws, usb / "cadangan.inovasi-cadangan", now=NOW)
    assert result.manifest.innovations == 2 and result.manifest.in_bin == 1
    assert len(result.manifest.files) == 25 and result.size == result.path.stat().st_size
    ws.close()
    remove_tree(ws.home)  # the data folder is gone (a new PC)

    fresh = Workspace()
    source = backups.open_source(fresh, result.path)
    assert source.manifest == result.manifest
    restored = backups.restore(fresh, source)
    assert restored.kept_as is None  # nothing was there to keep
    assert outputs(fresh, tmp_path / "na") == before
    assert len(innovations.list_rows(fresh, deleted=True)) == 1
    fresh.close()


def test_the_backup_file_is_deterministic_and_stores_compressed_files(filled, tmp_path):
    first = backups.write_backup(filled, tmp_path / "a.inovasi-cadangan", now=NOW)
    second = backups.write_backup(filled, tmp_path / "b.inovasi-cadangan", now=NOW)
    assert first.path.read_bytes() == second.path.read_bytes()
    with zipfile.ZipFile(first.path) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos[:2]] == ["manifest.json", "inovasi.sqlite3"]
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
    methods = {}
    for info in infos[2:]:
        data = filled.evidence_store.path_for(info.filename[-64:]).read_bytes()
        sample = data[max(0, len(data) // 2 - 8192):][:16384]
        methods[info.compress_type] = methods.get(info.compress_type, 0) + 1
        shrinks = len(zlib.compress(sample, 1)) < 0.9 * len(sample)
        assert info.compress_type == (zipfile.ZIP_DEFLATED if shrinks else zipfile.ZIP_STORED), info.filename
    assert methods[zipfile.ZIP_STORED] >= 1 and methods[zipfile.ZIP_DEFLATED] >= 1  # the scan stored, text deflated


def test_a_cancelled_backup_leaves_nothing_and_keeps_an_older_file(filled, tmp_path):
    target = tmp_path / "cadangan.inovasi-cadangan"
    target.write_bytes(b"the older backup")
    calls = []

    def cancel_after_a_while() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        backups.write_backup(filled, target, cancelled=cancel_after_a_while)
    assert target.read_bytes() == b"the older backup"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["cadangan.inovasi-cadangan"]
    assert not [p for p in (filled.home / "cadangan").iterdir() if p.name.startswith(".cadangkan-")]


def test_a_backup_inside_the_data_folder_is_refused(filled):
    for target in (filled.home / "c.inovasi-cadangan", filled.home / "bukti" / "c.inovasi-cadangan"):
        with pytest.raises(InovasiError, match="tidak boleh disimpan di dalam folder data"):
            backups.write_backup(filled, target)
        assert not target.exists()


def test_restore_keeps_the_current_data_as_a_snapshot_that_restores_back(filled, tmp_path):
    ws = filled
    backup = backups.write_backup(ws, tmp_path / "lama.inovasi-cadangan", now=NOW)
    later = innovations.create(ws)
    later.profile["nama_inovasi"] = "Ditambahkan setelah cadangan"
    innovations.save(ws, later)
    result = backups.restore(ws, backups.open_source(ws, backup.path))
    assert later.id not in {r.id for r in innovations.list_rows(ws)}
    kept = snapshots.find(ws, result.kept_as)
    assert kept is not None and kept.before_restore and kept.manifest.innovations == 3
    backups.restore(ws, backups.open_source(ws, kept.name))  # by name, as the CLI takes it
    assert later.id in {r.id for r in innovations.list_rows(ws)}
    assert ws.db.integrity_ok()


def test_dry_run_reads_everything_and_changes_nothing(filled, tmp_path):
    backup = backups.write_backup(filled, tmp_path / "c.inovasi-cadangan", now=NOW)
    state = data_state(filled.home)
    backups.verify(filled, backups.open_source(filled, backup.path))
    assert data_state(filled.home) == state


# -- hostile backup files ----------------------------------------------------------------------------

def rebuild(original: Path, target: Path, change) -> Path:
    """A copy of a backup whose members (name -> bytes) `change(members)` altered, written as a fresh ZIP."""
    with zipfile.ZipFile(original) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    change(members)
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def manifest_of(members: dict) -> dict:
    return json.loads(members["manifest.json"])


def set_manifest(members: dict, data: dict) -> None:
    members["manifest.json"] = json.dumps(data).encode()


def tamper_evidence(members):
    name = next(n for n in members if n.startswith("bukti/"))
    members[name] = members[name][:-1] + b"X"


def bigger_database_member(members):
    members["inovasi.sqlite3"] = members["inovasi.sqlite3"] + b"\0" * 4096


def newer_format(members):
    data = manifest_of(members)
    data["format_version"] = 99
    set_manifest(members, data)


def path_trick(members):
    members["../../evil.txt"] = b"owned"


def extra_member(members):
    members["bukti/readme.txt"] = b"hello"


def missing_member(members):
    del members[next(n for n in members if n.startswith("bukti/"))]


def garbage_database(members):
    garbage = b"SQLite format 3\0" + b"\x07" * 50_000
    data = manifest_of(members)
    data["database"].update(sha256=hashlib.sha256(garbage).hexdigest(), size=len(garbage))
    members["inovasi.sqlite3"] = garbage
    set_manifest(members, data)


def lying_size(members):
    """The manifest declares a tiny database: reading must stop one byte past it."""
    data = manifest_of(members)
    data["database"]["size"] = 10
    set_manifest(members, data)


def bad_manifest_types(members):
    data = manifest_of(members)
    data["innovations"] = "banyak"
    set_manifest(members, data)


def huge_number(members):
    members["manifest.json"] = re.sub(rb'"size": \d+', b'"size": ' + b"9" * 4000, members["manifest.json"], count=1)


CRAFTED = {
    "tampered evidence": (tamper_evidence, "rusak"),
    "database longer than declared": (bigger_database_member, "rusak"),
    "newer format": (newer_format, "versi Inovasi Desktop yang lebih baru"),
    "path trick": (path_trick, "rusak"),
    "extra member": (extra_member, "rusak"),
    "missing member": (missing_member, "rusak"),
    "garbage database": (garbage_database, "rusak"),
    "lying size": (lying_size, "rusak"),
    "wrong manifest types": (bad_manifest_types, "rusak"),
    "4000-digit size": (huge_number, "rusak"),
}


@pytest.fixture
def backup_and_state(filled, tmp_path):
    backup = backups.write_backup(filled, tmp_path / "asli.inovasi-cadangan", now=NOW)
    return backup.path, data_state(filled.home)


def assert_refused(ws: Workspace, path: Path, words: str, state: dict) -> None:
    with pytest.raises(InovasiError) as caught:
        backups.restore(ws, backups.open_source(ws, path))
    message = str(caught.value)
    assert words in message and "Traceback" not in message
    assert len(message) < 400  # no number or content repeated at length
    assert data_state(ws.home) == state  # nothing changed: no snapshot, no file, no work folder left
    assert not [p for p in ws.home.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_a_crafted_backup_is_refused_and_changes_nothing(filled, backup_and_state, tmp_path, case):
    original, state = backup_and_state
    change, words = CRAFTED[case]
    crafted = rebuild(original, tmp_path / "palsu.inovasi-cadangan", change)
    assert_refused(filled, crafted, words, state)


def test_a_newer_schema_inside_is_refused(filled, backup_and_state, tmp_path):
    import sqlite3

    original, state = backup_and_state

    def newer_schema(members):
        db = tmp_path / "newer.sqlite3"
        db.write_bytes(members["inovasi.sqlite3"])
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        conn.close()  # checkpoints the WAL into the file
        data = manifest_of(members)
        raw = db.read_bytes()
        data["database"].update(sha256=hashlib.sha256(raw).hexdigest(), size=len(raw))
        members["inovasi.sqlite3"] = raw
        set_manifest(members, data)

    crafted = rebuild(original, tmp_path / "baru.inovasi-cadangan", newer_schema)
    assert_refused(filled, crafted, "versi Inovasi Desktop yang lebih baru", state)


def foreign_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return path


FOREIGN = {
    "a JSON file": lambda p: (p.write_text('{"format": "inovasi-cadangan"}'), p)[1],
    "the example JSON": lambda p: (p.write_bytes(innovations.example_path().read_bytes()), p)[1],
    "random bytes": lambda p: (p.write_bytes(bytes(range(256)) * 100), p)[1],
    "an empty file": lambda p: (p.write_bytes(b""), p)[1],
    "a random ZIP": lambda p: foreign_zip(p, {"foto.jpg": b"\xff\xd8" + b"x" * 100, "catatan.txt": b"halo"}),
    "a bundle": lambda p: foreign_zip(p, {"manifest.json": b'{"format": "inovasi-bundel", "version": 1}',
                                          "berkas.pdf": b"%PDF-1.7"}),
    "a folder": lambda p: (p.mkdir(), p)[1],
}


@pytest.mark.parametrize("case", sorted(FOREIGN))
def test_a_foreign_file_is_refused_and_changes_nothing(filled, backup_and_state, tmp_path, case):
    _, state = backup_and_state
    path = FOREIGN[case](tmp_path / "lain.inovasi-cadangan")
    assert_refused(filled, path, "bukan berkas" if case == "a folder" else "bukan cadangan Inovasi Desktop", state)


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.999])
def test_a_truncated_backup_is_refused_and_changes_nothing(filled, backup_and_state, tmp_path, keep):
    original, state = backup_and_state
    data = original.read_bytes()
    cut = tmp_path / "terpotong.inovasi-cadangan"
    cut.write_bytes(data[:int(len(data) * keep)])
    assert_refused(filled, cut, "rusak atau tidak lengkap", state)


def test_a_decompression_bomb_is_read_only_as_far_as_the_manifest_says(filled, backup_and_state, tmp_path):
    original, state = backup_and_state

    def bomb(members):
        name = next(n for n in members if n.startswith("bukti/"))
        members[name] = b"\0" * (200 * 1024 * 1024)  # deflates to ~200 KB; the manifest says a few KB

    with zipfile.ZipFile(original) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    bomb(members)
    crafted = tmp_path / "bom.inovasi-cadangan"
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    assert crafted.stat().st_size < 5 * 1024 * 1024
    assert_refused(filled, crafted, "rusak", state)


def test_too_many_members_are_refused_before_reading_them(filled, backup_and_state, tmp_path, monkeypatch):
    original, state = backup_and_state
    monkeypatch.setattr(backup_archive, "MAX_MEMBERS", 5)
    assert_refused(filled, original, "bukan cadangan Inovasi Desktop", state)


def test_manifest_round_trips_and_rejects_duplicates():
    manifest = backup_archive.Manifest("2026-12-06T09:30:00+07:00", "1", 3, "Kab", "Dinas", 1, 0, "a" * 64, 5,
                                       {"b" * 64: 3})
    assert backup_archive.Manifest.parse(manifest.to_bytes()) == manifest
    data = json.loads(manifest.to_bytes())
    data["evidence"].append(dict(data["evidence"][0]))
    with pytest.raises(backup_archive.BackupError):
        backup_archive.Manifest.parse(json.dumps(data).encode())
    with pytest.raises(backup_archive.BackupError, match="bukan cadangan"):
        backup_archive.Manifest.parse(io.BytesIO(b"\xff\xfe").read())


def test_a_changed_store_file_stops_the_backup_with_a_message_and_no_file(filled, tmp_path):
    item = next(i for i in innovations.load_all(filled)[0].all_evidence() if i.sha256)
    stored = filled.evidence_store.path_for(item.sha256)
    stored.chmod(0o644)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, other content: bit rot
    stored.write_bytes(bytes(data))
    target = tmp_path / "c.inovasi-cadangan"
    with pytest.raises(InovasiError, match="verify-store"):
        backups.write_backup(filled, target)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def _bappeda_with_a_received_dossier(tmp_path) -> tuple[Workspace, str]:
    """This data folder (Bappeda) holding an innovation received from an OPD, with the dossier it sent."""
    from tests.fixtures.received import receive_from_an_opd

    ws = Workspace()
    return ws, receive_from_an_opd(ws, tmp_path)


def test_received_dossiers_are_backed_up_and_restored_on_a_new_pc(inovasi_home, tmp_path):
    from inovasi_desktop.services import bundles

    ws, iid = _bappeda_with_a_received_dossier(tmp_path)
    pdf = bundles.received_dossier(ws, iid).read_bytes()
    result = backups.write_backup(ws, tmp_path / "cadangan.inovasi-cadangan", now=NOW)
    assert result.manifest.received == {iid: (hashlib.sha256(pdf).hexdigest(), len(pdf))}
    ws.close()
    remove_tree(ws.home)  # a new PC

    fresh = Workspace()
    backups.restore(fresh, backups.open_source(fresh, result.path))
    assert bundles.received_dossier(fresh, iid).read_bytes() == pdf
    fresh.close()


def test_a_backup_without_received_dossiers_keeps_the_first_format(filled, tmp_path):
    result = backups.write_backup(filled, tmp_path / "cadangan.inovasi-cadangan", now=NOW)
    with zipfile.ZipFile(result.path) as archive:
        assert json.loads(archive.read("manifest.json"))["format_version"] == 1  # older versions still restore it


def test_a_tampered_received_dossier_is_refused(inovasi_home, tmp_path):
    ws, _iid = _bappeda_with_a_received_dossier(tmp_path)
    original = backups.write_backup(ws, tmp_path / "asli.inovasi-cadangan", now=NOW).path
    state = data_state(ws.home)

    def tamper_received(members):
        name = next(n for n in members if n.startswith("berkas-diterima/"))
        members[name] = members[name][:-1] + b"X"

    def stray_received(members):
        members["berkas-diterima/../../jahat.pdf"] = b"%PDF-1.7"

    for change in (tamper_received, stray_received):
        assert_refused(ws, rebuild(original, tmp_path / f"{change.__name__}.inovasi-cadangan", change), "rusak", state)
    ws.close()
