"""Evidence kinds: the one table of what a catalogue's `accepts` may name, and everything known about each.

Everything else is derived from `KINDS`: the names catalogues may use, the kind of a sniffed media type,
labels in messages, file-dialog patterns, and which kinds are images or videos. Adding a kind is a row
here (and, for a file kind, its signature in `evidence.sniff`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DOCUMENT, IMAGE, VIDEO, LINK = "document", "image", "video", "link"


@dataclass(frozen=True)
class EvidenceKind:
    key: str  # as catalogues name it in `accepts`
    label: str  # short, in messages and lists: "PDF", "tautan"
    name: str  # fuller, in hints beside an upload: "JPG/JPEG", "video MP4"
    description: str  # what a file of this kind is: "gambar JPG" ("Berkas ini adalah gambar JPG")
    group: str  # DOCUMENT, IMAGE, VIDEO or LINK
    media_types: tuple[str, ...] = ()  # as sniffed from the content; none for a link
    patterns: tuple[str, ...] = ()  # file-dialog name patterns


KINDS = (
    EvidenceKind("pdf", "PDF", "PDF", "dokumen PDF", DOCUMENT, ("application/pdf",), ("*.pdf",)),
    EvidenceKind("jpg", "JPG", "JPG/JPEG", "gambar JPG", IMAGE, ("image/jpeg",), ("*.jpg", "*.jpeg")),
    EvidenceKind("png", "PNG", "PNG", "gambar PNG", IMAGE, ("image/png",), ("*.png",)),
    EvidenceKind("mp4", "MP4", "video MP4", "video MP4", VIDEO, ("video/mp4",), ("*.mp4",)),
    EvidenceKind("mov", "MOV", "video MOV", "video MOV", VIDEO, ("video/quicktime",), ("*.mov",)),
    EvidenceKind(LINK, "tautan", "tautan (URL)", "tautan", LINK),
)

KIND = {kind.key: kind for kind in KINDS}
EVIDENCE_KINDS = tuple(KIND)  # the names a catalogue's `accepts` may use
FILE_KINDS = tuple(kind.key for kind in KINDS if kind.media_types)  # kinds that are stored files
KIND_BY_MEDIA_TYPE = {media_type: kind.key for kind in KINDS for media_type in kind.media_types}


def kinds_of_group(group: str) -> tuple[str, ...]:
    """The kinds of a group: `kinds_of_group(IMAGE)` -> ("jpg", "png")."""
    return tuple(kind.key for kind in KINDS if kind.group == group)


def file_patterns(accepts: Iterable[str]) -> str:
    """The file-dialog patterns of the accepted kinds: "*.pdf *.jpg *.jpeg"."""
    return " ".join(pattern for key in accepts if key in KIND for pattern in KIND[key].patterns)
