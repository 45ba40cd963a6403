"""Monitoring figures of a region: one row per OPD, the ranked changes that raise the backed index (the
follow-up list, *tindak lanjut*), and the figures kept in a snapshot. Pure functions of the facts gathered
by services/monitoring.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.model import Innovation, Organisation, Snapshot
from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.region import RegionEstimate
from inovasi_desktop.rules.scoring import InnovationScore

TAHAPAN = ("Inisiatif", "Uji Coba", "Penerapan")
OpdOf = Callable[[Innovation], str]


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

    action: str  # what to do, e.g. "lampirkan bukti indikator 1 untuk inovasi X"
    gain: float  # IID points (0..100 scale); an upper bound when `at_most`
    opd: str = ""  # "" for the region as a whole
    innovation_id: str = ""
    step: str = ""  # editor step key ("indikator:N"), or "spd:<row>" for the SPD form
    at_most: bool = False
    approximate: bool = False

    @property
    def text(self) -> str:
        """E.g. "lampirkan bukti indikator 1 untuk inovasi X: +0,37" (made when read: a region has thousands)."""
        qualifier = "hingga " if self.at_most else "sekitar " if self.approximate else ""
        return f"{self.action}: {qualifier}+{_points_text(self.gain)}"


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
        """The follow-up list (tindak lanjut) of one OPD, ranked; "" for the region's own."""
        return self._by_opd.get(opd, [])

    @cached_property
    def _by_opd(self) -> dict[str, list[Suggestion]]:
        grouped: dict[str, list[Suggestion]] = {}
        for suggestion in self.suggestions:
            grouped.setdefault(suggestion.opd, []).append(suggestion)
        return grouped

    @property
    def change_backed_iid(self) -> float | None:
        if self.previous_recap is None:
            return None
        return self.backed.iid - float(self.previous_recap.data.get("region", {}).get("backed_iid", 0.0))


def opd_rows(facts: Sequence[InnovationFacts], listed: Sequence[str], received: dict[str, datetime],
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
    listed_rows = [rows[name] for name in listed]
    rows = {r.name: r for r in listed_rows + sorted((r for r in rows.values() if not r.on_list),
                                                    key=lambda r: r.name.casefold())}
    before = previous.data.get("opds", {}) if previous else {}
    for row in rows.values():
        if row.name in before:
            row.change_count = row.count - int(before[row.name].get("n", 0))
            row.change_backed = row.backed_total - float(before[row.name].get("backed", 0.0))
        elif previous is not None:
            row.change_count, row.change_backed = row.count, row.backed_total
    return list(rows.values())


def _points_text(gain: float) -> str:
    """IID points with two decimals, or three below 0,1 (a large region's single indicator adds little)."""
    return format_number_id(gain, 2 if gain >= 0.1 else 3)


def points(catalogue: Catalogue, score: float) -> float:
    return score / catalogue.scoring.total_max * 100 if catalogue.scoring.total_max else 0.0


def suggestions(catalogue: Catalogue, counted: Sequence[Innovation], scores: Sequence[InnovationScore],
                 facts: Sequence[InnovationFacts], estimate: RegionEstimate, levels: dict[str, int],
                 opd_of: OpdOf) -> list[Suggestion]:
    """Ranked changes that raise the backed IID: evidence for claimed but unbacked indicators (each adds its score
    / divisor), the missing basic-service urusan, and the SPD rows not yet answered (at most their maximum)."""
    out: list[Suggestion] = []
    for inn, score in zip(counted, scores, strict=True):
        name = inn.name or "(tanpa nama)"
        for row in score.rows:
            if row.claimed > row.backed:
                gain = points(catalogue, (row.claimed - row.backed) / estimate.divisor)
                out.append(Suggestion(f"lampirkan bukti indikator {row.number} untuk inovasi {name}", gain,
                                      opd_of(inn), inn.id, f"indikator:{row.number}"))
    rules = catalogue.scoring
    if not estimate.yandas_met:
        short = rules.yandas_min - len(estimate.yandas_covered)
        n = estimate.innovation_count + short
        gain = points(catalogue, min(n, rules.jumlah_cap) * rules.jumlah_per_innovation)
        missing = ", ".join(estimate.yandas_missing)
        out.append(Suggestion(
            f"tambahkan {short} inovasi pada urusan wajib pelayanan dasar yang belum terwakili ({missing}) agar skor "
            "jumlah inovasi dihitung", gain, approximate=True))
    for row in catalogue.spd_indicators:
        if row.number not in levels:
            gain = points(catalogue, row.max_score)
            out.append(Suggestion(f"isi indikator SPD {row.number} ({row.name})", gain, step=f"spd:{row.number}",
                                  at_most=True))
    out.sort(key=lambda s: (-s.gain, s.action))
    return out


def snapshot_data(view: RegionView) -> dict:
    return {
        "region": {"n": view.backed.innovation_count, "claimed_iid": view.claimed.iid, "backed_iid": view.backed.iid,
                   "ready": sum(f.ready for f in view.innovations)},
        "opds": {o.name: {"n": o.count, "ready": o.ready, "claimed": round(o.claimed_total, 4),
                          "backed": round(o.backed_total, 4), "mandatory_unbacked": o.mandatory_unbacked}
                 for o in view.opds},
    }


