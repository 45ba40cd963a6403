"""Time and peak memory of check_file on a 300-page scanned PDF (every page a JPEG, no text layer).

The PDF is made first (pikepdf, ~0.5 MB of JPEG per page, distinct image objects), then checked in
a fresh Python process whose own peak resident memory (VmHWM; ru_maxrss on Linux also carries
the parent's peak across exec) is reported before and after the check.
Run: .venv/bin/python benchmarks/bench_evidence_check.py [--pages 300] [--keep PATH]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1024 * 1024
A4 = (595, 842)

CHILD = """
import json, resource, sys, time, tracemalloc
from inovasi_desktop.evidence.checks import check_file

def high_water_kb():
    # VmHWM is this process's own peak; ru_maxrss also counts the parent's peak from before exec (Linux).
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base = high_water_kb()
tracemalloc.start()
start = time.perf_counter()
check = check_file(sys.argv[1], accepts=("pdf",), max_bytes=200 * 1024 * 1024, pemda="Kabupaten Mojokerto")
elapsed = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"seconds": elapsed, "tracemalloc_peak": peak, "rss_base_kb": base, "rss_peak_kb": high_water_kb(),
                  "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "pages": check.pages, "has_text": check.has_text, "codes": list(check.codes)}))
"""

def scanned_page_images(count: int) -> list[bytes]:
    """A few grey 'scans' (noise over a gradient at 150 dpi) to cycle through."""
    from PIL import Image

    size = (1240, 1754)
    gradient = Image.linear_gradient("L").resize(size)
    images = []
    for _ in range(count):
        noise = Image.frombytes("L", size, os.urandom(size[0] * size[1]))
        buffer = io.BytesIO()
        Image.blend(gradient, noise, 0.25).save(buffer, "JPEG", quality=60)
        images.append(buffer.getvalue())
    return images


def make_scanned_pdf(path: Path, pages: int) -> None:
    import pikepdf

    images = scanned_page_images(8)
    pdf = pikepdf.new()
    for index in range(pages):
        xobject = pikepdf.Stream(pdf, images[index % len(images)])
        xobject.Type, xobject.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        xobject.Width, xobject.Height, xobject.BitsPerComponent = 1240, 1754, 8
        xobject.ColorSpace, xobject.Filter = pikepdf.Name.DeviceGray, pikepdf.Name.DCTDecode
        page = pdf.add_blank_page(page_size=A4)
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject))
        page.Contents = pikepdf.Stream(pdf, b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % A4)
    pdf.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="also keep the generated PDF at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        path = Path(tmp) / "pindaian.pdf"
        start = time.perf_counter()
        make_scanned_pdf(path, args.pages)
        print(f"made {args.pages}-page scanned PDF, {path.stat().st_size / MB:.0f} MB, "
              f"in {time.perf_counter() - start:.1f} s")
        if args.keep:
            args.keep.write_bytes(path.read_bytes())
        for run in (1, 2):  # the second run has the file in the page cache
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            print(
                f"run {run}: check_file {r['seconds']:.2f} s; tracemalloc peak {r['tracemalloc_peak'] / MB:.2f} MB; "
                f"peak RSS (VmHWM) {r['rss_peak_kb'] / 1024:.0f} MB (after imports {r['rss_base_kb'] / 1024:.0f} MB, "
                f"+{(r['rss_peak_kb'] - r['rss_base_kb']) / 1024:.0f} MB; ru_maxrss {r['ru_maxrss_kb'] / 1024:.0f} MB "
                f"includes the parent's peak before exec); pages {r['pages']}, "
                f"has_text {r['has_text']}, findings {r['codes']}"
            )


if __name__ == "__main__":
    main()
