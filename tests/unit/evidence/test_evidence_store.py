import errno
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from platform_skips import needs_permission_bits, needs_unlink_while_open

from inovasi_desktop.domain import Cancelled, InovasiError, os_errors
from inovasi_desktop.evidence import store as store_module
from inovasi_desktop.evidence.errors import StoreError
from inovasi_desktop.evidence.store import CHUNK_SIZE, EvidenceStore

MB = 1024 * 1024


@pytest.fixture
def store(tmp_path: Path) -> EvidenceStore:
    return EvidenceStore(tmp_path / "bukti")


def _source(files, name="bukti.bin", size=3 * MB + 123) -> Path:
    return files.write(name, os.urandom(size))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _everything_in(store: EvidenceStore) -> list[str]:
    if not store.root.exists():
        return []
    return sorted(p.relative_to(store.root).as_posix() for p in store.root.rglob("*") if p.is_file())


def test_add_stores_a_read_only_copy_under_its_sha256(store, files):
    src = _source(files)
    stored = store.add(src)
    expected = _sha256(src)
    assert stored.sha256 == expected and stored.size == src.stat().st_size and not stored.already_present
    assert stored.path == store.root / expected[:2] / expected == store.path_for(expected)
    assert stored.path.read_bytes() == src.read_bytes()
    assert stat.S_IMODE(stored.path.stat().st_mode) & 0o222 == 0
    assert store.has(expected) and _everything_in(store) == [f"{expected[:2]}/{expected}"]


def test_same_content_twice_is_stored_once(store, files):
    first = store.add(_source(files, "a.pdf", 5000))
    again = store.add(files.write("salinan dengan nama lain.pdf", first.path.read_bytes()))
    assert again.already_present and again.path == first.path and again.sha256 == first.sha256
    assert len(_everything_in(store)) == 1


def test_adding_the_original_again_heals_a_damaged_stored_copy(store, files):
    src = _source(files, "a.pdf", 5000)
    first = store.add(src)
    os.chmod(first.path, stat.S_IWUSR | stat.S_IRUSR)
    first.path.write_bytes(b"rusak" + src.read_bytes()[5:])  # same size, other bytes
    os.chmod(first.path, stat.S_IRUSR)
    assert not store.verify(first.sha256)
    again = store.add(files.write("asli.pdf", src.read_bytes()))
    assert again.healed and again.already_present and again.path == first.path
    assert store.verify(first.sha256) and first.path.read_bytes() == src.read_bytes()
    assert stat.S_IMODE(first.path.stat().st_mode) & 0o222 == 0
    assert _everything_in(store) == [f"{first.sha256[:2]}/{first.sha256}"]  # no partial file left
    assert not store.add(src).healed  # an intact copy is left alone


def test_adding_the_original_again_restores_a_missing_stored_copy(store, files):
    src = _source(files, "a.pdf", 5000)
    first = store.add(src)
    store.discard(first.sha256)
    again = store.add(src)
    assert not again.already_present and store.verify(first.sha256)


def test_progress_reports_each_chunk(store, files):
    src = _source(files, size=3 * CHUNK_SIZE + 10)
    seen = []
    store.add(src, progress=lambda done, total: seen.append((done, total)))
    total = src.stat().st_size
    assert seen == [(CHUNK_SIZE, total), (2 * CHUNK_SIZE, total), (3 * CHUNK_SIZE, total), (total, total)]


def test_cancel_mid_copy_leaves_nothing(store, files):
    calls = []
    with pytest.raises(Cancelled):
        store.add(_source(files), progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 1)
    assert calls == [CHUNK_SIZE] and _everything_in(store) == []


def test_cancel_during_the_last_chunk_still_cancels(store, files):
    src = _source(files, size=CHUNK_SIZE // 2)
    done = []
    with pytest.raises(Cancelled):
        store.add(src, progress=lambda d, t: done.append(d), cancelled=lambda: bool(done))
    assert _everything_in(store) == []


@needs_unlink_while_open
def test_source_deleted_mid_copy_is_refused(store, files):
    src = _source(files)
    with pytest.raises(StoreError, match="berubah, dipindahkan, atau hilang"):
        store.add(src, progress=lambda d, t: src.unlink(missing_ok=True))
    assert _everything_in(store) == []


def test_source_truncated_mid_copy_is_refused(store, files):
    src = _source(files)
    with pytest.raises(StoreError):
        store.add(src, progress=lambda d, t: os.truncate(src, CHUNK_SIZE // 2))
    assert _everything_in(store) == []


def test_folder_removed_mid_copy_is_refused(store, files, tmp_path):
    src = _source(files)
    with pytest.raises(StoreError):
        store.add(src, progress=lambda d, t: files.folder.exists() and files.folder.rename(tmp_path / "dicabut"))
    assert _everything_in(store) == []


def test_read_error_mid_copy_is_store_error(store, files, monkeypatch):
    """A read that fails like a removed USB stick (EIO) after the first chunk."""

    class FailingReads:
        def __init__(self, real):
            self.real, self.reads = real, 0

        def readinto(self, buffer):
            self.reads += 1
            if self.reads > 1:
                raise OSError(errno.EIO, "Input/output error")
            return self.real.readinto(buffer)

        def __getattr__(self, name):
            return getattr(self.real, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.real.close()

    monkeypatch.setattr(store_module, "open", lambda *a, **k: FailingReads(open(*a, **k)), raising=False)
    with pytest.raises(StoreError, match="kesalahan baca/tulis pada perangkat"):
        store.add(_source(files))
    assert _everything_in(store) == []


def held_open_elsewhere_for(attempts: int, monkeypatch) -> list[str]:
    """The source is held open by another program for the first `attempts` opens, as Windows reports it to
    open(): a bare EACCES, which Windows, asked again, names a sharing violation (32) while it lasts."""
    opened: list[str] = []

    def windows_open(path, *args, **kwargs):
        opened.append(str(path))
        if len(opened) <= attempts:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(store_module, "open", windows_open, raising=False)
    monkeypatch.setattr(os_errors, "_windows_error_opening", lambda path: 32 if len(opened) <= attempts else None)
    return opened


def test_a_source_held_open_for_a_moment_is_stored_once_it_is_free(store, files, monkeypatch):
    src = _source(files, size=1000)
    opened = held_open_elsewhere_for(2, monkeypatch)  # a virus scanner reading the new download
    stored = store.add(src)
    assert stored.sha256 == _sha256(src) and len(opened) == 3


def test_a_source_another_program_keeps_open_is_named_as_such(store, files, monkeypatch):
    src = _source(files, size=1000)
    held_open_elsewhere_for(10**6, monkeypatch)
    with pytest.raises(StoreError, match="sedang dibuka oleh program lain"):
        store.add(src)
    assert _everything_in(store) == []


@pytest.mark.skipif(sys.platform != "win32", reason="Windows share modes: a handle can keep other programs out")
def test_a_source_held_open_without_sharing_is_named_as_such(store, files):
    import _winapi

    src = _source(files, name="Laporan Survei Kepuasan 2025.pdf", size=1000)
    handle = _winapi.CreateFile(str(src), _winapi.GENERIC_READ, 0, 0, _winapi.OPEN_EXISTING, 0, 0)  # no sharing
    try:
        with pytest.raises(StoreError, match="sedang dibuka oleh program lain"):
            store.add(src)
    finally:
        _winapi.CloseHandle(handle)
    assert _everything_in(store) == []


@needs_permission_bits
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads unreadable folders")
def test_source_in_unreadable_folder_is_store_error(store, files):
    src = _source(files, size=100)
    os.chmod(files.folder, 0)
    try:
        with pytest.raises(StoreError, match="akses ditolak"):
            store.add(src)
    finally:
        os.chmod(files.folder, 0o755)


def test_missing_source_and_folder_source_are_store_errors(store, files):
    with pytest.raises(StoreError, match="tidak ditemukan"):
        store.add(files.folder / "tidak-ada.pdf")
    with pytest.raises(StoreError):
        store.add(files.folder)
    assert issubclass(StoreError, InovasiError)


def test_full_disk_while_writing_is_store_error(store, files, monkeypatch):
    real_write, writes = os.write, []

    def write(fd, data):
        writes.append(len(data))
        if len(writes) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(StoreError, match="ruang penyimpanan penuh"):
        store.add(_source(files))
    monkeypatch.undo()
    assert len(writes) == 2 and _everything_in(store) == []


def test_full_disk_on_a_real_tiny_filesystem(files, tmp_path):
    """Only where this process may mount a 1 MB tmpfs (root on Linux); the monkeypatched test covers the rest."""
    mount_point = tmp_path / "kecil"
    mount_point.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("cannot mount a tmpfs here")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        small = EvidenceStore(mount_point / "bukti")
        with pytest.raises(StoreError, match="ruang penyimpanan penuh"):
            small.add(_source(files, size=2 * MB))
        assert _everything_in(small) == []
        assert small.add(_source(files, "kecil.bin", size=1000)).size == 1000  # space is free again
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_300_mb_file_is_copied_in_constant_memory(store, files):
    src = files.folder / "video.mp4"
    with open(src, "wb") as f:
        f.write(b"\0\0\0\x18ftypisom")
    os.truncate(src, 300 * MB)
    expected = hashlib.sha256()
    with open(src, "rb") as f:
        while chunk := f.read(8 * MB):
            expected.update(chunk)
    tracemalloc.start()
    try:
        stored = store.add(src)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stored.sha256 == expected.hexdigest() and stored.size == 300 * MB
    assert peak < CHUNK_SIZE + 2 * MB


@pytest.mark.parametrize("name", ["ꦧꦸꦏ꧀ꦠꦶꦢꦸꦏꦸꦁ" * 7 + ".pdf", "وثيقة_الدعم" * 10 + ".jpg", "📄🧾✅" * 20 + ".png"])
def test_long_non_latin_source_names(store, files, name):
    src = files.write(name, b"isi " + name.encode())
    stored = store.add(src)
    assert stored.path.read_bytes() == src.read_bytes() and stored.path.name == stored.sha256


def test_verify_detects_changed_and_missing_files(store, files):
    kept = store.add(_source(files, "a", 2000))
    changed = store.add(_source(files, "b", 2000))
    gone = store.add(_source(files, "c", 2000))
    os.chmod(changed.path, 0o644)
    with open(changed.path, "r+b") as f:
        f.write(b"X")
    os.chmod(gone.path, 0o644)
    gone.path.unlink()
    assert store.verify(kept.sha256) and not store.verify(changed.sha256) and not store.verify(gone.sha256)
    never = "0" * 64
    report = store.verify_all({kept.sha256, changed.sha256, gone.sha256, never})
    assert report.missing == tuple(sorted([gone.sha256, never])) and report.changed == (changed.sha256,)
    assert not report.ok and store.verify_all({kept.sha256}).ok


def test_remove_unreferenced_keeps_referenced_and_cleans_partials(store, files):
    keep = store.add(_source(files, "a", 1000))
    drop = store.add(_source(files, "b", 1000))
    left = store.root / ".incoming-sisa.part"
    left.write_bytes(b"sisa dari program yang terhenti")
    young = store.root / ".incoming-baru.part"  # unlocked but young: an add may be about to lock it
    young.write_bytes(b"baru")
    old = time.time() - store_module.PART_GRACE_SECONDS - 1
    os.utime(left, (old, old))
    (store.root / "catatan.txt").write_text("bukan bukti")
    assert store.remove_unreferenced({keep.sha256}) == [drop.sha256]
    assert store.stored_hashes() == {keep.sha256}
    assert sorted(p.name for p in store.root.iterdir()) == sorted(["catatan.txt", young.name, keep.sha256[:2]])
    assert not drop.path.parent.exists() or drop.path.parent == keep.path.parent


def test_path_for_refuses_what_is_not_a_sha256(store):
    for bad in ("", "../../etc/passwd", "A" * 64, "g" * 64, "0" * 63):
        with pytest.raises(ValueError):
            store.path_for(bad)
