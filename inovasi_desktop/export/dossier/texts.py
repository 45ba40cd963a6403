"""Indonesian wording shared by the generated pages: numbers, dates, evidence descriptions."""

from __future__ import annotations

from datetime import date

from inovasi_desktop.catalogue.model import Basis, Catalogue, Indicator, Level
from inovasi_desktop.domain.model import EvidenceItem, Finding, Innovation, Organisation
from inovasi_desktop.rules.format import format_date_id, format_number_id, format_size_id

DOSSIER_TITLE = "BERKAS INOVASI DAERAH"
EMPTY = "\u2014"  # an em dash where a value is missing
BLANK = "." * 36  # a line to fill in by hand
CELL_LIMIT = 1000  # characters of one user value shown in a table cell (a row must fit on a page)


def clip(value: str, limit: int = CELL_LIMIT) -> str:
    value = value.strip()
    return value if len(value) <= limit else value[:limit].rstrip() + "\u2026"


def number(value: float) -> str:
    """A score or weight: whole numbers without decimals ("6"), others with two ("1,50")."""
    return format_number_id(value, 0 if float(value).is_integer() else 2)


def day(value: date | None) -> str:
    return format_date_id(value) if value else EMPTY


def score_line(claimed: float, backed: float, maximum: float) -> str:
    return f"{number(claimed)} (diklaim) / {number(backed)} (berbukti) dari maksimum {number(maximum)}"


def evidence_facts(item: EvidenceItem) -> list[tuple[str, str]]:
    """The metadata rows that identify a document of bukti dukung."""
    rows = [("Nomor", clip(item.nomor) or EMPTY), ("Tanggal", day(item.tanggal)),
            ("Tentang", clip(item.tentang) or EMPTY)]
    if item.is_link:
        rows.append(("Tautan", clip(item.link or "") or EMPTY))
    elif item.file_name:
        rows.append(("Berkas", clip(item.file_name)))
    return rows


def evidence_line(item: EvidenceItem) -> str:
    """One line: 'Nomor 188/12/2024, 3 Maret 2024, tentang ...'."""
    parts = []
    if item.nomor.strip():
        parts.append(f"Nomor {clip(item.nomor)}")
    if item.tanggal:
        parts.append(format_date_id(item.tanggal))
    if item.tentang.strip():
        parts.append(f"tentang {clip(item.tentang)}")
    if not parts:
        parts.append(clip(item.file_name or item.link or "") or "tanpa keterangan")
    return ", ".join(parts)


def where_label(catalogue: Catalogue, finding: Finding) -> str:
    number_ = finding.indicator_number
    if number_ is not None:
        indicator = catalogue.indicator(number_)
        return f"Indikator {number_}" + (f" ({indicator.name})" if indicator else "")
    field = catalogue.field(finding.where)
    return field.label if field else finding.where


def pemda_heading(organisation: Organisation) -> str:
    """'PEMERINTAH KABUPATEN MOJOKERTO' from pemda 'Kabupaten Mojokerto'."""
    pemda = organisation.pemda.strip()
    if not pemda:
        return "PEMERINTAH DAERAH"
    return pemda.upper() if pemda.lower().startswith("pemerintah") else f"PEMERINTAH {pemda.upper()}"


def head_position(organisation: Organisation) -> str:
    if organisation.head_position.strip():
        return organisation.head_position.strip()
    return f"Kepala {organisation.opd.strip()}" if organisation.opd.strip() else "Kepala Perangkat Daerah"


def file_size(size: int | None) -> str:
    if not size:
        return EMPTY
    return format_size_id(size)


def chosen_level(indicator: Indicator, innovation: Innovation) -> tuple[Level | None, str, Basis | None]:
    """The chosen level, its wording (from the measurement basis when the indicator has several) and the basis."""
    answer = innovation.answers.get(indicator.number)
    level = indicator.level(answer.level) if answer and answer.level is not None else None
    if level is None:
        return None, "", None
    basis = indicator.basis(answer.basis) if indicator.bases else None
    wording = basis.levels[level.level - 1] if basis and len(basis.levels) >= level.level else level.text
    return level, wording, basis
