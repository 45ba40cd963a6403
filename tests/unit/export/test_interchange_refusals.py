"""Every way a document is refused: each with an Indonesian message that names where the problem is."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from inovasi_desktop.domain.errors import InovasiError, InterchangeError
from inovasi_desktop.domain.model import EvidenceItem, Innovation
from inovasi_desktop.export.interchange import MAX_DOCUMENT_BYTES, dumps, innovation_from_dict, loads

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "contoh-inovasi.json"
BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def doc() -> dict:
    """A valid document to spoil, fresh for each test."""
    return copy.deepcopy(BASE)


def refusal(data) -> str:
    with pytest.raises(InterchangeError) as caught:
        innovation_from_dict(data)
    return str(caught.value)


def test_the_base_document_is_accepted(doc: dict) -> None:
    assert innovation_from_dict(doc).catalogue_id == "iid-2026"


def test_interchange_error_is_an_expected_error() -> None:
    assert issubclass(InterchangeError, InovasiError)


# -- what the document is

@pytest.mark.parametrize("data", [[], "teks", 3, None, True, [BASE]])
def test_top_level_must_be_an_object(data) -> None:
    assert "harus satu objek JSON" in refusal(data)


@pytest.mark.parametrize("fmt", ["inovasi-desktop/organisation", "INOVASI-DESKTOP/INNOVATION", "", 1, None])
def test_unknown_format_is_refused(doc: dict, fmt) -> None:
    doc["format"] = fmt
    message = refusal(doc)
    assert "bukan dokumen inovasi" in message and json.dumps(fmt) in message


def test_missing_format_is_refused(doc: dict) -> None:
    del doc["format"]
    assert 'tanpa kunci "format"' in refusal(doc)


@pytest.mark.parametrize("version", [2, 17])
def test_newer_version_asks_for_a_newer_app(doc: dict, version: int) -> None:
    doc["version"] = version
    message = refusal(doc)
    assert "dibuat oleh versi aplikasi yang lebih baru" in message and f"versi {version}" in message


@pytest.mark.parametrize("version", [0, -1, "1", 1.0, True, None])
def test_version_other_than_a_known_integer_is_refused(doc: dict, version) -> None:
    doc["version"] = version
    assert "Versi format dokumen inovasi tidak dikenal" in refusal(doc)


def test_missing_version_is_refused(doc: dict) -> None:
    del doc["version"]
    assert "Versi format dokumen inovasi tidak dikenal" in refusal(doc)


# -- keys and types

def test_unknown_and_missing_keys_are_named(doc: dict) -> None:
    doc["komentar"] = "x"
    del doc["attachments"]
    del doc["answers"][0]["notes"]
    doc["answers"][0]["evidence"][0]["halaman"] = 3
    message = refusal(doc)
    assert "$.komentar: kunci tidak dikenal" in message
    assert "$.attachments: wajib ada" in message
    assert "$.answers[0].notes: wajib ada" in message
    assert "$.answers[0].evidence[0].halaman: kunci tidak dikenal" in message


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("profile",), [], "$.profile: harus berupa objek"),
    (("answers",), {}, "$.answers: harus berupa daftar"),
    (("attachments", "anggaran"), {}, "$.attachments.anggaran: harus berupa daftar"),
    (("catalogue_id",), 2026, "$.catalogue_id: harus berupa teks"),
    (("catalogue_id",), "  ", "$.catalogue_id: tidak boleh kosong"),
    (("id",), "INOVASI-1", "$.id: harus UUID"),
    (("id",), "7DFCF349-4F1C-5891-8D5C-A2037AC54B78", "$.id: harus UUID"),
    (("answers", 0), "jawaban", "$.answers[0]: harus berupa objek"),
    (("answers", 0, "number"), "1", "$.answers[0].number: harus bilangan bulat"),
    (("answers", 0, "number"), 1.0, "$.answers[0].number: harus bilangan bulat"),
    (("answers", 0, "number"), 0, "$.answers[0].number: harus bilangan bulat paling kecil 1"),
    (("answers", 0, "notes"), None, "$.answers[0].notes: harus berupa teks"),
    (("answers", 0, "basis"), 1, "$.answers[0].basis: harus berupa teks"),
    (("answers", 0, "evidence"), None, "$.answers[0].evidence: harus berupa daftar"),
    (("answers", 1, "evidence", 0, "nomor"), 188, "$.answers[1].evidence[0].nomor: harus berupa teks"),
    (("answers", 1, "evidence", 0, "file"), "surat.pdf", "$.answers[1].evidence[0].file: harus berupa objek"),
    (("answers", 19, "evidence", 0, "link"), "youtube.com/watch?v=1", "$.answers[19].evidence[0].link: harus alamat"),
    (("answers", 19, "evidence", 0, "link"), "ftp://contoh.id/v.mp4", "$.answers[19].evidence[0].link: harus alamat"),
    (("answers", 19, "evidence", 0, "link"), "https://contoh.id/a b", "$.answers[19].evidence[0].link: harus alamat"),
    (("profile", "urusan_beririsan"), ["Sosial", 3], "$.profile.urusan_beririsan[1]: harus berupa teks"),
    (("profile", "urusan_beririsan"), ["Sosial", "Sosial"], "$.profile.urusan_beririsan[1]: nilai \"Sosial\""),
    (("profile", "rancang_bangun", "cara_kerja"), ["a"], "$.profile.rancang_bangun.cara_kerja: harus berupa teks"),
    (("profile", "nama_inovasi"), 12, "$.profile.nama_inovasi: harus teks, daftar teks"),
    (("profile", "nama_inovasi"), None, "$.profile.nama_inovasi: harus teks, daftar teks"),
    (("profile", "nama_inovasi"), "SI\x00PANTAU", "$.profile.nama_inovasi: berisi karakter yang tidak sah (U+0000)"),
    (("profile", "tujuan"), "a\ud800b", "$.profile.tujuan: berisi karakter yang tidak sah (U+D800) pada posisi 2"),
    (("profile", "koordinat"), {"lat": -95.0, "lon": 112.4}, "$.profile.koordinat.lat: harus bilangan antara -90"),
    (("profile", "koordinat"), {"lat": -7.5, "lon": 181}, "$.profile.koordinat.lon: harus bilangan antara -180"),
    (("profile", "koordinat"), {"lat": -7.5, "lon": True}, "$.profile.koordinat.lon: harus bilangan"),
    (("profile", "koordinat"), {"lat": -7.5, "lon": float("nan")}, "$.profile.koordinat.lon: harus bilangan"),
])
def test_wrong_values_are_named_by_path(doc: dict, path: tuple, value, expected: str) -> None:
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert expected in refusal(doc)


def test_odd_profile_keys_are_quoted_in_the_path(doc: dict) -> None:
    doc["profile"]["nama inovasi lama"] = 5
    assert '$.profile["nama inovasi lama"]: harus teks' in refusal(doc)


def test_empty_profile_key_is_refused(doc: dict) -> None:
    doc["profile"][" "] = "x"
    assert 'tidak boleh kosong' in refusal(doc)


@pytest.mark.parametrize(("field", "value"), [
    ("sha256", "ABC"), ("sha256", "A" * 64), ("size", -1), ("size", 1.5), ("name", ""), ("name", "../../etc/passwd"),
    ("media_type", "PDF"), ("media_type", "application"),
])
def test_stored_file_metadata_is_checked(doc: dict, field: str, value) -> None:
    stored = {"sha256": "ab" * 32, "name": "perbup.pdf", "size": 1024, "media_type": "application/pdf"}
    doc["answers"][0]["evidence"][0]["file"] = stored
    assert innovation_from_dict(copy.deepcopy(doc)).answers[1].evidence[0].size == 1024
    stored[field] = value
    assert f"$.answers[0].evidence[0].file.{field}: " in refusal(doc)


# -- dates and times

@pytest.mark.parametrize("value", ["2024-02-30", "2025-13-01", "20240101", "14-06-2024", "2024-6-14",
                                   "2024-06-14T00:00", "٢٠٢٤-٠٦-١٤", 20240614])
def test_bad_evidence_dates_are_refused(doc: dict, value) -> None:
    doc["answers"][0]["evidence"][0]["tanggal"] = value
    assert "$.answers[0].evidence[0].tanggal: harus tanggal yang sah berbentuk TTTT-BB-HH" in refusal(doc)


@pytest.mark.parametrize("value", ["2024-02-30", "2024-00-10"])
def test_date_shaped_profile_text_must_be_a_real_date(doc: dict, value: str) -> None:
    doc["profile"]["waktu_penerapan"] = value
    assert f'$.profile.waktu_penerapan: harus tanggal yang sah berbentuk TTTT-BB-HH, bukan "{value}"' in refusal(doc)


@pytest.mark.parametrize("value", ["2026-05-12T02:30:00", "2026-05-12T09:30:00+07:00", "2026-05-12 02:30:00Z",
                                   "2026-05-12", "2026-02-30T02:30:00Z", "2026-05-12T02:30:00.1234567Z", 1778553000])
def test_timestamps_must_be_utc_iso(doc: dict, value) -> None:
    doc["created_at"] = value
    assert "$.created_at: harus waktu UTC yang sah" in refusal(doc)


def test_timestamp_with_plus_zero_offset_is_accepted(doc: dict) -> None:
    doc["updated_at"] = "2026-11-20T07:45:00+00:00"
    assert innovation_from_dict(doc).updated_at.isoformat() == "2026-11-20T07:45:00+00:00"


# -- answers

def test_duplicate_indicator_numbers_are_refused(doc: dict) -> None:
    doc["answers"][5]["number"] = 3
    assert "$.answers[5].number: nomor indikator 3 sudah dipakai di $.answers[2]" in refusal(doc)


@pytest.mark.parametrize("level", [0, 4, -1, "2", 2.0, True, [2]])
def test_level_outside_one_to_three_is_refused(doc: dict, level) -> None:
    doc["answers"][0]["level"] = level
    assert "$.answers[0].level: harus 1, 2, 3, atau null" in refusal(doc)


def test_level_null_is_accepted(doc: dict) -> None:
    doc["answers"][0]["level"] = None
    assert innovation_from_dict(doc).answers[1].level is None


def test_every_problem_is_reported_at_once(doc: dict) -> None:
    for answer in doc["answers"]:
        answer["level"] = 9
    message = refusal(doc)
    assert message.count("harus 1, 2, 3, atau null") == 20
    assert message.startswith("Dokumen inovasi tidak sah:\n")


# -- text input

def test_invalid_json_names_line_and_column() -> None:
    text = '{\n  "format": "inovasi-desktop/innovation",\n  "version": 1\n  "id": "x"\n}'
    with pytest.raises(InterchangeError, match=r"bukan JSON yang sah: tanda koma tidak ada \(baris 4, kolom 3\)"):
        loads(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("", "baris 1, kolom 1"),
    ('{"a": 1} x', "ada data lain"),
    ('{"format": NaN}', "nilai NaN tidak diperbolehkan"),
    ('{"format": -Infinity}', "nilai -Infinity tidak diperbolehkan"),
    ('{"version": 1, "version": 2}', 'kunci "version" muncul lebih dari sekali'),
    ("[" * 100_000, "bersarang terlalu dalam"),
    ('{"version": ' + "9" * 5000 + "}", "angka yang terlalu panjang"),
])
def test_malformed_text_is_refused(text: str, expected: str) -> None:
    with pytest.raises(InterchangeError, match=expected.replace("(", r"\(")):
        loads(text)


def test_bytes_must_be_utf8() -> None:
    with pytest.raises(InterchangeError, match=r"bukan teks UTF-8 yang sah \(bita ke-14\)"):
        loads(b'{"format": "x\xff"}')


def test_utf8_bom_is_accepted() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert loads(b"\xef\xbb\xbf" + text.encode("utf-8")) == loads(text)


def test_huge_input_is_refused_before_parsing() -> None:
    huge = " " * (MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InterchangeError, match="terlalu besar.*batasnya 50 MB"):
        loads(huge)
    with pytest.raises(InterchangeError, match="terlalu besar"):
        loads(huge.encode("ascii"))


def test_size_limit_counts_utf8_bytes_not_characters() -> None:
    # Four-byte characters: under the limit counted as characters, over it counted as UTF-8 bytes.
    count = MAX_DOCUMENT_BYTES // 4 + 1000
    with pytest.raises(InterchangeError, match="terlalu besar"):
        loads('"' + "😀" * count + '"')


def test_input_just_under_the_limit_is_parsed() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    padded = text + " " * (MAX_DOCUMENT_BYTES - len(text.encode("utf-8")))
    assert loads(padded).id == BASE["id"]


# -- writing refuses what could not be read back

def test_dumps_refuses_an_innovation_it_could_not_read_back() -> None:
    innovation = Innovation(catalogue_id="iid-2026", profile={"tujuan": "a\x07b"})
    innovation.answer(4).level = 5
    innovation.answer(4).evidence.append(EvidenceItem(id="bukan-uuid"))
    with pytest.raises(InterchangeError) as caught:
        dumps(innovation)
    message = str(caught.value)
    assert message.startswith("Inovasi tidak dapat diekspor karena datanya tidak sah:")
    for expected in ["$.profile.tujuan: berisi karakter", "$.answers[0].level", "$.answers[0].evidence[0].id"]:
        assert expected in message
