"""Three-way merge of an innovation: what this writer changed since it read the innovation (`base`) is put on
top of what is stored now (`theirs`), so two processes never lose each other's work.

Every save states the revision it started from (`Innovation.revision`); when the stored revision has moved on,
`innovations.save` merges here, inside its write transaction. The units merged are: each profile field, the
catalogue, each indicator's level, basis and notes, and each evidence list item by item (by id: items added on
either side are all kept, an item removed on one side goes, a move on one side is kept). A change on one side
only is taken as it is; the same unit changed on both sides to different values is a conflict: the merged
result keeps `mine` (the value the user sees on screen) and the conflict names both values, so the caller
can say so (the editor) or refuse and change nothing (the command line).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import EvidenceItem, IndicatorAnswer, Innovation

_MISSING = object()
SHOWN_CHARS = 80  # of a value in a conflict message


@dataclass(frozen=True)
class Conflict:
    """One unit changed on both sides: `where` as a finding's (a field key or "indikator:N")."""

    where: str
    label: str  # "Nama Inovasi", "indikator 3 (tingkat)", "bukti indikator 3"
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Merged:
    innovation: Innovation  # a new object; `mine`, `theirs` and `base` are not changed
    conflicts: tuple[Conflict, ...]


def merge(base: Innovation, mine: Innovation, theirs: Innovation, catalogue: Catalogue | None = None) -> Merged:
    """`theirs` with the changes `mine` made since `base` (see the module's text)."""
    out = copy.deepcopy(theirs)
    conflicts: list[Conflict] = []
    labels = _Labels(catalogue)

    def pick(where: str, label: str, b: Any, m: Any, t: Any) -> Any:
        if m == b or m == t:
            return t
        if t == b:
            return m
        conflicts.append(Conflict(where, label, m, t))
        return m

    out.catalogue_id = pick("katalog", "katalog", base.catalogue_id, mine.catalogue_id, theirs.catalogue_id)
    for key in _keys(base.profile, mine.profile, theirs.profile):
        value = pick(key, labels.field(key), base.profile.get(key, _MISSING), mine.profile.get(key, _MISSING),
                     theirs.profile.get(key, _MISSING))
        if value is _MISSING:
            out.profile.pop(key, None)
        else:
            out.profile[key] = copy.deepcopy(value)
    for number in sorted(_keys(base.answers, mine.answers, theirs.answers)):
        b, m, t = (_answer(x, number) for x in (base, mine, theirs))
        where, name = f"indikator:{number}", f"indikator {number}"
        answer = out.answer(number)
        answer.level = pick(where, f"{name} (tingkat)", b.level, m.level, t.level)
        answer.basis = pick(where, f"{name} (basis pengukuran)", b.basis, m.basis, t.basis)
        answer.notes = pick(where, f"{name} (catatan)", b.notes, m.notes, t.notes)
        answer.evidence = _merge_items(b.evidence, m.evidence, t.evidence,
                                       lambda mi, ti, w=where, n=name: conflicts.append(
                                           Conflict(w, f"bukti {n}", _item_text(mi), _item_text(ti))))
    for key in _keys(base.attachments, mine.attachments, theirs.attachments):
        items = _merge_items(base.attachments.get(key, []), mine.attachments.get(key, []),
                             theirs.attachments.get(key, []),
                             lambda mi, ti, k=key: conflicts.append(
                                 Conflict(k, f"lampiran {labels.field(k)}", _item_text(mi), _item_text(ti))))
        if items or key in out.attachments:
            out.attachments[key] = items
    return Merged(out, tuple(conflicts))


def assign(target: Innovation, source: Innovation) -> None:
    """Make `target` hold what `source` holds, keeping the identity of its dicts and lists (an open editor's
    panels hold them)."""
    target.catalogue_id, target.revision = source.catalogue_id, source.revision
    target.created_at, target.updated_at = source.created_at, source.updated_at
    target.profile.clear()
    target.profile.update(copy.deepcopy(source.profile))
    for number in list(target.answers):
        if number not in source.answers:
            del target.answers[number]
    for number, answer in source.answers.items():
        mine = target.answer(number)
        mine.level, mine.basis, mine.notes = answer.level, answer.basis, answer.notes
        mine.evidence[:] = copy.deepcopy(answer.evidence)
    for key in list(target.attachments):
        if key not in source.attachments:
            target.attachments[key][:] = []
    for key, items in source.attachments.items():
        target.attachments.setdefault(key, [])[:] = copy.deepcopy(items)


def describe(conflicts: tuple[Conflict, ...] | list[Conflict], *, kept_mine: bool) -> str:
    """The conflicts in plain Indonesian: what changed on both sides, both values, and what was kept."""
    lines = [f"• {c.label}: di sini \"{_short(c.mine)}\", di tempat lain \"{_short(c.theirs)}\"" for c in conflicts]
    if kept_mine:
        head = ("Inovasi ini juga diubah di tempat lain (misalnya lewat perintah baris) pada isian yang sama. "
                "Isian di jendela ini yang disimpan; isian dari tempat lain ada di bawah bila ingin dipakai:")
    else:
        head = ("Inovasi ini diubah di tempat lain pada isian yang sama sejak dibaca, jadi tidak ada yang diubah. "
                "Periksa isiannya, lalu ulangi:")
    return head + "\n\n" + "\n".join(lines)


def _keys(*mappings: dict) -> list:
    seen: dict = {}
    for mapping in mappings:
        seen.update(dict.fromkeys(mapping))
    return list(seen)


def _answer(innovation: Innovation, number: int) -> IndicatorAnswer:
    return innovation.answers.get(number) or IndicatorAnswer(number=number)


def _merge_items(base: list[EvidenceItem], mine: list[EvidenceItem], theirs: list[EvidenceItem],
                 conflict: Callable[[EvidenceItem | None, EvidenceItem | None], None]) -> list[EvidenceItem]:
    b, m, t = ({i.id: i for i in items} for items in (base, mine, theirs))
    chosen: dict[str, EvidenceItem] = {}
    for item_id in _keys(b, m, t):
        was, my, their = b.get(item_id), m.get(item_id), t.get(item_id)
        if was is None:  # added on one side (or both: the same id means the same item)
            chosen[item_id] = my or their
        elif my is None or their is None:  # removed on one side (or both): gone
            survivor = my if my is not None else their
            if survivor is not None and survivor != was:  # ... but changed on the other: a conflict
                conflict(my, their)
                if my is not None:
                    chosen[item_id] = my
        elif my == was or my == their:
            chosen[item_id] = their
        elif their == was:
            chosen[item_id] = my
        else:
            conflict(my, their)
            chosen[item_id] = my
    # The order: the side that reordered the items both had keeps its order; additions of the other follow.
    shared = [i for i in b if i in m and i in t]
    mine_moved = [i for i in m if i in shared] != shared
    first, second = (mine, theirs) if mine_moved else (theirs, mine)
    order = [i.id for i in first] + [i.id for i in second if i.id not in {x.id for x in first}]
    return [copy.deepcopy(chosen[i]) for i in order if i in chosen]


def _item_text(item: EvidenceItem | None) -> str:
    if item is None:
        return "(dihapus)"
    return item.file_name or item.link or item.tentang or item.nomor or item.id[:8]


def _short(value: Any) -> str:
    if value is _MISSING or value is None or value == "":
        return "(kosong)"
    text = value if isinstance(value, str) else ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class _Labels:
    def __init__(self, catalogue: Catalogue | None) -> None:
        self.catalogue = catalogue

    def field(self, key: str) -> str:
        found = self.catalogue.field(key) if self.catalogue is not None else None
        return found.label if found is not None else key
