"""`build_portal_package`: the folder a person takes to the national IID portal.

Everything is written into a hidden temp folder beside the target and renamed into place at the
end: a failure or a cancel leaves nothing behind. The same content gives the same bytes (no dates,
deterministic PDF ids).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from inovasi_desktop.atomic import part_path, remove_stale_parts
from inovasi_desktop.catalogue.evidence_kinds import KIND, KIND_BY_MEDIA_TYPE, VIDEO
from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.model import EvidenceItem
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export.dossier.annex import AnnexSection, collect_sections
from inovasi_desktop.export.dossier.texts import chosen_level
from inovasi_desktop.export.portal import names
from inovasi_desktop.export.portal.evidence_pdf import ATTEMPTS, write_section_pdf
from inovasi_desktop.export.portal.html_page import to_bytes
from inovasi_desktop.export.portal.model import (
    LINKS_ONLY,
    READY,
    TOO_BIG,
    IsCancelled,
    PortalInput,
    PortalPackageError,
    PortalResult,
    Progress,
    UploadRow,
)
from inovasi_desktop.export.portal.model import (
    VIDEO as VIDEO_ROW,
)
from inovasi_desktop.export.portal.pages import checklist_html, checklist_text, profile_html, profile_text
from inovasi_desktop.export.portal.profile_texts import level_lines, link_entries, profile_entries
from inovasi_desktop.rules.format import format_size_id

CANCELLED = "Pembuatan paket unggah dibatalkan. Tidak ada berkas yang ditulis."


class _Steps:
    def __init__(self, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
        self.total, self.done, self.text = total, 0, ""
        self.progress, self.cancelled = progress, cancelled

    def check(self) -> None:
        if self.cancelled and self.cancelled():
            raise Cancelled(CANCELLED)

    def start(self, text: str) -> None:
        self.text = text
        self.check()
        if self.progress:
            self.progress(self.done, self.total, text)

    def finish(self) -> None:
        self.done += 1


def build_portal_package(source: PortalInput, out_dir: Path, *, progress: Progress | None = None,
                         cancelled: IsCancelled | None = None) -> PortalResult:
    out_dir = Path(out_dir)
    check_target(out_dir)
    sections = collect_sections(source.catalogue, source.innovation)
    steps = _Steps(len(sections) + 1, progress, cancelled)
    remove_stale_parts(out_dir.parent)  # the folders of packages cut short (a killed process)
    temp = part_path(out_dir)
    try:
        temp.mkdir()
    except OSError as err:
        raise PortalPackageError(f"Folder {out_dir.parent} tidak dapat ditulisi: {describe_os_error(err)}.") from None
    try:
        rows, files = _fill(source, sections, temp, steps)
        steps.start("Menyimpan paket")
        if out_dir.exists():
            out_dir.rmdir()  # empty, checked above
        os.rename(temp, out_dir)
    except OSError as err:
        raise PortalPackageError(f"Paket unggah tidak dapat ditulis ke {out_dir}: {describe_os_error(err)}.") from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)  # gone already when renamed
    steps.finish()
    return PortalResult(out_dir, rows, files, source.cap_bytes)


def check_target(out_dir: Path) -> None:
    if not out_dir.parent.is_dir():
        raise PortalPackageError(f"Folder {out_dir.parent} tidak ada. Pilih folder yang sudah ada untuk paket "
                                 "unggah.")
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise PortalPackageError(f"{out_dir} sudah ada dan tidak kosong. Pilih nama folder baru agar tidak ada "
                                 "berkas yang tertimpa.")


def _fill(source: PortalInput, sections: list[AnnexSection], folder: Path,
          steps: _Steps) -> tuple[list[UploadRow], list[str]]:
    name = source.innovation.name
    rows: list[UploadRow] = []
    files: list[str] = []
    attachment_files: dict[str, str] = {}
    for field in source.catalogue.fields:
        section = next((s for s in sections if s.indicator is None and s.title == field.label), None)
        if section is None:
            continue
        row = UploadRow("Lampiran profil", field.label)
        rows += _section(source, section, row, names.attachment_pdf(name, field.label), 0, folder, files, steps)
        attachment_files[field.key] = row.file_name
    for indicator in source.catalogue.indicators:
        level, wording, _ = chosen_level(indicator, source.innovation)
        row = UploadRow(f"Indikator {indicator.number}", indicator.name,
                        f"Tingkat dipilih: {level.level} ({wording})" if level else "Tingkat belum dipilih")
        section = next((s for s in sections if s.indicator is indicator), None)
        if section is None:
            row.message = "Indikator wajib: lengkapi bukti dukungnya." if indicator.mandatory else \
                "Tidak ada bukti dukung untuk diunggah."
            rows.append(row)
            continue
        rows += _section(source, section, row, names.indicator_pdf(name, indicator.number), indicator.number,
                         folder, files, steps)
    steps.start("Menulis isian profil dan daftar unggah")
    fields, levels, links = profile_entries(source, attachment_files), level_lines(source), link_entries(source)
    profile_page = f"{names.PROFILE_PAGE}.html"
    _write(folder, profile_page, to_bytes(profile_html(source, fields, levels, links)), files)
    _write(folder, f"{names.PROFILE_PAGE}.txt", to_bytes(profile_text(source, fields, levels, links)), files)
    _write(folder, f"{names.CHECKLIST}.html", to_bytes(checklist_html(source, rows, profile_page)), files)
    _write(folder, f"{names.CHECKLIST}.txt", to_bytes(checklist_text(source, rows, profile_page)), files)
    steps.finish()
    return rows, files


def _is_video(item: EvidenceItem) -> bool:
    kind = KIND.get(KIND_BY_MEDIA_TYPE.get(item.media_type or "", ""))
    return bool(item.sha256) and not item.is_link and kind is not None and kind.group == VIDEO


def _section(source: PortalInput, section: AnnexSection, row: UploadRow, pdf_name: str, number: int,
             folder: Path, files: list[str], steps: _Steps) -> list[UploadRow]:
    """The rows of one section: its PDF (or why there is none), then a row per video file."""
    items = [entry.item for entry in section.entries]
    files_in = [item for item in items if item.sha256 and not item.is_link]
    videos = [item for item in files_in if _is_video(item)]
    row.items = items
    out = [row]
    label = f"{row.place}: {row.title}"
    if not files_in:
        row.status, row.message = LINKS_ONLY, f"Isi tautannya pada portal (lihat {names.PROFILE_PAGE})."
    elif len(videos) < len(files_in):
        steps.start(f"{label} \u2014 menyusun PDF")

        def attempt(i: int) -> None:
            steps.start(f"{label} \u2014 memperkecil gambar (percobaan {i + 1} dari {len(ATTEMPTS)})")

        row.file_name, row.size = pdf_name, write_section_pdf(source, section, label, folder / pdf_name,
                                                              lambda: steps.check(), attempt)
        files.append(pdf_name)
        row.status = READY if row.size <= source.cap_bytes else TOO_BIG
        if row.status == TOO_BIG:
            row.message = _too_big(row, [i for i in files_in if not _is_video(i)], source.cap_bytes)
    else:
        row.status, row.message = VIDEO_ROW, "Hanya berisi video; unggah berkas video di bawah ini."
    for k, item in enumerate(videos, start=1):
        video_name = names.video_file(source.innovation.name, number, k, Path(item.file_name or ".mp4").suffix)
        steps.start(f"{label} \u2014 menyalin video")
        _copy_verified(source, item, folder / video_name, steps)
        files.append(video_name)
        note = "Unggah pada isian video, atau isi tautannya bila portal menolak ukurannya." \
            if (item.size or 0) > source.cap_bytes else "Unggah pada isian video."
        out.append(UploadRow(row.place, row.title, "", video_name, item.size or 0, VIDEO_ROW, note, [item]))
    steps.finish()
    return out


def _too_big(row: UploadRow, items: list[EvidenceItem], cap: int) -> str:
    biggest = max(items, key=lambda i: i.size or 0)
    return (f'Berkas "{row.file_name}" tetap {format_size_id(row.size)} setelah gambar diperkecil, '
            f"{format_size_id(row.size - cap)} di atas batas {format_size_id(cap)}. Bukti terbesar di dalamnya: "
            f'"{biggest.file_name}" ({format_size_id(biggest.size or 0)}). Pisahkan atau perkecil bukti itu, '
            "lalu buat paket lagi.")


def _copy_verified(source: PortalInput, item: EvidenceItem, target: Path, steps: _Steps) -> None:
    digest = hashlib.sha256()
    try:
        with open(source.evidence_path(item.sha256), "rb") as src, open(target, "wb") as dest:
            while chunk := src.read(1 << 20):
                steps.check()
                digest.update(chunk)
                dest.write(chunk)
    except FileNotFoundError:
        raise PortalPackageError(f'Berkas video "{item.file_name}" tidak ditemukan di penyimpanan bukti. '
                                 "Unggah ulang berkas tersebut.") from None
    if digest.hexdigest() != (item.sha256 or "").lower():
        raise PortalPackageError(f'Berkas video "{item.file_name}" telah berubah sejak disimpan (sidik SHA-256 '
                                 "tidak cocok). Unggah ulang berkas tersebut.")


def _write(folder: Path, name: str, data: bytes, files: list[str]) -> None:
    (folder / name).write_bytes(data)
    files.append(name)
