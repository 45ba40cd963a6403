"""The playing time of a video file, read from its container header: MP4/MOV (the `mvhd` box), WebM/MKV
(the Segment Info's Duration), AVI (the `avih` main header).

Only headers are read, with seeks over everything else and a bound on the boxes or elements visited,
so a large or hostile file costs a few reads. None when the length is not stated or cannot be read.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

MAX_STEPS = 10_000  # boxes, elements or chunks visited before giving up
_EBML, _SEGMENT, _INFO, _CLUSTER = 0x1A45DFA3, 0x18538067, 0x1549A966, 0x1F43B675
_TIMECODE_SCALE, _DURATION = 0x2AD7B1, 0x4489


def video_seconds(path: Path | str) -> float | None:
    """Seconds of playing time stated by the container, or None."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            f.seek(0)
            if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"):
                return _mp4_seconds(f)
            if head[:4] == struct.pack(">I", _EBML):
                return _matroska_seconds(f)
            if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
                return _avi_seconds(f)
    except (OSError, struct.error, ValueError, OverflowError):
        return None
    return None


def _positive(value: float) -> float | None:
    return value if value > 0 and value == value and value != float("inf") else None


# -- MP4 / MOV -------------------------------------------------------------------------------------

def _boxes(f: BinaryIO, start: int, end: int | None):
    """(type, payload start, payload end) of the boxes between start and end (None: the end of the file)."""
    position = start
    for _ in range(MAX_STEPS):
        if end is not None and position + 8 > end:
            return
        f.seek(position)
        header = f.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        offset = 8
        if size == 1:
            size = struct.unpack(">Q", f.read(8))[0]
            offset = 16
        elif size == 0:  # runs to the end of its parent
            f.seek(0, 2)
            size = (end if end is not None else f.tell()) - position
        if size < offset:
            return
        yield kind, position + offset, position + size
        position += size


def _mp4_seconds(f: BinaryIO) -> float | None:
    for kind, start, end in _boxes(f, 0, None):
        if kind != b"moov":
            continue
        for child, payload, _ in _boxes(f, start, end):
            if child != b"mvhd":
                continue
            f.seek(payload)
            version = f.read(1)[0]
            if version == 1:
                f.seek(payload + 4 + 16)
                timescale, duration = struct.unpack(">IQ", f.read(12))
            else:
                f.seek(payload + 4 + 8)
                timescale, duration = struct.unpack(">II", f.read(8))
            if duration in (0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF) or not timescale:
                return None
            return _positive(duration / timescale)
        return None
    return None


# -- WebM / MKV (EBML) ------------------------------------------------------------------------------

def _vint(f: BinaryIO, keep_marker: bool) -> tuple[int, int] | None:
    """An EBML variable-length integer: (value, bytes read); None at the end of the file."""
    first = f.read(1)
    if not first:
        return None
    byte = first[0]
    length = next((n for n in range(8) if byte & (0x80 >> n)), None)
    if length is None:
        raise ValueError("bad EBML length")
    value = byte if keep_marker else byte & (0xFF >> (length + 1))
    rest = f.read(length)
    if len(rest) < length:
        return None
    for b in rest:
        value = (value << 8) | b
    unknown = not keep_marker and value == (1 << (7 * (length + 1))) - 1
    return (-1 if unknown else value), length + 1


def _elements(f: BinaryIO, start: int, end: int | None):
    position = start
    for _ in range(MAX_STEPS):
        if end is not None and position >= end:
            return
        f.seek(position)
        element = _vint(f, keep_marker=True)
        size = _vint(f, keep_marker=False) if element else None
        if element is None or size is None:
            return
        payload = position + element[1] + size[1]
        yield element[0], payload, (None if size[0] < 0 else payload + size[0])
        if size[0] < 0:  # unknown size (live streams): its children follow directly
            position = payload
            continue
        position = payload + size[0]


def _matroska_seconds(f: BinaryIO) -> float | None:
    for element, start, end in _elements(f, 0, None):
        if element != _SEGMENT:
            continue
        for child, payload, child_end in _elements(f, start, end):
            if child == _CLUSTER:
                return None  # media data begins: the Info element, if any, came before it
            if child != _INFO or child_end is None:
                continue
            scale, duration = 1_000_000, None
            for item, at, item_end in _elements(f, payload, child_end):
                if item_end is None:
                    break
                f.seek(at)
                data = f.read(min(item_end - at, 8))
                if item == _TIMECODE_SCALE:
                    scale = int.from_bytes(data, "big")
                elif item == _DURATION and len(data) in (4, 8):
                    duration = struct.unpack(">f" if len(data) == 4 else ">d", data)[0]
            return _positive(duration * scale / 1e9) if duration is not None else None
        return None
    return None


# -- AVI ---------------------------------------------------------------------------------------------

def _avi_seconds(f: BinaryIO) -> float | None:
    position = 12
    for _ in range(MAX_STEPS):
        f.seek(position)
        header = f.read(12)
        if len(header) < 8:
            return None
        kind, size = struct.unpack("<4sI", header[:8])
        if kind == b"LIST" and header[8:12] == b"hdrl":
            position += 12  # into the header list
            continue
        if kind == b"avih":
            f.seek(position + 8)
            micro_per_frame, _, _, _, frames = struct.unpack("<5I", f.read(20))
            return _positive(micro_per_frame * frames / 1e6)
        position += 8 + size + (size & 1)
    return None
