"""Readiness findings about single evidence items (indicator bukti dukung and profile attachments)."""

from __future__ import annotations

from datetime import date

from inovasi_desktop.catalogue.evidence_kinds import KIND
from inovasi_desktop.domain.model import EvidenceItem, Finding, Severity
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.evidence_kinds import kind_of
from inovasi_desktop.rules.format import format_date_id, format_period_id


def kind_label(kind: str) -> str:
    """How an evidence kind is named to the user: "PDF", "JPG", ..., "tautan"."""
    return KIND[kind].label if kind in KIND else kind.upper()


def evidence_name(item: EvidenceItem) -> str:
    for candidate in (item.tentang, item.file_name, item.link):
        if candidate and candidate.strip():
            return candidate.strip()
    return "tanpa judul"


def usability_findings(item: EvidenceItem, accepts: tuple[str, ...], where: str, place: str,
                       context: CheckContext) -> list[Finding]:
    """Why `item` does not count (lost or broken file, or a kind not accepted); empty when it counts.

    A stored file that is missing, changed or broken is a galat wherever it is used: the dossier would
    carry a wrong or empty annex, so it must be attached again or removed before sending.
    """
    name = evidence_name(item)
    if item.id in context.lost_evidence:
        return [Finding(Severity.GALAT, where, f'Berkas bukti dukung "{name}" ({place}) hilang atau berubah di '
                                               "penyimpanan bukti sehingga tidak dihitung; lampirkan ulang berkas "
                                               "aslinya.", "evidence.lost")]
    if item.id in context.invalid_evidence:
        return [Finding(Severity.GALAT, where, f'Bukti dukung "{name}" ({place}) rusak atau tidak dapat dibaca '
                                               "sehingga tidak dihitung; ganti atau hapus berkasnya.",
                        "evidence.invalid")]
    kind = kind_of(item)
    if kind in accepts:
        return []
    if item.sha256 is None and not item.link:
        return [Finding(Severity.PERINGATAN, where, f'Bukti dukung "{name}" ({place}) belum dilampiri berkas atau '
                                                    "tautan sehingga tidak dihitung.", "evidence.no_file")]
    accepted = ", ".join(kind_label(k) for k in accepts)
    if kind is None:
        message = f'Jenis berkas bukti dukung "{name}" ({place}) tidak dikenali sehingga tidak dihitung.'
    else:
        message = f'Bukti dukung "{name}" ({place}) berjenis {kind_label(kind)}, sedangkan yang diterima hanya ' \
                  f"{accepted}; bukti ini tidak dihitung."
    return [Finding(Severity.PERINGATAN, where, message, "evidence.kind")]


def period_findings(item: EvidenceItem, period: tuple[date, date], where: str, place: str) -> list[Finding]:
    start, end = period
    if item.tanggal is None or start <= item.tanggal <= end:
        return []
    return [Finding(Severity.PERINGATAN, where,
                    f'Bukti dukung "{evidence_name(item)}" ({place}) bertanggal {format_date_id(item.tanggal)}, '
                    f"di luar periode {format_period_id(start, end)}: tidak dihitung.", "evidence.period")]


def metadata_findings(item: EvidenceItem, where: str, place: str) -> list[Finding]:
    missing = [name for name, absent in (("tanggal", item.tanggal is None), ("tentang", not item.tentang.strip()))
               if absent]
    if not missing:
        return []
    return [Finding(Severity.INFO, where, f'Bukti dukung "{evidence_name(item)}" ({place}) belum dilengkapi '
                                          f"{' dan '.join(missing)}.", "evidence.metadata")]
