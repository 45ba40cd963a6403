import io
import os
import subprocess
import sys
import tracemalloc

import pytest
from PIL import Image
from platform_skips import needs_permission_bits

from inovasi_desktop.domain import Severity
from inovasi_desktop.evidence import checks
from inovasi_desktop.evidence.checks import Code, check_file

MB = 1024 * 1024
JAVANESE = "ꦧꦸꦏ꧀ꦠꦶꦢꦸꦏꦸꦁ"  # "bukti dukung", 3 bytes a character in UTF-8
ARABIC = "وثيقة_الدعم_"
EMOJI = "📄🧾✅"


def _only(check, code):
    assert check.codes == (code,), check.problems
    return check.problems[0]


def _noise_jpeg(side: int) -> bytes:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def test_zero_byte_file_is_galat(files):
    check = check_file(files.write("kosong.pdf", b""), accepts=("pdf",))
    assert _only(check, Code.FILE_EMPTY).severity is Severity.GALAT
    assert check.size == 0 and not check.ok


def test_missing_file_is_galat_without_traceback(files):
    problem = _only(check_file(files.folder / "sudah-dihapus.pdf"), Code.FILE_UNREADABLE)
    assert problem.message == "Berkas tidak dapat dibaca: berkas atau folder tidak ditemukan."


def test_folder_is_not_a_file(files):
    assert _only(check_file(files.folder), Code.FILE_NOT_REGULAR).severity is Severity.GALAT


def test_file_that_cannot_be_read_is_galat(files, monkeypatch):
    path = files.text_pdf()

    def refuse(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(checks, "sniff", refuse)
    assert _only(check_file(path), Code.FILE_UNREADABLE).message == "Berkas tidak dapat dibaca: akses ditolak."


@needs_permission_bits
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads unreadable folders")
def test_file_in_folder_that_turned_unreadable_is_galat(files):
    path = files.text_pdf()
    os.chmod(files.folder, 0)
    try:
        assert not check_file(path).ok
    finally:
        os.chmod(files.folder, 0o755)


@pytest.mark.parametrize(
    ("header", "what"),
    [
        (b"\x7fELF\x02\x01\x01\x00", "program (executable) Linux"),
        (b"MZ\x90\x00\x03\x00", "program (executable) Windows"),
    ],
)
def test_executable_renamed_to_pdf_is_named_for_what_it_is(files, header, what):
    check = check_file(files.write("laporan.pdf", header + os.urandom(4000)), accepts=("pdf",))
    problem = _only(check, Code.TYPE_NOT_ACCEPTED)
    assert problem.severity is Severity.GALAT
    assert problem.message.startswith(f"Berkas ini adalah {what}, bukan PDF.")
    assert "Program tidak boleh diunggah" in problem.message


def test_unknown_content_is_galat_listing_what_is_accepted(files):
    check = check_file(files.write("x.pdf", b"\x00\x01\x02" * 100), accepts=("pdf", "jpg", "png"))
    assert _only(check, Code.TYPE_UNKNOWN).message.endswith("yang diterima di sini: PDF, JPG, atau PNG.")


def test_evidence_kind_not_accepted_here(files):
    check = check_file(files.write("scan.pdf", files.jpeg_bytes()), accepts=("pdf",))
    assert _only(check, Code.TYPE_NOT_ACCEPTED).message == (
        "Berkas ini adalah gambar JPG, sedangkan yang diterima di sini hanya PDF."
    )
    assert check.kind == "jpg"


def test_link_only_evidence_refuses_files(files):
    assert not check_file(files.text_pdf(), accepts=("link",)).ok


def test_image_over_the_limit_is_a_warning_offering_to_shrink(files):
    path = files.write("foto.jpg", _noise_jpeg(300))
    check = check_file(path, accepts=("jpg",), max_bytes=50_000)
    problem = _only(check, Code.SIZE_TOO_LARGE)
    assert problem.severity is Severity.PERINGATAN and "dapat diperkecil" in problem.message
    assert check.ok and check.can_shrink and check.dimensions == (300, 300)


def test_pdf_over_the_limit_cannot_be_shrunk_automatically(files):
    check = check_file(files.text_pdf(), accepts=("pdf",), max_bytes=100)
    assert Code.SIZE_TOO_LARGE in check.codes and not check.can_shrink


def test_png_declaring_ten_billion_pixels_is_refused_before_decoding(files):
    path = files.write("layar.png", files.png_declaring(100_000, 100_000))
    tracemalloc.start()
    try:
        check = check_file(path, accepts=("png",))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    problem = _only(check, Code.IMAGE_TOO_LARGE)
    assert problem.severity is Severity.GALAT and "terlalu besar" in problem.message
    assert peak < 5 * MB


def test_png_just_over_our_limit_is_refused_by_our_own_check(files):
    check = check_file(files.write("besar.png", files.png_declaring(10_001, 10_000)), accepts=("png",))
    assert _only(check, Code.IMAGE_TOO_LARGE).severity is Severity.GALAT


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_jpeg_is_galat(files, cut):
    data = _noise_jpeg(200)
    check = check_file(files.write("rusak.jpg", data[: int(len(data) * cut)]), accepts=("jpg",))
    assert _only(check, Code.IMAGE_CORRUPT).severity is Severity.GALAT


def test_jpeg_with_garbage_inside_is_galat(files):
    data = bytearray(_noise_jpeg(200))
    data[600:] = os.urandom(len(data) - 600)
    assert not check_file(files.write("acak.jpg", bytes(data)), accepts=("jpg",)).ok


def test_exif_orientation_is_noted(files):
    exif = Image.Exif()
    exif[0x0112] = 6
    path = files.write("miring.jpg", files.jpeg_bytes((40, 20), exif=exif))
    check = check_file(path, accepts=("jpg",))
    assert check.exif_orientation == 6 and check.ok
    assert _only(check, Code.IMAGE_ROTATED).severity is Severity.INFO
    assert check.dimensions == (20, 40)  # as the picture is shown: upright, turned a quarter


def test_rotated_12_mp_photo_has_the_same_upright_size_when_checked_and_when_shrunk(files, tmp_path):
    from inovasi_desktop.evidence.images import shrink_image

    exif = Image.Exif()
    exif[0x0112] = 6  # a phone held upright: stored 4000x3000, shown 3000x4000
    path = files.write("foto.jpg", files.jpeg_bytes((4000, 3000), exif=exif))
    check = check_file(path, accepts=("jpg",))
    assert check.dimensions == (3000, 4000)
    small = check_file(shrink_image(path, tmp_path / "kecil", 300_000), accepts=("jpg",))
    assert small.dimensions[0] < small.dimensions[1]  # the stored, upright copy is portrait too


def test_good_png_is_ok(files):
    buffer = io.BytesIO()
    Image.new("RGBA", (64, 32), (0, 0, 255, 128)).save(buffer, "PNG")
    check = check_file(files.write("layar.png", buffer.getvalue()), accepts=("png",))
    assert check.ok and check.problems == () and check.dimensions == (64, 32) and check.kind == "png"


def test_300_mb_video_streams_and_warns_about_size(files):
    path = files.folder / "video.mp4"
    with open(path, "wb") as f:
        f.write(b"\0\0\0\x18ftypisom\0\0\0\0isommp41")
    os.truncate(path, 300 * MB)  # sparse: no 300 MB written to disk
    tracemalloc.start()
    try:
        check = check_file(path, accepts=("mp4", "mov", "link"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    problem = _only(check, Code.SIZE_TOO_LARGE)
    assert "300 MB" in problem.message and "tautan" in problem.message
    assert check.ok and check.size == 300 * MB and peak < 5 * MB


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc for the peak memory")
def test_300_mb_pdf_is_checked_without_loading_it(files):
    path = files.folder / "besar.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    os.truncate(path, 300 * MB)
    # VmHWM is the child's own peak (ru_maxrss would carry pytest's peak across exec).
    script = (
        "import sys\n"
        "from inovasi_desktop.evidence.checks import check_file\n"
        "def peak_kb():\n"
        "    with open('/proc/self/status') as f:\n"
        "        return next(int(line.split()[1]) for line in f if line.startswith('VmHWM:'))\n"
        "before = peak_kb()\n"
        "check = check_file(sys.argv[1], accepts=('pdf',))\n"
        "print((peak_kb() - before) // 1024, ' '.join(check.codes))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    grown_mb, codes = out.stdout.split(maxsplit=1)
    assert codes.split() == [Code.SIZE_TOO_LARGE, Code.PDF_DAMAGED]
    assert int(grown_mb) < 50, f"peak memory grew by {grown_mb} MB"


@pytest.mark.parametrize(
    "stem",
    [
        (JAVANESE * 10)[:80],  # 240 bytes: about the longest a Linux file name may be
        (ARABIC * 12)[:120],
        (EMOJI * 20)[:60],
        "Laporan " + "x" * 240,
    ],
)
def test_long_non_latin_file_names(files, stem):
    path = files.text_pdf(f"{stem}.pdf", ("Kabupaten Mojokerto",))
    check = check_file(path, accepts=("pdf",), pemda="Kabupaten Mojokerto")
    assert check.ok and check.problems == ()


def test_deep_folder_of_long_names(files):
    folder = files.folder
    for _ in range(6):
        folder = folder / (JAVANESE * 7)[:70]
    folder.mkdir(parents=True)
    path = folder / f"{(EMOJI * 20)[:50]}.pdf"
    path.write_bytes(files.text_pdf().read_bytes())
    assert len(str(path)) > 450
    assert check_file(path, accepts=("pdf",)).ok


def test_name_too_long_for_this_system_is_explained(files):
    check = check_file(files.folder / f"{(JAVANESE * 20)[:200]}.pdf")  # 600 bytes: over the 255 of Linux
    problem = _only(check, Code.FILE_UNREADABLE)
    if sys.platform.startswith("linux"):
        assert problem.message == "Berkas tidak dapat dibaca: nama atau alamat berkas terlalu panjang."
