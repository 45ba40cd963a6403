"""Estimate of a region's Indeks Inovasi Daerah (IID), with the catalogue's own constants.

    SPD            = sum of weight x level over the answered SPD rows
    divisor        = MAX(divisor_min, n)
    SID indicators = (sum of the innovations' backed SID scores) / divisor
    jumlah inovasi = MIN(n, jumlah_cap) x jumlah_per_innovation, or 0 when yandas_min > 0 and fewer
                     than yandas_min of the yandas urusan are the urusan utama of some innovation
    SID            = SID indicators + jumlah inovasi
    total          = SPD + SID
    IID            = total / total_max x 100, rounded half-up to 2 decimals
    predicate      = the first band (from the top) whose min_iid <= IID

`n` is the number of innovations passed in: the caller decides which ones the region reports
(e.g. every innovation, or only those at tahapan Penerapan). Only evidence-backed indicator
scores enter the SID sum, as the assessors score unevidenced indicators 0; with `claimed` the
answers' claimed scores do instead (what the region would get if every claim were backed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.model import Innovation
from inovasi_desktop.rules.format import round_half_up
from inovasi_desktop.rules.scoring import InnovationScore, score_innovation

# The profile field whose value is an innovation's urusan utama. The catalogue format has no key
# naming it yet; when it gains one (e.g. scoring.yandas_field) this default should give way.
URUSAN_FIELD = "urusan_utama"


@dataclass(frozen=True)
class RegionEstimate:
    spd: float
    spd_max: float
    innovation_count: int  # n
    divisor: int  # MAX(divisor_min, n)
    innovation_scores: tuple[InnovationScore, ...]  # in the order given
    sid_sum: float  # sum of the backed (with `claimed`: claimed) SID scores
    sid_indicators: float  # sid_sum / divisor
    jumlah_counted: int  # MIN(n, jumlah_cap)
    jumlah_inovasi: float  # 0 when the yandas rule is not met
    jumlah_max: float  # jumlah_cap x jumlah_per_innovation
    yandas_covered: tuple[str, ...]  # in catalogue order
    yandas_missing: tuple[str, ...]
    yandas_min: int
    yandas_met: bool
    sid: float  # sid_indicators + jumlah_inovasi
    total: float  # spd + sid
    total_max: float
    iid: float  # 0..100, two decimals
    predicate: str


def spd_score(catalogue: Catalogue, spd_levels: Mapping[str, int]) -> float:
    """Sum of the chosen SPD level scores; unknown rows and levels score 0."""
    total = 0.0
    for row in catalogue.spd_indicators:
        chosen = next((lv for lv in row.levels if lv.level == spd_levels.get(row.number)), None)
        total += chosen.score if chosen else 0.0
    return total


def covered_yandas(catalogue: Catalogue, innovations: Sequence[Innovation]) -> tuple[str, ...]:
    urusan = {inn.profile.get(URUSAN_FIELD) for inn in innovations}
    return tuple(u for u in catalogue.scoring.yandas if u in urusan)


def predicate_for(catalogue: Catalogue, iid: float) -> str:
    return next((p.label for p in catalogue.scoring.predicates if p.min_iid <= iid), "")


def estimate_region(catalogue: Catalogue, spd_levels: Mapping[str, int], innovations: Sequence[Innovation],
                    invalid_evidence: frozenset[str] = frozenset(), *, claimed: bool = False,
                    scores: Sequence[InnovationScore] | None = None) -> RegionEstimate:
    """`scores`: the innovations' scores when the caller has them already (same order)."""
    rules = catalogue.scoring
    n = len(innovations)
    scores = tuple(scores) if scores is not None else tuple(
        score_innovation(catalogue, inn, invalid_evidence) for inn in innovations)
    divisor = max(rules.divisor_min, n)
    sid_sum = sum(s.claimed if claimed else s.backed for s in scores)
    sid_indicators = sid_sum / divisor if divisor else 0.0
    covered = covered_yandas(catalogue, innovations)
    yandas_met = rules.yandas_min <= 0 or len(covered) >= rules.yandas_min
    jumlah_counted = min(n, rules.jumlah_cap)
    jumlah = jumlah_counted * rules.jumlah_per_innovation if yandas_met else 0.0
    spd = spd_score(catalogue, spd_levels)
    sid = sid_indicators + jumlah
    total = spd + sid
    iid = round_half_up(total / rules.total_max * 100, 2) if rules.total_max else 0.0
    return RegionEstimate(
        spd=spd, spd_max=catalogue.spd_max, innovation_count=n, divisor=divisor, innovation_scores=scores,
        sid_sum=sid_sum, sid_indicators=sid_indicators, jumlah_counted=jumlah_counted, jumlah_inovasi=jumlah,
        jumlah_max=rules.jumlah_cap * rules.jumlah_per_innovation,
        yandas_covered=covered, yandas_missing=tuple(u for u in rules.yandas if u not in covered),
        yandas_min=rules.yandas_min, yandas_met=yandas_met, sid=sid, total=total, total_max=rules.total_max,
        iid=iid, predicate=predicate_for(catalogue, iid),
    )
