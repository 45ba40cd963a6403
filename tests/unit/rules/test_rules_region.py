"""Regional IID estimate against the standard's 2026 constants and its worked example.

iid_standard.yaml, scoring.worked_example_2026: SPD 40, 8 innovations each with SID 80, 5 of the 6
yandas urusan covered -> SID = (8 x 80) / 12 + 8 x 0,38 = 53,33 + 3,04 = 56,37; total 96,37;
IID 38,55 -> Kurang Inovatif. Maximum total 250 = 63 (SPD) + 111 (SID) + 76 (jumlah inovasi).
"""

from __future__ import annotations

import pytest

from inovasi_desktop.catalogue import parse_catalogue
from inovasi_desktop.domain import IndicatorAnswer, Innovation
from inovasi_desktop.rules import estimate_region
from inovasi_desktop.rules.region import predicate_for

# Levels giving SID 80 with the 2026 weights: every indicator at level 2 (2 x 37 = 74), then
# indicator 20 (weight 4) and indicator 2 (weight 2) at level 3 (+4, +2).
LEVELS_80 = {n: 2 for n in range(1, 21)} | {20: 3, 2: 3}
# The six urusan wajib pelayanan dasar, as in the catalogue built by conftest.
YANDAS = ["Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Perumahan Rakyat dan Kawasan Permukiman",
          "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", "Sosial"]
SPD_ROWS = ["1", "2a", "2b", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a", "11b", "12", "13a",
            "13b", "14", "15"]
# SPD 40: every row at level 2 (2 x weight sum 21 = 42), row 12 (weight 2) at level 1.
SPD_40 = {number: 2 for number in SPD_ROWS} | {"12": 1}
SPD_63 = {number: 3 for number in SPD_ROWS}


@pytest.fixture
def make(pdf):
    def innovations(urusan: list[str], levels: dict[int, int] = LEVELS_80) -> list[Innovation]:
        return [Innovation(profile={"urusan_utama": u},
                           answers={n: IndicatorAnswer(n, level=lv, evidence=[pdf()]) for n, lv in levels.items()})
                for u in urusan]
    return innovations


def test_the_test_catalogue_has_the_standards_maxima(weights_2026):
    assert (weights_2026.spd_max, weights_2026.sid_max) == (63, 111)
    assert [row.number for row in weights_2026.spd_indicators] == SPD_ROWS
    assert list(weights_2026.scoring.yandas) == YANDAS


def test_worked_example_of_the_standard(weights_2026, make):
    innovations = make(YANDAS[:5] + ["Pariwisata", "Pariwisata", "Kesehatan"])
    estimate = estimate_region(weights_2026, SPD_40, innovations)
    assert [s.backed for s in estimate.innovation_scores] == [80] * 8
    assert estimate.spd == pytest.approx(40)
    assert (estimate.innovation_count, estimate.divisor) == (8, 12)
    assert estimate.sid_indicators == pytest.approx(53.33, abs=0.005)
    assert estimate.jumlah_inovasi == pytest.approx(3.04)
    assert estimate.sid == pytest.approx(56.37, abs=0.005)
    assert estimate.total == pytest.approx(96.37, abs=0.005)
    assert estimate.iid == 38.55
    assert estimate.predicate == "Kurang Inovatif"
    assert estimate.yandas_covered == tuple(YANDAS[:5]) and estimate.yandas_missing == (YANDAS[5],)
    assert estimate.yandas_met


def test_missing_yandas_loses_the_jumlah_inovasi_score(weights_2026, make):
    four = make(YANDAS[:4] + ["Pariwisata"] * 8)
    five = make(YANDAS[:5] + ["Pariwisata"] * 7)
    without, with_ = estimate_region(weights_2026, SPD_40, four), estimate_region(weights_2026, SPD_40, five)
    assert not without.yandas_met and without.jumlah_inovasi == 0
    assert without.yandas_missing == tuple(YANDAS[4:])
    assert with_.jumlah_inovasi == pytest.approx(12 * 0.38)
    # Twelve innovations fill the divisor: 12 x 80 / 12 = 80 either way.
    assert without.sid_indicators == pytest.approx(80) and with_.sid_indicators == pytest.approx(80)
    assert without.iid == 48.0 and with_.iid == pytest.approx(49.82)  # (40 + 80) / 2.5; (40 + 84.56) / 2.5


def test_fewer_innovations_than_the_divisor_minimum(weights_2026, make):
    estimate = estimate_region(weights_2026, SPD_40, make(YANDAS[:3]))
    assert estimate.divisor == 12
    assert estimate.sid_indicators == pytest.approx(3 * 80 / 12)  # 20, not 80
    assert estimate.jumlah_inovasi == 0  # only 3 yandas can be covered by 3 innovations
    assert estimate.total == pytest.approx(60) and estimate.iid == 24.0


def test_empty_region_cannot_be_assessed(weights_2026):
    estimate = estimate_region(weights_2026, {}, [])
    assert (estimate.spd, estimate.sid, estimate.total, estimate.iid) == (0, 0, 0, 0)
    assert estimate.yandas_missing == tuple(YANDAS)
    assert estimate.predicate == "Tidak Dapat Dinilai"


def test_innovations_above_the_cap_add_nothing_to_jumlah_inovasi(weights_2026, make):
    full = {n: 3 for n in range(1, 21)}
    estimate = estimate_region(weights_2026, SPD_63, make(YANDAS * 40 + ["Sosial"] * 10, full))  # n = 250
    assert (estimate.innovation_count, estimate.divisor, estimate.jumlah_counted) == (250, 250, 200)
    assert estimate.jumlah_inovasi == pytest.approx(76) == pytest.approx(estimate.jumlah_max)
    assert estimate.total == pytest.approx(250)  # 63 + 111 + 76: the standard's maximum
    assert estimate.iid == 100.0 and estimate.predicate == "Sangat Inovatif"


def test_unbacked_or_broken_evidence_scores_nothing(weights_2026, make):
    innovations = make(YANDAS)
    broken = frozenset(item.id for inn in innovations for a in inn.answers.values() for item in a.evidence)
    estimate = estimate_region(weights_2026, SPD_40, innovations, broken)
    assert estimate.sid_sum == 0 and estimate.sid_indicators == 0
    assert estimate.jumlah_inovasi == pytest.approx(6 * 0.38)  # counting innovations needs no evidence


def test_spd_ignores_unknown_rows_and_levels(weights_2026):
    estimate = estimate_region(weights_2026, {"1": 3, "12": 0, "99": 3, "8": 5}, [])
    assert estimate.spd == 3  # row 1 (weight 1) at level 3 only


def test_without_a_yandas_rule_every_innovation_counts(weights_2026_data, make):
    weights_2026_data["scoring"] = {**weights_2026_data["scoring"], "yandas_min": 0, "divisor_min": 10}
    catalogue = parse_catalogue(weights_2026_data)
    estimate = estimate_region(catalogue, {}, make(["Pariwisata"] * 4))
    assert estimate.divisor == 10 and estimate.yandas_met
    assert estimate.jumlah_inovasi == pytest.approx(4 * 0.38)


@pytest.mark.parametrize(("iid", "label"), [
    (100.0, "Sangat Inovatif"), (65.01, "Sangat Inovatif"), (65.0, "Inovatif"), (40.01, "Inovatif"),
    (40.0, "Kurang Inovatif"), (0.01, "Kurang Inovatif"), (0.0, "Tidak Dapat Dinilai")])
def test_predicate_bands_of_2026(weights_2026, iid, label):
    assert predicate_for(weights_2026, iid) == label


def test_claimed_counts_the_answers_whatever_their_evidence(weights_2026, make):
    innovations = make(YANDAS[:5] + ["Pariwisata", "Pariwisata", "Kesehatan"])
    broken = frozenset(item.id for inn in innovations for a in inn.answers.values() for item in a.evidence)
    backed = estimate_region(weights_2026, SPD_40, innovations, broken)
    claimed = estimate_region(weights_2026, SPD_40, innovations, broken, claimed=True)
    assert backed.iid == pytest.approx((40 + 3.04) / 2.5, abs=0.005)  # 17,22: no indicator counts
    assert claimed.iid == 38.55  # the worked example again: every claim counted
