"""Pemantauan: the region's view of every OPD's innovations, the regional IID (claimed and backed), the
changes that would raise it most (the follow-up list, *tindak lanjut*), and the snapshots kept at each
recap and bundle import to show progress.

Every innovation's OPD is read through `opd_of`, the one place that knows where it is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain import Innovation, Organisation, Snapshot
from inovasi_desktop.domain.model import utc_now
from inovasi_desktop.rules.region import URUSAN_FIELD, RegionEstimate, estimate_region
from inovasi_desktop.rules.scoring import InnovationScore, is_backed, score_innovation
from inovasi_desktop.services import organisation, region_opds, settings
from inovasi_desktop.services.workspace import Workspace

REASON_RECAP = "rekap"
REASON_BUNDLE = "kiriman"
TAHAPAN = ("Inisiatif", "Uji Coba", "Penerapan")
UNKNOWN_OPD = "(OPD belum diketahui)"

Progress = Callable[[int, int, str], None]


def opd_of(innovation: Innovation, org: Organisation) -> str:
    """The OPD an innovation belongs to: its own (set on creation or by the bundle that brought it) or else this
    installation's OPD."""
    return str(getattr(innovation, "opd", "") or org.opd or UNKNOWN_OPD).strip()


@dataclass(frozen=True)
class InnovationFacts:
    id: str
    name: str
    opd: str
    tahapan: str
    urusan: str
    catalogue_id: str
    counted: bool  # in the regional estimate (pinned on the region's catalogue)
    ready: bool  # no galat: ready to send
    errors: int
    mandatory_unbacked: int  # mandatory indicators without counting evidence
    claimed: float
    backed: float
    maximum: float
    updated_at: datetime


@dataclass(frozen=True)
class Suggestion:
    """One change that raises the backed index, with the points it gains and where to make it."""

    text: str
    gain: float  # IID points (0..100 scale); an upper bound when `at_most`
    opd: str = ""  # "" for the region as a whole
    innovation_id: str = ""
    step: str = ""  # editor step key ("indikator:N"), or "spd:<row>" for the SPD form
    at_most: bool = False


@dataclass
class OpdRow:
    name: str
    on_list: bool
    tahapan: dict[str, int] = field(default_factory=dict)
    ready: int = 0
    not_ready: int = 0
    mandatory_unbacked: int = 0
    claimed_total: float = 0.0
    backed_total: float = 0.0
    last_change: datetime | None = None
    last_bundle: datetime | None = None
    innovation_ids: list[str] = field(default_factory=list)
    change_count: int | None = None  # since the previous recap; None: no recap yet, or not in it
    change_backed: float | None = None

    @property
    def count(self) -> int:
        return len(self.innovation_ids)

    @property
    def claimed_average(self) -> float:
        return self.claimed_total / self.count if self.count else 0.0

    @property
    def backed_average(self) -> float:
        return self.backed_total / self.count if self.count else 0.0

    def stale(self, now: datetime, days: int) -> bool:
        """Has innovations but nothing new (no change, no bundle) for `days` days."""
        latest = max((t for t in (self.last_change, self.last_bundle) if t is not None), default=None)
        return bool(self.count) and latest is not None and (now - latest).days >= days


@dataclass(frozen=True)
class RegionView:
    organisation: Organisation
    catalogue: Catalogue
    generated_at: datetime
    innovations: tuple[InnovationFacts, ...]
    opds: tuple[OpdRow, ...]
    claimed: RegionEstimate
    backed: RegionEstimate
    suggestions: tuple[Suggestion, ...]  # ranked, most points first
    spd_levels: dict[str, int]
    stale_days: int
    opd_list_is_template: bool
    previous_recap: Snapshot | None

    def opd(self, name: str) -> OpdRow | None:
        return next((o for o in self.opds if o.name == name), None)

    def follow_up(self, opd: str) -> list[Suggestion]:
        return [s for s in self.suggestions if s.opd == opd]

    @property
    def change_backed_iid(self) -> float | None:
        if self.previous_recap is None:
            return None
        return self.backed.iid - float(self.previous_recap.data.get("region", {}).get("backed_iid", 0.0))


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
        innovations = repo.load_all()
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
        unbacked = sum(1 for ind in cat.indicators if ind.mandatory and not is_backed(ind, inn, invalid))
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
    opds = _opd_rows(facts, listed, received, previous)
    suggestions = _suggestions(catalogue, counted, scores, facts, backed, levels, invalid, org)
    if progress:
        progress(3, 3, "")
    return RegionView(organisation=org, catalogue=catalogue, generated_at=utc_now(), innovations=tuple(facts),
                      opds=tuple(opds), claimed=claimed, backed=backed, suggestions=tuple(suggestions),
                      spd_levels=levels, stale_days=settings.get(ws, settings.STALE_DAYS),
                      opd_list_is_template=region_opds.is_template(ws), previous_recap=previous)


def _invalid_evidence(ws: Workspace, innovations: Sequence[Innovation], pemda: str) -> frozenset[str]:
    """Ids of evidence items whose stored file is missing, changed or has a galat (from kept checks: cheap)."""
    from inovasi_desktop.services import evidence_status

    items = [item for inn in innovations for item in inn.all_evidence()]
    status = evidence_status.file_status(ws, evidence_status.stored_hashes_of(items), pemda, examine=False)
    return frozenset(item.id for item in items if item.sha256 and status[item.sha256].state != evidence_status.PENDING
                     and not status[item.sha256].usable)


def _opd_rows(facts: Sequence[InnovationFacts], listed: Sequence[str], received: dict[str, datetime],
              previous: Snapshot | None) -> list[OpdRow]:
    rows = {name: OpdRow(name, True) for name in listed}
    by_fold = {name.casefold(): name for name in listed}
    for f in facts:
        name = by_fold.get(f.opd.casefold(), f.opd)
        row = rows.get(name) or rows.setdefault(name, OpdRow(name, False))
        row.innovation_ids.append(f.id)
        row.tahapan[f.tahapan] = row.tahapan.get(f.tahapan, 0) + 1
        row.ready += f.ready
        row.not_ready += not f.ready
        row.mandatory_unbacked += f.mandatory_unbacked
        row.claimed_total += f.claimed
        row.backed_total += f.backed
        row.last_change = max(row.last_change or f.updated_at, f.updated_at)
    for name, when in received.items():
        row = rows.get(by_fold.get(name.casefold(), name))
        if row is not None:
            row.last_bundle = when
    before = previous.data.get("opds", {}) if previous else {}
    for row in rows.values():
        if row.name in before:
            row.change_count = row.count - int(before[row.name].get("n", 0))
            row.change_backed = row.backed_total - float(before[row.name].get("backed", 0.0))
        elif previous is not None:
            row.change_count, row.change_backed = row.count, row.backed_total
    return list(rows.values())


def _points(catalogue: Catalogue, score: float) -> float:
    return score / catalogue.scoring.total_max * 100 if catalogue.scoring.total_max else 0.0


def _suggestions(catalogue: Catalogue, counted: Sequence[Innovation], scores: Sequence[InnovationScore],
                 facts: Sequence[InnovationFacts], estimate: RegionEstimate, levels: dict[str, int],
                 invalid: frozenset[str], org: Organisation) -> list[Suggestion]:
    """Ranked changes that raise the backed IID: evidence for claimed but unbacked indicators (each adds its score
    / divisor), the missing basic-service urusan, and the SPD rows not yet answered (at most their maximum)."""
    from inovasi_desktop.rules.format import format_number_id

    out: list[Suggestion] = []
    for inn, score in zip(counted, scores, strict=True):
        name = inn.name or "(tanpa nama)"
        for row in score.rows:
            if row.claimed > row.backed:
                gain = _points(catalogue, (row.claimed - row.backed) / estimate.divisor)
                out.append(Suggestion(
                    f"lampirkan bukti indikator {row.number} untuk inovasi {name}: +{format_number_id(gain)}",
                    gain, opd_of(inn, org), inn.id, f"indikator:{row.number}"))
    rules = catalogue.scoring
    if not estimate.yandas_met:
        short = rules.yandas_min - len(estimate.yandas_covered)
        n = estimate.innovation_count + short
        gain = _points(catalogue, min(n, rules.jumlah_cap) * rules.jumlah_per_innovation)
        missing = ", ".join(estimate.yandas_missing)
        out.append(Suggestion(
            f"tambahkan {short} inovasi pada urusan wajib pelayanan dasar yang belum terwakili ({missing}) agar skor "
            f"jumlah inovasi dihitung: sekitar +{format_number_id(gain)}", gain))
    for row in catalogue.spd_indicators:
        if row.number not in levels:
            gain = _points(catalogue, row.max_score)
            out.append(Suggestion(f"isi indikator SPD {row.number} ({row.name}): hingga +{format_number_id(gain)}",
                                  gain, step=f"spd:{row.number}", at_most=True))
    out.sort(key=lambda s: (-s.gain, s.text))
    return out


# --- snapshots -------------------------------------------------------------------------------------------

def snapshot_data(view: RegionView) -> dict:
    return {
        "region": {"n": view.backed.innovation_count, "claimed_iid": view.claimed.iid, "backed_iid": view.backed.iid,
                   "ready": sum(f.ready for f in view.innovations)},
        "opds": {o.name: {"n": o.count, "ready": o.ready, "claimed": round(o.claimed_total, 4),
                          "backed": round(o.backed_total, 4), "mandatory_unbacked": o.mandatory_unbacked}
                 for o in view.opds},
    }


def record_snapshot(ws: Workspace, reason: str, source_opd: str = "", view: RegionView | None = None) -> Snapshot:
    """Keep the region's figures now: on each recap (REASON_RECAP) and each bundle import (REASON_BUNDLE, with the
    sending OPD, which the page then shows as its last bundle received)."""
    from inovasi_desktop.storage.repositories import SnapshotRepository

    view = view or gather(ws)
    snapshot = Snapshot(datetime.now(UTC).replace(microsecond=0), reason, snapshot_data(view), source_opd)
    with ws.db.write() as session:
        SnapshotRepository(session).add(snapshot)
    return snapshot
