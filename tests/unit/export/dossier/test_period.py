"""The dossier's indicator table says which bukti dukung the backed score leaves out for its date."""

from __future__ import annotations

from datetime import date

from inovasi_desktop.export.dossier import build_dossier


def test_evidence_outside_the_period_is_marked_in_the_indicator_table(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    aktor = source.innovation.answers[7]  # "2 tahun terakhir": T-1 and T-2, 2024-2025 for IID 2026
    aktor.evidence[0].tanggal = date(2019, 8, 20)
    out = tmp_path / "keluar"
    out.mkdir()
    texts = samples.page_texts(build_dossier(source, out / "berkas.pdf").path)
    first = next(i for i, t in enumerate(texts) if "INDIKATOR SATUAN INOVASI DAERAH" in t)
    last = next(i for i, t in enumerate(texts) if "Skor SID maksimum" in t)
    table = " ".join(texts[first:last + 1])
    marked = "20 Agustus 2019"
    assert marked in table
    after = table[table.index(marked):]
    assert "Di luar periode 1 Januari 2024 s.d. 31 Desember 2025: tidak dihitung." in after[:400]
    assert table.count("tidak dihitung") == 1  # the other items are inside their periods
    assert "berbukti 0" in table  # its only item left out: the indicator scores 0 backed
