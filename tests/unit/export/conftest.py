"""Dossier test helpers: real evidence files, a sample dossier input, PDF inspection with poppler.

Evidence PDFs are made with reportlab, photos with Pillow; every file is stored under its sha256,
as the evidence store does, and the items of the example innovation are pointed at them.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw
from platform_skips import require_poppler
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from inovasi_desktop.catalogue.loader import load_catalogue
from inovasi_desktop.domain.model import EvidenceItem, Innovation, Organisation
from inovasi_desktop.export.dossier import DossierInput
from inovasi_desktop.export.interchange import loads

REPO = Path(__file__).resolve().parents[3]
GENERATED_ON = date(2026, 11, 29)


def make_pdf(pages: int, label: str, size=A4) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1)
    for number in range(1, pages + 1):
        width, height = size
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(60, height - 80, f"{label} - halaman {number}")
        canvas.setFont("Helvetica", 11)
        for line in range(20):
            canvas.drawString(60, height - 120 - line * 16, f"Baris isi dokumen bukti nomor {line + 1}.")
        canvas.drawString(60, 30, f"Teks di tepi bawah {label} {number}")  # must stay visible under the footer
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def make_photo(width: int, height: int, colour: str, fmt: str = "JPEG", orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for i in range(0, width, max(1, width // 12)):
        draw.line([(i, 0), (width - i, height)], fill="white", width=max(1, width // 200))
    draw.rectangle([width // 10, height // 10, width // 3, height // 3], fill="black")  # marks the top-left
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(out, fmt, **({"exif": exif} if fmt == "JPEG" else {}))
    return out.getvalue()


class Store:
    """Files by sha256 in a folder, like the evidence store."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.folder / sha256

    def attach(self, item: EvidenceItem, data: bytes, name: str, media_type: str) -> EvidenceItem:
        digest = hashlib.sha256(data).hexdigest()
        self.path(digest).write_bytes(data)
        item.sha256, item.file_name, item.size, item.media_type, item.link = digest, name, len(data), media_type, None
        return item


def organisation() -> Organisation:
    return Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                        head_name="dr. Ani Rahmawati, M.Kes.", head_nip="197503122005012003",
                        head_position="Kepala Dinas Kesehatan Kabupaten Mojokerto")


def example_innovation() -> Innovation:
    return loads((REPO / "examples" / "contoh-inovasi.json").read_text(encoding="utf-8"))


def catalogue():
    return load_catalogue(REPO / "forms" / "iid-2026.toml")


def sample_input(folder: Path, *, photos: int = 2) -> DossierInput:
    """The example innovation with real files: `photos` JPEG photos (the first turned by EXIF) and one
    PNG on indicators that accept images, a landscape PDF on indicator 3, PDFs of 1-3 pages for the
    rest, the example's video link kept, and an anggaran attachment."""
    store = Store(folder / "bukti")
    catalogue_ = catalogue()
    innovation = example_innovation()
    images = photos + 1
    for number in sorted(innovation.answers):
        accepts = catalogue_.indicator(number).accepts
        for i, item in enumerate(innovation.answers[number].evidence):
            if item.is_link:
                continue
            if images and "jpg" in accepts:
                fmt = "JPEG" if images > 1 else "PNG"
                data = make_photo(1600, 1200, "#2f6f8f" if fmt == "JPEG" else "#7a4f2f", fmt,
                                  orientation=6 if images == photos + 1 else None)
                store.attach(item, data, f"foto-{number}-{i + 1}.{fmt.lower()}", f"image/{fmt.lower()}")
                images -= 1
            elif number == 3 and i == 0:
                store.attach(item, make_pdf(2, f"Lampiran mendatar {number}", landscape(A4)),
                             f"tabel-indikator-{number}.pdf", "application/pdf")
            else:
                store.attach(item, make_pdf(1 + (number + i) % 3, f"Bukti indikator {number}"),
                             f"bukti-{number}-{i + 1}.pdf", "application/pdf")
    anggaran = store.attach(EvidenceItem(id="0b9c7a3e-5f1d-4c2a-9e8b-1d2f3a4b5c6d", nomor="DPA-1.02.0.00.0.00.01.0000",
                                         tanggal=date(2025, 1, 2),
                                         tentang="Dokumen Pelaksanaan Anggaran Dinas Kesehatan 2025"),
                            make_pdf(1, "DPA"), "dpa-2025.pdf", "application/pdf")
    innovation.attachments["anggaran"] = [anggaran]
    return DossierInput(catalogue=catalogue_, innovation=innovation, organisation=organisation(),
                        evidence_path=store.path, generated_on=GENERATED_ON, place="Mojokerto")


def page_texts(path: Path) -> list[str]:
    """Text of every page, whitespace collapsed (pdftotext ends each page with a form feed)."""
    require_poppler()
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return [" ".join(page.split()) for page in out.decode("utf-8").split("\f")[:-1]]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 0-based target page) of every outline entry, in order."""
    entries: list[tuple[int, str, int]] = []
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        with pdf.open_outline() as tree:
            def walk(items, depth: int) -> None:
                for item in items:
                    entries.append((depth, item.title, pages[item.destination[0].objgen]))
                    walk(item.children, depth + 1)
            walk(tree.root, 0)
    return entries


def fonts(path: Path) -> list[tuple[str, bool, tuple[int, int]]]:
    """(name, embedded, object id) of every font `pdffonts` lists."""
    require_poppler()
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()  # name type [type] encoding emb sub uni object-number generation
        rows.append((parts[0], parts[-5] == "yes", (int(parts[-2]), int(parts[-1]))))
    return rows


class Samples:
    """The helpers above, handed to tests through the `samples` fixture (tests import no helper module)."""

    GENERATED_ON = GENERATED_ON
    Store = Store
    make_pdf = staticmethod(make_pdf)
    make_photo = staticmethod(make_photo)
    sample_input = staticmethod(sample_input)
    page_texts = staticmethod(page_texts)
    outline = staticmethod(outline)
    fonts = staticmethod(fonts)


@pytest.fixture(scope="session")
def samples() -> type[Samples]:
    return Samples
