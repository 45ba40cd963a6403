"""Pemantauan: the region's view of every OPD's innovations, the regional IID (claimed and backed), the
changes that would raise it most (the follow-up list, *tindak lanjut*), and the snapshots kept at each
recap and bundle import to show progress.

Every innovation's OPD is read through `opd_of`, the one place that knows where it is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain import Innovation, Organisation, Snapshot
from inovasi_desktop.domain.model import utc_now
from inovasi_desktop.rules.monitoring import (
    InnovationFacts,
    OpdRow,
    RegionView,
    Suggestion,
    opd_rows,
    snapshot_data,
    suggestions,
)
from inovasi_desktop.rules.region import URUSAN_FIELD, estimate_region
from inovasi_desktop.rules.scoring import score_innovation
from inovasi_desktop.services import organisation, region_opds, settings
from inovasi_desktop.services.workspace import Workspace

REASON_RECAP = "rekap"
REASON_BUNDLE = "kiriman"
UNKNOWN_OPD = "(OPD belum diketahui)"

Progress = Callable[[int, int, str], None]
__all__ = ["InnovationFacts", "OpdRow", "RegionView", "Suggestion", "gather", "opd_of", "record_snapshot"]


def opd_of(innovation: Innovation, org: Organisation) -> str:
    """The OPD an innovation belongs to: its own (set on creation or by the bundle that brought it) or else this
    installation's OPD."""
    return str(getattr(innovation, "opd", "") or org.opd or UNKNOWN_OPD).strip()


# --- SPD answers -----------------------------------------------------------------------------------------

def region_catalogue(ws: Workspace, org: Organisation | None = None) -> Catalogue:
    org = org or organisation.get(ws)
    cid = org.default_catalogue
    return ws.catalogues.get(cid) if cid and ws.catalogues.has(cid) else ws.catalogues.default


def spd_levels(ws: Workspace, catalogue_id: str) -> dict[str, int]:
    from inovasi_desktop.storage.repositories import SpdRepository

    with ws.db.begin() as session:
        return SpdRepository(session).get(catalogue_id).levels


def save_spd_levels(ws: Workspace, catalogue_id: str, levels: dict[str, int]) -> None:
    from inovasi_desktop.domain import InovasiError, SpdAnswers
    from inovasi_desktop.storage.repositories import SpdRepository

    catalogue = ws.catalogues.get(catalogue_id)
    known = {row.number: {lv.level for lv in row.levels} for row in catalogue.spd_indicators}
    for number, level in levels.items():
        if number not in known or level not in known[number]:
            raise InovasiError(f"Indikator SPD {number} tidak mengenal tingkat {level}.")
    with ws.db.write() as session:
        SpdRepository(session).save(SpdAnswers(catalogue_id, dict(levels)))


# --- gathering -------------------------------------------------------------------------------------------

def gather(ws: Workspace, progress: Progress | None = None) -> RegionView:
    """Read every innovation in use and compute the region's view (a second for a thousand innovations)."""
    from inovasi_desktop.storage.repositories import InnovationRepository, SnapshotRepository

    org = organisation.get(ws)
    catalogue = region_catalogue(ws, org)
    if progress:
        progress(0, 3, "Membaca inovasi")
    with ws.db.begin() as session:
        repo = InnovationRepository(session)
        summaries = {s.id: s for s in repo.list_summaries()}
        innovations = repo.load_for_scoring()
        snapshots = SnapshotRepository(session)
        previous = snapshots.latest(REASON_RECAP)
        received = snapshots.last_received(REASON_BUNDLE)
    if progress:
        progress(1, 3, "Memeriksa bukti dukung")
    invalid = _invalid_evidence(ws, innovations, org.pemda)
    if progress:
        progress(2, 3, "Menghitung skor")
    facts, counted, scores = [], [], []
    for inn in innovations:
        cat = ws.catalogues.get(inn.catalogue_id) if ws.catalogues.has(inn.catalogue_id) else catalogue
        score = score_innovation(cat, inn, invalid)
        summary = (summaries.get(inn.id).summary if inn.id in summaries else None) or {}
        errors = int(summary.get("errors", 0)) if summary else -1
        unbacked = sum(1 for ind, row in zip(cat.indicators, score.rows, strict=True)
                       if ind.mandatory and not row.backed)
        is_counted = cat.id == catalogue.id
        facts.append(InnovationFacts(
            id=inn.id, name=inn.name, opd=opd_of(inn, org), tahapan=str(inn.profile.get("tahapan") or ""),
            urusan=str(inn.profile.get(URUSAN_FIELD) or ""), catalogue_id=inn.catalogue_id, counted=is_counted,
            ready=errors == 0, errors=max(errors, 0), mandatory_unbacked=unbacked, claimed=score.claimed,
            backed=score.backed, maximum=score.maximum, updated_at=inn.updated_at))
        if is_counted:
            counted.append(inn)
            scores.append(score)
    levels = spd_levels(ws, catalogue.id)
    backed = estimate_region(catalogue, levels, counted, invalid, scores=scores)
    claimed = estimate_region(catalogue, levels, counted, invalid, claimed=True, scores=scores)
    listed = region_opds.names(ws)
    opds = opd_rows(facts, listed, received, previous)
    ranked = suggestions(catalogue, counted, scores, facts, backed, levels, lambda inn: opd_of(inn, org))
    if progress:
        progress(3, 3, "")
    return RegionView(organisation=org, catalogue=catalogue, generated_at=utc_now(), innovations=tuple(facts),
                      opds=tuple(opds), claimed=claimed, backed=backed, suggestions=tuple(ranked),
                      spd_levels=levels, stale_days=settings.get(ws, settings.STALE_DAYS),
                      opd_list_is_template=region_opds.is_template(ws), previous_recap=previous)


def _invalid_evidence(ws: Workspace, innovations: Sequence[Innovation], pemda: str) -> frozenset[str]:
    """Ids of evidence items whose stored file is missing, changed or has a galat (from kept checks: cheap)."""
    from inovasi_desktop.services import evidence_status

    items = [item for inn in innovations for item in inn.all_evidence()]
    status = evidence_status.file_status(ws, evidence_status.stored_hashes_of(items), pemda, examine=False)
    return frozenset(item.id for item in items if item.sha256 and status[item.sha256].state != evidence_status.PENDING
                     and not status[item.sha256].usable)


# --- snapshots -------------------------------------------------------------------------------------------

def record_snapshot(ws: Workspace, reason: str, source_opd: str = "", view: RegionView | None = None) -> Snapshot:
    """Keep the region's figures now: on each recap (REASON_RECAP) and each bundle import (REASON_BUNDLE, with the
    sending OPD, which the page then shows as its last bundle received)."""
    from inovasi_desktop.storage.repositories import SnapshotRepository

    view = view or gather(ws)
    snapshot = Snapshot(datetime.now(UTC).replace(microsecond=0), reason, snapshot_data(view), source_opd)
    with ws.db.write() as session:
        SnapshotRepository(session).add(snapshot)
    return snapshot


# --- the recap -------------------------------------------------------------------------------------------

RECAP_SUFFIXES = (".pdf", ".xlsx", ".csv")


def write_recap(ws: Workspace, path, place: str = "", *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> tuple[RegionView, int]:
    """Write the recap (PDF, XLSX or CSV by the file's suffix), then keep a snapshot of its figures; returns the
    view written and the page count (0 for XLSX and CSV)."""
    from pathlib import Path

    from inovasi_desktop.domain import InovasiError

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in RECAP_SUFFIXES:
        raise InovasiError(f"Rekap dapat ditulis sebagai PDF, XLSX, atau CSV, bukan \"{path.suffix or path.name}\".")
    view = gather(ws)
    pages = 0
    if suffix == ".pdf":
        from inovasi_desktop.export.monitoring.recap_pdf import write_recap_pdf

        pages = write_recap_pdf(view, path, place, progress=progress, cancelled=cancelled)
    elif suffix == ".xlsx":
        from inovasi_desktop.export.monitoring.recap_sheets import write_recap_xlsx

        write_recap_xlsx(view, path, progress=progress, cancelled=cancelled)
    else:
        from inovasi_desktop.export.monitoring.recap_sheets import write_recap_csv

        write_recap_csv(view, path)
    try:
        record_snapshot(ws, REASON_RECAP, view=view)
    except InovasiError as err:  # e.g. the data folder's disk is full: the file is there, say so
        raise InovasiError(f"Rekap sudah ditulis ke {path}, tetapi angkanya tidak dapat disimpan sebagai pembanding "
                           f"rekap berikutnya. {err}") from None
    return view, pages
