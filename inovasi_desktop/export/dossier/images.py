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

TARGET_DPI = 150
JPEG_QUALITY = 82
_EXIF_ORIENTATION = 0x0112
_TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class PreparedImage:
    jpeg: bytes
    width: int  # pixels
    height: int


class ImageUnreadable(Exception):
    """Pillow cannot decode the file; the caller names the evidence item to the user."""


def fit(width: float, height: float, box_width: float, box_height: float) -> tuple[float, float]:
    """The largest size with the aspect of (width, height) inside the box."""
    scale = min(box_width / width, box_height / height)
    return width * scale, height * scale


def prepare_image(path: Path, box_width_pt: float, box_height_pt: float) -> PreparedImage:
    """The image at `path`, made to print at ~TARGET_DPI when fitted into the box (points)."""
    try:
        with Image.open(path) as image:
            turned = image.getexif().get(_EXIF_ORIENTATION) in _TURNED
            upright_w, upright_h = (image.height, image.width) if turned else image.size
            print_w, print_h = fit(upright_w, upright_h, box_width_pt, box_height_pt)
            target = (max(1, min(upright_w, round(print_w / 72 * TARGET_DPI))),
                      max(1, min(upright_h, round(print_h / 72 * TARGET_DPI))))
            image.draft("RGB", (target[1], target[0]) if turned else target)  # JPEG only; no-op otherwise
            upright = _flatten(ImageOps.exif_transpose(image))
            if upright.size != target:
                upright = upright.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=JPEG_QUALITY)
            return PreparedImage(out.getvalue(), *upright.size)
    except (OSError, ValueError, Image.DecompressionBombError) as err:
        raise ImageUnreadable(str(err)) from err


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
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F", "1"):
        return image.convert("L")
    return image.convert("RGB")
