"""Evidence kinds are one table; names, media types, labels and file patterns all come from it."""

from __future__ import annotations

from inovasi_desktop.catalogue import EVIDENCE_KINDS
from inovasi_desktop.catalogue.evidence_kinds import (
    FILE_KINDS,
    IMAGE,
    KIND,
    KIND_BY_MEDIA_TYPE,
    KINDS,
    LINK,
    VIDEO,
    file_patterns,
    kinds_of_group,
)


def test_every_kind_is_described_fully() -> None:
    assert len(EVIDENCE_KINDS) == len(set(EVIDENCE_KINDS)) == len(KINDS)
    for kind in KINDS:
        assert kind.label and kind.name and kind.description, kind.key
        assert bool(kind.media_types) == bool(kind.patterns) == (kind.group != LINK), kind.key
        assert all(p.startswith("*.") and p == p.lower() for p in kind.patterns), kind.key


def test_what_is_derived_from_the_table() -> None:
    assert EVIDENCE_KINDS == ("pdf", "jpg", "png", "mp4", "mov", "link")
    assert FILE_KINDS == ("pdf", "jpg", "png", "mp4", "mov")
    assert KIND_BY_MEDIA_TYPE["image/jpeg"] == "jpg" and "link" not in KIND_BY_MEDIA_TYPE.values()
    assert kinds_of_group(IMAGE) == ("jpg", "png") and kinds_of_group(VIDEO) == ("mp4", "mov")
    assert KIND["link"].label == "tautan" and KIND["jpg"].name == "JPG/JPEG"


def test_file_dialog_patterns_follow_the_accepted_kinds() -> None:
    assert file_patterns(("pdf", "jpg", "link")) == "*.pdf *.jpg *.jpeg"
    assert file_patterns(("link",)) == ""

