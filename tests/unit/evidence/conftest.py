"""Makers of real evidence files (PDFs, images) for the evidence tests: the `files` fixture."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas


class EvidenceFiles:
    """Writes evidence files into one folder; every maker returns the path written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path

    def text_pdf(self, name: str = "surat.pdf", pages: tuple[str, ...] = ("Surat Keputusan",)) -> Path:
        """A PDF with one line of real text on each page."""
        path = self.folder / name
        c = canvas.Canvas(str(path))
        for line in pages:
            c.drawString(72, 720, line)
            c.showPage()
        c.save()
        return path

    def scanned_pdf(self, name: str = "pindaian.pdf", pages: int = 3) -> Path:
        """A PDF whose pages are only a JPEG picture each, as a scanner makes: no text layer."""
        image = self.jpeg_bytes((200, 283))
        pdf = pikepdf.new()
        for _ in range(pages):
            xobject = pikepdf.Stream(pdf, image)
            xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            xobject.Width, xobject.Height, xobject.BitsPerComponent = 200, 283, 8
            xobject.ColorSpace, xobject.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
            page = pdf.add_blank_page(page_size=(595, 842))
            page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject))
            page.Contents = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
        path = self.folder / name
        pdf.save(path)
        return path

    def active_pdf(self, name: str = "aktif.pdf") -> Path:
        """A text PDF carrying every kind of active content the checker knows, and a web link that must stay."""
        path = self.folder / name
        with pikepdf.open(self.text_pdf("dasar.pdf", ("Laporan", "Lampiran"))) as pdf:
            _add_active_content(pdf)
            pdf.save(path)
        return path

    @staticmethod
    def jpeg_bytes(size: tuple[int, int] = (320, 240), color=(180, 40, 40), **save_options) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", size, color).save(buffer, "JPEG", **save_options)
        return buffer.getvalue()

    @staticmethod
    def png_declaring(width: int, height: int) -> bytes:
        """A PNG whose header (with a valid CRC) declares width x height RGB pixels, with almost no data."""
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _chunk(
            b"IEND", b""
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _add_active_content(pdf: pikepdf.Pdf) -> None:
    """Every kind of active content the checker knows, plus an ordinary web link that must stay."""
    Name, Dictionary, Array = pikepdf.Name, pikepdf.Dictionary, pikepdf.Array

    def script(code: str) -> pikepdf.Object:
        return pdf.make_indirect(Dictionary(Type=Name.Action, S=Name.JavaScript, JS=pikepdf.String(code)))

    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([pikepdf.String("init"), script("app.alert(1)")])))
    program = b"MZ\x90\x00program"
    pdf.attachments["data.exe"] = pikepdf.AttachedFileSpec(pdf, program, mime_type="application/x-msdownload")
    pdf.Root.OpenAction = script("this.print()")
    pdf.Root.AcroForm = Dictionary(Fields=Array(), XFA=pikepdf.Stream(pdf, b"<xdp:xdp/>"))
    page = pdf.pages[0].obj
    page.AA = Dictionary(O=script("app.beep(0)"))
    rect = Array([72, 72, 200, 100])
    launch = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=rect,
                        A=Dictionary(S=Name.Launch, F=pikepdf.String("cmd.exe")))
    attachment = Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=rect,
                            FS=pdf.attachments["data.exe"].obj, Contents=pikepdf.String("lampiran"))
    web = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=rect,
                     A=Dictionary(S=Name.URI, URI=pikepdf.String("https://example.go.id/")))
    page.Annots = Array([pdf.make_indirect(a) for a in (launch, attachment, web)])


@pytest.fixture
def files(tmp_path: Path) -> EvidenceFiles:
    folder = tmp_path / "sumber"
    folder.mkdir()
    return EvidenceFiles(folder)

