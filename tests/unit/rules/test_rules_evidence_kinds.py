"""Evidence kinds come from the sniffed media type, links are "link"."""

from __future__ import annotations

import pytest

from inovasi_desktop.domain import EvidenceItem
from inovasi_desktop.rules import counting_evidence, kind_of


@pytest.mark.parametrize(("media_type", "kind"), [
    ("application/pdf", "pdf"), ("image/jpeg", "jpg"), ("image/png", "png"), ("video/mp4", "mp4"),
    ("video/quicktime", "mov"), ("Application/PDF", "pdf"), ("application/pdf; version=1.7", "pdf"),
    ("image/gif", None), ("application/zip", None), ("", None), (None, None),
])
def test_files_by_media_type(media_type, kind):
    assert kind_of(EvidenceItem(sha256="b" * 64, file_name="berkas.pdf", media_type=media_type)) == kind


def test_file_name_does_not_decide_the_kind():
    assert kind_of(EvidenceItem(sha256="b" * 64, file_name="laporan.pdf", media_type="image/png")) == "png"


def test_links():
    assert kind_of(EvidenceItem(link="https://youtu.be/abc")) == "link"
    # A stored file keeps its file kind even if a link was also noted.
    assert kind_of(EvidenceItem(link="https://x.id", sha256="c" * 64, media_type="video/mp4")) == "mp4"


def test_counting_evidence_keeps_order_and_drops_other_kinds_and_broken(pdf, link):
    a, b, c, d = pdf(id="a"), pdf(id="b", media_type="image/png"), link(id="c"), pdf(id="d")
    assert counting_evidence([a, b, c, d], ("pdf", "link")) == [a, c, d]
    assert counting_evidence([a, b, c, d], ("pdf", "link"), frozenset({"a"})) == [c, d]
    assert counting_evidence([a, b, c, d], ()) == []
