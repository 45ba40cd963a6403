"""Annotations and form fields made printable: what a viewer prints, the dossier prints too.

The dossier flattens each evidence page ("print" annotations become page content), and flattening
uses an annotation's appearance stream. Some producers leave it out or stale: filled forms that set
NeedAppearances (LibreOffice), highlights, notes and ink marks made by tools that let the viewer
draw them. `make_printable` regenerates form appearances (qpdf) and draws the missing appearances
of the kinds it knows; it returns what still has none, so the attach check can say which pages lose
what. It changes the open `Pdf` in place (the check never saves it; the dossier then flattens it).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

_PRINT, _HIDDEN, _NO_VIEW = 4, 2, 32  # annotation flags
_NOT_PRINTED = {"/Link", "/Popup", "/FileAttachment"}  # never printed, or removed as active content

# Kinds whose appearance is not drawn here (their text or artwork is the producer's to draw).
LOST_LABELS = {
    "/FreeText": "kotak teks",
    "/Stamp": "stempel",
    "/Caret": "tanda sisip",
    "/Widget": "isian formulir",
    "/Redact": "tanda sensor",
    "/Watermark": "tanda air",
}
NOTE = "/Text"


@dataclass(frozen=True)
class Unprintable:
    label: str  # Indonesian: "kotak teks"
    pages: tuple[int, ...]  # 1-based


@dataclass(frozen=True)
class Printability:
    lost: tuple[Unprintable, ...]  # printable annotations left without an appearance: not in the dossier
    note_pages: tuple[int, ...]  # pages with sticky notes that have text: only their icon prints


def make_printable(pdf: pikepdf.Pdf) -> Printability:
    _fill_form_appearances(pdf)
    lost: dict[str, list[int]] = {}
    notes: list[int] = []
    for number, page in enumerate(pdf.pages, start=1):
        annots = page.obj.get("/Annots")
        if not isinstance(annots, Array):
            continue
        for annot in annots:
            if not isinstance(annot, Dictionary) or not _printed(annot):
                continue
            subtype = str(annot.get("/Subtype", ""))
            if subtype == NOTE and str(annot.get("/Contents", "")).strip() and number not in notes:
                notes.append(number)
            if _has_appearance(annot):
                continue
            draw = _DRAWERS.get(subtype)
            content = _safely(draw, annot) if draw else None
            if content is None:
                label = LOST_LABELS.get(subtype, f"anotasi {subtype.lstrip('/') or 'tanpa jenis'}")
                pages = lost.setdefault(label, [])
                if number not in pages:
                    pages.append(number)
                continue
            _set_appearance(pdf, annot, content)
    return Printability(tuple(Unprintable(label, tuple(pages)) for label, pages in lost.items()), tuple(notes))


def _printed(annot: Dictionary) -> bool:
    try:
        flags = int(annot.get("/F", 0))
    except (TypeError, ValueError):
        flags = 0
    shown = bool(flags & _PRINT) and not flags & (_HIDDEN | _NO_VIEW)
    return shown and str(annot.get("/Subtype", "")) not in _NOT_PRINTED


def _has_appearance(annot: Dictionary) -> bool:
    appearance = annot.get("/AP")
    normal = appearance.get("/N") if isinstance(appearance, Dictionary) else None
    if isinstance(normal, Dictionary) and not isinstance(normal, pikepdf.Stream):  # states (check boxes)
        return bool(normal.keys())
    return isinstance(normal, pikepdf.Stream)


def _fill_form_appearances(pdf: pikepdf.Pdf) -> None:
    """Regenerate the appearances of filled form fields when the file asks the viewer to (NeedAppearances)."""
    acroform = pdf.Root.get("/AcroForm")
    if not isinstance(acroform, Dictionary) or not acroform.get("/NeedAppearances", False):
        return
    try:
        pdf.generate_appearance_streams()
    except (pikepdf.PdfError, RuntimeError, ValueError):
        return
    # qpdf rewrites a stale appearance in place but leaves it without the form's fonts (/DR).
    fonts = acroform.get("/DR", {}).get("/Font") if isinstance(acroform.get("/DR"), Dictionary) else None
    if not isinstance(fonts, Dictionary):
        return
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            normal = annot.get("/AP", {}).get("/N") if isinstance(annot, Dictionary) else None
            if isinstance(normal, pikepdf.Stream):
                resources = normal.get("/Resources")
                if not isinstance(resources, Dictionary):
                    resources = normal.Resources = Dictionary()
                own = resources.get("/Font")
                if not isinstance(own, Dictionary):
                    own = resources.Font = Dictionary()
                for name, font in fonts.items():
                    if name not in own:
                        own[name] = font
    acroform.NeedAppearances = False


def _set_appearance(pdf: pikepdf.Pdf, annot: Dictionary, content: bytes) -> None:
    """An appearance drawn in page coordinates: its box is the annotation's rectangle, no matrix."""
    rect = [float(v) for v in annot.Rect]
    resources = Dictionary()
    opacity = annot.get("/CA")
    blend = annot.get("/Subtype") == Name.Highlight
    if opacity is not None or blend:
        state = Dictionary(Type=Name.ExtGState)
        if opacity is not None:
            state.CA = state.ca = float(opacity)
        if blend:
            state.BM = Name.Multiply
        resources.ExtGState = Dictionary(GS0=state)
        content = b"/GS0 gs\n" + content
    stream = pdf.make_stream(b"q\n" + content + b"\nQ\n", Type=Name.XObject, Subtype=Name.Form,
                             BBox=Array([min(rect[0], rect[2]), min(rect[1], rect[3]),
                                         max(rect[0], rect[2]), max(rect[1], rect[3])]),
                             Resources=resources)
    annot.AP = Dictionary(N=stream)


def _safely(draw: Callable[[Dictionary], bytes | None], annot: Dictionary) -> bytes | None:
    try:
        return draw(annot) if isinstance(annot.get("/Rect"), Array) and len(annot.Rect) == 4 else None
    except (pikepdf.PdfError, TypeError, ValueError, IndexError, AttributeError, KeyError):
        return None


# -- drawing ---------------------------------------------------------------------------------------

def _n(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _colour(annot: Dictionary, key: str = "/C", default: tuple[float, ...] = (0, 0, 0), stroke: bool = True) -> str:
    value = annot.get(key)
    parts = [float(v) for v in value] if isinstance(value, Array) else list(default)
    operator = {1: "G", 3: "RG", 4: "K"}.get(len(parts))
    if operator is None:
        parts, operator = list(default), "RG" if len(default) == 3 else "G"
    return " ".join(_n(p) for p in parts) + " " + (operator if stroke else operator.lower())


def _width(annot: Dictionary, default: float = 1.0) -> float:
    border = annot.get("/BS")
    if isinstance(border, Dictionary) and "/W" in border:
        return float(border.W)
    return default


def _quads(annot: Dictionary) -> list[list[tuple[float, float]]]:
    numbers = [float(v) for v in annot.get("/QuadPoints", Array())]
    if not numbers:
        x1, y1, x2, y2 = (float(v) for v in annot.Rect)
        numbers = [x1, y2, x2, y2, x1, y1, x2, y1]
    return [[(numbers[i + k], numbers[i + k + 1]) for k in (0, 2, 4, 6)] for i in range(0, len(numbers) - 7, 8)]


def _path(points: list[tuple[float, float]], close: bool = False) -> str:
    if not points:
        return ""
    ops = [f"{_n(points[0][0])} {_n(points[0][1])} m"] + [f"{_n(x)} {_n(y)} l" for x, y in points[1:]]
    return " ".join(ops) + (" h" if close else "")


def _highlight(annot: Dictionary) -> bytes:
    # Quad points run upper-left, upper-right, lower-left, lower-right.
    shapes = [_path([q[0], q[1], q[3], q[2]], close=True) for q in _quads(annot)]
    return f"{_colour(annot, default=(1, 1, 0), stroke=False)}\n{' '.join(shapes)} f".encode()


def _text_line(annot: Dictionary, where: Callable[[list[tuple[float, float]]], tuple]) -> bytes:
    lines = []
    for quad in _quads(annot):
        (ax, ay), (bx, by) = where(quad)
        height = math.dist(quad[0], quad[2])
        lines.append(f"{_n(max(0.5, height / 14))} w {_n(ax)} {_n(ay)} m {_n(bx)} {_n(by)} l S")
    return f"{_colour(annot)}\n{' '.join(lines)}".encode()


def _underline(annot: Dictionary) -> bytes:
    return _text_line(annot, lambda q: (q[2], q[3]))


def _strike_out(annot: Dictionary) -> bytes:
    def middle(q):
        return (((q[0][0] + q[2][0]) / 2, (q[0][1] + q[2][1]) / 2), ((q[1][0] + q[3][0]) / 2, (q[1][1] + q[3][1]) / 2))
    return _text_line(annot, middle)


def _ink(annot: Dictionary) -> bytes:
    strokes = []
    for stroke in annot.get("/InkList", Array()):
        numbers = [float(v) for v in stroke]
        strokes.append(_path(list(zip(numbers[::2], numbers[1::2], strict=False))))
    if not strokes:
        return b""
    return f"{_colour(annot)} 1 J 1 j {_n(_width(annot))} w\n{' '.join(strokes)} S".encode()


def _vertices(annot: Dictionary, close: bool) -> bytes:
    numbers = [float(v) for v in annot.get("/Vertices", annot.get("/L", Array()))]
    path = _path(list(zip(numbers[::2], numbers[1::2], strict=False)), close)
    paint = "b" if close and "/IC" in annot else "S"
    fill = _colour(annot, "/IC", stroke=False) + " " if paint == "b" else ""
    return f"{fill}{_colour(annot)} {_n(_width(annot))} w 1 j\n{path} {paint}".encode()


def _box(annot: Dictionary) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(v) for v in annot.Rect)
    inset = _width(annot) / 2
    return min(x1, x2) + inset, min(y1, y2) + inset, abs(x2 - x1) - 2 * inset, abs(y2 - y1) - 2 * inset


def _square(annot: Dictionary) -> bytes:
    x, y, w, h = _box(annot)
    paint, fill = ("B", _colour(annot, "/IC", stroke=False) + " ") if "/IC" in annot else ("S", "")
    return f"{fill}{_colour(annot)} {_n(_width(annot))} w\n{_n(x)} {_n(y)} {_n(w)} {_n(h)} re {paint}".encode()


def _circle(annot: Dictionary) -> bytes:
    x, y, w, h = _box(annot)
    k = 0.5523  # Bezier approximation of a quarter circle
    cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
    path = (f"{_n(cx + rx)} {_n(cy)} m "
            f"{_n(cx + rx)} {_n(cy + k * ry)} {_n(cx + k * rx)} {_n(cy + ry)} {_n(cx)} {_n(cy + ry)} c "
            f"{_n(cx - k * rx)} {_n(cy + ry)} {_n(cx - rx)} {_n(cy + k * ry)} {_n(cx - rx)} {_n(cy)} c "
            f"{_n(cx - rx)} {_n(cy - k * ry)} {_n(cx - k * rx)} {_n(cy - ry)} {_n(cx)} {_n(cy - ry)} c "
            f"{_n(cx + k * rx)} {_n(cy - ry)} {_n(cx + rx)} {_n(cy - k * ry)} {_n(cx + rx)} {_n(cy)} c")
    paint, fill = ("B", _colour(annot, "/IC", stroke=False) + " ") if "/IC" in annot else ("S", "")
    return f"{fill}{_colour(annot)} {_n(_width(annot))} w\n{path} {paint}".encode()


def _note(annot: Dictionary) -> bytes:
    """A sticky note's icon, as viewers draw it: a small coloured sheet with lines, at the top left."""
    x1, y1, x2, y2 = (float(v) for v in annot.Rect)
    left, top = min(x1, x2), max(y1, y2)
    size = min(20.0, abs(x2 - x1) or 20.0, abs(y2 - y1) or 20.0)
    lines = " ".join(f"{_n(left + size * 0.2)} {_n(top - size * f)} m {_n(left + size * 0.8)} {_n(top - size * f)} l"
                     for f in (0.3, 0.5, 0.7))
    return (f"{_colour(annot, default=(1, 0.85, 0.2), stroke=False)} 0 G 0.6 w\n"
            f"{_n(left + 0.5)} {_n(top - size + 0.5)} {_n(size - 1)} {_n(size - 1)} re B\n{lines} S").encode()


_DRAWERS: dict[str, Callable[[Dictionary], bytes]] = {
    "/Highlight": _highlight,
    "/Underline": _underline,
    "/Squiggly": _underline,
    "/StrikeOut": _strike_out,
    "/Ink": _ink,
    "/Square": _square,
    "/Circle": _circle,
    "/Line": lambda annot: _vertices(annot, close=False),
    "/PolyLine": lambda annot: _vertices(annot, close=False),
    "/Polygon": lambda annot: _vertices(annot, close=True),
    NOTE: _note,
}
