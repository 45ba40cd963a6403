"""The dossier marks evidence whose type, read from the document, fits the chosen level, and its readiness
page lists what the document says against the claim."""

from __future__ import annotations

import dataclasses

from inovasi_desktop.domain.heading import DocumentHeading, squash
from inovasi_desktop.export.dossier import build_dossier


def test_confirmed_type_is_marked_and_a_wrong_type_is_listed(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    regulasi = source.innovation.answers[1]
    level = regulasi.level
    confirmed = {1: "kep_pd", 2: "perkada", 3: "perda"}[level]
    first = next(item for item in regulasi.evidence if item.sha256)
    text = squash(source.innovation.name)
    readings = {first.sha256: DocumentHeading(doc_type=confirmed, squashed=text)}
    for item in source.innovation.all_evidence():
        if item.sha256 and item.sha256 not in readings:  # the others read as reports naming the innovation
            readings[item.sha256] = DocumentHeading(doc_type="laporan", squashed=text)
    out = tmp_path / "keluar"
    out.mkdir()
    texts = samples.page_texts(build_dossier(dataclasses.replace(source, readings=readings),
                                             out / "berkas.pdf").path)
    whole = " ".join(texts)
    assert "Jenis dokumen sesuai tingkat, dibaca dari dokumen" in whole
    assert whole.count("Jenis dokumen sesuai tingkat") == 1
    # Budget documents (indicator 3) read as reports support no level there: listed on the readiness page.
    assert "B. Temuan tentang isi bukti dukung" in whole
    assert "(indikator 3): dokumen terbaca sebagai Laporan, yang tidak mendukung tingkat mana pun" in whole
