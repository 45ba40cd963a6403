"""Readiness findings on indicator answers and their bukti dukung, and the readiness summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from inovasi_desktop.catalogue import parse_catalogue
from inovasi_desktop.domain import IndicatorAnswer, Severity
from inovasi_desktop.rules import CheckContext, check, summarise


def found(catalogue, innovation, context):
    return [(f.where, f.code, f.severity) for f in check(catalogue, innovation, context)]


def with_invalid(context, *ids):
    return CheckContext(today=context.today, pemda=context.pemda, invalid_evidence=frozenset(ids))


def test_mandatory_indicator_unanswered_is_an_error_optional_one_is_not(catalogue, innovation, context):
    del innovation.answers[2]  # optional
    assert check(catalogue, innovation, context) == []
    innovation.answers[1].level = None  # mandatory, evidence still attached
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code, finding.severity) == ("indikator:1", "indicator.mandatory", Severity.GALAT)
    assert finding.message == "Indikator 1 (Indikator uji 1) wajib dijawab."


def test_answer_without_evidence_will_score_zero(catalogue, innovation, context):
    innovation.answers[2].evidence.clear()
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code, finding.severity) == ("indikator:2", "indicator.no_evidence",
                                                               Severity.PERINGATAN)
    assert "akan dinilai 0" in finding.message


def test_mandatory_answer_without_evidence_is_an_error(catalogue, innovation, context):
    innovation.answers[1].evidence.clear()  # indicator 1 is mandatory
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code, finding.severity) == ("indikator:1", "indicator.no_evidence", Severity.GALAT)
    assert not summarise(catalogue, innovation, context).ready


def test_evidence_reference_without_file_or_link_does_not_count(catalogue, innovation, context, pdf):
    innovation.answers[2].evidence = [pdf(sha256=None, media_type=None, file_name=None, tentang="SK Tim")]
    findings = check(catalogue, innovation, context)
    assert [(f.code, f.severity) for f in findings] == [("indicator.no_evidence", Severity.PERINGATAN),
                                                        ("evidence.no_file", Severity.PERINGATAN)]
    assert "belum dilampiri berkas atau tautan" in findings[1].message


def test_evidence_of_a_kind_the_indicator_does_not_accept_does_not_count(catalogue, innovation, context, pdf):
    innovation.answers[1].evidence = [pdf(media_type="image/png", file_name="foto.png", tentang="Foto SK")]
    findings = check(catalogue, innovation, context)
    assert [(f.where, f.code, f.severity) for f in findings] == [
        ("indikator:1", "indicator.no_evidence", Severity.GALAT),
        ("indikator:1", "evidence.kind", Severity.PERINGATAN)]
    assert findings[1].message == ('Bukti dukung "Foto SK" (indikator 1) berjenis PNG, sedangkan yang diterima '
                                   "hanya PDF; bukti ini tidak dihitung.")


def test_unrecognised_file_type_does_not_count(catalogue, innovation, context, pdf):
    innovation.answers[1].evidence = [pdf(media_type="application/zip")]
    assert [code for _, code, _ in found(catalogue, innovation, context)] == ["indicator.no_evidence",
                                                                              "evidence.kind"]


def test_broken_evidence_does_not_count(catalogue, innovation, context, pdf):
    item = innovation.answers[1].evidence[0]
    assert found(catalogue, innovation, with_invalid(context, item.id)) == [
        ("indikator:1", "indicator.no_evidence", Severity.GALAT),
        ("indikator:1", "evidence.invalid", Severity.GALAT)]
    innovation.answers[1].evidence.append(pdf(id="baik"))  # a sound second document backs the answer
    assert found(catalogue, innovation, with_invalid(context, item.id)) == [
        ("indikator:1", "evidence.invalid", Severity.GALAT)]  # still a galat: the dossier would carry it


def test_a_lost_stored_file_is_a_galat_even_when_other_evidence_backs_the_answer(catalogue, innovation, context,
                                                                                    pdf):
    item = innovation.answers[1].evidence[0]
    innovation.answers[1].evidence.append(pdf(id="baik"))
    lost = replace(with_invalid(context, item.id), lost_evidence=frozenset({item.id}))
    [finding] = check(catalogue, innovation, lost)
    assert (finding.where, finding.code, finding.severity) == ("indikator:1", "evidence.lost", Severity.GALAT)
    assert "hilang atau berubah" in finding.message and "lampirkan ulang" in finding.message
    assert not summarise(catalogue, innovation, lost).ready


def test_evidence_dated_outside_the_indicator_period_does_not_count(catalogue, innovation, context, pdf):
    # Catalogue year 2026, evidence_years [-2, 0]: 1 January 2024 to 31 December 2026.
    innovation.answers[1].evidence = [pdf(tanggal=date(2024, 1, 1)), pdf(tanggal=date(2026, 12, 31))]
    assert check(catalogue, innovation, context) == []
    innovation.answers[1].evidence = [pdf(tanggal=date(2023, 12, 31), tentang="SK lama")]
    no_evidence, period = check(catalogue, innovation, context)
    assert (period.code, period.severity) == ("evidence.period", Severity.PERINGATAN)
    assert period.message == ('Bukti dukung "SK lama" (indikator 1) bertanggal 31 Desember 2023, di luar periode '
                              "1 Januari 2024 s.d. 31 Desember 2026: tidak dihitung.")
    # Indicator 1 is mandatory: with its only evidence out of period it is not backed, a galat.
    assert (no_evidence.code, no_evidence.severity) == ("indicator.no_evidence", Severity.GALAT)
    readiness = summarise(catalogue, innovation, context)
    assert readiness.score.row(1).backed == 0 and not readiness.ready
    innovation.answers[1].evidence.append(pdf(tanggal=date(2025, 5, 5)))  # one in period is enough
    assert [f.code for f in check(catalogue, innovation, context)] == ["evidence.period"]
    assert summarise(catalogue, innovation, context).score.row(1).backed > 0


def test_evidence_period_follows_the_indicator_years(catalogue_data, innovation, context, pdf):
    catalogue_data["indicators"][0]["evidence_years"] = [0, 0]  # only the assessment year itself
    catalogue = parse_catalogue(catalogue_data)
    assert [code for _, code, _ in found(catalogue, innovation, context)] == [
        "indicator.no_evidence", "evidence.period"]  # dated 2025: not counted
    innovation.answers[1].evidence = [pdf(tanggal=date(2026, 1, 1))]
    assert check(catalogue, innovation, context) == []


def test_evidence_without_date_or_title_is_info_and_still_counts(catalogue, innovation, context, pdf):
    innovation.answers[1].evidence = [pdf(tanggal=None, tentang="", file_name="sk-tim.pdf")]
    [finding] = check(catalogue, innovation, context)
    assert (finding.code, finding.severity) == ("evidence.metadata", Severity.INFO)
    assert finding.message == 'Bukti dukung "sk-tim.pdf" (indikator 1) belum dilengkapi tanggal dan tentang.'
    assert summarise(catalogue, innovation, context).evidenced == 3


def test_indicator_with_bases_needs_a_basis(catalogue, innovation, context):
    for basis in (None, "z"):  # none chosen, or one this catalogue does not offer
        innovation.answers[3].basis = basis
        assert found(catalogue, innovation, context) == [("indikator:3", "indicator.basis_missing", Severity.GALAT)]
        assert "dinilai 0" in check(catalogue, innovation, context)[0].message
        assert summarise(catalogue, innovation, context).score.row(3).backed == 0  # a level without its basis
    innovation.answers[3].basis = "a"
    assert summarise(catalogue, innovation, context).score.row(3).backed > 0
    innovation.answers[3] = IndicatorAnswer(3)  # unanswered optional indicator: nothing to choose yet
    assert check(catalogue, innovation, context) == []


def test_level_not_in_the_catalogue_is_an_error(catalogue, innovation, context):
    innovation.answers[2].level = 4
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code, finding.severity) == ("indikator:2", "indicator.level_unknown",
                                                               Severity.GALAT)


def test_evidence_without_a_level_is_reported(catalogue, innovation, context):
    innovation.answers[2].level = None
    assert found(catalogue, innovation, context) == [("indikator:2", "indicator.unanswered", Severity.INFO)]


def test_answers_to_indicators_the_catalogue_does_not_have_are_ignored(catalogue, innovation, context, pdf):
    innovation.answers[99] = IndicatorAnswer(99, level=3, evidence=[pdf(media_type="image/gif")])
    assert check(catalogue, innovation, context) == []


def test_indicator_findings_come_in_indicator_order_after_the_profile(catalogue, innovation, context, pdf):
    innovation.answers[3].evidence = [pdf(id="x3", tentang="")]  # PDF not accepted by 3; no tentang (info)
    innovation.answers[1].evidence.clear()
    innovation.profile["judul"] = ""
    assert [(f.where, f.code) for f in check(catalogue, innovation, context)] == [
        ("judul", "field.required"), ("indikator:1", "indicator.no_evidence"),
        ("indikator:3", "indicator.no_evidence"), ("indikator:3", "evidence.kind"),
        ("indikator:3", "evidence.metadata")]


def test_summary_counts_and_label(catalogue, innovation, context):
    innovation.answers[1].evidence.clear()  # mandatory, answered, not evidenced: galat
    innovation.answers[3].basis = None  # galat, and no backed score without its basis
    innovation.answers[2].level = None  # unanswered; its evidence gives an info finding
    innovation.profile["judul"] = ""  # galat
    readiness = summarise(catalogue, innovation, context)
    assert (readiness.errors, readiness.warnings) == (3, 0)
    assert (readiness.answered, readiness.evidenced, readiness.total) == (2, 0, 3)
    assert not readiness.ready
    assert readiness.label == "0/3 indikator berbukti, 3 galat"
    assert list(readiness.findings) == check(catalogue, innovation, context)


def test_summary_ignores_broken_evidence(catalogue, innovation, context):
    broken = with_invalid(context, innovation.answers[1].evidence[0].id)
    readiness = summarise(catalogue, innovation, broken)
    assert (readiness.evidenced, readiness.errors, readiness.warnings) == (2, 2, 0)  # mandatory 1 now unbacked
    assert not readiness.ready  # a mandatory indicator without counting evidence blocks
    assert readiness.score.row(1).backed == 0
