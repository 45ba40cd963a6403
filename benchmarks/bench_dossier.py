"""Benchmark the dossier export: 20 indicators, 60 evidence PDFs (~300 pages) and 40 photos of
4000 x 3000 pixels. Prints export time, peak memory (ru_maxrss of the child process that exports),
output size, and the same for `qpdf --empty --pages <the same PDFs> -- out.pdf` as a yardstick.

    .venv/bin/python benchmarks/bench_dossier.py [--keep DIR]

Measures and prints only; never part of the test run.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INDICATORS, PDFS_PER_INDICATOR, PHOTOS_PER_INDICATOR, PAGES_PER_PDF = 20, 3, 2, 5
PHOTO_SIZE = (4000, 3000)


def make_pdf(pages: int, label: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 15)
        canvas.drawString(60, 780, f"{label}, halaman {number}")
        canvas.setFont("Helvetica", 10)
        for line in range(45):
            canvas.drawString(60, 750 - line * 15, f"Baris {line + 1}: isi surat keputusan, daftar hadir, "
                                                   "notulen rapat, dan tabel rekapitulasi layanan.")
        canvas.rect(50, 60, 495, 700)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def make_photo(seed: int) -> bytes:
    """A camera-like JPEG: a gradient with sensor noise (noise keeps the file size realistic)."""
    from PIL import Image

    width, height = PHOTO_SIZE
    noise = Image.effect_noise((width // 2, height // 2), 30 + seed % 10).resize(PHOTO_SIZE)
    gradient = Image.linear_gradient("L").resize(PHOTO_SIZE)
    photo = Image.merge("RGB", (gradient, noise, Image.new("L", PHOTO_SIZE, 90 + seed)))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    return out.getvalue()


def prepare(folder: Path) -> list[Path]:
    """Write the evidence store and the innovation (interchange JSON); return the evidence PDFs."""
    from inovasi_desktop.catalogue.loader import load_catalogue
    from inovasi_desktop.domain.model import EvidenceItem, IndicatorAnswer
    from inovasi_desktop.export import interchange

    store = folder / "bukti"
    store.mkdir(parents=True)
    catalogue = load_catalogue(REPO / "forms" / "iid-2026.toml")
    innovation = interchange.loads((REPO / "examples" / "contoh-inovasi.json").read_text(encoding="utf-8"))
    pdfs: list[Path] = []

    def stored(data: bytes, name: str, media_type: str, number: int, k: int) -> EvidenceItem:
        digest = hashlib.sha256(data).hexdigest()
        (store / digest).write_bytes(data)
        return EvidenceItem(id=f"00000000-0000-4000-8000-{number:06d}{k:06d}", nomor=f"{number}/{k}/2025",
                            tanggal=date(2025, 1 + k % 12, 1 + number), tentang=f"Bukti {k} indikator {number}",
                            sha256=digest, file_name=name, size=len(data), media_type=media_type)

    for indicator in catalogue.indicators[:INDICATORS]:
        number = indicator.number
        answer = innovation.answers.get(number) or IndicatorAnswer(number=number)
        answer.level = answer.level or 1
        answer.basis = answer.basis or (indicator.bases[0].key if indicator.bases else None)
        answer.evidence = []
        for k in range(PDFS_PER_INDICATOR):
            item = stored(make_pdf(PAGES_PER_PDF, f"Bukti {k + 1} indikator {number}"), f"bukti-{number}-{k}.pdf",
                          "application/pdf", number, k)
            answer.evidence.append(item)
            pdfs.append(store / item.sha256)
        for k in range(PHOTOS_PER_INDICATOR):
            answer.evidence.append(stored(make_photo(number * 10 + k), f"foto-{number}-{k}.jpg", "image/jpeg",
                                          number, 100 + k))
        innovation.answers[number] = answer
    (folder / "inovasi.json").write_text(interchange.dumps(innovation), encoding="utf-8")
    return pdfs


def child(folder: Path, mode: str) -> None:
    """Runs in its own process so that its peak memory can be measured alone."""
    from inovasi_desktop.catalogue.loader import load_catalogue
    from inovasi_desktop.domain.model import Organisation
    from inovasi_desktop.export import interchange
    from inovasi_desktop.export.dossier import DossierInput, build_dossier

    if mode == "prepare":
        pdfs = prepare(folder)
        print(json.dumps([str(p) for p in pdfs]))
        return
    if mode == "idle":
        return  # imports only: the floor under every figure
    if mode == "photos":
        # The least work any exporter must do with the photos: decode, fit to A4 at 150 dpi, re-encode.
        from PIL import Image

        start = time.perf_counter()
        for path in sorted((folder / "bukti").iterdir()):
            if path.read_bytes()[:2] == b"\xff\xd8":
                with Image.open(path) as image:
                    image.draft("RGB", (1240, 1754))
                    image.thumbnail((1240, 1754))
                    image.save(io.BytesIO(), "JPEG", quality=85)
        print(json.dumps({"seconds": time.perf_counter() - start}))
        return
    source = DossierInput(
        catalogue=load_catalogue(REPO / "forms" / "iid-2026.toml"),
        innovation=interchange.loads((folder / "inovasi.json").read_text(encoding="utf-8")),
        organisation=Organisation(pemda="Kabupaten Mojokerto", opd="Dinas Kesehatan", head_name="dr. Ani",
                                  head_nip="197503122005012003"),
        evidence_path=lambda sha256: folder / "bukti" / sha256, generated_on=date(2026, 11, 29), place="Mojokerto")
    start = time.perf_counter()
    result = build_dossier(source, folder / "berkas.pdf")
    print(json.dumps({"seconds": time.perf_counter() - start, "pages": result.pages, "bytes": result.bytes}))


def measured(command: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MiB, stdout) of one child process. Linux carries the parent's
    high-water mark into a child at exec, so the parent stays small: it imports nothing heavy."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:3]} failed with {process.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1])
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        me = [sys.executable, __file__, "--child", str(folder)]
        made, _, listing = measured(me + ["prepare"])
        pdfs = [Path(p) for p in json.loads(listing)]
        photos_mb = sum(p.stat().st_size for p in (folder / "bukti").iterdir() if p not in pdfs) / 2**20
        print(f"input: {len(pdfs)} PDFs ({len(pdfs) * PAGES_PER_PDF} pages, "
              f"{sum(p.stat().st_size for p in pdfs) / 2**20:.1f} MiB), "
              f"{INDICATORS * PHOTOS_PER_INDICATOR} photos {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} ({photos_mb:.1f} MiB); "
              f"made in {made:.1f} s")
        _, idle_mb, _ = measured(me + ["idle"])
        wall, peak_mb, out = measured(me + ["export"])
        figures = json.loads(out)
        qpdf_out = folder / "qpdf.pdf"
        qpdf_wall, qpdf_mb, _ = measured(["qpdf", "--empty", "--pages", *map(str, pdfs), "--", str(qpdf_out)])
        print(f"dossier export : {figures['seconds']:6.2f} s in build_dossier ({wall:.2f} s with start-up), "
              f"peak RSS {peak_mb} MiB (imports alone {idle_mb} MiB), "
              f"{figures['pages']} pages, {figures['bytes'] / 2**20:.1f} MiB")
        print(f"qpdf merge only: {qpdf_wall:6.2f} s, peak RSS {qpdf_mb} MiB, {len(pdfs) * PAGES_PER_PDF} pages, "
              f"{qpdf_out.stat().st_size / 2**20:.1f} MiB")
        photos_s = json.loads(measured(me + ["photos"])[2])["seconds"]
        yardstick = qpdf_wall + photos_s
        print(f"photos only    : {photos_s:6.2f} s (Pillow: decode, fit A4 at 150 dpi, JPEG)")
        print(f"ratio          : export {figures['seconds']:.2f} s / (qpdf merge + photos) {yardstick:.2f} s "
              f"= {figures['seconds'] / yardstick:.1f}x (goal <= 3x); peak {peak_mb} MiB (goal < 400 MiB)")


if __name__ == "__main__":
    main()
