"""The frozen specification of one standard version, as loaded from a `forms/` file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

CONFIDENCE_LEVELS = ("high", "medium", "low")

UNCONFIRMED_LABEL = "perlu dikonfirmasi"


@dataclass(frozen=True)
class Condition:
    """A field is shown (and checked) only when profile[field] is one of `values`."""

    field: str
    values: tuple[str, ...]

    def holds(self, profile: dict) -> bool:
        return profile.get(self.field) in self.values


@dataclass(frozen=True)
class TextPart:
    key: str
    title: str
    hint: str = ""


@dataclass(frozen=True)
class ProfileField:
    key: str
    label: str
    type: str  # one of FIELD_TYPES (catalogue.field_values, beside each type's validator)
    step: str
    required: bool = False
    help: str = ""
    options: tuple[str, ...] = ()
    parts: tuple[TextPart, ...] = ()
    min_words: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    not_after: str | None = None  # key of a date field this date may not be later than
    accepts: tuple[str, ...] = ()  # attachment: evidence kinds
    auto_from: str | None = None  # auto: Organisation attribute name
    visible_if: Condition | None = None
    confidence: str = "high"

    @property
    def unconfirmed(self) -> bool:
        return self.confidence == "low"

    def is_visible(self, profile: dict) -> bool:
        return self.visible_if is None or self.visible_if.holds(profile)


@dataclass(frozen=True)
class Level:
    level: int
    text: str
    score: float
    documents: tuple[str, ...] = ()  # document types (domain.heading.DOCUMENT_TYPES) that prove it; () = any


@dataclass(frozen=True)
class Basis:
    """A measurement basis of an indicator that offers several (kemanfaatan 2026)."""

    key: str
    label: str
    levels: tuple[str, ...]  # level 1..3 texts


@dataclass(frozen=True)
class Indicator:
    number: int  # 1..20 within SID
    global_number: int  # official number across SPD + SID (16..35)
    key: str
    name: str
    variable: str
    weight: float
    mandatory: bool
    levels: tuple[Level, ...]
    evidence: str  # what evidence counts, in plain words
    accepts: tuple[str, ...]  # evidence kinds
    evidence_years: tuple[int, int]  # offsets from the assessment year, e.g. (-2, 0)
    help: str
    bases: tuple[Basis, ...] = ()
    confidence: str = "high"
    max_seconds: int = 0  # a video file's longest playing time (0: no limit)

    @cached_property  # read for every indicator of every innovation when a region is scored
    def max_score(self) -> float:
        return max(level.score for level in self.levels)

    @property
    def unconfirmed(self) -> bool:
        return self.confidence == "low"

    def level(self, number: int) -> Level | None:
        return next((lv for lv in self.levels if lv.level == number), None)

    def basis(self, key: str | None) -> Basis | None:
        return next((b for b in self.bases if b.key == key), None)

    def levels_proven_by(self, doc_type: str) -> tuple[Level, ...]:
        """The levels whose accepted document types include `doc_type`."""
        return tuple(lv for lv in self.levels if doc_type in lv.documents)


@dataclass(frozen=True)
class SpdIndicator:
    number: str  # "1", "2a", ...
    name: str
    variable: str
    weight: float
    mandatory: bool
    levels: tuple[Level, ...]
    confidence: str = "high"
    evidence: str = ""  # what evidence counts, in plain words
    help: str = ""

    @property
    def max_score(self) -> float:
        return max(level.score for level in self.levels)

    @property
    def unconfirmed(self) -> bool:
        return self.confidence == "low"


@dataclass(frozen=True)
class Predicate:
    label: str
    min_iid: float  # the band starts here (inclusive), bands are checked from the top


@dataclass(frozen=True)
class Scoring:
    divisor_min: int  # SID divisor is MAX(divisor_min, n)
    jumlah_per_innovation: float  # jumlah inovasi score per innovation
    jumlah_cap: int  # innovations counted at most
    yandas: tuple[str, ...]  # urusan wajib pelayanan dasar
    yandas_min: int  # jumlah inovasi counts only with this many yandas covered (0: no rule)
    total_max: float  # SPD max + SID max + jumlah inovasi max
    predicates: tuple[Predicate, ...]
    confidence: str = "high"
    note: str = ""


@dataclass(frozen=True)
class ImplementationWindow:
    """The implementation date must fall inside [start, end], or the alternative date must."""

    start: date
    end: date
    date_field: str
    alternative_field: str | None = None
    confidence: str = "high"


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    help: str = ""


@dataclass(frozen=True)
class Catalogue:
    id: str
    title: str
    year: int  # the assessment year (T-0)
    basis: str  # the official letter this version follows
    description: str
    confidence: str
    steps: tuple[Step, ...]
    fields: tuple[ProfileField, ...]
    indicators: tuple[Indicator, ...]
    spd_indicators: tuple[SpdIndicator, ...]
    scoring: Scoring
    window: ImplementationWindow
    source_file: str = ""
    is_default: bool = False
    notes: tuple[str, ...] = field(default=())
    max_entries: int = 0  # how often one innovation may be entered in the assessment (0: no rule)

    @property
    def sid_max(self) -> float:
        return sum(ind.max_score for ind in self.indicators)

    @property
    def spd_max(self) -> float:
        return sum(ind.max_score for ind in self.spd_indicators)

    def field(self, key: str) -> ProfileField | None:
        return next((f for f in self.fields if f.key == key), None)

    def fields_for_step(self, step: str) -> tuple[ProfileField, ...]:
        return tuple(f for f in self.fields if f.step == step)

    def indicator(self, number: int) -> Indicator | None:
        return next((i for i in self.indicators if i.number == number), None)

    def evidence_period(self, indicator: Indicator) -> tuple[date, date]:
        first, last = indicator.evidence_years
        return date(self.year + first, 1, 1), date(self.year + last, 12, 31)
