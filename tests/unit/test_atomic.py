"""atomic_file: the target is replaced whole, or left exactly as it was."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from platform_skips import needs_permission_bits

from inovasi_desktop import atomic
from inovasi_desktop.atomic import PART_MARK, atomic_file, held_open_elsewhere, remove_stale_parts, retry_in_use
from inovasi_desktop.domain import os_errors


def test_the_block_replaces_the_target_when_it_ends_well(tmp_path):
    target = tmp_path / "berkas.pdf"
    target.write_bytes(b"lama")
    with atomic_file(target) as stream:
        stream.write(b"baru")
        assert target.read_bytes() == b"lama"  # nothing visible before the rename
    assert target.read_bytes() == b"baru"
    assert [p.name for p in tmp_path.iterdir()] == ["berkas.pdf"]


def test_an_error_in_the_block_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "berkas.pdf"
    target.write_bytes(b"lama")
    with pytest.raises(RuntimeError), atomic_file(target) as stream:
        stream.write(b"setengah")
        raise RuntimeError("dibatalkan")
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["berkas.pdf"]


def test_a_missing_folder_is_an_os_error_for_the_caller_to_explain(tmp_path):
    with pytest.raises(OSError), atomic_file(tmp_path / "tidak-ada" / "berkas.pdf"):
        pass


@pytest.mark.skipif(sys.platform != "win32", reason="only Windows refuses to replace a file another program holds")
def test_a_target_open_in_another_program_is_reported_as_such_and_left_alone(tmp_path):
    target = tmp_path / "berkas.pdf"
    target.write_bytes(b"lama")
    with open(target, "rb"), pytest.raises(OSError) as caught, atomic_file(target) as stream:
        stream.write(b"baru")  # Windows says "access denied", which would blame the folder
    assert held_open_elsewhere(caught.value)
    assert os_errors.describe_os_error(caught.value) == os_errors.IN_USE
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["berkas.pdf"]


def sharing_violation() -> PermissionError:
    """A Windows sharing violation as Python raises it there (WinError 32, errno EACCES)."""
    err = PermissionError(13, "The process cannot access the file because it is being used by another process")
    err.winerror = 32
    return err


def test_a_file_held_for_a_moment_is_replaced_once_it_is_free(tmp_path, monkeypatch):
    target = tmp_path / "berkas.pdf"
    target.write_bytes(b"lama")
    real_replace, attempts = os.replace, []

    def held_three_times(source, destination):  # as when a virus scanner reads the new file first
        attempts.append(destination)
        if len(attempts) <= 3:
            raise sharing_violation()
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", held_three_times)
    with atomic_file(target) as stream:
        stream.write(b"baru")
    assert target.read_bytes() == b"baru" and len(attempts) == 4


def test_a_file_held_for_longer_gives_the_error_to_the_caller():
    attempts = []

    def always_held():
        attempts.append(1)
        raise sharing_violation()

    with pytest.raises(PermissionError) as caught:
        retry_in_use(always_held, seconds=0.2)
    assert held_open_elsewhere(caught.value) and len(attempts) > 1


def test_other_errors_are_not_retried():
    attempts = []

    def denied():
        attempts.append(1)
        raise PermissionError(13, "Permission denied")

    with pytest.raises(PermissionError):
        retry_in_use(denied)
    assert len(attempts) == 1


@needs_permission_bits
def test_a_written_file_has_ordinary_permissions_under_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "berkas.json") as stream:
            stream.write(b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "berkas.json").stat().st_mode) == 0o644  # not a private temp file's 0600


_WRITER = """
import sys, time
from pathlib import Path
from inovasi_desktop.atomic import atomic_file
with atomic_file(Path(sys.argv[1])) as stream:
    stream.write(b"x" * 100_000)
    stream.flush()
    print(stream.name, flush=True)
    time.sleep(600)
"""


def _killed_writer(target) -> Path:
    """A real process writing `target`, killed mid-write (SIGKILL: no clean-up runs): its part file."""
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    part = Path(child.stdout.readline().strip())
    assert part.exists() and part.parent == target.parent and PART_MARK in part.name
    child.kill()
    child.wait()
    child.stdout.close()
    return part


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on Windows")
def test_the_part_of_a_killed_export_is_removed_by_the_next_write_to_that_folder(tmp_path):
    part = _killed_writer(tmp_path / "Berkas Inovasi.pdf")
    assert part.exists()  # left behind, under a name that says whose it is
    with atomic_file(tmp_path / "lain.json") as stream:
        stream.write(b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain.json"]


def test_the_part_of_a_running_write_is_left_alone(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path / "besar.pdf")], stdout=subprocess.PIPE,
                             text=True)
    try:
        part = Path(child.stdout.readline().strip())
        assert remove_stale_parts(tmp_path) == []
        assert part.exists()
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_a_day_old_part_is_removed_whoever_wrote_it(tmp_path):
    part = tmp_path / f".x.pdf{PART_MARK}{os.getpid()}-abcd1234"  # this very process: alive
    part.write_bytes(b"lama")
    assert remove_stale_parts(tmp_path) == []
    os.utime(part, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    assert remove_stale_parts(tmp_path) == [part]


def test_other_files_that_look_partial_are_never_touched(tmp_path):
    for name in ("unduhan.pdf.part", ".berkas.pdf.abc.part", "inovasi-part-1-ab", ".a.inovasi-part-x-ab"):
        (tmp_path / name).write_bytes(b"")
        os.utime(tmp_path / name, (0, 0))
    assert remove_stale_parts(tmp_path) == []
    assert len(list(tmp_path.iterdir())) == 4


_LEAVES_SCRATCH = """
import os, sys
from inovasi_desktop.atomic import scratch_folder
with scratch_folder("inovasi-kirim") as folder:
    (folder / "bagian").write_bytes(b"x" * 1000)
    print(folder, flush=True)
    os._exit(0)  # as a kill: the block never ends
"""


def test_the_scratch_folder_of_an_ended_process_is_removed_by_the_next_operation(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    env = dict(os.environ, TMP=str(tmp_path), TEMP=str(tmp_path), TMPDIR=str(tmp_path))
    left = Path(subprocess.run([sys.executable, "-c", _LEAVES_SCRATCH], env=env, capture_output=True, text=True,
                               check=True, timeout=60).stdout.strip())
    assert left.parent == tmp_path and (left / "bagian").exists()
    with atomic.scratch_folder("inovasi-bukti") as mine:
        assert mine.is_dir() and not left.exists()
    assert list(tmp_path.iterdir()) == []
