"""Benchmark the portal upload package: the example innovation as shipped, and the same with
indicator 10 holding two 200 dpi colour scans and four 12 MP photos (made smaller to fit 2 MB).
Prints the median wall time of a few runs, the package size and the largest file.

    .venv/bin/python benchmarks/bench_portal_package.py [--runs N]

Measures and prints only; never part of the test run.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def noisy_jpeg(size: tuple[int, int], quality: int) -> bytes:
    from PIL import Image

    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    out = io.BytesIO()
    Image.blend(gradient, noise, 0.35).save(out, "JPEG", quality=quality)
    return out.getvalue()


def scan_pdf() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, noisy_jpeg((1654, 2339), 92))
    image.Type, image.Subtype, image.Width, image.Height = pikepdf.Name.XObject, pikepdf.Name.Image, 1654, 2339
    image.BitsPerComponent, image.ColorSpace, image.Filter = 8, pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def add_heavy_evidence(ws, innovation_id: str, folder: Path) -> None:
    from inovasi_desktop.services import evidence, innovation_evidence

    files = []
    for k in (1, 2):
        path = folder / f"pindaian-{k}.pdf"
        path.write_bytes(scan_pdf())
        files.append(path)
    for k in range(1, 5):
        path = folder / f"foto-{k}.jpg"
        path.write_bytes(noisy_jpeg((4000, 3000), 92))
        files.append(path)
    evidence.set_max_bytes(ws, 1024**3)  # store the originals as they are
    innovation_evidence.add_files(ws, innovation_id, "10", files, evidence.Metadata("", None, "bukti berat"))


def measure(ws, innovation_id: str, runs: int, folder: Path) -> None:
    from inovasi_desktop.rules.format import format_size_id
    from inovasi_desktop.services import portal_package

    folder.mkdir()
    times, result = [], None
    for n in range(runs):
        start = time.perf_counter()
        result = portal_package.make_package(ws, innovation_id, folder / f"paket-{n}")
        times.append(time.perf_counter() - start)
    files = [result.folder / name for name in result.files]
    largest = max(files, key=lambda p: p.stat().st_size)
    print(f"  waktu median   : {statistics.median(times):.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"  paket          : {len(files)} berkas, {format_size_id(sum(p.stat().st_size for p in files))}")
    print(f"  berkas terbesar: {largest.name} ({format_size_id(largest.stat().st_size)})")
    print(f"  melebihi batas : {len(result.problems)}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-portal-") as temp:
        temp = Path(temp)
        os.environ["INOVASI_HOME"] = str(temp / "data")
        from inovasi_desktop.services import innovations
        from inovasi_desktop.services.workspace import Workspace

        ws = Workspace()
        ws.open()
        example = innovations.import_example(ws)
        print("Contoh inovasi (examples/contoh-inovasi.json):")
        measure(ws, example.id, args.runs, temp / "contoh")
        heavy = innovations.duplicate(ws, example.id)
        add_heavy_evidence(ws, heavy.id, temp)
        print("Contoh + indikator 10 berat (2 pindaian 200 dpi, 4 foto 12 MP):")
        measure(ws, heavy.id, args.runs, temp / "berat")
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
