"""atomic_file: the target is replaced whole, or left exactly as it was."""

from __future__ import annotations

import os
import sys

import pytest

from inovasi_desktop import atomic
from inovasi_desktop.atomic import atomic_file, held_open_elsewhere, retry_in_use
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
