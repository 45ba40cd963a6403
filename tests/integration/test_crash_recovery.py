"""Kill the real app while the user types, start it again: little is lost, the database is sound,
and the app reopens the innovation at the step where the user was. And a long typing session must
not bring the app down by itself (PySide6 6.12 on Python 3.11 loses references to None and True on
Qt calls; without the app's workaround it aborted after ~3,000 typed characters).

The app runs in child processes (tests/integration/crash_child.py, offscreen). The first types steadily
into a rancang bangun part and logs every key with its time; the test SIGKILLs it mid-typing.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inovasi_desktop import paths
from inovasi_desktop.domain import Organisation
from inovasi_desktop.services import innovations, organisation
from inovasi_desktop.services.workspace import Workspace

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

CHILD = Path(__file__).with_name("crash_child.py")
PART = "dasar_hukum"
TYPED = (" Peraturan Bupati Mojokerto Nomor 12 Tahun 2025 tentang Percepatan Penurunan Stunting menjadi dasar"
         " pelaksanaan inovasi ini, bersama Keputusan Kepala Dinas Kesehatan tentang Tim Pengelola Inovasi dan"
         " Surat Edaran Sekretaris Daerah tentang Pelaporan Hasil Penimbangan Balita secara Daring.")
SESSION_CHARS = 3600  # ~500 words: one rancang bangun written in a sitting
KILL_AFTER_CHARS = 150  # ~6 s of steady typing at one key per 40 ms
MAX_LOST_SECONDS = 2.0


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, INOVASI_HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
               INOVASI_NO_CRASH_DIALOG="1")
    env.pop("INOVASI_FORMS", None)
    return env


def typing_log(path: Path) -> list[tuple[int, float]]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text().splitlines():
        count, _, stamp = line.partition(" ")
        if stamp:  # a line cut short by the kill has no time yet
            entries.append((int(count), float(stamp)))
    return entries


def type_then_kill(home: Path, innovation_id: str, log: Path) -> tuple[float, list[tuple[int, float]]]:
    child = subprocess.Popen([sys.executable, str(CHILD), "type", innovation_id, PART, TYPED, str(log)],
                             env=child_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not any(count >= KILL_AFTER_CHARS for count, _ in typing_log(log)):
            assert child.poll() is None, f"the app ended by itself:\n{child.stderr.read().decode()[-3000:]}"
            assert time.monotonic() < deadline, "the app did not type in time"
            time.sleep(0.02)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return killed_at, typing_log(log)


def restart_and_report(home: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, str(CHILD), "report", str(out)], env=child_env(home),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and out.exists(), f"the restarted app failed:\n{done.stderr[-3000:]}"
    return json.loads(out.read_text(encoding="utf-8"))


def integrity(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def typed_suffix(original: str, stored: str) -> str:
    """What the stored part holds beyond the original text; fails when the original was damaged."""
    assert stored.startswith(original.strip()), "the text that was there before typing is damaged"
    return stored[len(original.strip()):].strip()


def prepare_workspace() -> tuple[str, str]:
    """An organisation, the example and one more innovation; returns the example's id and PART text."""
    ws = Workspace()
    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                                       head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
                                       default_catalogue="iid-2026"))
    example = innovations.import_example(ws)
    innovations.create(ws)  # another innovation, so reopening the right one means something
    ws.close()
    return example.id, example.profile["rancang_bangun"][PART]


def stored_part(innovation_id: str) -> str:
    ws = Workspace()
    try:
        return innovations.get(ws, innovation_id).profile["rancang_bangun"][PART]
    finally:
        ws.close()


def test_kill_while_typing_loses_at_most_two_seconds_and_reopens_where_the_user_was(inovasi_home, tmp_path):
    example_id, original = prepare_workspace()

    killed_at, log = type_then_kill(inovasi_home, example_id, tmp_path / "typing.log")
    must_have = max((count for count, stamp in log if stamp <= killed_at - MAX_LOST_SECONDS), default=0)
    typed_at_kill = max(count for count, _ in log)
    assert must_have >= KILL_AFTER_CHARS // 2, "too little typing before the kill to judge anything"
    assert integrity(paths.database_path()) == [("ok",)]

    seen = restart_and_report(inovasi_home, tmp_path / "report.json")
    assert seen["editor_open"], "the app did not reopen the innovation that was being edited"
    assert seen["innovation_id"] == example_id
    assert seen["step"] == "rancang_bangun"

    stored = stored_part(example_id)
    assert seen["parts"][PART].strip() == stored, "the editor does not show what is stored"
    kept = typed_suffix(original, stored)
    assert TYPED.strip().startswith(kept), f"the stored text is not what was typed: {kept!r}"
    assert len(kept) >= len(TYPED[:must_have].strip()), (
        f"lost more than {MAX_LOST_SECONDS:g} s of typing: {typed_at_kill} characters typed, "
        f"{must_have} of them over {MAX_LOST_SECONDS:g} s before the kill, but only {len(kept)} kept")
    assert integrity(paths.database_path()) == [("ok",)]


def test_a_long_typing_session_does_not_bring_the_app_down(inovasi_home, tmp_path):
    example_id, original = prepare_workspace()
    text = (TYPED * (SESSION_CHARS // len(TYPED) + 1))[:SESSION_CHARS]
    log = tmp_path / "typing.log"
    done = subprocess.run([sys.executable, str(CHILD), "session", example_id, PART, text, str(log)],
                          env=child_env(inovasi_home), capture_output=True, text=True, timeout=90)
    typed = max((count for count, _ in typing_log(log)), default=0)
    assert done.returncode == 0, (f"the app ended with code {done.returncode} after {typed} of {SESSION_CHARS} "
                                  f"typed characters:\n{done.stderr[-1500:]}")
    assert typed_suffix(original, stored_part(example_id)) == text.strip()

