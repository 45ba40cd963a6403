"""Active content in PDFs (scripts, launch actions, embedded files, XFA): find it and strip it.

Descriptions are Indonesian and user-visible. `strip_active_content` changes the open `Pdf` in
place; the caller saves it. Ordinary web links (URI actions) and in-document links stay.
"""

from __future__ import annotations

from collections.abc import Callable

import pikepdf
from pikepdf import Name

# Actions that run code, open programs or files, or send data somewhere.
_ACTION_DESCRIPTIONS = {
    "/JavaScript": "JavaScript",
    "/Launch": "perintah membuka program atau berkas lain",
    "/SubmitForm": "pengiriman isian formulir ke luar",
    "/ImportData": "pengambilan data dari berkas lain",
    "/GoToE": "lompatan ke berkas tersemat",
    "/RichMediaExecute": "perintah media interaktif",
}

DOC_JAVASCRIPT = "JavaScript tingkat dokumen"
DOC_AUTO_ACTIONS = "tindakan otomatis dokumen"
EMBEDDED_FILES = "berkas tersemat di dalam PDF"
XFA_FORM = "formulir XFA"
PAGE_AUTO_ACTIONS = "tindakan otomatis halaman"
ANNOT_AUTO_ACTIONS = "tindakan otomatis pada anotasi atau isian formulir"
FILE_ATTACHMENT = "lampiran berkas pada anotasi"


def find_active_content(pdf: pikepdf.Pdf) -> list[str]:
    """Descriptions (Indonesian, each once, in document order) of the active content in `pdf`."""
    return _walk(pdf, strip=False)


def strip_active_content(pdf: pikepdf.Pdf) -> list[str]:
    """Remove active content from `pdf` in place; return descriptions of what was removed."""
    return _walk(pdf, strip=True)


def _walk(pdf: pikepdf.Pdf, *, strip: bool) -> list[str]:
    found: list[str] = []

    def note(description: str) -> None:
        if description not in found:
            found.append(description)

    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        _take(names, "/JavaScript", DOC_JAVASCRIPT, strip, note)
        _take(names, "/EmbeddedFiles", EMBEDDED_FILES, strip, note)
    _check_open_action(root, strip, note)
    _take(root, "/AA", DOC_AUTO_ACTIONS, strip, note)
    acroform = root.get("/AcroForm")
    if isinstance(acroform, pikepdf.Dictionary):
        _take(acroform, "/XFA", XFA_FORM, strip, note)
        _walk_fields(acroform.get("/Fields"), strip, note, set())
    for page in pdf.pages:
        _take(page.obj, "/AA", PAGE_AUTO_ACTIONS, strip, note)
        _walk_annotations(page.obj, strip, note)
    return found


def _take(holder: pikepdf.Dictionary, key: str, description: str, strip: bool, note: Callable[[str], None]) -> None:
    if key in holder:
        note(description)
        if strip:
            del holder[key]


def _check_open_action(root: pikepdf.Dictionary, strip: bool, note: Callable[[str], None]) -> None:
    action = root.get("/OpenAction")
    kinds = _dangerous_actions(action)
    if kinds:
        for kind in kinds:
            note(f"{kind} yang berjalan saat dokumen dibuka")
        if strip:
            del root["/OpenAction"]


def _walk_annotations(page: pikepdf.Dictionary, strip: bool, note: Callable[[str], None]) -> None:
    annots = page.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    keep = []
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            keep.append(annot)
            continue
        if annot.get("/Subtype") == Name.FileAttachment:
            note(FILE_ATTACHMENT)
            continue  # dropped when stripping
        for kind in _dangerous_actions(annot.get("/A")):
            note(f"tautan atau tombol yang menjalankan {kind}")
            if strip and "/A" in annot:
                del annot["/A"]
        _take(annot, "/AA", ANNOT_AUTO_ACTIONS, strip, note)
        keep.append(annot)
    if strip and len(keep) != len(annots):
        page["/Annots"] = pikepdf.Array(keep)


def _walk_fields(fields: object, strip: bool, note: Callable[[str], None], seen: set[tuple[int, int]]) -> None:
    """Form fields not merged with their widget annotation can carry actions too."""
    if not isinstance(fields, pikepdf.Array):
        return
    for field in fields:
        if not isinstance(field, pikepdf.Dictionary):
            continue
        if field.is_indirect:
            if field.objgen in seen:
                continue
            seen.add(field.objgen)
        for kind in _dangerous_actions(field.get("/A")):
            note(f"tautan atau tombol yang menjalankan {kind}")
            if strip and "/A" in field:
                del field["/A"]
        _take(field, "/AA", ANNOT_AUTO_ACTIONS, strip, note)
        _walk_fields(field.get("/Kids"), strip, note, seen)


def _dangerous_actions(action: object) -> list[str]:
    """Descriptions of the dangerous actions in an action dictionary and its /Next chain."""
    kinds: list[str] = []
    pending = [action]
    seen: set[tuple[int, int]] = set()
    while pending and len(seen) < 1000:
        current = pending.pop()
        if isinstance(current, pikepdf.Array):
            pending.extend(current)
            continue
        if not isinstance(current, pikepdf.Dictionary):
            continue
        if current.is_indirect:
            if current.objgen in seen:
                continue
            seen.add(current.objgen)
        kind = _ACTION_DESCRIPTIONS.get(str(current.get("/S", "")))
        if kind and kind not in kinds:
            kinds.append(kind)
        pending.append(current.get("/Next"))
    return kinds
