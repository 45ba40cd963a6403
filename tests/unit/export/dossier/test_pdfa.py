"""PDF/A-2b identification is claimed only when every font of the finished file is embedded."""

from __future__ import annotations

from dataclasses import replace

import pikepdf


def pdfa_marks(path):
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        return meta.get("pdfaid:part"), meta.get("pdfaid:conformance"), "/OutputIntents" in pdf.Root


def test_own_pages_only_are_identified_as_pdfa_2b(tmp_path, samples):
    from inovasi_desktop.export.dossier import build_dossier

    source = samples.sample_input(tmp_path)
    innovation = source.innovation
    for answer in innovation.answers.values():
        answer.evidence = [item for item in answer.evidence if item.is_link]
    innovation.attachments.clear()
    out = tmp_path / "sendiri.pdf"
    build_dossier(replace(source, innovation=innovation), out)
    assert pdfa_marks(out) == ("2", "B", True)


def test_evidence_with_unembedded_fonts_is_not_claimed(tmp_path, samples):
    from inovasi_desktop.export.dossier import build_dossier

    out = tmp_path / "bukti.pdf"
    build_dossier(samples.sample_input(tmp_path), out)  # sample evidence uses reportlab's standard Helvetica
    assert any(not embedded for _, embedded, _ in samples.fonts(out))
    assert pdfa_marks(out) == (None, None, False)
