"""Hostile bundles: each is made here, refused with an Indonesian message, and nothing is written.

Every fixture starts from a real bundle (one innovation, one evidence PDF) and spoils one thing.
"""

from __future__ import annotations

import hashlib
import json
import struct
import tracemalloc
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from evidence_files import EvidenceFiles, store_contents, stored_rows

from inovasi_desktop.domain import Organisation
from inovasi_desktop.export.bundle.manifest import BundleError
from inovasi_desktop.export.bundle.reader import BundleReader
from inovasi_desktop.services import bundles, innovation_evidence, innovations, organisation
from inovasi_desktop.services.workspace import Workspace


@dataclass
class Entry:
    name: str
    data: bytes
    compress: bool = False
    mode: int = 0o100644


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[list[Entry], dict]:
    """The members and manifest of a real bundle."""
    folder = tmp_path_factory.mktemp("sender")
    ws = Workspace(home=folder / "data")
    try:
        organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", opd="Dinas Kesehatan", head_name="dr. A",
                                           head_nip="197203151998031007", default_catalogue="iid-2026"))
        innovation = innovations.create(ws, "iid-2026")
        innovation.profile["nama_inovasi"] = "Inovasi uji"
        innovations.save(ws, innovation)
        pdf = EvidenceFiles(folder).text_pdf("sk.pdf")
        innovation_evidence.add_files(ws, innovation.id, "1", [pdf])
        target = folder / "asli.inovasi"
        bundles.send(ws, [innovation.id], target)
    finally:
        ws.close()
    with zipfile.ZipFile(target) as zf:
        entries = [Entry(i.filename, zf.read(i), i.compress_type == zipfile.ZIP_DEFLATED)
                   for i in zf.infolist() if i.filename != "manifest.json"]
        manifest = json.loads(zf.read("manifest.json"))
    return entries, manifest


def build(path: Path, entries: list[Entry], manifest: dict, *, list_members: bool = True) -> Path:
    """Write a bundle; the manifest lists the entries as they are unless `list_members` is False."""
    manifest = json.loads(json.dumps(manifest))
    if list_members:
        manifest["members"] = [{"path": e.name, "size": len(e.data), "sha256": hashlib.sha256(e.data).hexdigest()}
                               for e in entries]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names: wanted here
        with zipfile.ZipFile(path, "w") as zf:
            for e in entries:
                info = zipfile.ZipInfo(e.name, (1980, 1, 1, 0, 0, 0))
                info.external_attr = e.mode << 16
                info.compress_type = zipfile.ZIP_DEFLATED if e.compress else zipfile.ZIP_STORED
                zf.writestr(info, e.data)
            zf.writestr("manifest.json", json.dumps(manifest))
    return path


def evidence(entries: list[Entry]) -> Entry:
    return next(e for e in entries if e.name.startswith("bukti/"))


def nothing_written(ws) -> bool:
    return innovations.list_rows(ws) == [] and store_contents(ws) == [] and stored_rows(ws) == set()


def refused(ws, path: Path, match: str) -> None:
    for attempt in (lambda: bundles.preview(ws, [path]), lambda: bundles.receive(ws, [path]),
                    lambda: bundles.verify([path])):
        with pytest.raises(BundleError, match=match) as caught:
            attempt()
        assert str(caught.value).startswith(f"Kiriman {path.name}")
    assert nothing_written(ws)


def renamed(entries: list[Entry], new_name: str) -> list[Entry]:
    first = evidence(entries)
    return [Entry(new_name, e.data, e.compress) if e is first else e for e in entries]


@pytest.mark.parametrize(("name", "match"), [
    ("../bukti/x", r"ke luar folder \(\.\.\)"),
    ("bukti/../../etc/passwd", r"ke luar folder \(\.\.\)"),
    ("/etc/passwd", "jalur mutlak"),
    ("C:/Windows/win.ini", "huruf drive"),
    ("bukti\\..\\x", "garis miring terbalik|ke luar folder"),  # zipfile on Windows writes \\ as /
    ("bukti/skrip.exe", "anggota tak dikenal"),
])
def test_member_paths_that_escape_or_are_unknown_are_refused(workspace, base, tmp_path, name, match):
    entries, manifest = base
    refused(workspace, build(tmp_path / "jahat.inovasi", renamed(entries, name), manifest), match)


def test_a_symlink_member_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    first = evidence(entries)
    spoiled = [Entry(e.name, b"/etc/passwd", mode=0o120777) if e is first else e for e in entries]
    refused(workspace, build(tmp_path / "tautan.inovasi", spoiled, manifest), "tautan simbolik")


def test_a_duplicate_member_name_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    first = evidence(entries)
    path = build(tmp_path / "ganda.inovasi", [*entries, Entry(first.name, b"lain")], manifest)
    refused(workspace, path, "lebih dari sekali")


def test_a_member_whose_size_differs_from_the_manifest_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    first = evidence(entries)
    path = build(tmp_path / "ukuran.inovasi", [Entry(e.name, e.data + b"x" if e is first else e.data, e.compress)
                                               for e in entries], manifest, list_members=False)
    refused(workspace, path, "berbeda dari daftar isi")


def test_a_member_whose_hash_differs_from_the_manifest_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    first = evidence(entries)
    spoiled = [Entry(e.name, bytes(len(e.data)) if e is first else e.data, e.compress) for e in entries]
    listed = json.loads(json.dumps(manifest))
    listed["members"] = [{"path": e.name, "size": len(e.data), "sha256": hashlib.sha256(e.data).hexdigest()}
                         for e in entries]  # the true hashes of the unspoiled members
    path = build(tmp_path / "sidik.inovasi", spoiled, listed, list_members=False)
    with pytest.raises(BundleError, match="tidak sama dengan daftar isi"):
        bundles.receive(workspace, [path])
    with pytest.raises(BundleError, match="tidak sama dengan daftar isi"):
        bundles.verify([path])
    assert nothing_written(workspace)


def test_a_missing_member_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    first = evidence(entries)
    kept = build(tmp_path / "x.inovasi", entries, manifest)
    with zipfile.ZipFile(kept) as zf:
        listed = json.loads(zf.read("manifest.json"))
    path = build(tmp_path / "hilang.inovasi", [e for e in entries if e is not first], listed, list_members=False)
    refused(workspace, path, "tercantum di daftar isi tidak ada")


@pytest.mark.parametrize(("change", "match"), [
    ({"format": "zip-lain/apa-saja"}, "bukan kiriman Inovasi Desktop"),
    ({"version": 2}, "versi aplikasi yang lebih baru"),
    ({"version": "1"}, "Versi format kiriman tidak dikenal"),
    ({"sender": None}, "sender harus objek"),
])
def test_an_unknown_format_or_a_newer_version_is_refused(workspace, base, tmp_path, change, match):
    entries, manifest = base
    refused(workspace, build(tmp_path / "format.inovasi", entries, {**manifest, **change}), match)


def test_a_truncated_bundle_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    whole = build(tmp_path / "utuh.inovasi", entries, manifest).read_bytes()
    for cut in (len(whole) // 2, len(whole) - 10, 100):
        path = tmp_path / f"terpotong-{cut}.inovasi"
        path.write_bytes(whole[:cut])
        refused(workspace, path, "bukan ZIP yang utuh")


def test_an_empty_file_is_refused(workspace, tmp_path):
    path = tmp_path / "kosong.inovasi"
    path.write_bytes(b"")
    refused(workspace, path, "kosong")


def test_an_encrypted_bundle_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    data = bytearray(build(tmp_path / "x.inovasi", entries, manifest).read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" in every header
        at = data.find(signature)
        while at >= 0:
            (flags,) = struct.unpack_from("<H", data, at + flag_at)
            struct.pack_into("<H", data, at + flag_at, flags | 1)
            at = data.find(signature, at + 4)
    path = tmp_path / "sandi.inovasi"
    path.write_bytes(bytes(data))
    refused(workspace, path, "terenkripsi")


def test_a_member_name_that_is_not_utf8_is_refused(workspace, base, tmp_path):
    entries, manifest = base
    data = build(tmp_path / "x.inovasi", [*entries, Entry("bukti/cafX", b"isi")], manifest).read_bytes()
    path = tmp_path / "nama.inovasi"
    path.write_bytes(data.replace(b"bukti/cafX", b"bukti/caf\xe9"))  # Latin-1, without the UTF-8 flag
    refused(workspace, path, "bukan teks UTF-8")


def test_a_bundle_of_100000_members_is_refused_before_its_directory_is_read(workspace, tmp_path):
    path = tmp_path / "banyak.inovasi"
    with zipfile.ZipFile(path, "w") as zf:
        for n in range(100_000):
            zf.writestr(zipfile.ZipInfo(f"bukti/{n:064x}"), b"")
    tracemalloc.start()
    try:
        with pytest.raises(BundleError, match="100.000 anggota"):
            BundleReader(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024  # the end records only: the 10 MB directory was never parsed
    refused(workspace, path, "anggota")


def test_zip_bombs_are_refused(workspace, base, tmp_path):
    entries, manifest = base
    bomb = bytes(64 * 1024 * 1024)  # 64 MB of zeros deflate to ~64 KB: a ratio of ~1000
    name = evidence(entries).name
    # 1. Stated honestly in the manifest: the ratio is refused before a byte is unpacked.
    spoiled = [Entry(e.name, bomb, compress=True) if e.name == name else e for e in entries]
    refused(workspace, build(tmp_path / "bom.inovasi", spoiled, manifest), "bom zip")
    # 2. The manifest states a small size: the directory's size differs and is refused.
    listed = json.loads(json.dumps(manifest))
    listed["members"] = [{"path": e.name, "size": 1000 if e.name == name else len(e.data),
                          "sha256": hashlib.sha256(e.data).hexdigest()} for e in spoiled]
    refused(workspace, build(tmp_path / "bom2.inovasi", spoiled, listed, list_members=False), "berbeda dari daftar isi")
    # 3. The manifest itself is the bomb.
    data = build(tmp_path / "x.inovasi", entries, manifest).read_bytes()
    path = tmp_path / "bom3.inovasi"
    with zipfile.ZipFile(path, "w") as zf:
        with zipfile.ZipFile(tmp_path / "x.inovasi") as source:
            for info in source.infolist():
                if info.filename != "manifest.json":
                    zf.writestr(info, source.read(info))
        zf.writestr(zipfile.ZipInfo("manifest.json"), b"{" + b" " * (40 * 1024 * 1024) + b"}",
                    compress_type=zipfile.ZIP_DEFLATED)
    assert len(data) > 0
    refused(workspace, path, "terlalu besar")


def test_streaming_a_member_checks_every_byte_against_its_stated_size(workspace, base, tmp_path):
    """A directory that understates a deflated member's size is caught against the manifest's size."""
    entries, manifest = base
    name = evidence(entries).name
    data = bytearray(build(tmp_path / "x.inovasi", [Entry(e.name, e.data, e.name == name) for e in entries],
                          manifest).read_bytes())
    with zipfile.ZipFile(tmp_path / "x.inovasi") as zf:
        info = zf.getinfo(name)
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # the central record of `name`: state half its size there and in the manifest
        if data[at + 46:at + 46 + len(name)] == name.encode():
            struct.pack_into("<I", data, at + 24, info.file_size // 2)
        at = data.find(b"PK\x01\x02", at + 4)
    path = tmp_path / "kecil.inovasi"
    path.write_bytes(bytes(data))
    refused(workspace, path, "ditolak")


def test_an_oversized_innovation_document_is_refused_before_it_is_read(workspace, base, tmp_path):
    entries, manifest = base
    huge = Entry("inovasi/00000000-0000-4000-8000-000000000001.json", b" " * (17 * 1024 * 1024))
    refused(workspace, build(tmp_path / "besar.inovasi", [*entries, huge], manifest), "data inovasinya terlalu besar")
