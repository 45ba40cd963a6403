"""Cost of reading evidence headings (issue 15), in one run on the same files:

40 text PDFs of 20 pages (a heading from the test corpus on page 1, report text after it):
- plain text extraction with PDFium: the first 3 pages (what the reader looks at) and all 20 pages;
- reading: the first 3 pages' text plus `read_heading` (what a check adds to each PDF);
- the whole `check_file` of each PDF (which includes the reading), for scale.
Goal: reading all 40 in under 5 s.

Run: .venv/bin/python benchmarks/bench_reading.py [--files 40] [--pages 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from inovasi_desktop.evidence.checks import REGION_TEXT_PAGES, check_file  # noqa: E402
from inovasi_desktop.evidence.heading import read_heading  # noqa: E402
from inovasi_desktop.evidence.pdfium import first_pages_text  # noqa: E402
from tests.fixtures.heading_corpus import CORPUS  # noqa: E402

GOAL_SECONDS = 5.0


def make_pdf(path: Path, heading: str, pages: int) -> None:
    canvas = Canvas(str(path), invariant=1)
    y = 800
    for line in heading.replace("\f", "\n").split("\n"):
        canvas.drawString(60, y, line[:95])
        y -= 15
    canvas.showPage()
    for number in range(2, pages + 1):
        for row in range(48):
            canvas.drawString(60, 790 - row * 15, f"Halaman {number} baris {row + 1}: uraian pelaksanaan inovasi.")
        canvas.showPage()
    canvas.save()


def timed(label: str, func, paths: list[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            func(path)
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52} {best:7.3f} s total, {best / len(paths) * 1000:7.1f} ms per file")
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-reading-") as folder:
        paths = []
        for index in range(args.files):
            path = Path(folder) / f"bukti-{index:02d}.pdf"
            make_pdf(path, CORPUS[index % len(CORPUS)].text, args.pages)
            paths.append(path)
        print(f"{args.files} PDF x {args.pages} halaman, terbaik dari {args.repeat}")
        timed(f"text extraction, first {REGION_TEXT_PAGES} pages (PDFium)",
              lambda p: first_pages_text(p, REGION_TEXT_PAGES), paths, args.repeat)
        timed(f"text extraction, all {args.pages} pages (PDFium)",
              lambda p: first_pages_text(p, args.pages), paths, args.repeat)
        reading = timed(f"reading: first {REGION_TEXT_PAGES} pages' text + read_heading",
                        lambda p: read_heading(first_pages_text(p, REGION_TEXT_PAGES) or ""), paths, args.repeat)
        texts = [first_pages_text(p, REGION_TEXT_PAGES) or "" for p in paths]
        start = time.perf_counter()
        for text in texts:
            read_heading(text)
        print(f"{'read_heading alone (text already extracted)':<52} {time.perf_counter() - start:7.3f} s total")
        timed("check_file (whole check, reading included)", lambda p: check_file(p, pemda="Kabupaten Mojokerto"),
              paths, 1)
        read = sum(bool(read_heading(t).doc_type) for t in texts)
        print(f"document type read in {read} of {len(texts)} files")
    verdict = "OK" if reading < GOAL_SECONDS else "TOO SLOW"
    print(f"reading {args.files} files: {reading:.2f} s (goal < {GOAL_SECONDS:.0f} s): {verdict}")
    return 0 if reading < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
