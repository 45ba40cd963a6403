"""Clean-up of the evidence store never removes the `.part` file of an add still running in another process
(a window starting while the command line adds a large file); `verify-store` lists `.part` files and
`--bersihkan` removes only those a crashed add left."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inovasi_desktop.evidence.store import PART_GRACE_SECONDS
from inovasi_desktop.services import evidence_upkeep

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows refuses to delete an open file by itself")

# An add that stops after its first chunk until the test lets it go on (by creating the `go` file).
CHILD = """
import sys, time
from pathlib import Path
from inovasi_desktop.evidence.store import EvidenceStore

root, source, go = map(Path, sys.argv[1:4])

def wait(done, total):
    while not go.exists():
        time.sleep(0.02)

print(EvidenceStore(root).add(source, progress=wait).sha256, flush=True)
"""
OLD = PART_GRACE_SECONDS + 3600  # seconds: what a crashed add left yesterday


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def make_old(path: Path) -> None:
    then = time.time() - OLD
    os.utime(path, (then, then))


def cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_clean_up_leaves_the_part_of_an_add_running_elsewhere_and_removes_stale_ones(workspace, tmp_path):
    store = workspace.evidence_store
    source = tmp_path / "rekaman-rapat.bin"
    source.write_bytes(os.urandom(3 * 1024 * 1024))  # three chunks: the add stops after the first
    go = tmp_path / "lanjut"
    adder = subprocess.Popen([sys.executable, "-c", CHILD, str(store.root), str(source), str(go)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: store.partial_files(), "the add never started its .part file")
        [running] = store.partial_files()
        make_old(running.path)  # even an old-looking one is kept while its add holds the lock
        crashed = store.root / ".incoming-sisa.part"
        crashed.write_bytes(b"sisa")
        make_old(crashed)
        fresh = store.root / ".incoming-baru.part"  # unlocked but young: an add about to lock it
        fresh.write_bytes(b"baru")

        listed = json.loads(cli(workspace.home, "verify-store", "--json").stdout)["partials"]
        assert {(p["file"], p["in_use"], p["stale"], p["removed"]) for p in listed} == {
            (running.path.name, True, False, False), (crashed.name, False, True, False),
            (fresh.name, False, False, False)}
        shown = cli(workspace.home, "verify-store", "--bersihkan")
        assert shown.returncode == 0, shown.stderr
        assert "sedang ditulis oleh penambahan bukti yang masih berjalan; dibiarkan" in shown.stdout
        assert "sisa penambahan yang terhenti; dihapus" in shown.stdout
        assert running.path.exists() and fresh.exists() and not crashed.exists()
        evidence_upkeep.clean_up(workspace)  # what the window does on start
        assert running.path.exists()
    finally:
        go.touch()
        out, err = adder.communicate(timeout=60)
    assert adder.returncode == 0, err
    sha256 = out.strip()
    assert sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert store.path_for(sha256).read_bytes() == source.read_bytes()
    assert [p.path for p in store.partial_files()] == [fresh]
