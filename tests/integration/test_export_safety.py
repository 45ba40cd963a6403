"""Exports cannot destroy data: never into the data folder, a full disk is a message (no abort, no litter),
and the written file has ordinary permissions. Real processes, a real data folder, real write failures."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from platform_skips import needs_file_size_limit, needs_permission_bits, needs_symlinks

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"
EXAMPLE_ID = "9fb5bf2d-e75d-52d5-9ce1-1b255d751f6a"


def run(home: Path, *args: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)

    def limit() -> None:  # a disk that takes no more than `file_size_limit` bytes per file: writes fail for real
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT, preexec_fn=limit if file_size_limit is not None else None)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("data")
    assert run(home, "import-json", str(EXAMPLE)).returncode == 0
    return home


def innovations_in(home: Path) -> list[tuple]:
    with sqlite3.connect(home / "inovasi.sqlite3") as db:
        return db.execute("SELECT id, name FROM innovations").fetchall()


@pytest.mark.parametrize("command", ["export-json", "export-pdf"])
@pytest.mark.parametrize("where", ["inovasi.sqlite3", "bukti/x.pdf", "cadangan/../baru.pdf", "."])
def test_an_export_into_the_data_folder_is_refused_and_changes_nothing(home, tmp_path, command, where):
    before = (home / "inovasi.sqlite3").read_bytes()
    listing = sorted(p.relative_to(home) for p in home.rglob("*") if "log" not in p.parts)
    target = home / where
    args = [EXAMPLE_ID[:8], str(target)] if command == "export-json" else [EXAMPLE_ID[:8], "-o", str(target)]
    result = run(home, command, *args)
    assert result.returncode == 3, result.stderr
    assert "Galat: Berkas ekspor tidak dapat disimpan" in result.stderr and "folder data" in result.stderr
    assert "Traceback" not in result.stderr
    assert (home / "inovasi.sqlite3").read_bytes() == before
    assert sorted(p.relative_to(home) for p in home.rglob("*") if "log" not in p.parts) == listing


@needs_symlinks
def test_a_symbolic_link_to_the_data_folder_is_seen_through(home, tmp_path):
    link = tmp_path / "tautan"
    link.symlink_to(home, target_is_directory=True)
    result = run(home, "export-json", EXAMPLE_ID[:8], str(link / "inovasi.sqlite3"))
    assert result.returncode == 3 and "folder data" in result.stderr
    assert innovations_in(home)[0][0] == EXAMPLE_ID  # still the database


@needs_permission_bits
def test_exports_get_ordinary_permissions(home, tmp_path):
    assert run(home, "export-json", EXAMPLE_ID[:8], str(tmp_path / "a.json")).returncode == 0
    assert run(home, "export-pdf", EXAMPLE_ID[:8], "-o", str(tmp_path / "a.pdf")).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    for name in ("a.json", "a.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask


@needs_file_size_limit
@pytest.mark.parametrize("share", [0.1, 0.5, 0.99])
def test_a_disk_that_fills_during_export_pdf_is_a_message_with_nothing_left(home, tmp_path, share):
    full = tmp_path / "penuh.pdf"
    written = tmp_path / "utuh.pdf"
    assert run(home, "export-pdf", EXAMPLE_ID[:8], "-o", str(written)).returncode == 0
    old = b"berkas lama yang harus tetap utuh"
    full.write_bytes(old)
    result = run(home, "export-pdf", EXAMPLE_ID[:8], "-o", str(full),
                 file_size_limit=int(written.stat().st_size * share))
    assert result.returncode == 3, (result.returncode, result.stderr[-500:])  # qpdf used to abort: -6 (exit 134)
    assert "tidak dapat ditulis" in result.stderr and "Tidak ada berkas yang ditulis" in result.stderr
    assert "Traceback" not in result.stderr and "what()" not in result.stderr
    assert full.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["penuh.pdf", "utuh.pdf"]  # no part, no pikepdf temp


@needs_file_size_limit
@pytest.mark.parametrize("limit", [50_000, 100_000])  # above the 32 KB of SQLite's -shm file
def test_a_disk_that_fills_during_the_portal_package_is_a_message_with_nothing_left(home, tmp_path, limit):
    result = run(home, "portal-package", EXAMPLE_ID[:8], "-o", str(tmp_path / "paket"), file_size_limit=limit)
    assert result.returncode == 3, (result.returncode, result.stderr[-500:])  # qpdf used to abort: exit 134
    assert "Paket unggah tidak dapat ditulis" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # no package, no hidden part folder


def test_the_folder_of_a_portal_package_cut_short_is_removed_by_the_next_one(home, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    child = subprocess.Popen([sys.executable, "-m", "inovasi_desktop", "portal-package", EXAMPLE_ID[:8], "-o",
                              str(tmp_path / "paket")], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        while child.poll() is None and not any(p.is_dir() and p.name.startswith(".") for p in tmp_path.iterdir()):
            pass
        child.kill()  # SIGKILL while the package is being built aside
    finally:
        child.wait()
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(".paket"), left
    assert run(home, "portal-package", EXAMPLE_ID[:8], "-o", str(tmp_path / "paket baru")).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["paket baru"]
