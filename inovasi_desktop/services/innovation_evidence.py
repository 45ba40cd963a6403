"""Whole use cases on the evidence of a saved innovation: add files or a link, remove, move, replace a
file. Each loads the innovation, changes its lists with the pieces in `evidence` and `evidence_items`,
and saves it; the command line calls these. The editor holds its innovation and uses the pieces directly.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from inovasi_desktop.domain import EvidenceItem, Innovation, InovasiError, NotFoundError, Severity
from inovasi_desktop.services import evidence, evidence_items, innovations
from inovasi_desktop.services.evidence import Metadata, StoreOutcome, Target, items_of, target_for
from inovasi_desktop.services.evidence_reading import fill_from_heading
from inovasi_desktop.services.evidence_status import Progress
from inovasi_desktop.services.workspace import Workspace


@dataclass
class AddResult:
    innovation: Innovation
    target: Target
    outcome: StoreOutcome
    notes: list[str]  # reuse and duplicates: pointed out, not refused
    read: dict[str, list[str]] = field(default_factory=dict)  # item id -> fields filled from the document


def add_files(ws: Workspace, innovation_id: str, target_spec: int | str, paths: Iterable[Path | str],
              metadata: Metadata | None = None, *, shrink: bool = False, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> AddResult:
    """Check, store and attach files to an innovation, then save it. Files with a galat are refused."""
    innovation = innovations.get(ws, innovation_id)
    base = copy.deepcopy(innovation)  # saved on top of what others wrote meanwhile (services/merge.py)
    target = target_for(ws.catalogues.get(innovation.catalogue_id), target_spec)
    if not target.accepts_files:
        raise InovasiError(f"Bukti untuk {target.label} berupa tautan; gunakan --link URL.")
    checked = evidence.check_for(ws, paths, target.accepts, cancelled=cancelled, max_seconds=target.max_seconds)
    shrink_paths = [c.path for c in checked if c.result.can_shrink] if shrink else []
    outcome = evidence.store_checked(ws, checked, target, metadata=metadata, shrink=shrink_paths, progress=progress,
                                     cancelled=cancelled)
    read = {}
    for item in outcome.items:  # fields not given are proposed from the document's heading
        check = outcome.results.get(item.id)
        if filled := fill_from_heading(item, check.heading if check else None):
            read[item.id] = filled
    outcome.items, notes = evidence_items.attach(innovation, target, outcome.items)
    notes = outcome.heal_notes() + notes
    elsewhere = evidence_items.other_uses(ws, innovation.id, [i.sha256 for i in outcome.items])
    notes += evidence_items.reuse_notes(ws.catalogues.get(innovation.catalogue_id), innovation, outcome.items,
                                        elsewhere)
    if outcome.items:  # an add that attaches nothing leaves the innovation (and its time stamp) as it was
        try:
            innovations.save(ws, innovation, base=base)
        except BaseException:
            evidence.clean_up_unsaved(ws, outcome.items)
            raise
    if outcome.healed:  # every innovation using a healed file reads it as intact again
        innovations.refresh_summaries(ws, outcome.healed)
    return AddResult(innovation, target, outcome, notes, read)


def add_link(ws: Workspace, innovation_id: str, target_spec: int | str, url: str,
             metadata: Metadata | None = None) -> tuple[Innovation, EvidenceItem]:
    innovation = innovations.get(ws, innovation_id)
    base = copy.deepcopy(innovation)  # saved on top of what others wrote meanwhile (services/merge.py)
    target = target_for(ws.catalogues.get(innovation.catalogue_id), target_spec)
    item = evidence_items.new_link(url, target, metadata)
    items_of(innovation, target).append(item)
    innovations.save(ws, innovation, base=base)
    return innovation, item


def _locate(innovation: Innovation, item_id: str) -> list[EvidenceItem]:
    for place in evidence_items.places(None, innovation):
        if any(i.id == item_id for i in place.items):
            return place.items
    raise NotFoundError(f"Bukti dukung dengan id {item_id} tidak ada pada inovasi ini.")


def remove_item(ws: Workspace, innovation_id: str, item_id: str) -> EvidenceItem:
    """Take an item off; its stored file stays until `clean_up` finds nothing uses it."""
    innovation = innovations.get(ws, innovation_id)
    base = copy.deepcopy(innovation)  # saved on top of what others wrote meanwhile (services/merge.py)
    _, item = evidence_items.remove(_locate(innovation, item_id), item_id)
    innovations.save(ws, innovation, base=base)
    return item


def move_item(ws: Workspace, innovation_id: str, item_id: str, delta: int) -> int:
    innovation = innovations.get(ws, innovation_id)
    base = copy.deepcopy(innovation)  # saved on top of what others wrote meanwhile (services/merge.py)
    position = evidence_items.move(_locate(innovation, item_id), item_id, delta)
    innovations.save(ws, innovation, base=base)
    return position


def replace_item_file(ws: Workspace, innovation_id: str, target_spec: int | str, item_id: str, path) -> EvidenceItem:
    """Give an item another file (checked and stored first); its metadata stays. Refuses a file with a galat."""
    innovation = innovations.get(ws, innovation_id)
    base = copy.deepcopy(innovation)  # saved on top of what others wrote meanwhile (services/merge.py)
    target = target_for(ws.catalogues.get(innovation.catalogue_id), target_spec)
    items = items_of(innovation, target)
    item = items[evidence_items.index_of(items, item_id)]
    checked = evidence.check_for(ws, [path], target.accepts, max_seconds=target.max_seconds)
    if not checked[0].ok:
        raise InovasiError("; ".join(p.message for p in checked[0].result.problems if p.severity is Severity.GALAT))
    outcome = evidence.store_checked(ws, checked, target)
    evidence_items.take_file(item, outcome.items[0])
    try:
        innovations.save(ws, innovation, base=base)
    except BaseException:
        evidence.clean_up_unsaved(ws, outcome.items)
        raise
    return item
