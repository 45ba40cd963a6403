"""Photos prepared for the dossier: upright, flattened, downsampled to the print size, JPEG."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from inovasi_desktop.export.dossier.images import TARGET_DPI, ImageUnreadable, prepare_image

BOX = (467.0, 600.0)  # points: about 165 x 212 mm


def _write(tmp_path, data: bytes, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _open(prepared) -> Image.Image:
    assert prepared.jpeg[:3] == b"\xff\xd8\xff"
    image = Image.open(io.BytesIO(prepared.jpeg))
    assert image.size == (prepared.width, prepared.height)
    return image


def test_large_photo_is_downsampled_to_the_target_dpi_at_print_size(tmp_path, samples):
    path = _write(tmp_path, samples.make_photo(4000, 3000, "#336699"), "besar.jpg")
    prepared = prepare_image(path, *BOX)
    printed_inches = BOX[0] / 72  # a 4:3 photo is limited by the box width
    assert prepared.width == pytest.approx(printed_inches * TARGET_DPI, abs=2)
    assert prepared.width / prepared.height == pytest.approx(4 / 3, rel=0.01)
    assert len(prepared.jpeg) < 400_000


def test_exif_orientation_is_applied(tmp_path, samples):
    path = _write(tmp_path, samples.make_photo(1600, 1200, "#336699", orientation=6), "miring.jpg")
    image = _open(prepare_image(path, *BOX))
    assert image.height > image.width  # turned upright
    w, h = image.size
    # the black marker, top-left in the stored pixels, is top-right once turned 90 degrees clockwise
    assert image.getpixel((int(w * 0.8), int(h * 0.2)))[0] < 40
    assert image.getpixel((int(w * 0.2), int(h * 0.2)))[0] > 40


def test_small_image_is_not_enlarged(tmp_path, samples):
    path = _write(tmp_path, samples.make_photo(300, 200, "#336699", fmt="PNG"), "kecil.png")
    prepared = prepare_image(path, *BOX)
    assert (prepared.width, prepared.height) == (300, 200)


def test_transparency_becomes_white_paper(tmp_path):
    image = Image.new("RGBA", (200, 100), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 100, 100))
    out = io.BytesIO()
    image.save(out, "PNG")
    prepared = _open(prepare_image(_write(tmp_path, out.getvalue(), "transparan.png"), *BOX))
    assert prepared.getpixel((150, 50)) == pytest.approx((255, 255, 255), abs=6)
    r, g, b = prepared.getpixel((50, 50))
    assert b > 200 and r < 40


def test_undecodable_file_raises(tmp_path):
    with pytest.raises(ImageUnreadable):
        prepare_image(_write(tmp_path, b"\xff\xd8\xff\xe0" + b"\x00" * 64, "rusak.jpg"), *BOX)


def test_a_16_bit_grey_scan_keeps_its_greys(tmp_path):
    """Scanners can save 16-bit grey; Pillow's own conversion to 8 bits clips it to white paper."""
    image = Image.new("I;16", (600, 800), 30000)  # mid grey, as 16 bits
    image.paste(Image.new("I;16", (200, 200), 2000), (100, 100))  # a dark block
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    printed = _open(prepare_image(_write(tmp_path, buffer.getvalue(), "pindai16.png"), *BOX)).convert("L")
    grey, dark = printed.getpixel((printed.width - 5, printed.height - 5)), printed.getpixel(
        (printed.width * 200 // 600, printed.height * 200 // 800))
    assert 105 < grey < 130 and dark < 20
