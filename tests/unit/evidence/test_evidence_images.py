import io
import os

import pytest
from PIL import Image, ImageDraw

from inovasi_desktop.evidence.errors import EvidenceError
from inovasi_desktop.evidence.images import EXIF_ORIENTATION, ImageTooLarge, open_image, shrink_image

KB = 1024


def _photo(size=(1600, 1200)) -> Image.Image:
    """Noise over a gradient: compresses about as badly as a real photo."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.frombytes("RGB", size, os.urandom(width * height * 3))
    return Image.blend(gradient, noise, 0.35)


def _screenshot(size=(3000, 2000)) -> Image.Image:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for y in range(0, size[1], 40):
        draw.rectangle((20, y + 5, size[0] // 2, y + 25), fill=(30, 60, 150))
    return image


def _save(image: Image.Image, path, fmt, **options):
    image.save(path, fmt, **options)
    return path


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_photo_is_turned_upright_scaled_and_fits(files, tmp_path):
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6  # stored landscape, shown portrait
    src = _save(_photo(), files.folder / "foto.jpg", "JPEG", quality=95, exif=exif)
    assert src.stat().st_size > 400 * KB

    out = shrink_image(src, tmp_path / "kecil.jpg", max_bytes=150 * KB, max_side=1000)
    assert out == tmp_path / "kecil.jpg" and out.stat().st_size <= 150 * KB
    with Image.open(out) as result:
        assert result.format == "JPEG"
        assert result.size == (750, 1000)  # upright: portrait
        assert result.getexif().get(EXIF_ORIENTATION) in (None, 1)
    assert _leftovers(tmp_path) == []


def test_screenshot_png_stays_png_when_small_enough(files, tmp_path):
    src = _save(_screenshot(), files.folder / "layar.png", "PNG")
    out = shrink_image(src, tmp_path / "layar.png", max_bytes=200 * KB)
    assert out.suffix == ".png" and out.stat().st_size <= 200 * KB
    with Image.open(out) as result:
        assert result.format == "PNG" and max(result.size) == 2480


def test_photo_saved_as_png_becomes_jpeg(files, tmp_path):
    src = _save(_photo().convert("RGBA"), files.folder / "foto.png", "PNG")
    out = shrink_image(src, tmp_path / "foto.png", max_bytes=200 * KB, max_side=1200)
    assert out == tmp_path / "foto.jpg" and not (tmp_path / "foto.png").exists()
    with Image.open(out) as result:
        assert result.format == "JPEG" and result.mode == "RGB" and out.stat().st_size <= 200 * KB


def test_transparency_becomes_white_in_jpeg(files, tmp_path):
    image = Image.frombytes("RGBA", (800, 800), os.urandom(800 * 800 * 4))
    image.paste((0, 0, 0, 0), (0, 0, 400, 400))  # fully transparent corner
    src = _save(image, files.folder / "tembus.png", "PNG")
    out = shrink_image(src, tmp_path / "tembus.png", max_bytes=120 * KB, max_side=800)
    with Image.open(out) as result:
        red, green, blue = result.convert("RGB").getpixel((100, 100))
        assert min(red, green, blue) > 240


def test_existing_destination_is_replaced_atomically(files, tmp_path):
    dest = tmp_path / "kecil.jpg"
    dest.write_bytes(b"lama")
    src = _save(_photo((800, 600)), files.folder / "foto.jpg", "JPEG", quality=95)
    shrink_image(src, dest, max_bytes=60 * KB, max_side=800)
    with Image.open(dest) as result:
        assert result.size == (800, 600)
    assert _leftovers(tmp_path) == []


def test_impossible_target_raises_and_writes_nothing(files, tmp_path):
    src = _save(_photo((800, 600)), files.folder / "foto.jpg", "JPEG", quality=95)
    with pytest.raises(EvidenceError, match="tidak dapat diperkecil"):
        shrink_image(src, tmp_path / "kecil.jpg", max_bytes=2 * KB)
    assert list(tmp_path.glob("kecil*")) == [] and _leftovers(tmp_path) == []


def test_bomb_and_corrupt_sources_are_refused(files, tmp_path):
    bomb = files.write("bom.png", files.png_declaring(100_000, 100_000))
    with pytest.raises(ImageTooLarge):
        shrink_image(bomb, tmp_path / "x.png", max_bytes=100 * KB)
    data = io.BytesIO()
    _photo((400, 300)).save(data, "JPEG")
    broken = files.write("rusak.jpg", data.getvalue()[:3000])
    with pytest.raises(EvidenceError, match="tidak dapat dibuka"):
        shrink_image(broken, tmp_path / "y.jpg", max_bytes=100 * KB)
    assert not any(tmp_path.glob("[xy].*"))


def test_open_image_reads_only_the_header(files):
    path = files.write("layar.png", files.png_declaring(4000, 3000))  # header fine, pixel data missing
    with open_image(path) as image:
        assert image.size == (4000, 3000)


def test_a_16_bit_grey_scan_made_smaller_keeps_its_greys(files, tmp_path):
    """Made smaller, a 16-bit grey scan must not turn into a white page (Pillow's 8-bit conversion clips)."""
    noise = Image.frombytes("L", (1200, 1600), os.urandom(1200 * 1600)).convert("I")
    image = noise.point(lambda v: v * 40 + 20000).convert("I;16")  # greys around 20000-30000 of 65535
    src = _save(image, files.folder / "pindai16.png", "PNG")
    out = shrink_image(src, tmp_path / "pindai16.png", max_bytes=300 * KB, max_side=1000)
    with Image.open(out) as result:
        assert 70 < result.convert("L").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0)) < 120
