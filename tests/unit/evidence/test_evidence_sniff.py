import tracemalloc
import zipfile
from pathlib import Path

import pytest

from inovasi_desktop.evidence import sniff as s


def _write(tmp_path: Path, data: bytes, name: str = "berkas.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\0\0\0\0" + b"".join(compatible)
    return (8 + len(body)).to_bytes(4, "big") + b"ftyp" + body + b"\0\0\0\x08free"


def test_real_pdf_and_images_by_content_whatever_the_name(files):
    assert s.sniff(files.text_pdf("foto.jpg")) == s.PDF
    assert s.sniff(files.write("dokumen.pdf", files.jpeg_bytes())) == s.JPEG
    assert s.sniff(files.write("x.mp4", files.png_declaring(10, 10))) == s.PNG


def test_pdf_header_after_junk_is_found_only_within_1024_bytes(tmp_path):
    assert s.sniff(_write(tmp_path, b"\0" * 1000 + b"%PDF-1.7\n...", "a.pdf")) == s.PDF
    assert s.sniff(_write(tmp_path, b"\0" * 1030 + b"%PDF-1.7\n...", "b.pdf")) is None


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        (_ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41"), s.MP4),
        (_ftyp(b"mp42", b"mp42", b"isom"), s.MP4),
        (_ftyp(b"qt  ", b"qt  "), s.QUICKTIME),
        (_ftyp(b"heic", b"mif1", b"heic"), s.HEIC),
        (_ftyp(b"mif1", b"mif1", b"heic"), s.HEIC),
        (_ftyp(b"avif", b"avif", b"mif1", b"miaf"), s.AVIF),
        (_ftyp(b"mif1", b"mif1", b"avif"), s.AVIF),
        (_ftyp(b"avis", b"avis", b"msf1"), s.AVIF),
        (_ftyp(b"3gp4", b"3gp4"), s.VIDEO_3GP),
    ],
)
def test_iso_media_by_ftyp_brands(tmp_path, box, expected):
    assert s.sniff(_write(tmp_path, box + b"\0" * 64, "video.bin")) == expected


def test_avif_image_is_named_avif_not_iphone_heic(tmp_path):
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "#2f6f8f").save(out, "AVIF")  # a real AVIF, as Pillow writes it
    path = _write(tmp_path, out.getvalue(), "foto.avif")
    assert s.sniff(path) == s.AVIF
    assert s.describe(s.sniff(path)) == "gambar AVIF"
    assert "iPhone" not in s.describe(s.sniff(path))


def test_old_quicktime_without_ftyp(tmp_path):
    assert s.sniff(_write(tmp_path, b"\0\0\0\x20moov" + b"\0" * 100, "lama.mov")) == s.QUICKTIME


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"MZ\x90\x00\x03" + b"\0" * 200, s.EXE_WINDOWS),
        (b"\x7fELF\x02\x01\x01" + b"\0" * 200, s.EXE_ELF),
        (b"\xcf\xfa\xed\xfe" + b"\0" * 200, s.EXE_MACH_O),
        (b"#!/bin/sh\nrm -rf ~\n", s.SHELL_SCRIPT),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, s.OLE),
        (b"GIF89a" + b"\0" * 20, s.GIF),
        (b"RIFF\0\0\0\0WEBPVP8 ", s.WEBP),
        (b"<!DOCTYPE html><html></html>", s.HTML),
        ("Laporan kegiatan — tahun 2025 ✓\n".encode(), s.TEXT),
        (b"\x00\x01\x02\x03\xfe\xff" * 10, None),
    ],
)
def test_other_types_are_named(tmp_path, head, expected):
    assert s.sniff(_write(tmp_path, head)) == expected


def test_executable_description_says_program():
    assert "program (executable)" in s.describe(s.EXE_WINDOWS)
    assert "program (executable)" in s.describe(s.EXE_ELF)
    assert s.describe(None) == "berkas dengan jenis yang tidak dikenali"


@pytest.mark.parametrize(
    ("member", "expected"),
    [("word/document.xml", s.DOCX), ("xl/workbook.xml", s.XLSX), ("ppt/presentation.xml", s.PPTX), ("a.txt", s.ZIP)],
)
def test_office_documents_are_told_apart_from_plain_zip(tmp_path, member, expected):
    path = tmp_path / "dok.pdf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<x/>")
    assert s.sniff(path) == expected


def test_opendocument_by_its_mimetype_member(tmp_path):
    path = tmp_path / "dok.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    assert s.sniff(path) == "application/vnd.oasis.opendocument.text"
    assert s.describe(s.sniff(path)) == "dokumen OpenDocument"


def test_kinds_cover_exactly_the_catalogue_file_kinds():
    from inovasi_desktop.catalogue import EVIDENCE_KINDS
    from inovasi_desktop.catalogue.evidence_kinds import KIND_BY_MEDIA_TYPE

    assert set(KIND_BY_MEDIA_TYPE) == {s.PDF, s.JPEG, s.PNG, s.MP4, s.QUICKTIME}  # each one sniff tells
    assert sorted(KIND_BY_MEDIA_TYPE.values()) == sorted(k for k in EVIDENCE_KINDS if k != "link")


def test_unreadable_path_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        s.sniff(tmp_path / "tidak-ada.pdf")


def _bomb(path: Path, unpacked: int) -> Path:
    """A small ZIP whose `mimetype` member unpacks to `unpacked` bytes (written streaming: no big buffer)."""
    chunk = b"application/vnd.oasis.opendocument.text" + b" " * ((1 << 20) - 39)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as member:
            for _ in range(unpacked >> 20):
                member.write(chunk)
        archive.writestr("word/document.xml", "<w/>")
    return path


def test_a_member_that_unpacks_to_hundreds_of_megabytes_is_read_a_hundred_bytes_deep(tmp_path):
    bomb = _bomb(tmp_path / "bom.docx", 256 << 20)
    assert bomb.stat().st_size < 1 << 20  # ~250 kB on disk, 256 MB unpacked (4 GiB took 8.4 GB of memory before)
    tracemalloc.start()
    try:
        assert s.sniff(bomb) == "application/vnd.oasis.opendocument.text"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 << 20


@pytest.mark.parametrize("damage", [b"\x00" * 64, b"PK\x03\x04" + b"\xff" * 60])
def test_a_damaged_or_crafted_archive_is_just_a_zip(tmp_path, damage):
    bomb = _bomb(tmp_path / "bom.docx", 1 << 20)
    data = bytearray(bomb.read_bytes())
    data[60:124] = damage  # inside the mimetype member's compressed data
    bomb.write_bytes(bytes(data))
    assert s.sniff(bomb) in (s.ZIP, s.DOCX, "application/vnd.oasis.opendocument.text")
