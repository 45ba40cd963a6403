"""Copy an innovation into another catalogue version, mapping what fits and reporting what does not."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from inovasi_desktop.catalogue import Catalogue, check_value
from inovasi_desktop.domain import IndicatorAnswer, Innovation, new_id, utc_now
from inovasi_desktop.services import innovations
from inovasi_desktop.services.workspace import Workspace


@dataclass
class CarryOverReport:
    innovation: Innovation
    dropped: list[str] = field(default_factory=list)  # Indonesian, one line per answer that did not map

    @property
    def complete(self) -> bool:
        return not self.dropped


def _map_profile(source: Catalogue, target: Catalogue, old: Innovation, report: CarryOverReport) -> dict:
    """The answers that fit the target's fields; what does not fit is left out and listed. Empty answers
    are not carried (the editor stores none either); a value kept with a problem (a date not yet valid)
    is carried and reported by the readiness rules there."""
    profile = {}
    for key, value in old.profile.items():
        label = source.field(key).label if source.field(key) else key
        field_ = target.field(key)
        if field_ is None:
            report.dropped.append(f"Isian \"{label}\" tidak ada di {target.title}.")
            continue
        checked = check_value(field_, value)
        report.dropped += [f"{label}: {problem.text}." for problem in checked.unfit]
        if not checked.empty and checked.value:
            profile[key] = copy.deepcopy(checked.value)
    return profile


def _map_answers(source: Catalogue, target: Catalogue, old: Innovation, report: CarryOverReport) -> dict:
    by_key = {ind.key: ind for ind in target.indicators}
    answers: dict[int, IndicatorAnswer] = {}
    for number, answer in old.answers.items():
        src = source.indicator(number)
        dst = by_key.get(src.key) if src else None
        if dst is None:
            report.dropped.append(f"Indikator {number} tidak memiliki padanan di {target.title}.")
            continue
        mapped = copy.deepcopy(answer)
        mapped.number = dst.number
        mapped.evidence = [_renewed(item) for item in answer.evidence]
        if mapped.basis is not None and dst.basis(mapped.basis) is None:
            report.dropped.append(f"Basis pengukuran indikator {dst.number} ({dst.name}) perlu dipilih ulang.")
            mapped.basis = None
        before, after = src.level(mapped.level or 0), dst.level(mapped.level or 0)
        if before and after and before.text != after.text:
            report.dropped.append(f"Indikator {dst.number} ({dst.name}): teks tingkat {mapped.level} berbeda di "
                                  f"{target.title}; periksa kembali pilihannya.")
        answers[dst.number] = mapped
    return answers


def copy_to_catalogue(ws: Workspace, innovation_id: str, target_id: str) -> CarryOverReport:
    old = innovations.get(ws, innovation_id)
    source, target = ws.catalogues.get(old.catalogue_id), ws.catalogues.get(target_id)
    new = Innovation(catalogue_id=target.id, created_at=utc_now())
    report = CarryOverReport(innovation=new)
    new.profile = _map_profile(source, target, old, report)
    new.answers = _map_answers(source, target, old, report)
    for key, items in old.attachments.items():
        if target.field(key) is not None and target.field(key).type == "attachment":
            new.attachments[key] = [_renewed(i) for i in items]
        elif items:
            report.dropped.append(f"Lampiran \"{key}\" tidak ada di {target.title}.")
    innovations.save(ws, new)
    return report


def _renewed(item):
    clone = copy.deepcopy(item)
    clone.id = new_id()
    return clone
