"""Opening evidence images safely and making them smaller."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps

from inovasi_desktop.atomic import atomic_file
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.evidence.errors import EvidenceError
from inovasi_desktop.rules.format import format_size_id

# Refuse images above this many pixels before decoding them (decompression bombs).
MAX_PIXELS = 100_000_000
EXIF_ORIENTATION = 0x0112

_JPEG_QUALITIES = (90, 85, 80, 75, 70, 60, 50, 40)
_MIN_SIDE = 480  # below this, a document photo is no longer legible
_SHRINK_STEP = 0.75


class ImageTooLarge(EvidenceError):
    def __init__(self, pixels: int) -> None:
        megapixels = f"{pixels / 1_000_000:,.0f}".replace(",", ".")
        super().__init__(
            f"Gambar terlalu besar ({megapixels} megapiksel; batasnya {MAX_PIXELS // 1_000_000} megapiksel) "
            "sehingga tidak dapat diperiksa atau ditampilkan dengan aman."
        )
        self.pixels = pixels


def open_image(path: Path | str) -> Image.Image:
    """Open an image lazily, refusing one with more than MAX_PIXELS pixels (ImageTooLarge).

    Raises OSError for unreadable or unrecognised files. Only the header has been read on return.
    """
    with warnings.catch_warnings():
        # Pillow warns from ~89 megapixels; our own limit below decides.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except Image.DecompressionBombError as err:
            raise ImageTooLarge(_pixels_named_in(err)) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise ImageTooLarge(width * height)
    return image


def _pixels_named_in(err: Exception) -> int:
    """Pillow's bomb error names the pixel count (the first number in its message)."""
    for word in str(err).replace("(", " ").split():
        if word.isdigit():
            return int(word)
    return MAX_PIXELS + 1


def exif_orientation(image: Image.Image) -> int | None:
    """The EXIF orientation tag (2..8 mean the picture is shown turned or mirrored), or None."""
    try:
        value = image.getexif().get(EXIF_ORIENTATION)
    except (OSError, ValueError, SyntaxError):
        return None
    return int(value) if isinstance(value, int) and 1 <= value <= 8 else None


def shrink_image(src: Path | str, dest: Path | str, max_bytes: int, max_side: int = 2480) -> Path:
    """Write a smaller copy of the image `src` to `dest`, at most `max_bytes`; return the path written.

    The picture is turned upright from its EXIF orientation and scaled so that its longer side is
    at most `max_side`. A PNG stays PNG when that fits (screenshots stay sharp), else it becomes
    JPEG like photos, stepping the quality (then the size) down until it fits. The suffix of
    `dest` is set to the format written. The file is written atomically.
    """
    dest = Path(dest)
    try:
        with open_image(src) as image:
            source_format = image.format
            if source_format == "JPEG":
                image.draft("RGB", (max_side, max_side))  # decode at a reduced scale: faster, less memory
            upright = ImageOps.exif_transpose(image)
            upright.load()
    except EvidenceError:
        raise
    except (OSError, ValueError, SyntaxError) as err:
        known = isinstance(err, OSError) and err.errno
        reason = describe_os_error(err) if known else "gambar rusak atau tidak dikenali"
        raise EvidenceError(f"Gambar tidak dapat dibuka untuk diperkecil: {reason}.") from None

    exif = upright.getexif()
    exif.pop(EXIF_ORIENTATION, None)
    upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)

    data, suffix = None, ".jpg"
    if source_format == "PNG":
        data, suffix = _encode(upright, "PNG", exif), ".png"
        if len(data) > max_bytes:
            data, suffix = None, ".jpg"
    if data is None:
        data = _smallest_jpeg_under(_flatten(upright), max_bytes, exif)
    target = dest.with_suffix(suffix)
    _write_atomically(target, data)
    return target


def _smallest_jpeg_under(image: Image.Image, max_bytes: int, exif: Image.Exif) -> bytes:
    while True:
        for quality in _JPEG_QUALITIES:
            data = _encode(image, "JPEG", exif, quality=quality)
            if len(data) <= max_bytes:
                return data
        width, height = image.size
        if max(width, height) * _SHRINK_STEP < _MIN_SIDE:
            raise EvidenceError(f"Gambar tidak dapat diperkecil hingga {format_size_id(max_bytes)} tanpa menjadi "
                                "tidak terbaca.")
        image = image.resize(
            (max(1, round(width * _SHRINK_STEP)), max(1, round(height * _SHRINK_STEP))), Image.Resampling.LANCZOS
        )


DEEP_GREY = ("I", "I;16", "I;16B", "I;16L", "I;16N")


def eight_bit_grey(image: Image.Image) -> Image.Image:
    """Grey deeper than 8 bits (a scanner's 16-bit grey, mode "I;16" or "I") as "L" with its range scaled:
    Pillow's own conversion clips every value above 255, which turns a whole scan into white paper."""
    deep = image.convert("I")
    if deep.getextrema()[1] > 255:
        deep = deep.point(lambda value: value * (1 / 256))
    return deep.convert("L")


def _flatten(image: Image.Image) -> Image.Image:
    """RGB (or grey) for JPEG: transparency is laid on white."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in DEEP_GREY:
        return eight_bit_grey(image)
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode(image: Image.Image, fmt: str, exif: Image.Exif, **options: object) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", optimize=True, exif=exif, **options)
    else:
        image.save(buffer, "PNG", exif=exif)
    return buffer.getvalue()


def _write_atomically(target: Path, data: bytes) -> None:
    try:
        with atomic_file(target) as stream:
            stream.write(data)
    except OSError as err:
        raise EvidenceError(f"Gambar yang diperkecil tidak dapat disimpan: {describe_os_error(err)}.") from None
