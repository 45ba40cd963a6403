"""Check that an innovation fits the catalogue it is pinned to (used before anything is written).

A profile value fits when its field's validator finds nothing that cannot be held (a value kept and
reported, such as a date that is no real date, is left to the readiness rules, as in the editor).
"""

from __future__ import annotations

from inovasi_desktop.catalogue import Catalogue, check_value
from inovasi_desktop.domain import Innovation
from inovasi_desktop.domain.problems import key_path


def problems(catalogue: Catalogue, innovation: Innovation) -> list[str]:
    """Indonesian descriptions of every answer the catalogue cannot hold; empty when it fits."""
    out: list[str] = []
    for key, value in innovation.profile.items():
        field = catalogue.field(key)
        path = key_path("profile", key)
        if field is None:
            out.append(f"{path}: isian tidak dikenal di katalog {catalogue.id}")
        else:
            out += [f"{path}{p.where}: {p.text}" for p in check_value(field, value).unfit]
    for key in innovation.attachments:
        field = catalogue.field(key)
        if field is None or field.type != "attachment":
            out.append(f"attachments.{key}: bukan isian lampiran di katalog {catalogue.id}")
    for number, answer in innovation.answers.items():
        indicator = catalogue.indicator(number)
        if indicator is None:
            out.append(f"answers[{number}]: indikator {number} tidak ada di katalog {catalogue.id}")
            continue
        if answer.level is not None and indicator.level(answer.level) is None:
            out.append(f"answers[{number}].level: tingkat {answer.level} tidak ada")
        if answer.basis is not None and indicator.basis(answer.basis) is None:
            out.append(f"answers[{number}].basis: basis '{answer.basis}' tidak ada")
    return out
