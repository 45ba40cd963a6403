"""PDF/A-2b identification, claimed only where the evidence allows it.

Our own pages embed every font and carry XMP metadata; foreign evidence pages may not. The dossier
is marked PDF/A-2b (output intent + `pdfaid` in XMP) only when every font in the finished file is
embedded. This is a self-check, not a validator: no PDF/A validator runs here (see the README).
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from inovasi_desktop import paths

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _font_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == Name.Type3:
        return True  # glyphs are content streams of the font itself
    if font.get("/Subtype") == Name.Type0:
        descendants = font.get("/DescendantFonts") or []
        return all(_font_embedded(d) for d in descendants)
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor for key in _FONT_FILES)


def _resources_fonts_embedded(resources: pikepdf.Dictionary, seen: set[tuple[int, int]]) -> bool:
    if resources is None:
        return True
    for font in (resources.get("/Font") or {}).values():
        if not _font_embedded(font):
            return False
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") != Name.Form:
            continue
        key = xobject.objgen
        if key in seen:
            continue
        seen.add(key)
        if not _resources_fonts_embedded(xobject.get("/Resources"), seen):
            return False
    return True


def all_fonts_embedded(pdf: pikepdf.Pdf) -> bool:
    seen: set[tuple[int, int]] = set()
    return all(_resources_fonts_embedded(page.obj.get("/Resources"), seen) for page in pdf.pages)


def mark_pdfa_2b(pdf: pikepdf.Pdf, meta) -> None:
    """Add the sRGB output intent and the PDF/A-2b identification to an open XMP `meta`."""
    icc = pdf.make_stream((paths.resources_dir() / "icc" / "sRGB.icc").read_bytes())
    icc.N = 3
    pdf.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
        Info=String("sRGB IEC61966-2.1"), DestOutputProfile=icc)])
    meta["pdfaid:part"] = "2"
    meta["pdfaid:conformance"] = "B"
