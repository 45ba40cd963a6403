"""The portal upload package of the example innovation with real evidence: one PDF per indicator
under the cap (large photos and scans made smaller), a message where a file cannot fit, the profile
page and checklist, atomic writing, cancel, determinism."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.model import EvidenceItem
from inovasi_desktop.export.portal import PortalInput, PortalPackageError, build_portal_package
from inovasi_desktop.export.portal.model import LINKS_ONLY, READY, TOO_BIG
from tests.fixtures.platform_skips import require_qpdf

MB = 1024 * 1024
NAME = "(Contoh) SI-PANTAU BALITA (Sistem Pemantauan Tumbuh Kembang Balita Berbasis"  # cut at 80, at a word


def noisy_jpeg(size: tuple[int, int], quality: int) -> bytes:
    """Noise over a gradient: compresses as badly as a real photo or a colour scan."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.frombytes("RGB", size, os.urandom(width * height * 3))
    out = io.BytesIO()
    Image.blend(gradient, noise, 0.35).save(out, "JPEG", quality=quality)
    return out.getvalue()


def scan_pdf(pages: int) -> bytes:
    """A colour scan at 200 dpi: one large JPEG per A4 page, no text layer."""
    pdf = pikepdf.new()
    for _ in range(pages):
        image = pikepdf.Stream(pdf, noisy_jpeg((1654, 2339), 92))
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height, image.BitsPerComponent = 1654, 2339, 8
        image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def heavy(tmp_path_factory, samples) -> PortalInput:
    """The example with real files; indicator 10 holds a 2.4 MB colour scan and two 12 MP photos."""
    folder = tmp_path_factory.mktemp("portal")
    dossier_input = samples.sample_input(folder)
    store = samples.Store(folder / "bukti")
    items = [store.attach(EvidenceItem(id="10000000-0000-4000-8000-000000000001", nomor="045/SOS/2025",
                                       tentang="Pindaian kliping koran"), scan_pdf(1), "kliping-pindaian.pdf",
                          "application/pdf")]
    for k in (1, 2):
        items.append(store.attach(EvidenceItem(id=f"10000000-0000-4000-8000-00000000001{k}",
                                               tentang=f"Foto sosialisasi {k}"),
                                  noisy_jpeg((4000, 3000), 92), f"foto-sosialisasi-{k}.jpg", "image/jpeg"))
    dossier_input.innovation.answers[10].evidence = items
    return PortalInput(catalogue=dossier_input.catalogue, innovation=dossier_input.innovation,
                       organisation=dossier_input.organisation, evidence_path=dossier_input.evidence_path)


@pytest.fixture(scope="module")
def built(heavy, tmp_path_factory):
    out = tmp_path_factory.mktemp("keluar") / "paket"
    return build_portal_package(heavy, out)


def test_one_pdf_per_indicator_named_like_the_portal_and_under_the_cap(built, heavy):
    files = set(os.listdir(built.folder))
    assert files == set(built.files)
    assert {"Isian Profil.html", "Isian Profil.txt", "Daftar Unggah.html", "Daftar Unggah.txt"} <= files
    rows = {row.place: row for row in built.rows}
    for number in range(1, 20):
        row = rows[f"Indikator {number}"]
        assert row.file_name == f"{NAME} (Indikator {number}).pdf"
        assert row.status == READY and 0 < row.size <= 2 * MB
        assert (built.folder / row.file_name).stat().st_size == row.size
    assert rows["Indikator 20"].status == LINKS_ONLY and not rows["Indikator 20"].file_name  # only the video link
    assert rows["Lampiran profil"].file_name == f"{NAME} (Anggaran).pdf"
    assert built.problems == []


def test_large_photos_and_scans_are_made_smaller_and_stay_readable(built, heavy, samples):
    stored = sum(item.size for item in heavy.innovation.answers[10].evidence)
    assert stored > 15 * MB  # the originals would never pass the portal
    path = built.folder / f"{NAME} (Indikator 10).pdf"
    assert path.stat().st_size <= 2 * MB
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 4  # separator, the scan, two photos
        widths = [int(image.Width) for page in pdf.pages for _, image in page.get_images().items()]
    assert widths and max(widths) < 1654  # the 200 dpi scan was resampled
    texts = samples.page_texts(path)
    assert "LAMPIRAN INDIKATOR 10" in texts[0] and "kliping-pindaian.pdf" in texts[0]
    assert "foto-sosialisasi-2.jpg" in texts[3]
    require_qpdf()
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)


def test_a_file_that_cannot_fit_is_named_with_how_far_over(heavy, tmp_path):
    result = build_portal_package(replace(heavy, cap_bytes=100 * 1024), tmp_path / "paket")
    over = [row for row in result.rows if row.status == TOO_BIG]
    assert [row.place for row in over] == ["Indikator 10"]
    row = over[0]
    assert row.size > 100 * 1024 and (tmp_path / "paket" / row.file_name).stat().st_size == row.size
    message = result.problems[0]
    assert f'"{row.file_name}"' in message and "di atas batas 100 KB" in message
    assert '"foto-sosialisasi-1.jpg"' in message or '"foto-sosialisasi-2.jpg"' in message
    checklist = (tmp_path / "paket" / "Daftar Unggah.txt").read_text(encoding="utf-8")
    assert "Melebihi batas" in checklist and "di atas batas 100 KB" in checklist


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.buttons: list[str] = []
        self.external: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link", "img", "iframe") and (attrs.get("src") or attrs.get("href")):
            self.external.append(tag)
        if tag == "button":
            self.buttons.append(attrs["onclick"].split("'")[1])
        self._open.append(attrs.get("id", ""))
        if attrs.get("id"):
            self.ids[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for ident in self._open:
            if ident:
                self.ids[ident] += data


def test_profile_page_has_a_copy_button_per_field_in_portal_order_and_works_offline(built, heavy):
    html = (built.folder / "Isian Profil.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert page.external == []  # nothing to fetch: it opens without a network
    assert page.buttons and all(target in page.ids for target in page.buttons)
    innovation = heavy.innovation
    assert page.ids["f-nama_inovasi"] == innovation.name
    assert page.ids["f-tujuan"] == innovation.profile["tujuan"].strip()
    assert "f-rancang_bangun" in page.buttons and "f-rancang_bangun-dasar_hukum" in page.buttons
    order = [f.label for f in heavy.catalogue.fields if f.is_visible(innovation.profile)]
    positions = [html.index(f". {label}</h3>".replace("&", "&amp;")) for label in order]
    assert positions == sorted(positions)  # the catalogue's (the portal's) field order
    video = next(i.link for i in innovation.answers[20].evidence if i.is_link)
    assert page.ids["l-20-1"] == video and "Tautan video (Indikator 20)" in html
    assert "Tingkat 2: Peraturan Kepala Daerah" in html  # indicator 1's chosen level
    text = (built.folder / "Isian Profil.txt").read_bytes()
    assert b"\r\n" in text and video.encode() in text and innovation.name.encode() in text


def test_checklist_lists_every_indicator_with_file_size_and_status(built):
    text = (built.folder / "Daftar Unggah.txt").read_text(encoding="utf-8")
    html = (built.folder / "Daftar Unggah.html").read_text(encoding="utf-8")
    for number in range(1, 21):
        assert f"Indikator {number}:" in text
    assert f"Berkas : {NAME} (Indikator 10).pdf (" in text and "Siap diunggah" in text
    assert html.count('type="checkbox"') == 20  # 19 indicator PDFs and the anggaran


def test_same_content_gives_the_same_bytes(heavy, tmp_path, built):
    again = build_portal_package(heavy, tmp_path / "lagi")

    def digests(folder: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    assert digests(again.folder) == digests(built.folder)


def test_cancel_leaves_nothing_behind(heavy, tmp_path):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 40  # in the middle of indicator 10's attempts

    with pytest.raises(Cancelled):
        build_portal_package(heavy, tmp_path / "paket", cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_leaves_nothing_behind(heavy, tmp_path):
    missing = replace(heavy, evidence_path=lambda sha: tmp_path / "tidak-ada" / sha)
    with pytest.raises(Exception, match="tidak ditemukan"):
        build_portal_package(missing, tmp_path / "paket")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_with_files_is_never_written_into(heavy, tmp_path):
    target = tmp_path / "paket"
    target.mkdir()
    (target / "catatan.txt").write_text("milik pengguna")
    with pytest.raises(PortalPackageError, match="tidak kosong"):
        build_portal_package(heavy, target)
    assert os.listdir(target) == ["catatan.txt"] and len(os.listdir(tmp_path)) == 1
