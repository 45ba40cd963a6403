"""Checks of one evidence file before it is stored: what verifiers would reject, said in advance.

`check_file` never raises for a bad file: every finding is a `Problem` on the result. It reads
the file in small pieces (large files are not loaded into memory).
"""

from __future__ import annotations

import os
import stat
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image

from inovasi_desktop.atomic import scratch_folder
from inovasi_desktop.catalogue.evidence_kinds import FILE_KINDS, IMAGE, KIND, KIND_BY_MEDIA_TYPE, VIDEO, kinds_of_group
from inovasi_desktop.domain import Severity
from inovasi_desktop.domain.heading import DocumentHeading
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.evidence.heading import read_heading
from inovasi_desktop.evidence.images import ImageTooLarge, exif_orientation, open_image
from inovasi_desktop.evidence.limits import DEFAULT_MAX_BYTES, TINY_PAGE_PT
from inovasi_desktop.evidence.pdf_annotations import Printability, make_printable
from inovasi_desktop.evidence.pdf_damage import damaged_pages
from inovasi_desktop.evidence.pdf_inflation import overinflated_page
from inovasi_desktop.evidence.pdf_safety import find_active_content
from inovasi_desktop.evidence.pdf_save import save_pdf
from inovasi_desktop.evidence.pdfium import first_pages_text
from inovasi_desktop.evidence.regions import other_regions_only
from inovasi_desktop.evidence.sniff import EXECUTABLES, describe, sniff
from inovasi_desktop.evidence.video_length import video_seconds
from inovasi_desktop.rules.format import format_duration_id, format_number_id, format_pages_id, format_size_id

KIND_LABELS = {kind: KIND[kind].label for kind in FILE_KINDS}  # the kinds a file may be
IMAGE_KINDS, VIDEO_KINDS = kinds_of_group(IMAGE), kinds_of_group(VIDEO)
TEXT_SAMPLE_PAGES = 5  # pages looked at for a text layer
REGION_TEXT_PAGES = 3  # pages whose text is searched for region names and read for the heading
PAGE_CHECK_SECONDS = 30  # a repaired PDF's pages are looked at (and rendered) for about this long at most


class Code:
    """Stable machine-readable kinds of problems."""

    FILE_UNREADABLE = "file.unreadable"
    FILE_NOT_REGULAR = "file.not_regular"
    FILE_EMPTY = "file.empty"
    TYPE_UNKNOWN = "type.unknown"
    TYPE_NOT_ACCEPTED = "type.not_accepted"
    SIZE_TOO_LARGE = "size.too_large"
    PDF_DAMAGED = "pdf.damaged"
    PDF_INFLATES = "pdf.inflates"
    PDF_REPAIRED = "pdf.repaired"
    PDF_PASSWORD = "pdf.password"
    PDF_OWNER_PASSWORD = "pdf.owner_password"
    PDF_NO_PAGES = "pdf.no_pages"
    PDF_NO_TEXT = "pdf.no_text"
    PDF_ACTIVE_CONTENT = "pdf.active_content"
    PDF_OTHER_REGION = "pdf.other_region"
    PDF_REGION_SKIPPED = "pdf.region_skipped"
    PDF_DAMAGED_PAGES = "pdf.damaged_pages"
    PDF_PAGES_UNCHECKED = "pdf.pages_unchecked"
    PDF_TINY_PAGES = "pdf.tiny_pages"
    PDF_ANNOTATIONS_LOST = "pdf.annotations_lost"
    PDF_NOTES_ICON_ONLY = "pdf.notes_icon_only"
    IMAGE_TOO_LARGE = "image.too_large"
    IMAGE_CORRUPT = "image.corrupt"
    IMAGE_ROTATED = "image.rotated"
    VIDEO_TOO_LONG = "video.too_long"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str  # Indonesian, shown to the user as is
    code: str  # one of `Code`


@dataclass(frozen=True)
class FileCheck:
    media_type: str | None = None  # sniffed from content
    kind: str | None = None  # catalogue evidence kind ("pdf", "jpg", ...) or None
    size: int = 0
    pages: int | None = None  # PDF
    has_text: bool | None = None  # PDF: a text layer on the sampled pages
    repaired: bool = False  # PDF: damaged, but qpdf recovered it on opening
    owner_only_encrypted: bool = False  # PDF: restrictions without an opening password
    active_content: tuple[str, ...] = ()  # PDF: Indonesian descriptions
    dimensions: tuple[int, int] | None = None  # image: width, height in pixels, upright as shown
    exif_orientation: int | None = None  # image: 1..8 when tagged
    seconds: float | None = None  # video: playing time stated by its container, when it states one
    heading: DocumentHeading | None = None  # PDF with a text layer: what its heading says (evidence.heading)
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """No galat: the file can be used (peringatan and info may remain)."""
        return not any(p.severity is Severity.GALAT for p in self.problems)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)

    @property
    def can_shrink(self) -> bool:
        """An image over the size limit that `images.shrink_image` can make smaller."""
        return self.ok and self.kind in IMAGE_KINDS and Code.SIZE_TOO_LARGE in self.codes


@dataclass
class _Findings:
    """Mutable while checking; frozen into a FileCheck at the end."""

    facts: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: Severity, code: str, message: str) -> None:
        self.problems.append(Problem(severity, message, code))

    def freeze(self) -> FileCheck:
        return FileCheck(problems=tuple(self.problems), **self.facts)


def check_file(
    path: Path | str,
    *,
    accepts: tuple[str, ...] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pemda: str = "",
) -> FileCheck:
    """Check the file at `path` as evidence of one of the kinds in `accepts` (None: any file kind).

    `pemda` (e.g. "Kabupaten Mojokerto") enables the check that a PDF does not name only other
    kabupaten/kota.
    """
    path = Path(path)
    found = _Findings()
    try:
        info = os.stat(path)
    except OSError as err:
        found.add(Severity.GALAT, Code.FILE_UNREADABLE, f"Berkas tidak dapat dibaca: {describe_os_error(err)}.")
        return found.freeze()
    if not stat.S_ISREG(info.st_mode):
        what = "sebuah folder" if stat.S_ISDIR(info.st_mode) else "bukan berkas biasa"
        found.add(Severity.GALAT, Code.FILE_NOT_REGULAR, f"Yang dipilih adalah {what}; pilih sebuah berkas.")
        return found.freeze()
    found.facts["size"] = info.st_size
    if info.st_size == 0:
        found.add(Severity.GALAT, Code.FILE_EMPTY, "Berkas kosong (0 bita); pilih berkas yang berisi dokumen.")
        return found.freeze()
    try:
        media_type = sniff(path)
    except OSError as err:
        found.add(Severity.GALAT, Code.FILE_UNREADABLE, f"Berkas tidak dapat dibaca: {describe_os_error(err)}.")
        return found.freeze()
    kind = KIND_BY_MEDIA_TYPE.get(media_type or "")
    found.facts.update(media_type=media_type, kind=kind)
    allowed = tuple(k for k in (accepts if accepts is not None else FILE_KINDS) if k in KIND_LABELS)
    if kind is None or kind not in allowed:
        _type_problem(found, media_type, allowed)
        return found.freeze()
    if info.st_size > max_bytes:
        _size_problem(found, kind, info.st_size, max_bytes, accepts)
    if kind == "pdf":
        _check_pdf(path, found, pemda)
    elif kind in IMAGE_KINDS:
        _check_image(path, found)
    elif kind in VIDEO_KINDS:
        found.facts["seconds"] = video_seconds(path)
    return found.freeze()


def for_target(check: FileCheck, *, accepts: tuple[str, ...] | None, max_bytes: int,
               max_seconds: int = 0) -> FileCheck:
    """`check` (made with `accepts=None` and no size limit) judged again for `accepts`, `max_bytes` and, for a
    video, `max_seconds` (0: no limit).

    Lets a stored file's result be kept once and shown for every place that uses it.
    """
    type_codes = {Code.TYPE_NOT_ACCEPTED, Code.TYPE_UNKNOWN}
    if check.kind is None and not type_codes & set(check.codes):  # unreadable or empty: already a galat
        return check
    kept = [p for p in check.problems
            if p.code not in (Code.TYPE_NOT_ACCEPTED, Code.SIZE_TOO_LARGE, Code.VIDEO_TOO_LONG)]
    found = _Findings(problems=kept)
    found.facts.update({f: getattr(check, f) for f in _FACTS})
    allowed = tuple(k for k in (accepts if accepts is not None else FILE_KINDS) if k in KIND_LABELS)
    if check.kind is None or check.kind not in allowed:
        only = _Findings(facts={"media_type": check.media_type, "kind": check.kind, "size": check.size})
        _type_problem(only, check.media_type, allowed)
        return only.freeze()
    if check.size > max_bytes:
        sized = _Findings()
        _size_problem(sized, check.kind, check.size, max_bytes, accepts)
        found.problems[:0] = sized.problems
    if max_seconds and check.seconds and check.seconds > max_seconds:
        found.add(Severity.PERINGATAN, Code.VIDEO_TOO_LONG,
                  f"Video ini berdurasi {format_duration_id(check.seconds)}, lebih lama dari batas "
                  f"{format_duration_id(max_seconds)}; penilai dapat menolaknya. Persingkat videonya.")
    return found.freeze()


_FACTS = tuple(f for f in FileCheck.__dataclass_fields__ if f != "problems")


def _join_or(words: list[str]) -> str:
    if len(words) <= 2:
        return " atau ".join(words)
    return ", ".join(words[:-1]) + ", atau " + words[-1]


def _type_problem(found: _Findings, media_type: str | None, allowed: tuple[str, ...]) -> None:
    if not allowed:
        found.add(Severity.GALAT, Code.TYPE_NOT_ACCEPTED, "Bukti di sini berupa tautan, bukan berkas.")
        return
    expected = _join_or([KIND_LABELS[k] for k in allowed])
    if media_type is None:
        found.add(
            Severity.GALAT,
            Code.TYPE_UNKNOWN,
            f"Jenis berkas tidak dikenali dari isinya; yang diterima di sini: {expected}.",
        )
        return
    message = f"Berkas ini adalah {describe(media_type)}, bukan {expected}."
    if media_type in EXECUTABLES:
        message += " Program tidak boleh diunggah sebagai bukti dukung."
    elif KIND_BY_MEDIA_TYPE.get(media_type):
        message = f"Berkas ini adalah {describe(media_type)}, sedangkan yang diterima di sini hanya {expected}."
    found.add(Severity.GALAT, Code.TYPE_NOT_ACCEPTED, message)


def _size_problem(found: _Findings, kind: str, size: int, max_bytes: int, accepts: tuple[str, ...] | None) -> None:
    message = f"Ukuran berkas {format_size_id(size)} melebihi batas {format_size_id(max_bytes)}."
    if kind in IMAGE_KINDS:
        message += " Gambar ini dapat diperkecil secara otomatis."
    elif kind == "pdf":
        message += " Perkecil berkas PDF (misalnya pindai ulang dengan resolusi lebih rendah) atau pisahkan halamannya."
    elif kind in VIDEO_KINDS and (accepts is None or "link" in accepts):
        message += " Untuk video, gunakan tautan (misalnya Google Drive atau YouTube)."
    found.add(Severity.PERINGATAN, Code.SIZE_TOO_LARGE, message)


def _check_pdf(path: Path, found: _Findings, pemda: str) -> None:
    try:
        # Streamed reads, not mmap: a file cut short while mapped (a USB stick pulled) would crash the process.
        pdf = pikepdf.open(path, access_mode=pikepdf.AccessMode.stream)
    except pikepdf.PasswordError:
        found.add(
            Severity.GALAT,
            Code.PDF_PASSWORD,
            "Berkas PDF dilindungi kata sandi sehingga tidak dapat dibuka verifikator. Simpan ulang tanpa kata sandi.",
        )
        return
    except (pikepdf.PdfError, RuntimeError, ValueError, OSError):
        found.add(Severity.GALAT, Code.PDF_DAMAGED, "Berkas PDF rusak dan tidak dapat dibuka.")
        return
    with pdf, ExitStack() as scratch:
        damaged = bool(pdf.get_warnings())
        try:
            if (page := overinflated_page(pdf)) is not None:  # before anything decodes a page
                found.add(Severity.GALAT, Code.PDF_INFLATES,
                          f"Halaman {page} berkas PDF ini berisi data termampat yang mengembang jauh melebihi "
                          "halaman biasa, sehingga tidak dapat diperiksa atau dicetak dengan aman. Simpan ulang "
                          "berkas aslinya (misalnya dengan Cetak ke PDF).")
                return
            pages = len(pdf.pages)
            found.facts.update(
                pages=pages,
                owner_only_encrypted=pdf.is_encrypted,
                has_text=_has_text_layer(pdf) if pages else None,
                active_content=tuple(find_active_content(pdf)),
            )
            tiny = _tiny_pages(pdf)
            damaged = bool(pdf.get_warnings()) or damaged
            text_source = path
            if damaged and pages:  # what the dossier would print is the repaired document: look at that
                text_source = scratch.enter_context(scratch_folder("inovasi-periksa")) / "pdf"
                save_pdf(pdf, text_source)
                _check_pages(pdf, text_source, found)
        except (pikepdf.PdfError, RuntimeError, ValueError, OSError):
            found.add(Severity.GALAT, Code.PDF_DAMAGED, "Berkas PDF rusak sehingga isinya tidak dapat dibaca.")
            return
        try:
            printable = make_printable(pdf)  # in memory only: what the dossier will be able to print
        except (pikepdf.PdfError, RuntimeError, ValueError):
            printable = Printability((), ())
        _pdf_findings(found, repaired=damaged)
        _page_findings(found, tiny, printable)
        if pages:
            _read_text(text_source, found, pemda)


def _tiny_pages(pdf: pikepdf.Pdf) -> list[tuple[int, float, float]]:
    """(number, width, height in points) of the pages too small to read at their own size."""
    tiny = []
    for number, page in enumerate(pdf.pages, start=1):
        box = page.trimbox
        width, height = abs(float(box[2]) - float(box[0])), abs(float(box[3]) - float(box[1]))
        if max(width, height) < TINY_PAGE_PT:
            tiny.append((number, width, height))
    return tiny


def _check_pages(pdf: pikepdf.Pdf, repaired: Path, found: _Findings) -> None:
    """A repaired file (saved at `repaired`): every page must still be whole, as the dossier would print it."""
    result = damaged_pages(pdf, repaired, seconds=PAGE_CHECK_SECONDS)
    count = len(pdf.pages)
    if result.bad_pages:
        found.add(
            Severity.GALAT,
            Code.PDF_DAMAGED_PAGES,
            f"Berkas PDF ini terpotong atau rusak: halaman {format_pages_id(result.bad_pages)} kehilangan isi"
            " (huruf, gambar, atau teks) sehingga tidak tercetak utuh. Minta atau simpan ulang berkas aslinya"
            " yang utuh.",
        )
    if result.checked < count:
        found.add(
            Severity.PERINGATAN,
            Code.PDF_PAGES_UNCHECKED,
            f"Berkas PDF yang diperbaiki ini terlalu besar untuk diperiksa seluruhnya: halaman"
            f" {format_pages_id(range(result.checked + 1, count + 1))} belum diperiksa kerusakannya.",
        )


def _page_findings(found: _Findings, tiny: list[tuple[int, float, float]], printable: Printability) -> None:
    if tiny:
        number, width, height = tiny[0]
        example = "misalnya " if len(tiny) > 1 else ""
        size = f"{format_number_id(width / 72 * 2.54)} \u00d7 {format_number_id(height / 72 * 2.54)} cm"
        found.add(
            Severity.PERINGATAN,
            Code.PDF_TINY_PAGES,
            f"Halaman {format_pages_id([t[0] for t in tiny])} berukuran sangat kecil ({example}{size}) sehingga"
            " hampir tidak terlihat. Di berkas usulan halaman itu diperbesar memenuhi halaman A4; periksa hasilnya"
            " atau buat ulang PDF dengan ukuran halaman yang benar.",
        )
    if printable.lost:
        lost = [f"{u.label} (halaman {format_pages_id(u.pages)})" for u in printable.lost]
        found.add(
            Severity.PERINGATAN,
            Code.PDF_ANNOTATIONS_LOST,
            "Sebagian anotasi tidak memiliki tampilan sehingga tidak ikut tercetak di berkas usulan:"
            f" {', '.join(lost)}."
            " Cetak ulang berkas ke PDF dari aplikasi pembuatnya agar anotasi itu ikut tercetak.",
        )
    if printable.note_pages:
        found.add(
            Severity.INFO,
            Code.PDF_NOTES_ICON_ONLY,
            f"Catatan tempel di halaman {format_pages_id(printable.note_pages)} tercetak sebagai ikon saja;"
            " isi catatannya tidak ikut tercetak.",
        )


def _pdf_findings(found: _Findings, *, repaired: bool) -> None:
    facts = found.facts
    facts["repaired"] = repaired
    if repaired and Code.PDF_DAMAGED_PAGES not in (p.code for p in found.problems):
        found.add(
            Severity.PERINGATAN,
            Code.PDF_REPAIRED,
            "Berkas PDF ini rusak, tetapi dapat dibaca setelah diperbaiki otomatis. Agar terbuka di semua aplikasi,"
            " simpan ulang berkas aslinya (misalnya dengan Cetak ke PDF).",
        )
    if facts["owner_only_encrypted"]:
        found.add(
            Severity.INFO,
            Code.PDF_OWNER_PASSWORD,
            "Berkas PDF ini dibatasi kata sandi pemilik (misalnya larangan menyalin), tetapi tetap dapat dibuka.",
        )
    if facts["pages"] == 0:
        found.add(Severity.GALAT, Code.PDF_NO_PAGES, "Berkas PDF tidak memiliki halaman.")
    if facts["has_text"] is False:
        found.add(
            Severity.INFO,
            Code.PDF_NO_TEXT,
            "Berkas PDF ini tampaknya hasil pindaian tanpa lapisan teks, sehingga isinya tidak dapat dicari dan"
            " tidak dibaca oleh aplikasi: nomor, tanggal, dan perihalnya harus diisi sendiri.",
        )
    active = facts["active_content"]
    if active:
        found.add(
            Severity.PERINGATAN,
            Code.PDF_ACTIVE_CONTENT,
            f"Berkas PDF ini berisi konten aktif: {', '.join(active)}. Konten ini dibuang saat berkas usulan"
            " disusun; verifikator dapat menolak berkas yang memuatnya.",
        )


def _has_text_layer(pdf: pikepdf.Pdf) -> bool:
    """Whether any sampled page shows text (OCR text of a scan counts, even when invisible)."""
    count = len(pdf.pages)
    step = max(1, count // TEXT_SAMPLE_PAGES)
    sample = sorted({*range(0, count, step), count - 1})[: TEXT_SAMPLE_PAGES + 1]
    for index in sample:
        page = pdf.pages[index]
        streams: list[object] = [page]
        xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
        streams += [x for x in xobjects.values() if isinstance(x, pikepdf.Stream) and x.get("/Subtype") == "/Form"]
        for stream in streams:
            try:
                if pikepdf.parse_content_stream(stream, "Tj TJ ' \""):
                    return True
            except (pikepdf.PdfError, RuntimeError, ValueError):
                continue
    return False


def _read_text(path: Path, found: _Findings, pemda: str) -> None:
    """The first pages' text, once: what the heading says, and the regions it names."""
    text = first_pages_text(path, REGION_TEXT_PAGES)
    if text is not None and found.facts.get("has_text") is not False:
        found.facts["heading"] = read_heading(text)
    if pemda:
        _check_region(text, found, pemda)


def _check_region(text: str | None, found: _Findings, pemda: str) -> None:
    if text is None:
        found.add(
            Severity.INFO,
            Code.PDF_REGION_SKIPPED,
            "Nama daerah dalam dokumen tidak diperiksa karena teksnya tidak dapat dibaca.",
        )
        return
    others = other_regions_only(text, pemda)
    if others:
        found.add(
            Severity.PERINGATAN,
            Code.PDF_OTHER_REGION,
            f"Dokumen ini menyebut {_join_or(others)}, bukan {pemda}. Pastikan bukti berasal dari daerah Anda.",
        )


def _check_image(path: Path, found: _Findings) -> None:
    try:
        image = open_image(path)
    except ImageTooLarge as err:
        found.add(Severity.GALAT, Code.IMAGE_TOO_LARGE, str(err))
        return
    except (OSError, ValueError, SyntaxError, EOFError):
        found.add(Severity.GALAT, Code.IMAGE_CORRUPT, _CORRUPT_IMAGE)
        return
    with image:
        width, height = image.size
        orientation = exif_orientation(image)
        upright = (height, width) if orientation in _QUARTER_TURNS else (width, height)  # as it is shown
        found.facts.update(dimensions=upright, exif_orientation=orientation)
        try:
            if image.format == "JPEG":  # decoding at 1/8 scale still reads every byte, with less memory
                image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
            image.load()
        except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
            found.add(Severity.GALAT, Code.IMAGE_CORRUPT, _CORRUPT_IMAGE)
            return
    if orientation and orientation != 1:
        found.add(
            Severity.INFO,
            Code.IMAGE_ROTATED,
            "Foto ini memakai penanda orientasi (EXIF), sehingga dapat tampil miring di sebagian aplikasi."
            " Gambar yang diperkecil oleh aplikasi ini akan ditegakkan.",
        )


_QUARTER_TURNS = {5, 6, 7, 8}  # EXIF orientations that show the picture turned by 90 degrees
_CORRUPT_IMAGE = "Gambar rusak atau tidak lengkap sehingga tidak dapat ditampilkan."
