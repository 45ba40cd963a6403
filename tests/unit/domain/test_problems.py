"""The problem-collecting reader shared by the catalogue loader and the interchange checker."""

from __future__ import annotations

from inovasi_desktop.domain.problems import ProblemReader, describe, key_path, key_problem


def test_paths_quote_keys_that_are_no_identifiers() -> None:
    assert key_path("$.profile", "nama_inovasi") == "$.profile.nama_inovasi"
    assert key_path("$.profile", "nama inovasi") == '$.profile["nama inovasi"]'
    assert key_path("", "scoring") == "scoring"
    assert key_path("", "min-words") == '["min-words"]'


def test_keys_must_be_filled_clean_text() -> None:
    assert key_problem("latar") is None
    assert key_problem("  ") == "nama kunci tidak boleh kosong"
    assert key_problem("la\x07tar") == "berisi karakter yang tidak sah (U+0007) pada posisi 3"


def test_values_are_quoted_short() -> None:
    assert describe("Juli") == '"Juli"' and describe(None) == "null" and describe({}) == "objek"
    assert describe([1]) == "daftar" and len(describe("x" * 100)) == 61


def test_the_reader_collects_every_problem_and_reports_the_first_fifty() -> None:
    reader = ProblemReader()
    assert reader.mapping([], "$.profile") is None
    assert reader.entries({}, "$.answers") == []
    assert reader.entries(["a", "b"], "$.answers") == [("$.answers[0]", "a"), ("$.answers[1]", "b")]
    reader.unknown_keys({"id": 1, "warna": 2}, {"id"}, "")
    assert reader.problems == ["$.profile: harus berupa objek", "$.answers: harus berupa daftar",
                               "warna: kunci tidak dikenal"]
    reader.problem("", "harus berupa tabel")
    assert reader.problems[-1] == "(akar): harus berupa tabel"
    for i in range(60):
        reader.problem(f"x[{i}]", "salah")
    report = reader.report("Dokumen tidak sah")
    assert report.startswith("Dokumen tidak sah:\n  - $.profile: harus berupa objek\n")
    assert report.count("\n  - ") == 50 and report.endswith("\n  ... dan 14 masalah lain")
