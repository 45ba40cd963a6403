"""atomic_file: the target is replaced whole, or left exactly as it was."""

from __future__ import annotations

import pytest

from inovasi_desktop.atomic import atomic_file


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
