"""Page content that inflates far beyond any real page: a PDF "zip bomb". A 2 MB file whose one content
stream inflates to 2 GB took 4 GB of memory in pikepdf's parser and PDFium, and a slightly bigger one
ends the process. So before anything decodes a page, its content streams are inflated here in chunks
and counted, stopping at the limit; memory stays at one chunk."""

from __future__ import annotations

import zlib

import pikepdf
from pikepdf import Name

MAX_PAGE_CONTENT_BYTES = 256 << 20  # decoded, one page; real pages (vector maps, inline scans) stay far below
_CHUNK = 1 << 20


def overinflated_page(pdf: pikepdf.Pdf, limit: int = MAX_PAGE_CONTENT_BYTES) -> int | None:
    """The number of the first page whose content streams (and form XObjects) inflate past `limit` bytes."""
    for number, page in enumerate(pdf.pages, start=1):
        left = limit
        for stream in _content_streams(page.obj):
            left -= _decoded_size(stream, left)
            if left < 0:
                return number
    return None


def _content_streams(page: pikepdf.Dictionary) -> list[pikepdf.Stream]:
    contents = page.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    resources = page.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if isinstance(xobjects, pikepdf.Dictionary):
        streams += [x for x in xobjects.values() if isinstance(x, pikepdf.Stream) and x.get("/Subtype") == Name.Form]
    return [s for s in streams if isinstance(s, pikepdf.Stream)]


def _decoded_size(stream: pikepdf.Stream, limit: int) -> int:
    """The inflated size of a Flate stream, counted up to just past `limit`; other streams: their raw size."""
    filters = stream.get("/Filter")
    if isinstance(filters, pikepdf.Array) and len(filters) == 1:
        filters = filters[0]
    raw = stream.read_raw_bytes()
    if filters != Name.FlateDecode:
        return len(raw)
    inflater, size, pending = zlib.decompressobj(), 0, raw
    try:
        while pending and size <= limit:
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # damaged: qpdf reports it
    return size
