"""The playing time of a video read from its container header, and nothing worse than None for files that
do not state one or are cut off or hostile."""

from __future__ import annotations

import struct

import pytest
from video_files import avi, matroska, mp4

from inovasi_desktop.evidence.checks import Code, check_file, for_target
from inovasi_desktop.evidence.video_length import video_seconds


@pytest.mark.parametrize("data, seconds", [
    (mp4(290), 290),
    (mp4(301.5, version=1, timescale=90_000), 301.5),
    (mp4(120, brand=b"qt  ", mdat_first=False), 120),
    (matroska(290), 290),
    (matroska(42.5, doc_type=b"matroska", float_size=4, scale=1_000_000), 42.5),
    (matroska(10, scale=1_000), 10),
    (avi(360), 360),
])
def test_length_is_read_from_the_container(files, data, seconds):
    assert video_seconds(files.write("video.bin", data)) == pytest.approx(seconds, abs=0.01)


@pytest.mark.parametrize("data", [
    mp4(290)[:60],  # cut off before the movie header
    mp4(0),  # no duration stated
    struct.pack(">I", 0xFFFFFFF0) + b"moov" + bytes(64),  # a box claiming far more than the file holds
    struct.pack(">I", 1) + b"ftyp" + struct.pack(">Q", 3) + bytes(8),  # 64-bit size smaller than its header
    matroska(290)[:40],
    b"RIFF" + bytes(4) + b"AVI " + b"JUNK" + struct.pack("<I", 0xFFFFFFF0),
    b"\x1a\x45\xdf\xa3" + b"\x00" * 64,  # EBML with an invalid length byte
    b"tidak ada video di sini",
])
def test_files_without_a_readable_length_give_none(files, data):
    assert video_seconds(files.write("video.bin", data)) is None


def test_a_video_longer_than_the_limit_is_a_warning_where_the_limit_applies(files):
    long = check_file(files.write("panjang.mp4", mp4(372)), accepts=None)
    assert long.kind == "mp4" and long.seconds == pytest.approx(372)
    judged = for_target(long, accepts=("mp4", "mov", "link"), max_bytes=10**9, max_seconds=300)
    [problem] = [p for p in judged.problems if p.code == Code.VIDEO_TOO_LONG]
    assert problem.message.startswith("Video ini berdurasi 6 menit 12 detik, lebih lama dari batas 5 menit")
    assert judged.ok  # a warning: the assessors decide
    assert not for_target(long, accepts=("mp4",), max_bytes=10**9).problems  # no limit there
    short = check_file(files.write("pendek.mp4", mp4(290)), accepts=None)
    assert not for_target(short, accepts=("mp4",), max_bytes=10**9, max_seconds=300).problems
