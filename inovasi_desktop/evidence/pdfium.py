"""PDFium (pypdfium2, wheels for Windows, macOS and Linux) behind one process-wide lock: the text of
a PDF's first pages, and rendering each page once to see that it draws.

PDFium is not thread-safe and evidence checks run on several workers, so every call into it holds
`_LOCK`, and every document, page and text page is closed explicitly inside it (a finaliser run by
the garbage collector on another thread would call PDFium unguarded).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium

RENDER_SCALE = 0.25  # 18 dpi: enough for PDFium to decode every font, image and path of the page
_LOCK = threading.Lock()


class PdfiumFailed(Exception):
    """PDFium could not open the document."""


@contextmanager
def _document(path: Path) -> Iterator[pdfium.PdfDocument]:
    # A file object, not a path: PDFium's own file opening fails on non-ASCII Windows paths.
    try:
        stream = open(path, "rb")  # noqa: SIM115 (the document closes it)
    except OSError as err:
        raise PdfiumFailed(str(err)) from None
    try:
        document = pdfium.PdfDocument(stream, autoclose=True)
    except (pdfium.PdfiumError, ValueError) as err:
        stream.close()
        raise PdfiumFailed(str(err)) from None
    try:
        yield document
    finally:
        document.close()


def first_pages_text(path: Path, pages: int) -> str | None:
    """The text of the first `pages` pages (pages separated by a form feed), or None when PDFium
    cannot open the file."""
    parts: list[str] = []
    with _LOCK:
        try:
            with _document(Path(path)) as document:
                for index in range(min(pages, len(document))):
                    parts.append(_page_text(document, index))
        except (PdfiumFailed, pdfium.PdfiumError):
            return None
    return "\f".join(parts)


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def unrenderable_pages(path: Path, *, deadline: float) -> tuple[list[int], int]:
    """Render every page of the PDF at `path` (small, thrown away): the 1-based numbers of the pages
    PDFium cannot load or draw, and the number of pages looked at before `deadline` (a
    `time.monotonic()` value) passed. Raises PdfiumFailed when the document itself does not open."""
    failed: list[int] = []
    done = 0
    with _LOCK, _document(Path(path)) as document:
        for index in range(len(document)):
            if time.monotonic() > deadline:
                break
            if not _renders(document, index):
                failed.append(index + 1)
            done += 1
    return failed, done


def _renders(document: pdfium.PdfDocument, index: int) -> bool:
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return False
    try:
        bitmap = page.render(scale=RENDER_SCALE)
        bitmap.close()
        return True
    except (pdfium.PdfiumError, ValueError, MemoryError):
        return False
    finally:
        page.close()
