"""Readiness findings on the profile: required fields, limits, dates and the implementation window.

Every test starts from an innovation with no finding and breaks one thing, so each expectation is
the one finding that thing must cause.
"""

from __future__ import annotations

import copy

from inovasi_desktop.catalogue import parse_catalogue
from inovasi_desktop.domain import Innovation, Severity
from inovasi_desktop.rules import CheckContext, check, summarise


def codes(findings):
    return [(f.where, f.code, f.severity) for f in findings]


def test_complete_innovation_has_no_finding(catalogue, innovation, context):
    before = copy.deepcopy(innovation)
    assert check(catalogue, innovation, context) == []
    assert innovation == before  # checking never changes the innovation


def test_empty_innovation_lists_required_visible_fields_in_catalogue_order(catalogue):
    findings = check(catalogue, Innovation(), CheckContext())
    galat = Severity.GALAT
    # Required in the catalogue: judul, daerah (auto), tahap, urusan_utama, mulai_uji, mulai_terap, uraian;
    # tgl_kembang is required too but hidden until dikembangkan = "Ya". Indicator 1 is mandatory.
    assert codes(findings) == [
        ("judul", "field.required", galat), ("daerah", "field.required", galat), ("tahap", "field.required", galat),
        ("urusan_utama", "field.required", galat), ("mulai_uji", "field.required", galat),
        ("mulai_terap", "field.required", galat), ("uraian", "field.required", galat),
        ("indikator:1", "indicator.mandatory", galat),
    ]
    assert findings[0].message == "Judul Inovasi wajib diisi."
    assert "data organisasi" in findings[1].message
    assert findings[-1].indicator_number == 1


def test_auto_field_is_filled_from_the_organisation(catalogue, innovation, context):
    assert check(catalogue, innovation, CheckContext(today=context.today)) != []  # no pemda known
    assert check(catalogue, innovation, context) == []
    innovation.profile["daerah"] = "Kota Malang"  # a stored value also fills it
    assert check(catalogue, innovation, CheckContext(today=context.today)) == []


def test_whitespace_only_text_counts_as_empty(catalogue, innovation, context):
    innovation.profile["judul"] = " \n\t\u00a0"
    assert codes(check(catalogue, innovation, context)) == [("judul", "field.required", Severity.GALAT)]


def test_text_length_limits_are_inclusive(catalogue, innovation, context):
    for ok in ("Abcde", "x" * 40):
        innovation.profile["judul"] = ok
        assert check(catalogue, innovation, context) == []
    innovation.profile["judul"] = "Abcd"
    [short] = check(catalogue, innovation, context)
    assert (short.code, short.severity) == ("field.min_length", Severity.GALAT)
    assert short.message == "Judul Inovasi terlalu pendek: 4 karakter; minimal 5 karakter."
    innovation.profile["judul"] = "y" * 41
    [long] = check(catalogue, innovation, context)
    assert long.code == "field.max_length" and "41 karakter; maksimal 40" in long.message


def test_sectioned_text_counts_words_over_its_parts(catalogue, innovation, context):
    ten = " ".join(["kata"] * 10)
    innovation.profile["uraian"] = {"latar": ten, "cara": ten, "hasil": "baik", "lain": ten * 5}
    assert check(catalogue, innovation, context) == []  # 21 words; the unknown part "lain" is ignored
    innovation.profile["uraian"] = {"latar": ten, "cara": " ".join(["kata"] * 8), "hasil": "baik"}
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code, finding.severity) == ("uraian", "field.min_words", Severity.GALAT)
    assert finding.message == "Uraian baru 19 kata; minimal 20 kata."


def test_rancang_bangun_message_gives_count_and_minimum(catalogue_data, innovation, context):
    field = next(f for f in catalogue_data["fields"] if f["key"] == "uraian")
    field.update(label="Rancang bangun", min_words=300)
    catalogue = parse_catalogue(catalogue_data)
    innovation.profile["uraian"] = {"latar": "kata " * 200, "cara": "langkah-langkah " * 11, "hasil": "satu"}
    [finding] = check(catalogue, innovation, context)
    assert finding.message == "Rancang bangun baru 212 kata; minimal 300 kata."


def test_each_empty_part_is_a_warning_and_a_fully_empty_text_only_an_error(catalogue, innovation, context):
    innovation.profile["uraian"] = {"latar": " ".join(["kata"] * 30), "cara": "  "}
    findings = check(catalogue, innovation, context)
    assert codes(findings) == [("uraian", "field.part_empty", Severity.PERINGATAN)] * 2
    assert [f.message for f in findings] == ['Bagian "Cara kerja" pada Uraian masih kosong.',
                                             'Bagian "Hasil" pada Uraian masih kosong.']
    innovation.profile["uraian"] = {"latar": "", "cara": "", "hasil": ""}
    assert codes(check(catalogue, innovation, context)) == [("uraian", "field.required", Severity.GALAT)]


def test_invalid_dates_are_errors(catalogue, innovation, context):
    for bad in ("2024-02-30", "01/02/2024", "2024-2-1", "besok"):
        innovation.profile["mulai_uji"] = bad
        [finding] = check(catalogue, innovation, context)
        assert (finding.where, finding.code, finding.severity) == ("mulai_uji", "field.date_invalid", Severity.GALAT)
        assert bad in finding.message


def test_date_may_not_be_after_its_not_after_field(catalogue, innovation, context):
    innovation.profile["mulai_uji"] = innovation.profile["mulai_terap"]  # same day is allowed
    assert check(catalogue, innovation, context) == []
    innovation.profile["mulai_uji"] = "2024-06-02"
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code, finding.severity) == ("mulai_uji", "field.date_order", Severity.GALAT)
    assert finding.message == "Mulai Uji Coba (2 Juni 2024) tidak boleh setelah Mulai Penerapan (1 Juni 2024)."


def test_future_dates_are_warnings_only_when_today_is_known(catalogue, innovation, context):
    innovation.profile["mulai_uji"] = "2026-06-02"  # one day after context.today
    innovation.profile["mulai_terap"] = "2026-06-02"
    innovation.profile.update(dikembangkan="Ya", tgl_kembang="2025-01-10")  # keeps the window satisfied
    findings = check(catalogue, innovation, context)
    assert codes(findings) == [("mulai_uji", "field.date_future", Severity.PERINGATAN),
                               ("mulai_terap", "field.date_future", Severity.PERINGATAN)]
    assert "2 Juni 2026" in findings[0].message
    assert check(catalogue, innovation, CheckContext(pemda="X")) == []


def test_implementation_window_is_inclusive(catalogue, innovation, context):
    for inside in ("2024-01-01", "2025-12-31"):
        innovation.profile.update(mulai_uji=inside, mulai_terap=inside)
        assert check(catalogue, innovation, context) == []
    for outside in ("2023-12-31", "2026-01-01"):
        innovation.profile.update(mulai_uji=outside, mulai_terap=outside)
        assert codes(check(catalogue, innovation, context)) == [("mulai_terap", "window.outside", Severity.GALAT)]


def test_window_message_names_the_period_and_how_to_use_the_alternative(catalogue, innovation, context):
    innovation.profile.update(mulai_uji="2023-01-05", mulai_terap="2023-03-03")
    [finding] = check(catalogue, innovation, context)
    assert finding.message.startswith(
        "Mulai Penerapan (3 Maret 2023) berada di luar periode penerapan 1 Januari 2024 s.d. 31 Desember 2025.")
    assert 'isi Tanggal Pengembangan (pilih "Ya" pada Ada Pengembangan)' in finding.message


def test_a_visible_alternative_date_inside_the_window_satisfies_it(catalogue, innovation, context):
    innovation.profile.update(mulai_uji="2022-01-05", mulai_terap="2022-03-03", dikembangkan="Ya",
                              tgl_kembang="2025-02-01")
    assert check(catalogue, innovation, context) == []
    innovation.profile["dikembangkan"] = "Tidak"  # hidden: the alternative no longer counts
    assert codes(check(catalogue, innovation, context)) == [("mulai_terap", "window.outside", Severity.GALAT)]
    innovation.profile.update(dikembangkan="Ya", tgl_kembang="2021-07-01")
    [finding] = check(catalogue, innovation, context)
    assert "Tanggal Pengembangan (1 Juli 2021) juga di luar periode tersebut." in finding.message


def test_window_follows_the_catalogue_date_field(catalogue_data, innovation, context):
    catalogue_data["window"]["date_field"] = "mulai_uji"
    catalogue = parse_catalogue(catalogue_data)
    innovation.profile.update(mulai_uji="2023-06-01", mulai_terap="2024-06-01")
    assert codes(check(catalogue, innovation, context)) == [("mulai_uji", "window.outside", Severity.GALAT)]


def test_findings_follow_catalogue_order_with_window_after_its_date_field(catalogue, innovation, context):
    innovation.profile.update(mulai_terap="2023-03-03", mulai_uji="2023-01-01", dikembangkan="Mungkin", judul="A")
    innovation.answers.clear()
    assert [(f.where, f.code) for f in check(catalogue, innovation, context)] == [
        ("judul", "field.min_length"), ("mulai_terap", "window.outside"), ("dikembangkan", "field.option_unknown"),
        ("indikator:1", "indicator.mandatory")]


def test_hidden_fields_are_not_checked(catalogue, innovation, context):
    innovation.profile.update(dikembangkan="Tidak", tgl_kembang="bukan tanggal")
    assert check(catalogue, innovation, context) == []
    innovation.profile["dikembangkan"] = "Ya"
    assert codes(check(catalogue, innovation, context)) == [("tgl_kembang", "field.date_invalid", Severity.GALAT)]
    innovation.profile["tgl_kembang"] = ""
    assert codes(check(catalogue, innovation, context)) == [("tgl_kembang", "field.required", Severity.GALAT)]


def test_options_must_come_from_the_catalogue(catalogue, innovation, context):
    innovation.profile["urusan_lain"] = ["Sosial", "Antariksa"]
    [finding] = check(catalogue, innovation, context)
    assert (finding.where, finding.code) == ("urusan_lain", "field.option_unknown")
    assert '"Antariksa"' in finding.message


def test_coordinates_must_be_on_earth(catalogue, innovation, context):
    innovation.profile["lokasi"] = {"lat": -95.0, "lon": 112.4}
    assert codes(check(catalogue, innovation, context)) == [("lokasi", "field.coordinates_invalid", Severity.GALAT)]
    innovation.profile["lokasi"] = {"lat": 90, "lon": -180}
    assert check(catalogue, innovation, context) == []
    innovation.profile["lokasi"] = {"lat": -7.4}  # a half is kept and reported, as the interchange refuses it
    assert codes(check(catalogue, innovation, context)) == [("lokasi", "field.coordinates_invalid", Severity.GALAT)]
    innovation.profile["lokasi"] = {"lat": None, "lon": None}  # no half: empty; the field is optional
    assert check(catalogue, innovation, context) == []


def test_attachment_items_of_other_kinds_or_broken_do_not_count(catalogue_data, innovation, context, pdf):
    next(f for f in catalogue_data["fields"] if f["key"] == "dana")["required"] = True
    catalogue = parse_catalogue(catalogue_data)
    innovation.attachments["dana"] = [pdf(id="png", media_type="image/png", tentang="Foto DPA")]
    assert codes(check(catalogue, innovation, context)) == [
        ("dana", "field.required", Severity.GALAT), ("dana", "evidence.kind", Severity.PERINGATAN)]
    innovation.attachments["dana"].append(pdf(id="rusak"))
    broken = CheckContext(today=context.today, pemda=context.pemda, invalid_evidence=frozenset({"rusak"}))
    assert [f.code for f in check(catalogue, innovation, broken)] == ["field.required", "evidence.kind",
                                                                      "evidence.invalid"]
    assert [f.code for f in check(catalogue, innovation, context)] == ["evidence.kind"]


def test_summary_of_a_complete_innovation(catalogue, innovation, context):
    readiness = summarise(catalogue, innovation, context)
    assert readiness.ready and readiness.errors == readiness.warnings == 0
    assert (readiness.answered, readiness.evidenced, readiness.total) == (3, 3, 3)
    assert readiness.label == "3/3 indikator berbukti, tanpa galat"
