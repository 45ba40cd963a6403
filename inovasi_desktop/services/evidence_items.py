"""Editing the evidence lists of an innovation (attach, link, remove, move, replace) and what to say
beside each item: its check results, store state, date window and reuse elsewhere.

The list functions work on the live lists the editor holds (no I/O); `innovation_evidence` holds the
use cases that load, change and save an innovation for callers without an editor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.domain import EvidenceItem, Finding, Innovation, InovasiError, NotFoundError, Severity
from inovasi_desktop.evidence.checks import KIND_LABELS, for_target
from inovasi_desktop.export.interchange_check import Checker
from inovasi_desktop.rules import format_date_id, format_period_id
from inovasi_desktop.rules.evidence_checks import evidence_name
from inovasi_desktop.rules.format import format_duration_id, format_size_id
from inovasi_desktop.services import evidence_status, innovations, organisation
from inovasi_desktop.services.evidence import INDICATOR, Metadata, Target, items_of
from inovasi_desktop.services.workspace import Workspace

MANY_PLACES = 3  # one file used in this many places is worth a warning


# -- list edits (live lists, no I/O) ------------------------------------------------------------

def attach(innovation: Innovation, target: Target,
           new_items: Iterable[EvidenceItem]) -> tuple[list[EvidenceItem], list[str]]:
    """Append `new_items` at `target`, skipping a file already in that list; returns (added, notes)."""
    items = items_of(innovation, target)
    added, notes = [], []
    for item in new_items:
        twin = next((i for i in items if item.sha256 and i.sha256 == item.sha256), None)
        if twin is not None:
            notes.append(f"Berkas \"{item.file_name}\" sudah ada di {target.label} "
                         f"(\"{evidence_name(twin)}\"); tidak ditambahkan lagi.")
            continue
        items.append(item)
        added.append(item)
    return added, notes


def normalise_link(url: str) -> str:
    """A link as typed, made whole ("youtu.be/x" -> "https://youtu.be/x"); InovasiError when not a web address."""
    text = url.strip()
    if text and "://" not in text and "." in text.split("/", 1)[0]:
        text = "https://" + text
    checker = Checker()
    checker.link(text, "tautan")
    if checker.problems or not text:
        raise InovasiError("Tautan tidak sah: tulis alamat lengkap yang diawali http:// atau https://, tanpa spasi "
                           "(misalnya https://youtu.be/abc123).")
    return text


def new_link(url: str, target: Target, metadata: Metadata | None = None) -> EvidenceItem:
    if not target.accepts_links:
        kinds = ", ".join(KIND_LABELS[k] for k in target.accepts if k in KIND_LABELS)
        raise InovasiError(f"Bukti untuk {target.label} tidak dapat berupa tautan; lampirkan berkas {kinds}.")
    item = EvidenceItem(link=normalise_link(url))
    (metadata or Metadata()).apply(item)
    return item


def remove(items: list[EvidenceItem], item_id: str) -> tuple[int, EvidenceItem]:
    """Take the item out of `items`; returns where it was and the item (to undo)."""
    index = index_of(items, item_id)
    return index, items.pop(index)


def move(items: list[EvidenceItem], item_id: str, delta: int) -> int:
    """Move an item up (delta < 0) or down; returns its new position."""
    index = index_of(items, item_id)
    new = min(max(index + delta, 0), len(items) - 1)
    items.insert(new, items.pop(index))
    return new


def take_file(item: EvidenceItem, new: EvidenceItem) -> None:
    """Give `item` the file (or link) of `new`; its id, nomor, tanggal and tentang stay."""
    item.sha256, item.file_name, item.size, item.media_type, item.link = (
        new.sha256, new.file_name, new.size, new.media_type, new.link)


def index_of(items: list[EvidenceItem], item_id: str) -> int:
    for index, item in enumerate(items):
        if item.id == item_id:
            return index
    raise NotFoundError("Bukti dukung itu tidak ada lagi di daftar ini.")


# -- where else a file is used ---------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    label: str  # "indikator 3", "lampiran Anggaran (jika diperlukan)"
    where: str  # as in readiness findings: "indikator:3" or the attachment field key
    items: list[EvidenceItem]
    accepts: tuple[str, ...] | None = None  # the kinds the catalogue accepts here (None: not known)
    max_seconds: int = 0  # a video file's longest playing time here (0: no limit)


def places(catalogue: Catalogue | None, innovation: Innovation) -> list[Place]:
    """Every evidence list of the innovation, indicators first."""
    out = []
    for number, answer in sorted(innovation.answers.items()):
        indicator = catalogue.indicator(number) if catalogue else None
        out.append(Place(f"indikator {number}", Finding.indicator_where(number), answer.evidence,
                         indicator.accepts if indicator else None, indicator.max_seconds if indicator else 0))
    for key, items in innovation.attachments.items():
        field_ = catalogue.field(key) if catalogue else None
        out.append(Place(f"lampiran {field_.label if field_ else key}", key, items, field_.accepts if field_ else None))
    return out


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " dan " + words[-1]


def other_uses(ws: Workspace, innovation_id: str, hashes: Iterable[str]) -> dict[str, list[str]]:
    """sha256 -> names of the other innovations (not in the bin) whose evidence uses that file."""
    wanted = set(hashes)
    out: dict[str, list[str]] = {}
    if not wanted:
        return out
    for other in innovations.load_all(ws):
        if other.id == innovation_id:
            continue
        for sha256 in wanted & {i.sha256 for i in other.all_evidence()}:
            out.setdefault(sha256, []).append(other.name or "(tanpa nama)")
    return out


def reuse_notes(catalogue: Catalogue | None, innovation: Innovation, new_items: Iterable[EvidenceItem],
                elsewhere: dict[str, list[str]], said_at: str | None = None) -> list[str]:
    """"The same file is already used at ... / in innovation ..." for each new stored file: pointed out only.

    `elsewhere` comes from `other_uses`; `said_at` is a place left out (the list that refused the file as
    already there, or where it replaced a file).
    """
    notes = []
    for item in new_items:
        if not item.sha256:
            continue
        here = [p.label for p in places(catalogue, innovation) if p.label != said_at
                and any(i.sha256 == item.sha256 and i.id != item.id for i in p.items)]
        there = elsewhere.get(item.sha256, [])
        if here:
            notes.append(f"Berkas \"{item.file_name}\" yang sama sudah dipakai di {_join(here)} inovasi ini.")
        if there:
            more = f" dan {len(there) - 3} lainnya" if len(there) > 3 else ""
            names = _join([f"\"{n}\"" for n in there[:3]]) + more
            notes.append(f"Berkas \"{item.file_name}\" yang sama sudah dipakai di inovasi {names}.")
    return notes


# -- what to show beside each item --------------------------------------------------------------------

@dataclass(frozen=True)
class ItemReport:
    facts: str  # "PDF · 4 halaman · 220 KB", "tautan"
    lines: tuple[tuple[Severity, str], ...] = ()
    available: bool = False  # a stored file that is present and intact (can be previewed)
    can_shrink: bool = False  # an image over the size cap that can be made smaller
    checking: bool = False  # the stored file's check is still under way (evidence_status.PENDING)

    @property
    def worst(self) -> Severity | None:
        for severity in (Severity.GALAT, Severity.PERINGATAN, Severity.INFO):
            if any(s is severity for s, _ in self.lines):
                return severity
        return None


def item_reports(ws: Workspace, innovation: Innovation, target: Target, *,
                 examine: bool = True) -> dict[str, ItemReport]:
    """A report for each item at `target`: check results for this place, store state, date, reuse.
    With `examine` False, files not checked yet are reported `checking` (see evidence_status.file_status)."""
    items = items_of(innovation, target)
    status = evidence_status.file_status(ws, evidence_status.stored_hashes_of(items), organisation.get(ws).pemda,
                                         examine=examine)
    cap = evidence_status.max_bytes(ws)
    catalogue = ws.catalogues.get(innovation.catalogue_id) if ws.catalogues.has(innovation.catalogue_id) else None
    all_places = places(catalogue, innovation)
    return {item.id: _report(item, target, status.get(item.sha256 or ""), cap, all_places) for item in items}


def _report(item: EvidenceItem, target: Target, status, cap: int, all_places) -> ItemReport:
    lines: list[tuple[Severity, str]] = []
    available = can_shrink = checking = False
    if item.is_link:
        facts = "tautan"
        if not target.accepts_links:
            lines.append((Severity.PERINGATAN, "Tautan tidak dihitung di sini; lampirkan berkas."))
        elif target.max_seconds:
            lines.append((Severity.INFO, "Durasi video pada tautan tidak dapat diperiksa aplikasi; pastikan "
                                         f"paling lama {format_duration_id(target.max_seconds)}."))
    elif not item.sha256:
        facts = "belum ada berkas"
        lines.append((Severity.PERINGATAN, "Belum ada berkas. Lampirkan dengan \"Ganti berkas\"."))
    elif status is not None and status.state == evidence_status.PENDING:
        facts, checking = format_size_id(item.size or 0), True
    elif status is None or status.state != evidence_status.OK:
        facts = format_size_id(item.size or 0)
        lines.append((Severity.GALAT, evidence_status.STATE_MESSAGES[status.state if status else "missing"]))
    else:
        result = for_target(status.check, accepts=target.accepts, max_bytes=cap, max_seconds=target.max_seconds)
        facts = facts_of(result)
        lines += [(p.severity, p.message) for p in result.problems]
        available, can_shrink = True, result.can_shrink
    if item.tanggal and target.period and not target.period[0] <= item.tanggal <= target.period[1]:
        lines.append((Severity.PERINGATAN, f"Tanggal {format_date_id(item.tanggal)} di luar periode bukti "
                                           f"{format_period_id(*target.period)}: tidak dihitung."))
    if item.sha256:
        lines += _reuse_lines(item, target, all_places)
    return ItemReport(facts, tuple(lines), available, can_shrink, checking)


def facts_of(check) -> str:
    parts = [KIND_LABELS.get(check.kind or "", "berkas")]
    if check.pages is not None:
        parts.append(f"{check.pages} halaman")
        if check.has_text is False:
            parts.append("pindaian")
    if check.seconds:
        parts.append(format_duration_id(check.seconds))
    if check.dimensions:
        width, height = check.dimensions  # as people see it (EXIF orientation applied)
        parts.append(f"{width}×{height} piksel")
    parts.append(format_size_id(check.size))
    return " · ".join(parts)


def _reuse_lines(item: EvidenceItem, target: Target, all_places) -> list[tuple[Severity, str]]:
    own = Finding.indicator_where(int(target.key)) if target.kind == INDICATOR else target.key
    elsewhere = [p.label for p in all_places if p.where != own and any(i.sha256 == item.sha256 for i in p.items)]
    if not elsewhere:
        return []
    if len(elsewhere) + 1 >= MANY_PLACES:
        return [(Severity.PERINGATAN, f"Berkas yang sama dipakai di {len(elsewhere) + 1} tempat (juga di "
                                      f"{_join(elsewhere)}); verifikator dapat menolak bukti yang sama untuk "
                                      "banyak indikator.")]
    return [(Severity.INFO, f"Berkas yang sama juga dipakai di {_join(elsewhere)}.")]

