"""`backup`, `restore` and `backups` as a user runs them: real processes, real data folders, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.platform_skips import remove_tree

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_backup_restore_and_list_from_the_command_line(tmp_path):
    home, fresh, usb = tmp_path / "data", tmp_path / "baru", tmp_path / "usb"
    usb.mkdir()
    innovation_id = json.loads(run(home, "import-json", str(EXAMPLE), "--json").stdout)["id"]
    exported = tmp_path / "sebelum.json"
    assert run(home, "export-json", innovation_id, str(exported)).returncode == 0

    target = usb / "cadangan.inovasi-cadangan"
    made = run(home, "backup", "-o", str(target))
    assert made.returncode == 0, made.stderr
    assert "Cadangan ditulis dan diperiksa" in made.stdout and target.is_file()

    inside = run(home, "backup", "-o", str(home / "x.inovasi-cadangan"))
    assert inside.returncode == 3 and "di dalam folder data" in inside.stderr and "Traceback" not in inside.stderr

    dry = run(fresh, "restore", str(target), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["innovations"] == 1 and not (fresh / "inovasi.sqlite3").exists()

    restored = run(fresh, "restore", str(target))
    assert restored.returncode == 0, restored.stderr
    again = tmp_path / "sesudah.json"
    assert run(fresh, "export-json", innovation_id, str(again)).returncode == 0
    assert again.read_bytes() == exported.read_bytes()

    # Restoring over existing data keeps it as an automatic snapshot first, which `backups` lists.
    assert run(fresh, "restore", str(target)).returncode == 0
    listed = json.loads(run(fresh, "backups", "--json").stdout)
    assert [row["name"].startswith("sebelum-pemulihan-") for row in listed] == [True]
    assert listed[0]["innovations"] == 1 and listed[0]["size"] > 0
    assert "Belum ada cadangan otomatis." in run(tmp_path / "kosong", "backups").stdout
    remove_tree(home)


def test_a_foreign_or_damaged_file_is_refused_with_exit_3(tmp_path):
    home = tmp_path / "data"
    for name, data in (("a.json", EXAMPLE.read_bytes()), ("b.inovasi-cadangan", b"PK\x03\x04" + b"\0" * 64)):
        path = tmp_path / name
        path.write_bytes(data)
        result = run(home, "restore", str(path))
        assert result.returncode == 3 and result.stderr.startswith("Galat: Berkas") and "Traceback" not in result.stderr
        assert "Data tidak diubah" in result.stderr
    missing = run(home, "restore", str(tmp_path / "tidak-ada.inovasi-cadangan"))
    assert missing.returncode == 3 and "tidak ditemukan" in missing.stderr


HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(1000)
print("held", flush=True)
time.sleep(60)
"""


def test_restore_is_refused_while_a_window_holds_the_data_folder(tmp_path):
    """The window would go on writing to the replaced database: the command line says to close it first."""
    home, usb = tmp_path / "data", tmp_path / "usb"
    usb.mkdir()
    assert run(home, "import-json", str(EXAMPLE)).returncode == 0
    target = usb / "cadangan.inovasi-cadangan"
    assert run(home, "backup", "-o", str(target)).returncode == 0
    before = (home / "inovasi.sqlite3").read_bytes()

    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(home / "inovasi.lock")], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        refused = run(home, "restore", str(target))
        assert refused.returncode == 3 and "sedang terbuka" in refused.stderr and str(holder.pid) in refused.stderr
        assert "Traceback" not in refused.stderr
        assert (home / "inovasi.sqlite3").read_bytes() == before
        assert run(home, "restore", str(target), "--dry-run").returncode == 0  # looking changes nothing
    finally:
        holder.kill()
        holder.communicate()  # waits and closes the pipe
    assert run(home, "restore", str(target)).returncode == 0  # the lock of a process gone no longer counts


def test_the_work_folder_of_a_killed_restore_is_removed_by_the_next_one(tmp_path):
    """A restore killed while it stages (power cut) leaves its work folder, as big as the backup; the next
    backup or restore removes it at once (it used to stay an hour, holding the space a retry needs)."""
    import pikepdf

    home = tmp_path / "data"
    assert run(home, "import-json", str(EXAMPLE)).returncode == 0
    big = tmp_path / "besar.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.Root.Lampiran = pikepdf.Stream(pdf, os.urandom(30 << 20))
        pdf.save(big)
    assert run(home, "evidence-limit", "50").returncode == 0
    assert run(home, "evidence-add", "9fb5", "1", str(big)).returncode == 0, "added"
    backup = tmp_path / "cadangan.inovasi-cadangan"
    assert run(home, "backup", "-o", str(backup)).returncode == 0
    home = tmp_path / "baru"  # a new installation: the big file is staged, not only checked
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    child = subprocess.Popen([sys.executable, "-m", "inovasi_desktop", "restore", str(backup)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while child.poll() is None and not (home.is_dir() and any(p.name.startswith(".pemulihan")
                                                                  for p in home.iterdir())):
            pass
        child.kill()
    finally:
        child.wait()
    assert any(p.name.startswith(".pemulihan") for p in home.iterdir()), "killed while staging"
    result = run(home, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert not [p.name for p in home.iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize(("command", "name", "said"), [
    ("restore", "kiriman.inovasi-cadangan", "bukan cadangan Inovasi Desktop"),
    ("bundle-import", "kiriman.inovasi", "bukan berkas biasa"),
    ("bundle-verify", "kiriman.inovasi", "bukan berkas biasa"),
])
def test_a_fifo_chosen_as_a_backup_or_bundle_is_refused_without_waiting(tmp_path, command, name, said):
    """A named pipe nobody writes to used to hang the command (and the window) forever in open()."""
    home = tmp_path / "data"
    assert run(home, "import-json", str(EXAMPLE)).returncode == 0
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = run(home, command, str(fifo))  # run's timeout ends a hang as a failure
    assert result.returncode == 3 and said in result.stderr, result.stderr
