"""`build_dossier`: check the evidence, lay out and render the pages, assemble, write atomically.

The generated part before the annexes cites annex page numbers ("hlm. N") that depend on its own
length, so it is rendered until its page count is stable (twice in practice).
"""

from __future__ import annotations

import hashlib
import shutil
from contextlib import ExitStack
from pathlib import Path

import pikepdf
from reportlab import rl_config

from inovasi_desktop.atomic import atomic_file, held_open_elsewhere
from inovasi_desktop.domain.errors import Cancelled
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.evidence.pdf_save import QuietWriter
from inovasi_desktop.export.dossier.annex import PDF, collect_sections, lay_out, open_evidence
from inovasi_desktop.export.dossier.annex_pages import render_annex_pages
from inovasi_desktop.export.dossier.assembly import assemble
from inovasi_desktop.export.dossier.context import Context
from inovasi_desktop.export.dossier.cover import approval, cover
from inovasi_desktop.export.dossier.front_matter import FrontMatter, render_front_matter
from inovasi_desktop.export.dossier.indicator_table import indicator_section
from inovasi_desktop.export.dossier.model import (
    DossierError,
    DossierInput,
    DossierResult,
    IsCancelled,
    Progress,
)
from inovasi_desktop.export.dossier.profile_pages import profile_section, uraian_section
from inovasi_desktop.export.dossier.readiness_page import readiness_section
from inovasi_desktop.rules.format import format_size_id

_MAX_LAYOUT_PASSES = 5
_SPACE_MARGIN = 1 << 20  # for what saving adds (cross-reference table, object streams)

rl_config.useA85 = 0  # ASCII85 in pure Python makes image pages ~40x slower


class _Steps:
    """Progress reporting and cancel checks in one call per unit of work."""

    def __init__(self, progress: Progress | None, cancelled: IsCancelled | None) -> None:
        self.progress, self.cancelled = progress, cancelled
        self.done, self.total, self.message = 0, 1, ""  # the 1: laying out the front matter

    def phase(self, message: str, units: int = 0) -> None:
        self.message = message
        self.total += units
        self.tick(advance=0)

    def tick(self, advance: int = 1, *, check: bool = True) -> None:
        if check and self.cancelled and self.cancelled():
            raise Cancelled("Ekspor berkas dibatalkan. Tidak ada berkas yang ditulis.")
        self.done += advance
        if self.progress:
            self.progress(min(self.done, self.total), self.total, self.message)


def build_dossier(source: DossierInput, out_path: Path, *, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None) -> DossierResult:
    """Write the dossier PDF of `source` to `out_path` (replaced atomically); nothing is left on failure."""
    out_path = Path(out_path)
    steps = _Steps(progress, cancelled)
    sections = collect_sections(source.catalogue, source.innovation)
    steps.phase("Memeriksa berkas bukti dukung", sum(len(s.entries) for s in sections))
    with ExitStack() as stack:
        evidence = open_evidence(sections, source, stack, steps.tick)
        ctx = Context.of(source, sections)
        steps.phase("Menyusun halaman berkas")
        front, blocks = _lay_out_front_matter(ctx)
        steps.tick()
        generated = [b for b in blocks if b.kind != PDF]
        foreign = sum(b.pages for b in blocks if b.kind == PDF)
        # one tick per generated annex page, per placed evidence page, then per page footer
        steps.phase("Menyusun lampiran", 2 * (len(generated) + foreign) + front.pages)
        annex_pdf = render_annex_pages(blocks, ctx.innovation, _header_left(ctx), steps.tick)
        document = assemble(ctx, front, annex_pdf, blocks, evidence, steps.tick, stack)
        steps.phase("Menyimpan berkas PDF", 1)
        estimate = _size_estimate(front.pdf, annex_pdf, sections)
        result = _write_atomically(document, out_path, steps, estimate)
    steps.tick(check=False)  # written: too late to cancel
    return result


def _header_left(ctx: Context) -> str:
    return f"Berkas Inovasi Daerah \u00b7 {ctx.innovation_name}"


def _story(ctx: Context) -> list:
    return cover(ctx) + approval(ctx) + readiness_section(ctx) + profile_section(ctx) + uraian_section(ctx) + \
        indicator_section(ctx)


def _lay_out_front_matter(ctx: Context) -> tuple[FrontMatter, list]:
    pages = 0
    for _ in range(_MAX_LAYOUT_PASSES):
        blocks = lay_out(ctx.sections, pages + 1)
        ctx.refresh_pages()
        front = render_front_matter(_story(ctx), _header_left(ctx), ctx.catalogue.title)
        if front.pages == pages:
            return front, blocks
        pages = front.pages
    raise RuntimeError("dossier front matter page count did not settle")


def _size_estimate(front_pdf: bytes, annex_pdf: bytes, sections: list) -> int:
    """About the bytes the saved dossier takes: its generated parts, every evidence PDF once, and a margin."""
    sources = {entry.path for section in sections for entry in section.entries
               if entry.kind == PDF and entry.path is not None}
    return len(front_pdf) + len(annex_pdf) + sum(_size_of(path) for path in sources) + _SPACE_MARGIN


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _require_space(out_path: Path, estimate: int) -> None:
    """Refuse before writing when the target's disk clearly lacks room (a full disk found while saving is
    caught too; this says how much is missing, and spares the minutes of a large save)."""
    try:
        free = shutil.disk_usage(out_path.parent).free
    except OSError:
        return  # the write itself will tell what is wrong with the folder
    if free < estimate:
        raise DossierError(f"Ruang penyimpanan tidak cukup untuk menulis {out_path.name} ke folder "
                           f"{out_path.parent}: diperlukan sekitar {format_size_id(estimate)}, tersedia "
                           f"{format_size_id(free)}. Kosongkan sebagian ruang diska atau pilih folder lain. "
                           "Tidak ada berkas yang ditulis.")


def _write_atomically(document: pikepdf.Pdf, out_path: Path, steps: _Steps, estimate: int) -> DossierResult:
    """Every write failure becomes a DossierError and leaves nothing behind (see evidence/pdf_save.py)."""
    _require_space(out_path, estimate)
    try:
        with atomic_file(out_path) as stream:
            writer = QuietWriter(stream)
            document.save(writer, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                          compress_streams=True)
            writer.raise_failure()
            digest, size = _digest(Path(stream.name))
            steps.tick(advance=0)  # a cancel during saving still leaves nothing behind
    except OSError as err:
        if held_open_elsewhere(err):  # the folder is fine: a PDF reader has the old file open
            raise DossierError(f"Berkas {out_path} tidak dapat ditimpa: {describe_os_error(err)}.") from None
        raise DossierError(f"Berkas {out_path.name} tidak dapat ditulis ke folder {out_path.parent}: "
                           f"{describe_os_error(err)}. Tidak ada berkas yang ditulis.") from None
    return DossierResult(pages=len(document.pages), bytes=size, sha256=digest, path=out_path)


def _digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
