"""Scans made smaller: the raster images inside an evidence PDF re-encoded as JPEG at a lower resolution.

Only plain 8-bit RGB or grey images without masks are touched (what scanners and phone "scan" apps
write); bilevel fax-style images (CCITT, JBIG2), masks, CMYK and palette images stay as they are.
An image is sized to print at ~`dpi` if it filled the page it is on, and replaced only when the
new encoding is smaller. Works on the opened (in-memory) document; the stored evidence is untouched.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import pikepdf
from pikepdf import Name
from pikepdf.models.image import PdfImage

from inovasi_desktop.export.dossier.images import ImageSettings, encode_jpeg, target_size

_COLOUR_SPACES = (Name.DeviceRGB, Name.DeviceGray)
_KEEP_FILTERS = (Name.CCITTFaxDecode, Name.JBIG2Decode, Name.JPXDecode)
_MIN_BYTES = 32 * 1024  # smaller images are not worth the quality lost


def recompress_images(pdf: pikepdf.Pdf, settings: ImageSettings, tick: Callable[[], None]) -> None:
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        tick()
        box = page.mediabox
        width, height = abs(float(box[2]) - float(box[0])), abs(float(box[3]) - float(box[1]))
        for image in _images(page.obj, depth=0):
            if image.objgen in seen:
                continue
            seen.add(image.objgen)
            _recompress(image, width, height, settings)


def _images(holder: pikepdf.Object, depth: int):
    """Image XObjects of a page or form, and of the forms it draws (two levels deep is plenty)."""
    resources = holder.get(Name.Resources)
    xobjects = resources.get(Name.XObject) if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for _, xobject in xobjects.items():
        if not isinstance(xobject, pikepdf.Stream):
            continue
        if xobject.get(Name.Subtype) == Name.Image:
            yield xobject
        elif xobject.get(Name.Subtype) == Name.Form and depth < 2:
            yield from _images(xobject, depth + 1)


def _eligible(image: pikepdf.Stream) -> bool:
    if image.get(Name.ImageMask) or Name.SMask in image or Name.Mask in image or Name.Decode in image:
        return False
    if int(image.get(Name.BitsPerComponent, 0)) != 8 or image.get(Name.ColorSpace) not in _COLOUR_SPACES:
        return False
    filters = image.get(Name.Filter)
    filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    return not any(f in _KEEP_FILTERS for f in filters)


def _recompress(image: pikepdf.Stream, page_w: float, page_h: float, settings: ImageSettings) -> None:
    if not _eligible(image):
        return
    raw = image.read_raw_bytes()
    if len(raw) < _MIN_BYTES:
        return
    try:
        picture = PdfImage(image).as_pil_image()
    except (pikepdf.PdfError, NotImplementedError, OSError, ValueError, zlib.error):
        return  # an image we cannot decode is left as it is
    target = target_size(picture.width, picture.height, page_w, page_h, settings.dpi)
    jpeg = encode_jpeg(picture, target, settings.quality)
    if len(jpeg.jpeg) >= len(raw):
        return
    image.write(jpeg.jpeg, filter=Name.DCTDecode)
    image.Width, image.Height, image.BitsPerComponent = jpeg.width, jpeg.height, 8
    image.ColorSpace = Name.DeviceGray if picture.mode in ("L", "1") else Name.DeviceRGB
    if Name.DecodeParms in image:
        del image.DecodeParms
