"""What an evidence PDF offers a reader beyond its pages, kept in the dossier: its own outline (nested
under the item's bookmark) and its web links (http and https only; every other action stays stripped).

Read from the sanitised source document; page numbers are 0-based within it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

MAX_OUTLINE_ITEMS = 500  # per evidence file: a runaway outline is cut, not copied whole
MAX_DEPTH = 6
WEB_SCHEMES = ("http://", "https://")


@dataclass
class SourceMark:
    title: str
    page: int | None  # 0-based page of the evidence file, None when its target is not a page of it
    children: list[SourceMark] = field(default_factory=list)


@dataclass(frozen=True)
class WebLink:
    rect: tuple[float, float, float, float]  # in the source page's user space
    uri: str


def read_outline(pdf: pikepdf.Pdf) -> list[SourceMark]:
    outlines = pdf.Root.get("/Outlines")
    if not isinstance(outlines, Dictionary):
        return []
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    seen: set[tuple[int, int]] = set()

    def level(first: object, depth: int) -> list[SourceMark]:
        marks: list[SourceMark] = []
        item = first
        while isinstance(item, Dictionary) and len(seen) < MAX_OUTLINE_ITEMS:
            if item.is_indirect:
                if item.objgen in seen:
                    break
                seen.add(item.objgen)
            title = " ".join(str(item.get("/Title", "")).split())
            mark = SourceMark(title or "(tanpa judul)", _target_page(pdf, item, pages))
            if depth < MAX_DEPTH:
                mark.children = level(item.get("/First"), depth + 1)
            marks.append(mark)
            item = item.get("/Next")
        return marks

    return level(outlines.get("/First"), 1)


def _target_page(pdf: pikepdf.Pdf, item: Dictionary, pages: dict[tuple[int, int], int]) -> int | None:
    dest = item.get("/Dest")
    action = item.get("/A")
    if dest is None and isinstance(action, Dictionary) and action.get("/S") == Name.GoTo:
        dest = action.get("/D")
    for _ in range(3):  # a named destination, then the dictionary that holds it
        if isinstance(dest, Name | String):
            dest = _named_destination(pdf, dest)
        elif isinstance(dest, Dictionary):
            dest = dest.get("/D")
        else:
            break
    if isinstance(dest, Array) and len(dest) and isinstance(dest[0], Dictionary) and dest[0].is_indirect:
        return pages.get(dest[0].objgen)
    return None


def _named_destination(pdf: pikepdf.Pdf, name: Name | String) -> object:
    root = pdf.Root
    if isinstance(name, Name):
        dests = root.get("/Dests")
        return dests.get(name) if isinstance(dests, Dictionary) else None
    names = root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, Dictionary) else None
    if not isinstance(tree, Dictionary):
        return None
    try:
        return pikepdf.NameTree(tree).get(str(name))
    except (pikepdf.PdfError, ValueError, KeyError, TypeError):
        return None


def web_links(page: pikepdf.Page) -> list[WebLink]:
    """The page's link annotations that open an http or https address."""
    links = []
    annots = page.obj.get("/Annots")
    for annot in annots if isinstance(annots, Array) else ():
        if not isinstance(annot, Dictionary) or annot.get("/Subtype") != Name.Link:
            continue
        action = annot.get("/A")
        if not isinstance(action, Dictionary) or action.get("/S") != Name.URI:
            continue
        uri = str(action.get("/URI", "")).strip()
        rect = annot.get("/Rect")
        if not uri.lower().startswith(WEB_SCHEMES) or not isinstance(rect, Array) or len(rect) != 4:
            continue
        try:
            links.append(WebLink(tuple(float(v) for v in rect), uri))
        except (TypeError, ValueError):
            continue
    return links


def link_annotation(rect: tuple[float, float, float, float], uri: str) -> Dictionary:
    """A printable, borderless link (PDF/A wants the print flag) opening `uri`."""
    return Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array(list(rect)), Border=Array([0, 0, 0]), F=4,
                      A=Dictionary(S=Name.URI, URI=String(uri)))
