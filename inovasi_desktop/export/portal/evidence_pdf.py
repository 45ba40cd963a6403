"""One PDF per indicator (or profile attachment field) with all of its evidence, under the upload cap.

The pages are the dossier's annex for that section (reused, not redone): a separator page listing
the documents, every evidence PDF page placed on A4, one page per photo, a listing page for links
and videos. When the file is over the cap it is made again with smaller pictures, step by step
(`ATTEMPTS`): photos at a lower resolution and JPEG quality, then scans recompressed inside the
evidence PDFs. The smallest result is kept; the caller says when even that is over the cap.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name, String

from inovasi_desktop.evidence.pdf_save import save_pdf
from inovasi_desktop.export.dossier.annex import AnnexSection, lay_out, open_evidence
from inovasi_desktop.export.dossier.annex_pages import render_annex_pages
from inovasi_desktop.export.dossier.assembly import LANGUAGE, PRODUCER, append_blocks
from inovasi_desktop.export.dossier.images import PRINT, ImageSettings
from inovasi_desktop.export.portal.model import PortalInput
from inovasi_desktop.export.portal.scans import recompress_images


@dataclass(frozen=True)
class Attempt:
    photos: ImageSettings
    scans: ImageSettings | None  # None: evidence PDFs as they are


ATTEMPTS = (
    Attempt(PRINT, None),  # as in the dossier
    Attempt(ImageSettings(150, 70), ImageSettings(150, 70)),
    Attempt(ImageSettings(120, 60), ImageSettings(120, 60)),
    Attempt(ImageSettings(96, 50), ImageSettings(100, 50)),  # still legible for an A4 letter
)


def write_section_pdf(source: PortalInput, section: AnnexSection, title: str, path: Path,
                      tick: Callable[[], None], attempt_started: Callable[[int], None]) -> int:
    """Write the section's PDF to `path` under `source.cap_bytes` when it can be; return its size.
    `tick` reports work and raises when cancelled; `attempt_started(i)` before each attempt after the first."""
    best: tuple[int, bytes] | None = None
    for i, attempt in enumerate(ATTEMPTS):
        if i:
            attempt_started(i)
        _write(source, section, title, path, attempt, tick)
        size = path.stat().st_size
        if size <= source.cap_bytes:
            return size
        if best is None or size < best[0]:
            best = (size, path.read_bytes())
    assert best is not None
    path.write_bytes(best[1])  # the smallest of the attempts
    return best[0]


def _write(source: PortalInput, section: AnnexSection, title: str, path: Path, attempt: Attempt,
           tick: Callable[[], None]) -> None:
    with ExitStack() as stack:
        evidence = open_evidence([section], source, stack, tick)  # checks every file against its sha256
        if attempt.scans is not None:
            for document in evidence.values():
                recompress_images(document, attempt.scans, tick)
        blocks = lay_out([section], 1)
        annex = render_annex_pages(blocks, source.innovation, title, tick, attempt.photos)
        out = stack.enter_context(pikepdf.new())
        append_blocks(out, annex, blocks, evidence, tick, stack, band=0)
        _metadata(out, title)
        save_pdf(out, path, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 compress_streams=True, recompress_flate=False)


def _metadata(out: pikepdf.Pdf, title: str) -> None:
    out.docinfo = out.make_indirect(Dictionary(Title=String(title), Creator=String(PRODUCER),
                                               Producer=String(PRODUCER)))
    out.Root.Lang = String(LANGUAGE)
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out.Root.PageMode = Name.UseNone
