"""The shipped example innovation is complete and agrees with the IID 2026 catalogue it is pinned to."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from inovasi_desktop.catalogue import check_value, load_catalogue
from inovasi_desktop.export.interchange import dumps, innovation_from_dict, loads, read_document
from inovasi_desktop.rules.context import CheckContext
from inovasi_desktop.rules.readiness import check

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"
CATALOGUE = load_catalogue(ROOT / "forms" / "iid-2026.toml")
TEXT = EXAMPLE.read_text(encoding="utf-8")
DOCUMENT = read_document(TEXT)
INNOVATION = DOCUMENT.innovation
PROFILE = INNOVATION.profile


def test_example_is_written_in_canonical_form() -> None:
    assert dumps(INNOVATION, DOCUMENT.files) == TEXT


def test_example_is_marked_as_an_example() -> None:
    assert INNOVATION.name.startswith("(Contoh) ")


def test_every_document_names_its_file_beside_the_example_and_every_file_there_is_used() -> None:
    documents = [item for item in INNOVATION.all_evidence() if item.link is None]
    assert set(DOCUMENT.files) == {item.id for item in documents}
    named = set(DOCUMENT.files.values())
    assert named == {f"bukti/{p.name}" for p in (EXAMPLE.parent / "bukti").iterdir()}


def test_example_is_pinned_to_the_catalogue() -> None:
    assert INNOVATION.catalogue_id == CATALOGUE.id


def test_every_profile_field_is_filled_and_no_other_key_is_present() -> None:
    keys = {f.key for f in CATALOGUE.fields if f.type != "attachment"}
    assert set(PROFILE) == keys
    for key, value in PROFILE.items():
        assert value not in ("", [], {}, None), key


def test_values_have_the_shape_of_their_field_type() -> None:
    for key, value in innovation_from_dict(json.loads(TEXT)).profile.items():
        assert check_value(CATALOGUE.field(key), value).ok, key


def test_choice_values_are_catalogue_options_verbatim() -> None:
    for f in CATALOGUE.fields:
        if f.type == "choice":
            assert PROFILE[f.key] in f.options, f.key
        elif f.type == "multi_choice":
            assert set(PROFILE[f.key]) <= set(f.options), f.key


def test_urusan_beririsan_does_not_repeat_urusan_utama() -> None:
    assert PROFILE["urusan_utama"] not in PROFILE["urusan_beririsan"]


def test_rancang_bangun_has_every_part_and_380_to_450_words() -> None:
    field = CATALOGUE.field("rancang_bangun")
    parts = PROFILE["rancang_bangun"]
    assert set(parts) == {p.key for p in field.parts}
    words = sum(len(text.split()) for text in parts.values())
    assert 380 <= words <= 450
    assert all(len(text.split()) >= 40 for text in parts.values())


@pytest.mark.parametrize("key", ["tujuan", "manfaat", "hasil"])
def test_tujuan_manfaat_hasil_are_solid_paragraphs(key: str) -> None:
    assert len(PROFILE[key].split()) >= 50


def test_dates_tell_a_consistent_story_inside_the_window() -> None:
    uji_coba, penerapan, pengembangan = (date.fromisoformat(PROFILE[k]) for k in
                                         ("waktu_uji_coba", "waktu_penerapan", "waktu_pengembangan"))
    assert uji_coba.year == penerapan.year == 2024 and pengembangan.year == 2025
    assert uji_coba <= penerapan < pengembangan
    assert CATALOGUE.window.start <= penerapan <= CATALOGUE.window.end
    assert PROFILE["ada_pengembangan"] == "Ya"


def test_coordinates_lie_in_kabupaten_mojokerto() -> None:
    # A generous box around the regency (about 7.3-7.8 S, 112.3-112.7 E).
    assert -7.8 <= PROFILE["koordinat"]["lat"] <= -7.3
    assert 112.3 <= PROFILE["koordinat"]["lon"] <= 112.7


def test_all_indicators_are_answered_with_catalogue_levels() -> None:
    assert sorted(INNOVATION.answers) == [i.number for i in CATALOGUE.indicators]
    for indicator in CATALOGUE.indicators:
        answer = INNOVATION.answers[indicator.number]
        assert indicator.level(answer.level) is not None, indicator.number
        if indicator.bases:
            assert indicator.basis(answer.basis) is not None, indicator.number
        else:
            assert answer.basis is None, indicator.number


def test_kemanfaatan_is_measured_by_number_of_people() -> None:
    assert INNOVATION.answers[18].basis == "a"


def test_evidence_is_described_dated_and_inside_its_period() -> None:
    for indicator in CATALOGUE.indicators:
        evidence = INNOVATION.answers[indicator.number].evidence
        assert 1 <= len(evidence) <= 2, indicator.number
        first, last = CATALOGUE.evidence_period(indicator)
        for item in evidence:
            assert item.nomor.strip() and item.tentang.strip(), indicator.number
            assert item.tanggal is not None and 2024 <= item.tanggal.year <= 2026, indicator.number
            assert first <= item.tanggal <= last, indicator.number
            assert item.sha256 is None  # the files sit beside the example; importing stores them


def test_only_the_video_indicator_has_a_link_and_it_accepts_links() -> None:
    linked = {n for n, a in INNOVATION.answers.items() if any(e.link for e in a.evidence)}
    assert linked == {20}
    assert "link" in CATALOGUE.indicator(20).accepts
    assert all(e.link.startswith("https://") for e in INNOVATION.answers[20].evidence)


def test_evidence_ids_are_unique() -> None:
    ids = [e.id for e in INNOVATION.all_evidence()]
    assert len(ids) == len(set(ids))


def test_readiness_finds_nothing_to_fix_once_files_are_attached() -> None:
    # Evidence files come with the evidence store; stand in a PDF for every document that is not a link.
    innovation = loads(TEXT)
    for item in innovation.all_evidence():
        if item.link is None:
            item.sha256 = hashlib.sha256(item.id.encode()).hexdigest()
            item.file_name, item.size, item.media_type = "bukti.pdf", 150_000, "application/pdf"
    reporting_period = CheckContext(today=date(2026, 6, 30), pemda="Kabupaten Mojokerto")
    assert check(CATALOGUE, innovation, reporting_period) == []


def test_without_files_readiness_complains_only_about_indicators() -> None:
    findings = check(CATALOGUE, INNOVATION)
    assert findings and all(f.indicator_number is not None for f in findings)
