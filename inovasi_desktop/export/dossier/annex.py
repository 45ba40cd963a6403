"""The annexes: which evidence goes where, checked against its stored fingerprint and opened once.

Sections follow the catalogue: every indicator that has bukti dukung, in order, then every
visible profile attachment field that has files (anggaran, profil bisnis, ...). Each section is
a separator page followed by its items: PDF pages as they are, one page per image, and links or
files that cannot be printed (video) listed with up to `LISTING_PER_PAGE` items per page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from inovasi_desktop.catalogue.evidence_kinds import DOCUMENT, KIND, KIND_BY_MEDIA_TYPE
from inovasi_desktop.catalogue.evidence_kinds import IMAGE as IMAGE_GROUP
from inovasi_desktop.catalogue.model import Catalogue, Indicator
from inovasi_desktop.domain.model import EvidenceItem, Innovation
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.evidence.pdf_annotations import make_printable
from inovasi_desktop.evidence.pdf_safety import strip_active_content
from inovasi_desktop.evidence.sniff import sniff_head
from inovasi_desktop.export.dossier.model import DossierError, DossierInput

PDF, IMAGE, LISTING = "pdf", "image", "listing"
LISTING_PER_PAGE = 4
_SNIFF_BYTES = 1024


@dataclass
class AnnexEntry:
    item: EvidenceItem
    place: str  # where the item belongs, for messages: 'indikator 3 (Regulasi Inovasi Daerah)'
    kind: str = LISTING  # PDF, IMAGE or LISTING, from the file's content
    path: Path | None = None
    pages: int = 1  # pages of a PDF
    page: int = 0  # its first page in the dossier (1-based), set by `lay_out`

    @property
    def display_name(self) -> str:
        return self.item.file_name or self.item.link or self.item.tentang or "tanpa nama"


@dataclass
class AnnexSection:
    heading: str  # "Lampiran Indikator 3" or "Lampiran Profil"
    title: str  # the indicator's name or the attachment field's label
    indicator: Indicator | None
    entries: list[AnnexEntry]
    page: int = 0  # the separator page (1-based), set by `lay_out`


@dataclass
class Block:
    """A run of dossier pages: a generated page (separator, image, listing) or a PDF's pages."""

    kind: str  # "separator", IMAGE, LISTING or PDF
    section: AnnexSection
    entries: list[AnnexEntry] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return self.entries[0].pages if self.kind == PDF else 1


def collect_sections(catalogue: Catalogue, innovation: Innovation) -> list[AnnexSection]:
    sections = []
    for indicator in catalogue.indicators:
        answer = innovation.answers.get(indicator.number)
        if answer and answer.evidence:
            place = f"indikator {indicator.number} ({indicator.name})"
            sections.append(AnnexSection(f"Lampiran Indikator {indicator.number}", indicator.name, indicator,
                                         [AnnexEntry(item, place) for item in answer.evidence]))
    for profile_field in catalogue.fields:
        items = innovation.attachments.get(profile_field.key) or []
        if profile_field.type == "attachment" and items and profile_field.is_visible(innovation.profile):
            place = f'lampiran profil "{profile_field.label}"'
            sections.append(AnnexSection("Lampiran Profil", profile_field.label, None,
                                         [AnnexEntry(item, place) for item in items]))
    return sections


def open_evidence(sections: list[AnnexSection], source: DossierInput, stack: ExitStack,
                  tick: Callable[[], None]) -> dict[str, pikepdf.Pdf]:
    """Check every stored file against its sha256, sniff its kind, open and sanitise PDFs (by sha256).
    `tick` is called once per item (it reports progress and raises when the export was cancelled)."""
    pdfs: dict[str, pikepdf.Pdf] = {}
    for section in sections:
        for entry in section.entries:
            tick()
            if entry.item.is_link or not entry.item.sha256:
                continue
            entry.path = _verified_path(entry, source)
            entry.kind = _sniff(entry.path)
            if entry.kind == PDF:
                pdf = pdfs.get(entry.item.sha256)
                if pdf is None:
                    pdf = pdfs[entry.item.sha256] = stack.enter_context(_open_pdf(entry))
                entry.pages = len(pdf.pages)
    return pdfs


def lay_out(sections: list[AnnexSection], first_page: int) -> list[Block]:
    """The annex blocks in order; sets every section's and entry's page number."""
    blocks: list[Block] = []
    page = first_page
    for section in sections:
        section.page = page
        blocks.append(Block("separator", section))
        page += 1
        listing: Block | None = None
        for entry in section.entries:
            if entry.kind == LISTING:
                if listing is None or len(listing.entries) == LISTING_PER_PAGE:
                    listing = Block(LISTING, section)
                    blocks.append(listing)
                    page += 1
                listing.entries.append(entry)
                entry.page = page - 1
                continue
            listing = None
            entry.page = page
            blocks.append(Block(entry.kind, section, [entry]))
            page += blocks[-1].pages
    return blocks


def _verified_path(entry: AnnexEntry, source: DossierInput) -> Path:
    path = source.evidence_path(entry.item.sha256)
    name = entry.item.file_name or entry.item.sha256[:12]
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except FileNotFoundError:
        raise DossierError(f'Berkas bukti dukung "{name}" pada {entry.place} tidak ditemukan di penyimpanan '
                           "bukti. Ekspor dihentikan; unggah ulang berkas tersebut.") from None
    except OSError as err:
        raise DossierError(f'Berkas bukti dukung "{name}" pada {entry.place} tidak dapat dibaca '
                           f"({describe_os_error(err)}). Ekspor dihentikan.") from None
    if digest.hexdigest() != entry.item.sha256.lower():
        raise DossierError(f'Berkas bukti dukung "{name}" pada {entry.place} telah berubah sejak disimpan '
                           "(sidik SHA-256 tidak cocok). Ekspor dihentikan; unggah ulang berkas tersebut.")
    return path


def _sniff(path: Path) -> str:
    """How the file goes into the dossier, from its content: its PDF pages, an image page, or a listing."""
    with open(path, "rb") as stream:
        head = stream.read(_SNIFF_BYTES)
    kind = KIND.get(KIND_BY_MEDIA_TYPE.get(sniff_head(head) or ""))
    return {DOCUMENT: PDF, IMAGE_GROUP: IMAGE}.get(kind.group if kind else "", LISTING)


def _open_pdf(entry: AnnexEntry) -> pikepdf.Pdf:
    name = entry.display_name
    try:
        pdf = pikepdf.open(entry.path)
    except pikepdf.PasswordError:
        raise DossierError(f'Berkas PDF "{name}" pada {entry.place} dikunci dengan kata sandi sehingga tidak '
                           "dapat dilampirkan. Unggah versi tanpa kata sandi.") from None
    except pikepdf.PdfError:
        raise DossierError(f'Berkas PDF "{name}" pada {entry.place} rusak dan tidak dapat dilampirkan.') from None
    if len(pdf.pages) == 0:
        pdf.close()
        raise DossierError(f'Berkas PDF "{name}" pada {entry.place} tidak memiliki halaman.')
    try:
        strip_active_content(pdf)
        make_printable(pdf)  # filled forms, highlights, notes and ink marks get the appearance they lacked
        pdf.flatten_annotations("print")  # form values and marks become page content; web links are re-made
    except pikepdf.PdfError:
        pdf.close()
        raise DossierError(f'Berkas PDF "{name}" pada {entry.place} rusak dan tidak dapat dilampirkan.') from None
    return pdf
