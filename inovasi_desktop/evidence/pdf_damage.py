"""Which pages of a repaired PDF lost something: a file cut off halfway opens after qpdf rebuilds its
cross-reference table, but objects past the cut are gone (a font, an image, part of a page's content),
and qpdf shows a reference to a lost object as if the entry were not there.

A page is damaged when its content cannot be read, when it draws with a font, image, form or
graphics state its resources no longer have, when a subset font has lost its embedded program (its
glyphs then print wrong or not at all), when a stream it draws cannot be decoded, or when reading it
makes qpdf warn. A page fails when PDFium cannot load or draw it. The repaired document is what goes
into the dossier, so that is what is rendered.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Name

from inovasi_desktop.evidence.pdfium import PdfiumFailed, unrenderable_pages

_DECODABLE = {"/FlateDecode", "/LZWDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/RunLengthDecode"}
_SUBSET_TAG = re.compile(r"^/[A-Z]{6}\+")
_NAMED = {"Tf": "/Font", "Do": "/XObject", "gs": "/ExtGState", "sh": "/Shading"}  # operator -> resource kind
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
_MAX_DEPTH = 8  # forms inside forms


@dataclass(frozen=True)
class PageDamage:
    bad_pages: tuple[int, ...]  # 1-based: damaged or failing to render
    checked: int  # pages looked at before the time ran out (all: == the page count)


def damaged_pages(pdf: pikepdf.Pdf, repaired: Path, *, seconds: float) -> PageDamage:
    """Look at every page of `pdf` (opened, and repaired by qpdf; `repaired` is it saved) within about `seconds`."""
    deadline = time.monotonic() + seconds
    bad: set[int] = set()
    walk = _Walk()
    checked = 0
    for number, page in enumerate(pdf.pages, start=1):
        if time.monotonic() > deadline:
            break
        pdf.get_warnings()  # clears them: what follows is this page's
        if walk.page_damaged(page) or pdf.get_warnings():
            bad.add(number)
        checked += 1
    try:
        failed, rendered = unrenderable_pages(repaired, deadline=deadline)
    except PdfiumFailed:
        return PageDamage(tuple(range(1, len(pdf.pages) + 1)), len(pdf.pages))
    bad.update(failed)
    return PageDamage(tuple(sorted(bad)), min(checked, rendered))


class _Walk:
    """What each page draws with; fonts, images and forms shared by pages are looked at once."""

    def __init__(self) -> None:
        self.verdict: dict[tuple[int, int], bool] = {}  # objgen of a resource -> damaged

    def page_damaged(self, page: pikepdf.Page) -> bool:
        if "/Contents" not in page.obj:
            return True  # its content stream is lost (a blank page in a repaired file is suspect too)
        return self._content_damaged(page, page.obj.get("/Resources"), 0)

    def _content_damaged(self, holder: pikepdf.Page | pikepdf.Stream, resources: object, depth: int) -> bool:
        try:
            operations = pikepdf.parse_content_stream(holder, " ".join(_NAMED))
        except (pikepdf.PdfError, RuntimeError, ValueError):
            return True
        for operands, operator in operations:
            kind = _NAMED[str(operator)]
            if not operands or not isinstance(operands[0], Name):
                return True
            group = resources.get(kind) if isinstance(resources, pikepdf.Dictionary) else None
            resource = group.get(operands[0]) if isinstance(group, pikepdf.Dictionary) else None
            if resource is None or self._resource_damaged(resource, kind, depth):
                return True
        return False

    def _resource_damaged(self, resource: pikepdf.Object, kind: str, depth: int) -> bool:
        objgen = resource.objgen if isinstance(resource, pikepdf.Object) and resource.is_indirect else None
        if objgen in self.verdict:
            return self.verdict[objgen]
        try:
            if kind == "/Font":
                damaged = _font_damaged(resource)
            elif kind == "/XObject":
                damaged = self._xobject_damaged(resource, depth)
            else:
                damaged = not isinstance(resource, pikepdf.Dictionary | pikepdf.Stream)
        except (pikepdf.PdfError, RuntimeError, ValueError):
            damaged = True
        if objgen is not None:
            self.verdict[objgen] = damaged
        return damaged

    def _xobject_damaged(self, xobject: pikepdf.Object, depth: int) -> bool:
        if not isinstance(xobject, pikepdf.Stream):
            return True
        if xobject.get("/Subtype") == Name.Form:
            if depth >= _MAX_DEPTH:
                return False
            if objgen := (xobject.objgen if xobject.is_indirect else None):
                self.verdict[objgen] = False  # a form drawing itself is not walked again
            return _stream_damaged(xobject) or self._content_damaged(xobject, xobject.get("/Resources"), depth + 1)
        return not xobject.read_raw_bytes() or _stream_damaged(xobject)


def _font_damaged(font: pikepdf.Object) -> bool:
    if not isinstance(font, pikepdf.Dictionary):
        return True
    if font.get("/Subtype") == Name.Type0:
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or not descendants:
            return True
        font = descendants[0]
        if not isinstance(font, pikepdf.Dictionary):
            return True
    descriptor = font.get("/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary):
        descriptor = pikepdf.Dictionary()
    programs = [descriptor[k] for k in _FONT_FILES if k in descriptor]
    if not programs:
        # A subset tag means the font was embedded: without its program the glyphs cannot be drawn.
        return bool(_SUBSET_TAG.match(str(font.get("/BaseFont", ""))))
    return any(not isinstance(p, pikepdf.Stream) or not p.read_raw_bytes() or _stream_damaged(p) for p in programs)


def _stream_damaged(stream: pikepdf.Stream) -> bool:
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)] if filters else []
    if all(name in _DECODABLE for name in names):
        stream.read_bytes()  # raises when the data is cut short
    return False
