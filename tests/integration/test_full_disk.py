"""A data folder or a target on a disk that is really full (a small tmpfs, where this process may mount one:
root on Linux): every command ends with an Indonesian message, and nothing is lost or left half-written."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"
EXAMPLE_ID = "9fb5bf2d-e75d-52d5-9ce1-1b255d751f6a"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT)


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB filesystem; `fill(leave)` fills it up to `leave` bytes."""
    mount_point = tmp_path / "kecil"
    mount_point.mkdir()
    if sys.platform != "linux" or shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("cannot mount a tmpfs here")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "--lazy", str(mount_point)], check=True)


def fill(disk: Path, leave: int = 0) -> None:
    filler = disk / "pengisi"
    filler.unlink(missing_ok=True)
    free = shutil.disk_usage(disk).free
    with open(filler, "wb") as out:
        try:
            out.write(b"\0" * max(free - leave, 0))
            out.flush()
        except OSError:
            pass


def integrity(home: Path) -> list[tuple]:
    db = sqlite3.connect(f"file:{home / 'inovasi.sqlite3'}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchall()
    finally:
        db.close()  # an open file would keep the disk from being unmounted


@pytest.fixture
def home_on_small_disk(small_disk):
    home = small_disk / "data"
    assert run(home, "import-json", str(EXAMPLE)).returncode == 0
    return home


def test_a_data_folder_on_a_full_disk_says_the_disk_is_full(home_on_small_disk, tmp_path):
    home = home_on_small_disk
    before = (home / "inovasi.sqlite3").read_bytes()
    fill(home.parent)
    for args in (["list"], ["evidence-add", EXAMPLE_ID[:8], "1", str(ROOT / "examples/bukti/DPA-Dinkes-2024.pdf")]):
        result = run(home, *args)
        assert result.returncode == 3, result.stderr
        assert "Ruang penyimpanan penuh" in result.stderr, result.stderr  # was: "... bukan di folder jaringan"
        assert "Traceback" not in result.stderr
    (home.parent / "pengisi").unlink()
    assert (home / "inovasi.sqlite3").read_bytes() == before
    assert integrity(home) == [("ok",)]
    assert run(home, "verify-store").returncode == 0


def test_an_autosave_that_fails_on_a_full_disk_succeeds_once_there_is_room(home_on_small_disk):
    """The editor's save (keep_mine, with its base) on a disk that fills: a message, then, once space is
    freed, the same typing is saved. The failed commit used to leave the revision moved on in memory, so
    every later save said "diubah di tempat lain" and nothing typed could be saved until a restart."""
    import copy

    from inovasi_desktop.domain.errors import InovasiError
    from inovasi_desktop.services import innovations
    from inovasi_desktop.services.workspace import Workspace

    home = home_on_small_disk
    fill(home.parent, leave=400 * 1024)
    ws = Workspace(home)
    try:
        innovation = innovations.get(ws, EXAMPLE_ID)
        base = copy.deepcopy(innovation)
        innovation.profile["nama_inisiator"] = "Dinas Kesehatan ABC"
        innovations.save(ws, innovation, base=base, keep_mine=True)
        base = copy.deepcopy(innovation)
        fill(home.parent)
        innovation.profile["nama_inisiator"] = "Dinas Kesehatan ABC " + "XYZ " * 20_000
        with pytest.raises(InovasiError, match="Ruang penyimpanan penuh"):
            innovations.save(ws, innovation, base=base, keep_mine=True)
        (home.parent / "pengisi").unlink()
        result = innovations.save(ws, innovation, base=base, keep_mine=True)
        assert not result.conflicts
        assert innovations.get(ws, EXAMPLE_ID).profile["nama_inisiator"].endswith("XYZ ")
    finally:
        ws.close()
    assert integrity(home) == [("ok",)]


def test_a_restore_refused_for_space_names_more_than_is_free(home_on_small_disk, tmp_path):
    home = home_on_small_disk
    backup = tmp_path / "cadangan.inovasi-cadangan"
    assert run(home, "backup", "-o", str(backup)).returncode == 0
    fill(home.parent, leave=1200 * 1024)  # more than the backup's size, less than it needs with the margin
    result = run(home, "restore", str(backup))
    assert result.returncode == 3, result.stderr
    found = re.search(r"memerlukan sekitar ([\d.,]+) (KB|MB), tersedia ([\d.,]+) (KB|MB)\.", result.stderr)
    assert found, result.stderr
    needed, free = (float(n.replace(".", "").replace(",", ".")) * (1 << 10 if unit == "KB" else 1 << 20)
                    for n, unit in (found.group(1, 2), found.group(3, 4)))
    assert needed > free, result.stderr  # was: "memerlukan sekitar 525,5 KB, tersedia 1,2 MB"
    assert integrity(home) == [("ok",)]


def test_a_recap_written_while_the_data_folder_is_full_says_the_file_is_there(home_on_small_disk, tmp_path):
    """The recap file goes elsewhere and is written; keeping its figures for the next comparison then fails
    on the full data folder. The message says both (it used to say only "Ruang penyimpanan penuh")."""
    home = home_on_small_disk
    assert run(home, "list").returncode == 0  # -shm and -wal are gone again once it ends
    fill(home.parent, leave=36 * 1024)  # room for SQLite's -shm (32 KB), not for a write
    target = tmp_path / "rekap.csv"
    result = run(home, "recap", "-o", str(target))
    assert result.returncode == 3, result.stderr
    assert f"Rekap sudah ditulis ke {target}" in result.stderr and "Ruang penyimpanan penuh" in result.stderr
    assert target.stat().st_size > 0
    (home.parent / "pengisi").unlink()
    assert integrity(home) == [("ok",)]
