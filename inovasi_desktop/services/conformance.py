"""Check that an innovation fits the catalogue it is pinned to (used before anything is written)."""

from __future__ import annotations

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import Innovation


def problems(catalogue: Catalogue, innovation: Innovation) -> list[str]:
    """Indonesian descriptions of every answer the catalogue cannot hold; empty when it fits."""
    out: list[str] = []
    for key, value in innovation.profile.items():
        field = catalogue.field(key)
        if field is None:
            out.append(f"profile.{key}: isian tidak dikenal di katalog {catalogue.id}")
        elif field.type == "choice" and value not in (None, "") and value not in field.options:
            out.append(f"profile.{key}: pilihan '{value}' tidak ada di katalog")
        elif field.type == "multi_choice" and isinstance(value, list):
            out += [f"profile.{key}: pilihan '{v}' tidak ada di katalog" for v in value if v not in field.options]
        elif field.type == "sectioned_text" and isinstance(value, dict):
            known = {p.key for p in field.parts}
            out += [f"profile.{key}.{part}: bagian tidak dikenal" for part in value if part not in known]
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
