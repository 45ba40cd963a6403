"""SID score of one innovation, on a catalogue with the standard's 2026 weights (maximum 111)."""

from __future__ import annotations

from inovasi_desktop.domain import IndicatorAnswer, Innovation
from inovasi_desktop.rules import score_innovation

# iid_standard.yaml: weights 3,2,2,2,1,2,1,1,1,1,1,1,2,1,2,3,2,3,2,4 (sum 37); score = weight x level.


def answered(pdf, levels: dict[int, int], evidenced: set[int]) -> Innovation:
    return Innovation(answers={n: IndicatorAnswer(n, level=lv, evidence=[pdf()] if n in evidenced else [])
                               for n, lv in levels.items()})


def test_maximum_is_the_standards_111(weights_2026, pdf):
    full = answered(pdf, {n: 3 for n in range(1, 21)}, set(range(1, 21)))
    score = score_innovation(weights_2026, full)
    assert score.maximum == 111
    assert score.claimed == score.backed == 111


def test_empty_innovation_scores_zero_with_one_row_per_indicator(weights_2026):
    score = score_innovation(weights_2026, Innovation())
    assert (score.claimed, score.backed) == (0, 0)
    assert [r.number for r in score.rows] == list(range(1, 21))
    assert all(r.level is None and not r.answered for r in score.rows)
    assert score.row(20).maximum == 12 and score.row(5).maximum == 3


def test_only_evidenced_indicators_are_backed(weights_2026, pdf):
    # Regulasi (weight 3) at level 2 with evidence: 6. Kualitas/video (weight 4) at level 3 without: 12 claimed only.
    score = score_innovation(weights_2026, answered(pdf, {1: 2, 20: 3}, {1}))
    assert (score.claimed, score.backed) == (18, 6)
    assert (score.row(1).claimed, score.row(1).backed, score.row(1).level) == (6, 6, 2)
    assert (score.row(20).claimed, score.row(20).backed) == (12, 0)
    assert score.row(20).answered and not score.row(20).evidenced


def test_evidence_of_a_kind_not_accepted_or_broken_does_not_back(weights_2026, pdf):
    innovation = answered(pdf, {1: 3, 2: 3}, set())
    innovation.answers[1].evidence = [pdf(media_type="image/jpeg")]  # indicator accepts PDF only
    innovation.answers[2].evidence = [pdf(id="rusak")]
    assert score_innovation(weights_2026, innovation, frozenset({"rusak"})).backed == 0
    assert score_innovation(weights_2026, innovation).backed == 6  # indicator 2 (weight 2) once not broken


def test_unknown_levels_and_indicators_are_ignored(weights_2026, pdf):
    innovation = answered(pdf, {1: 4, 2: 0, 21: 3}, {1, 2, 21})
    score = score_innovation(weights_2026, innovation)
    assert (score.claimed, score.backed) == (0, 0)
    assert score.row(1).level is None and score.row(21) is None
