"""Evidence files that travel beside an imported JSON document ("file": {"path": "bukti/sk.pdf"}).

Each path is resolved against the document's folder, checked as evidence for the indicator or
attachment that names it (kinds, size cap, damage, passwords...) and stored through the evidence
service. All or nothing: one missing, outside or refused file refuses them all, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import EvidenceItem, Innovation, InterchangeError, Severity
from inovasi_desktop.services import evidence
from inovasi_desktop.services.workspace import Workspace

SHOWN = 20  # problems listed in one message


def _placed_items(catalogue: Catalogue, innovation: Innovation) -> Iterator[tuple[evidence.Target, EvidenceItem]]:
    for number in sorted(innovation.answers):
        target = evidence.target_for(catalogue, number)
        for item in innovation.answers[number].evidence:
            yield target, item
    for key, items in innovation.attachments.items():
        target = evidence.target_for(catalogue, key)
        for item in items:
            yield target, item


def store(ws: Workspace, catalogue: Catalogue, innovation: Innovation, files: Mapping[str, str],
          folder: Path | None) -> list[EvidenceItem]:
    """Give the items named in `files` (item id -> path relative to `folder`) their stored files.

    Returns the items filled, for `evidence.clean_up_unsaved` should saving the innovation fail.
    """
    if not files:
        return []
    if folder is None:
        example = next(iter(files.values()))
        raise InterchangeError(f"Dokumen ini merujuk berkas bukti yang menyertainya (misalnya \"{example}\"). "
                               "Impor dari berkas JSON-nya, bukan dari teks, agar berkas bukti itu ikut dimuat.")
    base = folder.resolve()
    wanted: list[tuple[evidence.Target, EvidenceItem, str, Path]] = []
    problems = []
    for target, item in _placed_items(catalogue, innovation):
        relative = files.get(item.id)
        if relative is None:
            continue
        path = folder / relative
        if not path.resolve().is_relative_to(base):
            problems.append(f"{relative} ({target.label}): berada di luar folder {folder}")
        elif not path.is_file():
            problems.append(f"{relative} ({target.label}): berkas tidak ditemukan di folder {folder}")
        elif not target.accepts_files:
            problems.append(f"{relative} ({target.label}): bukti untuk {target.label} berupa tautan, bukan berkas")
        else:
            wanted.append((target, item, relative, path))
    _refuse_if_any(problems)
    checked = _check(ws, wanted)
    for (target, _item, relative, _path), result in zip(wanted, checked, strict=True):
        if not result.ok:
            reasons = "; ".join(p.message for p in result.result.problems if p.severity is Severity.GALAT)
            problems.append(f"{relative} ({target.label}): {reasons}")
    _refuse_if_any(problems)
    outcome = evidence.store_checked(ws, checked, None)
    for (_target, item, _relative, _path), new in zip(wanted, outcome.items, strict=True):
        item.sha256, item.file_name, item.size, item.media_type = new.sha256, new.file_name, new.size, new.media_type
    return [item for _target, item, _relative, _path in wanted]


def _check(ws: Workspace, wanted) -> list[evidence.CheckedFile]:
    """Each file checked for its target's kinds, in `wanted`'s order (one call per set of kinds)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, (target, *_rest) in enumerate(wanted):
        groups.setdefault(target.accepts, []).append(index)
    results: dict[int, evidence.CheckedFile] = {}
    for accepts, indexes in groups.items():
        checked = evidence.check_for(ws, [wanted[i][3] for i in indexes], accepts)
        results.update(zip(indexes, checked, strict=True))
    return [results[i] for i in range(len(wanted))]


def _refuse_if_any(problems: list[str]) -> None:
    if not problems:
        return
    listing = "\n".join(f"  - {p}" for p in problems[:SHOWN])
    more = f"\n  ... dan {len(problems) - SHOWN} lagi" if len(problems) > SHOWN else ""
    raise InterchangeError(f"Berkas bukti yang menyertai dokumen tidak dapat dimuat; tidak ada yang disimpan:\n"
                           f"{listing}{more}")
