"""Photos and scans made print-ready: upright, flattened to RGB or grey, downsampled, re-encoded as JPEG.

A photo is placed on an A4 page scaled to fit; at that print size it keeps about `TARGET_DPI`
dots per inch (never upsampled). JPEG files are decoded at a reduced scale straight away
(libjpeg's draft mode), so a 4000 x 3000 photo never needs its full-size bitmap in memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from inovasi_desktop.evidence.images import DEEP_GREY, eight_bit_grey

TARGET_DPI = 150
JPEG_QUALITY = 82
_EXIF_ORIENTATION = 0x0112
_TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class PreparedImage:
    jpeg: bytes
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class ImageSettings:
    """How photos are re-encoded for a page: print resolution and JPEG quality."""

    dpi: int = TARGET_DPI
    quality: int = JPEG_QUALITY


PRINT = ImageSettings()


class ImageUnreadable(Exception):
    """Pillow cannot decode the file; the caller names the evidence item to the user."""


def fit(width: float, height: float, box_width: float, box_height: float) -> tuple[float, float]:
    """The largest size with the aspect of (width, height) inside the box."""
    scale = min(box_width / width, box_height / height)
    return width * scale, height * scale


def target_size(width: int, height: int, box_width_pt: float, box_height_pt: float,
                dpi: int = TARGET_DPI) -> tuple[int, int]:
    """Pixels that print at ~`dpi` when (width, height) is fitted into the box (points); never more than given."""
    print_w, print_h = fit(width, height, box_width_pt, box_height_pt)
    return (max(1, min(width, round(print_w / 72 * dpi))), max(1, min(height, round(print_h / 72 * dpi))))


def prepare_image(path: Path, box_width_pt: float, box_height_pt: float, *, dpi: int = TARGET_DPI,
                  quality: int = JPEG_QUALITY) -> PreparedImage:
    """The image at `path`, made to print at ~`dpi` when fitted into the box (points)."""
    try:
        with Image.open(path) as image:
            turned = image.getexif().get(_EXIF_ORIENTATION) in _TURNED
            upright_w, upright_h = (image.height, image.width) if turned else image.size
            target = target_size(upright_w, upright_h, box_width_pt, box_height_pt, dpi)
            image.draft("RGB", (target[1], target[0]) if turned else target)  # JPEG only; no-op otherwise
            return encode_jpeg(ImageOps.exif_transpose(image), target, quality)
    except (OSError, ValueError, Image.DecompressionBombError) as err:
        raise ImageUnreadable(str(err)) from err


def encode_jpeg(image: Image.Image, target: tuple[int, int], quality: int = JPEG_QUALITY) -> PreparedImage:
    """`image` flattened to RGB or grey, resized to `target` pixels and encoded as JPEG."""
    flat = _flatten(image)
    if flat.size != target:
        flat = flat.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    flat.save(out, "JPEG", quality=quality)
    return PreparedImage(out.getvalue(), *flat.size)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB or L; transparency composed onto white paper, CMYK and palettes converted."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in DEEP_GREY:
        return eight_bit_grey(image)
    if image.mode in ("F", "1"):
        return image.convert("L")
    return image.convert("RGB")
