"""paths.inside_data_dir: what an export may not target."""

from __future__ import annotations

import os

import pytest

from inovasi_desktop import paths
from tests.fixtures.platform_skips import needs_symlinks


def test_the_data_folder_and_everything_inside_it_are_inside(inovasi_home, tmp_path):
    assert paths.inside_data_dir(inovasi_home)
    assert paths.inside_data_dir(inovasi_home / "inovasi.sqlite3")
    assert paths.inside_data_dir(inovasi_home / "belum" / "ada" / "x.pdf")
    assert paths.inside_data_dir(inovasi_home / ".." / inovasi_home.name / "x.json")


def test_a_sibling_with_a_common_prefix_is_outside(inovasi_home):
    assert not paths.inside_data_dir(inovasi_home.parent / (inovasi_home.name + "-ekspor") / "x.pdf")
    assert not paths.inside_data_dir(inovasi_home.parent / "x.pdf")


@needs_symlinks
def test_symbolic_links_are_resolved_both_ways(inovasi_home, tmp_path):
    link = tmp_path / "pintasan"
    link.symlink_to(inovasi_home, target_is_directory=True)
    assert paths.inside_data_dir(link / "inovasi.sqlite3")
    outside = tmp_path / "luar"
    outside.mkdir()
    (inovasi_home / "ke-luar").symlink_to(outside, target_is_directory=True)
    assert not paths.inside_data_dir(inovasi_home / "ke-luar" / "x.pdf")  # it lands outside


def test_a_relative_target_is_judged_from_the_current_folder(inovasi_home, monkeypatch):
    monkeypatch.chdir(inovasi_home)
    assert paths.inside_data_dir(os.path.join("bukti", "x.pdf"))


def test_a_workspace_folder_other_than_the_default_is_checked_too(tmp_path, workspace):
    from inovasi_desktop.services import export_target

    other = tmp_path / "lain"
    other.mkdir()
    assert paths.inside_data_dir(other / "inovasi.sqlite3", home=other)
    assert not paths.inside_data_dir(other / "inovasi.sqlite3")
    export_target.check(other / "x.pdf")  # outside the app's data folder: allowed
    with pytest.raises(export_target.ExportTargetError, match="folder data aplikasi"):
        export_target.check(other / "x.pdf", home=other)
