"""The rules on the shipped catalogues iid-2026 and iid-2023 (from forms/, via the shared fixture).

Expected numbers come from the standard (iid_standard.yaml): mandatory indicators, the
implementation windows, the 300-word rancang bangun and the 2026 worked example.
"""

from __future__ import annotations

from datetime import date

import pytest

from inovasi_desktop.domain import EvidenceItem, IndicatorAnswer, Innovation, Severity
from inovasi_desktop.rules import CheckContext, check, estimate_region, summarise

CONTEXT = CheckContext(today=date(2026, 6, 1), pemda="Kabupaten Mojokerto")
PARTS = ("dasar_hukum", "permasalahan", "isu_strategis", "metode_pembaharuan", "keunggulan_kebaharuan", "cara_kerja")


@pytest.fixture
def iid_2026(catalogues):
    return catalogues.get("iid-2026")


@pytest.fixture
def iid_2023(catalogues):
    return catalogues.get("iid-2023")


def evidence_for(indicator) -> EvidenceItem:
    common = {"tanggal": date(2025, 4, 1), "tentang": "Bukti"}
    if "link" in indicator.accepts:
        return EvidenceItem(link="https://example.org/video", **common)
    return EvidenceItem(sha256="d" * 64, file_name="bukti.pdf", media_type="application/pdf", **common)


def answer(catalogue, number: int, level: int) -> IndicatorAnswer:
    indicator = catalogue.indicator(number)
    basis = indicator.bases[0].key if indicator.bases else None
    return IndicatorAnswer(number, level=level, basis=basis, evidence=[evidence_for(indicator)])


def complete_2026(catalogue, urusan: str = "Kesehatan") -> Innovation:
    return Innovation(
        profile={"nama_inovasi": "Layanan Kesehatan Keliling", "tahapan": "Penerapan", "inisiator": "ASN",
                 "nama_inisiator": "dr. Sari", "jenis": "Digital", "bentuk": "Inovasi pelayanan publik",
                 "urusan_utama": urusan, "waktu_uji_coba": "2024-01-15", "waktu_penerapan": "2024-06-01",
                 "rancang_bangun": {part: " ".join(["kata"] * 50) for part in PARTS},
                 "tujuan": "Mendekatkan layanan.", "manfaat": "Warga terlayani.", "hasil": "Kunjungan naik."},
        answers={i.number: answer(catalogue, i.number, 2) for i in catalogue.indicators if i.mandatory})


def test_a_complete_2026_innovation_has_no_finding(iid_2026):
    innovation = complete_2026(iid_2026)
    assert check(iid_2026, innovation, CONTEXT) == []
    assert summarise(iid_2026, innovation, CONTEXT).label == "5/20 indikator berbukti, tanpa galat"


def test_mandatory_indicators_are_the_standards_five(iid_2026):
    # Regulasi, Ketersediaan SDM, Kecepatan penciptaan, Kemanfaatan, Kualitas/Video inovasi.
    mandatory = [f.indicator_number for f in check(iid_2026, Innovation(), CONTEXT) if f.code == "indicator.mandatory"]
    assert mandatory == [1, 2, 17, 18, 20]


def test_rancang_bangun_needs_300_words(iid_2026):
    innovation = complete_2026(iid_2026)
    innovation.profile["rancang_bangun"] = {part: " ".join(["kata"] * 49) for part in PARTS}  # 294
    [finding] = check(iid_2026, innovation, CONTEXT)
    assert (finding.where, finding.severity) == ("rancang_bangun", Severity.GALAT)
    assert finding.message.endswith(" baru 294 kata; minimal 300 kata.")


def test_2026_window_with_development_date(iid_2026):
    innovation = complete_2026(iid_2026)
    innovation.profile.update(waktu_uji_coba="2022-01-10", waktu_penerapan="2023-03-03", ada_pengembangan="Tidak")
    [finding] = check(iid_2026, innovation, CONTEXT)
    assert (finding.where, finding.code) == ("waktu_penerapan", "window.outside")
    assert "1 Januari 2024 s.d. 31 Desember 2025" in finding.message
    innovation.profile.update(ada_pengembangan="Ya", waktu_pengembangan="2025-02-01")
    assert check(iid_2026, innovation, CONTEXT) == []


def test_2023_window_is_2021_to_2022(iid_2023):
    innovation = Innovation(profile={"waktu_uji_coba": "2020-01-01", "waktu_penerapan": "2022-12-31"})
    assert "window.outside" not in [f.code for f in check(iid_2023, innovation, CONTEXT)]
    innovation.profile["waktu_penerapan"] = "2020-12-31"
    [finding] = [f for f in check(iid_2023, innovation, CONTEXT) if f.code == "window.outside"]
    assert "1 Januari 2021 s.d. 31 Desember 2022" in finding.message


def test_kemanfaatan_2026_needs_a_measurement_basis(iid_2026):
    innovation = complete_2026(iid_2026)
    innovation.answers[18].basis = None
    assert [(f.where, f.code) for f in check(iid_2026, innovation, CONTEXT)] == [
        ("indikator:18", "indicator.basis_missing")]
    # Without its basis the level means nothing: scored 0 backed (it was 6 backed before).
    assert summarise(iid_2026, innovation, CONTEXT).score.row(18).backed == 0
    innovation.answers[18].basis = "f"
    assert summarise(iid_2026, innovation, CONTEXT).score.row(18).backed == 6


def test_evidence_all_dated_2019_backs_nothing(iid_2026):
    innovation = complete_2026(iid_2026)
    innovation.answers = {i.number: answer(iid_2026, i.number, 3) for i in iid_2026.indicators}
    assert summarise(iid_2026, innovation, CONTEXT).score.backed == 111
    for a in innovation.answers.values():
        a.evidence[0].tanggal = date(2019, 3, 1)
    readiness = summarise(iid_2026, innovation, CONTEXT)
    assert (readiness.score.claimed, readiness.score.backed, readiness.evidenced) == (111, 0, 0)
    assert readiness.errors == 5  # the five mandatory indicators
    period = [f.message for f in readiness.findings if f.code == "evidence.period"]
    assert len(period) == 20
    assert "di luar periode 1 Januari 2024 s.d. 31 Desember 2025: tidak dihitung." in period[6]  # aktor


def test_last_two_years_indicators_count_t1_and_t2(iid_2026, iid_2023):
    # iid_standard.yaml, evidence_rules.validity_rules: '2 tahun terakhir' / T-1 & T-2 for these.
    for catalogue in (iid_2026, iid_2023):
        for key in ("aktor", "pelaksana", "jejaring", "sosialisasi", "replikasi", "kemanfaatan", "monev"):
            indicator = next(i for i in catalogue.indicators if i.key == key)
            assert indicator.evidence_years == (-2, -1), (catalogue.id, key)
        video = catalogue.indicator(20)
        assert video.evidence_years == (-2, -1)
    aktor = next(i for i in iid_2026.indicators if i.key == "aktor")
    assert iid_2026.evidence_period(aktor) == (date(2024, 1, 1), date(2025, 12, 31))


def test_worked_example_on_the_shipped_2026_catalogue(iid_2026):
    assert (iid_2026.spd_max, iid_2026.sid_max) == (63, 111)
    weight = {i.number: i.weight for i in iid_2026.indicators}
    # Every indicator at level 2 (74), then one weight-4 and one weight-2 indicator at level 3: 80.
    raised = {next(n for n, w in weight.items() if w == 4), next(n for n, w in weight.items() if w == 2)}
    yandas = list(iid_2026.scoring.yandas)
    innovations = []
    for urusan in yandas[:5] + ["Pariwisata"] * 3:
        innovation = complete_2026(iid_2026, urusan)
        innovation.answers = {n: answer(iid_2026, n, 3 if n in raised else 2) for n in weight}
        innovations.append(innovation)
    spd_weight = {row.number: row.weight for row in iid_2026.spd_indicators}
    spd = {n: 2 for n in spd_weight} | {next(n for n, w in spd_weight.items() if w == 2): 1}  # 42 - 2 = 40
    estimate = estimate_region(iid_2026, spd, innovations)
    assert [s.backed for s in estimate.innovation_scores] == [80] * 8
    assert estimate.spd == pytest.approx(40)
    assert estimate.sid == pytest.approx(56.37, abs=0.005)
    assert estimate.total == pytest.approx(96.37, abs=0.005)
    assert (estimate.iid, estimate.predicate) == (38.55, "Kurang Inovatif")
