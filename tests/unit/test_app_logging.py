"""The log file is rotated at start-up once it has grown past its limit, keeping three older ones."""

from __future__ import annotations

from inovasi_desktop.app import LOG_BACKUPS, LOG_MAX_BYTES, rotate_log


def test_a_full_log_moves_aside_and_the_oldest_goes(tmp_path):
    log = tmp_path / "inovasi.log"
    for n in range(1, LOG_BACKUPS + 1):
        (tmp_path / f"inovasi.log.{n}").write_text(f"lama {n}")
    log.write_bytes(b"x" * LOG_MAX_BYTES)
    rotate_log(log)
    assert not log.exists()
    assert (tmp_path / "inovasi.log.1").read_bytes() == b"x" * LOG_MAX_BYTES
    assert [(tmp_path / f"inovasi.log.{n}").read_text() for n in (2, 3)] == ["lama 1", "lama 2"]
    assert not (tmp_path / f"inovasi.log.{LOG_BACKUPS + 1}").exists()


def test_a_small_or_missing_log_stays(tmp_path):
    rotate_log(tmp_path / "inovasi.log")  # nothing there yet: nothing happens
    log = tmp_path / "inovasi.log"
    log.write_text("baris")
    rotate_log(log)
    assert log.read_text() == "baris" and not (tmp_path / "inovasi.log.1").exists()
