"""The editor's steps in the standard's order, and the state of each (kosong/sebagian/lengkap/ada galat)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import Finding, Innovation, Severity
from inovasi_desktop.rules.scoring import is_backed

READINESS_KEY = "kesiapan"


class StepState(enum.Enum):
    EMPTY = "kosong"
    PARTIAL = "sebagian"
    COMPLETE = "lengkap"
    ERROR = "ada galat"


STATE_MARKS = {StepState.EMPTY: "○", StepState.PARTIAL: "◐", StepState.COMPLETE: "●", StepState.ERROR: "✖"}


@dataclass(frozen=True)
class EditorStep:
    key: str  # catalogue step key, "indikator:N", or READINESS_KEY
    title: str
    indicator: int | None = None


def editor_steps(catalogue: Catalogue) -> list[EditorStep]:
    steps = [EditorStep(s.key, s.title) for s in catalogue.steps]
    steps += [EditorStep(Finding.indicator_where(i.number), f"{i.number}. {i.name}", i.number)
              for i in catalogue.indicators]
    steps.append(EditorStep(READINESS_KEY, "Kesiapan"))
    return steps


def step_of(catalogue: Catalogue, where: str) -> str:
    """The step key that holds a finding's `where` (field key or indicator)."""
    if where.startswith("indikator:"):
        return where
    field = catalogue.field(where.split(".", 1)[0])
    return field.step if field else READINESS_KEY


def _filled(value) -> bool:
    if isinstance(value, dict):
        return any(str(v).strip() for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return value not in (None, "")


def answered(innovation: Innovation, number: int) -> bool:
    """Whether anything was given for an indicator: a level, a basis, evidence or notes."""
    answer = innovation.answers.get(number)
    return answer is not None and bool(answer.level is not None or answer.basis or answer.evidence
                                       or answer.notes.strip())


def written(catalogue: Catalogue, innovation: Innovation, key: str) -> bool:
    """Whether a profile field (or attachment list) holds something."""
    field = catalogue.field(key)
    if field is not None and field.type == "attachment":
        return bool(innovation.attachments.get(key))
    return _filled(innovation.profile.get(key))


def step_states(catalogue: Catalogue, innovation: Innovation, findings: list[Finding],
                invalid_evidence: frozenset[str] = frozenset(),
                shown: list[Finding] | None = None) -> dict[str, StepState]:
    """The state of every step. A step where nothing has been entered is kosong; otherwise a galat among
    `shown` (the findings the pages show: where the user has been, and lost or broken evidence files)
    makes it "ada galat". Kesiapan is lengkap only when there is no galat at all, and otherwise follows
    the steps: ada galat when one has, kosong when all are.
    """
    shown = list(findings) if shown is None else shown
    errors = {step_of(catalogue, f.where) for f in shown if f.severity == Severity.GALAT}
    states: dict[str, StepState] = {}
    for step in catalogue.steps:
        fields = [f for f in catalogue.fields_for_step(step.key)
                  if f.type != "auto" and f.is_visible(innovation.profile)]
        filled = [f for f in fields if _filled(innovation.attachments.get(f.key) if f.type == "attachment"
                                               else innovation.profile.get(f.key))]
        states[step.key] = _state(bool(filled) or not fields, step.key in errors, len(filled) >= len(fields))
    for indicator in catalogue.indicators:
        key = Finding.indicator_where(indicator.number)
        touched = answered(innovation, indicator.number)
        done = touched and innovation.answers[indicator.number].level is not None \
            and is_backed(catalogue, indicator, innovation, invalid_evidence)
        states[key] = _state(touched, key in errors, done)
    if not any(f.severity == Severity.GALAT for f in findings):
        states[READINESS_KEY] = StepState.COMPLETE
    elif READINESS_KEY in errors or StepState.ERROR in states.values():
        states[READINESS_KEY] = StepState.ERROR
    elif all(state is StepState.EMPTY for state in states.values()):
        states[READINESS_KEY] = StepState.EMPTY
    else:
        states[READINESS_KEY] = StepState.PARTIAL
    return states


def _state(touched: bool, has_error: bool, complete: bool) -> StepState:
    if not touched:
        return StepState.EMPTY
    if has_error:
        return StepState.ERROR
    return StepState.COMPLETE if complete else StepState.PARTIAL
