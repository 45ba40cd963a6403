"""Cost of the page checks of issue 13, in one run on the same files:

- the render check of a repaired PDF (every page walked with pikepdf and drawn by PDFium): a 300-page
  text PDF with an embedded font and a picture every tenth page, its cross-reference table damaged so
  qpdf repairs it; check_file on the whole file and on the repaired one (the difference is the check);
- text extraction for the region check: PDFium (what the app uses) against poppler's pdftotext
  (a test tool only), for the first 3 pages and for all pages.

Run: .venv/bin/python benchmarks/bench_pdf_pages.py [--pages 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from inovasi_desktop.evidence import checks
from inovasi_desktop.evidence.checks import check_file
from inovasi_desktop.evidence.pdf_damage import damaged_pages
from inovasi_desktop.evidence.pdfium import first_pages_text

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def make_pdf(path: Path, pages: int) -> None:
    pdfmetrics.registerFont(TTFont("BenchDejaVu", str(FONTS / "DejaVuSans.ttf")))
    picture = io.BytesIO()
    Image.linear_gradient("L").resize((600, 400)).convert("RGB").save(picture, "JPEG", quality=80)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for number in range(1, pages + 1):
        canvas.setFont("BenchDejaVu", 14)
        canvas.drawString(60, 780, f"PEMERINTAH KABUPATEN MOJOKERTO - halaman {number}")
        canvas.setFont("BenchDejaVu", 10)
        for line in range(45):
            canvas.drawString(60, 750 - line * 15, f"Baris {line + 1}: laporan pelaksanaan inovasi daerah tahun 2025.")
        if number % 10 == 0:
            picture.seek(0)
            from reportlab.lib.utils import ImageReader

            canvas.drawImage(ImageReader(picture), 300, 60, 240, 160)
        canvas.showPage()
    canvas.save()
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable)


def make_scan(path: Path, pages: int) -> None:
    """Every page a distinct grey JPEG 'scan' at 150 dpi (noise over a gradient), as a scanner makes."""
    import os

    size = (1240, 1754)
    gradient = Image.linear_gradient("L").resize(size)
    images = []
    for _ in range(6):
        buffer = io.BytesIO()
        Image.blend(gradient, Image.frombytes("L", size, os.urandom(size[0] * size[1])), 0.25).save(
            buffer, "JPEG", quality=60)
        images.append(buffer.getvalue())
    pdf = pikepdf.new()
    for number in range(pages):
        image = pikepdf.Stream(pdf, images[number % len(images)])
        image.Type, image.Subtype, image.Width, image.Height = pikepdf.Name.XObject, pikepdf.Name.Image, *size
        image.BitsPerComponent, image.ColorSpace, image.Filter = 8, pikepdf.Name.DeviceGray, pikepdf.Name.DCTDecode
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable)


def damage_xref(source: Path, target: Path) -> None:
    """Every cross-reference offset off by 7 bytes: qpdf rebuilds the table on opening."""
    data = source.read_bytes()
    table = re.search(rb"xref\r?\n0 (\d+)\r?\n", data)
    count, start = int(table[1]), table.end()
    entries = [data[start + 20 * i: start + 20 * (i + 1)] for i in range(count)]
    shifted = b"".join(b"%010d" % (int(e[:10]) + 7) + e[10:] if e[17:18] == b"n" else e for e in entries)
    target.write_bytes(data[:start] + shifted + data[start + 20 * count:])


def best(repeat: int, action) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def pdftotext(path: Path, pages: int | None) -> str:
    command = ["pdftotext", "-q", "-enc", "UTF-8"] + (["-f", "1", "-l", str(pages)] if pages else []) + [str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8", "replace")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        whole, repaired = Path(folder) / "utuh.pdf", Path(folder) / "diperbaiki.pdf"
        make_pdf(whole, args.pages)
        damage_xref(whole, repaired)
        print(f"{args.pages} pages, {whole.stat().st_size / 1e6:.1f} MB; best of {args.repeat}; "
              f"page check time limit {checks.PAGE_CHECK_SECONDS} s")

        scan, scan_repaired = Path(folder) / "pindaian.pdf", Path(folder) / "pindaian-diperbaiki.pdf"
        make_scan(scan, args.pages)
        damage_xref(scan, scan_repaired)
        for name, plain, broken in (("text", whole, repaired), (f"scan {scan.stat().st_size / 1e6:.0f} MB", scan,
                                                                scan_repaired)):
            seconds, check = best(args.repeat, lambda p=plain: check_file(p, pemda="Kabupaten Mojokerto"))
            print(f"{name:12} check_file, whole file:            {seconds:6.2f} s  {check.codes}")
            seconds, check = best(args.repeat, lambda p=broken: check_file(p, pemda="Kabupaten Mojokerto"))
            print(f"{name:12} check_file, repaired (page check): {seconds:6.2f} s  {check.codes}")
            with pikepdf.open(broken) as pdf, tempfile.TemporaryDirectory() as scratch:
                saved = Path(scratch) / "r.pdf"
                pdf.save(saved)
                seconds, damage = best(args.repeat, lambda pdf=pdf, saved=saved: damaged_pages(pdf, saved, seconds=600))
            print(f"{name:12}   damaged_pages alone (walk + render {damage.checked} pages): {seconds:6.2f} s, "
                  f"{seconds / args.pages * 1000:.1f} ms/page, bad pages {damage.bad_pages}")

        for pages, label in ((3, "first 3 pages"), (None, f"all {args.pages} pages")):
            seconds, text = best(args.repeat, lambda p=pages: first_pages_text(whole, p or args.pages))
            print(f"text, {label:14} PDFium:    {seconds:6.3f} s  ({len(text):7d} characters)")
            if shutil.which("pdftotext"):
                seconds, text = best(args.repeat, lambda p=pages: pdftotext(whole, p))
                print(f"text, {label:14} pdftotext: {seconds:6.3f} s  ({len(text):7d} characters)")


if __name__ == "__main__":
    main()
