"""Media type of a file from its content (magic bytes), never from its name."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from inovasi_desktop.catalogue.evidence_kinds import KINDS

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
MP4 = "video/mp4"
QUICKTIME = "video/quicktime"

EXE_WINDOWS = "application/vnd.microsoft.portable-executable"
EXE_ELF = "application/x-executable"
EXE_MACH_O = "application/x-mach-binary"
SHELL_SCRIPT = "text/x-shellscript"
ZIP = "application/zip"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF = "application/vnd.oasis.opendocument"
OLE = "application/x-ole-storage"
RAR = "application/vnd.rar"
SEVEN_ZIP = "application/x-7z-compressed"
GZIP = "application/gzip"
GIF = "image/gif"
BMP = "image/bmp"
TIFF = "image/tiff"
WEBP = "image/webp"
HEIC = "image/heic"
AVIF = "image/avif"
VIDEO_3GP = "video/3gpp"
AVI = "video/x-msvideo"
MATROSKA = "video/x-matroska"
HTML = "text/html"
TEXT = "text/plain"

EXECUTABLES = frozenset({EXE_WINDOWS, EXE_ELF, EXE_MACH_O, SHELL_SCRIPT})

_DESCRIPTIONS = {
    **{media_type: kind.description for kind in KINDS for media_type in kind.media_types},
    EXE_WINDOWS: "program (executable) Windows",
    EXE_ELF: "program (executable) Linux",
    EXE_MACH_O: "program (executable) macOS",
    SHELL_SCRIPT: "skrip program",
    ZIP: "arsip ZIP",
    DOCX: "dokumen Word (DOCX)",
    XLSX: "lembar kerja Excel (XLSX)",
    PPTX: "presentasi PowerPoint (PPTX)",
    ODF: "dokumen OpenDocument",
    OLE: "dokumen Microsoft Office versi lama (DOC/XLS/PPT)",
    RAR: "arsip RAR",
    SEVEN_ZIP: "arsip 7-Zip",
    GZIP: "arsip GZIP",
    GIF: "gambar GIF",
    BMP: "gambar BMP",
    TIFF: "gambar TIFF",
    WEBP: "gambar WebP",
    HEIC: "foto HEIC (format bawaan iPhone)",
    AVIF: "gambar AVIF",
    VIDEO_3GP: "video 3GP",
    AVI: "video AVI",
    MATROSKA: "video MKV/WebM",
    HTML: "halaman web (HTML)",
    TEXT: "berkas teks biasa",
}

_HEAD_BYTES = 4096
_QUICKTIME_BRANDS = {b"qt  "}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
_OFFICE_DIRS = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))


def describe(media_type: str | None) -> str:
    """Indonesian name of a media type, e.g. "program (executable) Windows"."""
    if media_type is None:
        return "berkas dengan jenis yang tidak dikenali"
    if media_type.startswith(ODF):
        return _DESCRIPTIONS[ODF]
    return _DESCRIPTIONS.get(media_type, f"berkas berjenis {media_type}")


def sniff(path: Path | str) -> str | None:
    """The media type of the file at `path` from its first bytes, or None when unknown.

    Reads at most a few kilobytes (plus a ZIP's central directory). Raises OSError when the file
    cannot be read.
    """
    with open(path, "rb") as f:
        head = f.read(_HEAD_BYTES)
    media_type = sniff_head(head)
    if media_type == ZIP:
        return _zip_flavour(path)
    return media_type


def sniff_head(head: bytes) -> str | None:
    """The media type told by the first bytes of a file (at least 1024 for PDF), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return PDF
    if head[4:8] == b"ftyp":
        return _ftyp_type(head)
    if head[4:8] in _QUICKTIME_ATOMS and int.from_bytes(head[:4], "big") >= 8:
        return QUICKTIME
    return _other_type(head)


def _ftyp_type(head: bytes) -> str:
    """Media type from an ISO base media 'ftyp' box: major brand, then compatible brands."""
    size = int.from_bytes(head[:4], "big")
    box = head[8 : min(max(size, 16), len(head))]
    brands = [box[:4]] + [box[i : i + 4] for i in range(8, len(box) - 3, 4)]
    if brands[0] in _QUICKTIME_BRANDS:
        return QUICKTIME
    if brands[0] in _AVIF_BRANDS or (brands[0] in _HEIF_BRANDS and any(b in _AVIF_BRANDS for b in brands)):
        return AVIF  # also HEIF-based, but AV1-coded: not the iPhone's HEIC
    if brands[0] in _HEIF_BRANDS:
        return HEIC
    if brands[0].startswith(b"3g"):
        return VIDEO_3GP
    if any(b in _QUICKTIME_BRANDS for b in brands) and not any(b.startswith((b"iso", b"mp4")) for b in brands):
        return QUICKTIME
    return MP4


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", EXE_WINDOWS),
    (b"\x7fELF", EXE_ELF),
    (b"\xcf\xfa\xed\xfe", EXE_MACH_O),
    (b"\xce\xfa\xed\xfe", EXE_MACH_O),
    (b"\xfe\xed\xfa\xcf", EXE_MACH_O),
    (b"\xfe\xed\xfa\xce", EXE_MACH_O),
    (b"#!", SHELL_SCRIPT),
    (b"PK\x03\x04", ZIP),
    (b"PK\x05\x06", ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
    (b"Rar!\x1a\x07", RAR),
    (b"7z\xbc\xaf\x27\x1c", SEVEN_ZIP),
    (b"\x1f\x8b", GZIP),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"\x1a\x45\xdf\xa3", MATROSKA),
)


def _other_type(head: bytes) -> str | None:
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    if head[:2] == b"BM" and head[6:10] == b"\0\0\0\0":  # reserved bytes of the bitmap header
        return BMP
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return AVI
    return _text_type(head)


def _text_type(head: bytes) -> str | None:
    if not head or b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return None
        text = head[: err.start].decode("utf-8")
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith(("<!doctype html", "<html")):
        return HTML
    return TEXT


_MIMETYPE_BYTES = 100  # an ODF `mimetype` member is ~50 bytes; only this much is ever unpacked
_MAX_MEMBERS = 100_000  # more members than any office document: a crafted archive is just a ZIP


def _zip_flavour(path: Path | str) -> str:
    """Office documents are ZIP archives: tell them apart by their member names.

    Sizes declared inside the archive are never trusted: at most `_MIMETYPE_BYTES` are unpacked (a
    member that claims 100 bytes and unpacks to 4 GiB costs no more), and nothing else is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if len(names) > _MAX_MEMBERS:
                return ZIP
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    head = member.read(_MIMETYPE_BYTES)
                declared = head.decode("ascii", "replace").strip()
                if declared.startswith(ODF):
                    return declared
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error):
        return ZIP  # damaged, encrypted or of an unknown compression
    for prefix, media_type in _OFFICE_DIRS:
        if any(name.startswith(prefix) for name in names):
            return media_type
    return ZIP
