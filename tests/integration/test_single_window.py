"""One window per data folder: a second start of the app is refused and brings the first forward; a lock left
by a window that was killed does not stop the next start. Real processes of the app, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

LOG_WAIT_S = 60


def app_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(INOVASI_HOME=str(home), QT_QPA_PLATFORM="offscreen", INOVASI_NO_CRASH_DIALOG="1", LANG="C.UTF-8")
    return env


def start_window(home: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "inovasi_desktop"], env=app_env(home), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for_log(home: Path, words: str, process: subprocess.Popen, times: int = 1) -> None:
    """Until the data folder's log holds `words` `times` times (the log is kept across starts)."""
    log = home / "log" / "inovasi.log"
    deadline = time.monotonic() + LOG_WAIT_S
    while time.monotonic() < deadline:
        if log.is_file() and log.read_text(encoding="utf-8").count(words) >= times:
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    raise AssertionError(f"never logged: {words}")


def stop(process: subprocess.Popen, crash: bool = False) -> None:
    """Ends the window; `crash` kills it as a crash would (SIGKILL, or TerminateProcess on Windows)."""
    if process.poll() is None:
        process.kill() if crash else process.terminate()
    process.communicate(timeout=30)


def test_a_second_window_on_the_same_folder_is_refused_and_the_first_comes_forward(tmp_path):
    home = tmp_path / "data"
    first = start_window(home)
    try:
        wait_for_log(home, "Listening for a second start", first)
        second = subprocess.run([sys.executable, "-m", "inovasi_desktop"], env=app_env(home), capture_output=True,
                                text=True, timeout=60)
        assert second.returncode == 0
        assert "Inovasi Desktop sudah terbuka untuk folder data ini" in second.stderr
        assert str(home) in second.stderr
        wait_for_log(home, "A second start on this data folder was refused; this window comes forward", first)
        assert first.poll() is None  # the first window stays
        # The command line keeps working beside the open window.
        listed = subprocess.run([sys.executable, "-m", "inovasi_desktop", "list"], env=app_env(home),
                                capture_output=True, text=True, timeout=60)
        assert listed.returncode == 0 and "Belum ada inovasi" in listed.stdout
    finally:
        stop(first, crash=True)  # as a crash would: the lock file stays behind
    assert (home / "inovasi.lock").exists()
    again = start_window(home)  # the stale lock is taken over
    try:
        wait_for_log(home, "Listening for a second start", again, times=2)
    finally:
        stop(again, crash=True)


def test_another_data_folder_opens_its_own_window(tmp_path):
    first = start_window(tmp_path / "satu")
    other = start_window(tmp_path / "dua")
    try:
        wait_for_log(tmp_path / "satu", "Listening for a second start", first)
        wait_for_log(tmp_path / "dua", "Listening for a second start", other)
    finally:
        stop(first, crash=True)
        stop(other, crash=True)


def test_a_second_start_with_a_bundle_hands_it_to_the_first_window(tmp_path):
    """Explorer's "Open" on a *.inovasi file while the window is open: the file goes to that window."""
    from inovasi_desktop.services import bundles, innovations
    from inovasi_desktop.services.workspace import Workspace

    sender = Workspace(home=tmp_path / "pengirim")
    try:
        example = innovations.import_example(sender)
        bundle = tmp_path / "Kiriman Dinas Pendidikan.inovasi"
        bundles.send(sender, [example.id], bundle)
    finally:
        sender.close()
    home = tmp_path / "data"
    first = start_window(home)
    try:
        wait_for_log(home, "Listening for a second start", first)
        second = subprocess.run([sys.executable, "-m", "inovasi_desktop", str(bundle)], env=app_env(home),
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "Berkas dibuka di jendela Inovasi Desktop yang sudah terbuka" in second.stderr
        assert "sudah terbuka untuk folder data ini" not in second.stderr  # handed over, not refused
        wait_for_log(home, f"A second start handed over a file to open here: {bundle.resolve()}", first)
        assert first.poll() is None
    finally:
        first.kill()
        first.communicate(timeout=30)
