"""One validator per field type: what fits, what is empty, what is kept and reported, what is left out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inovasi_desktop.catalogue import FIELD_TYPES, check_value
from inovasi_desktop.catalogue.field_values import VALIDATORS, check_shape
from inovasi_desktop.catalogue.model import ProfileField, TextPart


def field(type_: str, **extra) -> ProfileField:
    return ProfileField(key="isian", label="Isian", type=type_, step="profil", **extra)


CHOICE = field("choice", options=("Ya", "Tidak"))
MULTI = field("multi_choice", options=("Pendidikan", "Kesehatan", "Sosial"))
SECTIONS = field("sectioned_text", parts=(TextPart("latar", "Latar"), TextPart("cara", "Cara")))


def verdict(checked) -> list[tuple[str, str, bool]]:
    return [(p.where, p.code, p.kept) for p in checked.problems]


def test_every_field_type_has_a_validator_and_the_types_are_its_table() -> None:
    assert FIELD_TYPES == tuple(VALIDATORS)
    assert {"text", "choice", "multi_choice", "date", "coordinates", "sectioned_text", "attachment"} <= set(FIELD_TYPES)


@pytest.mark.parametrize("type_", ["auto", "text", "paragraph"])
def test_text_types(type_: str) -> None:
    f = field(type_)
    assert check_value(f, "SI-PANTAU").ok and check_value(f, "SI-PANTAU").value == "SI-PANTAU"
    for empty in (None, "", "  \n"):
        assert check_value(f, empty).empty and check_value(f, empty).ok
    assert verdict(check_value(f, ["a"])) == [("", "type", False)]
    bad = check_value(f, "a\x00b")
    assert verdict(bad) == [("", "characters", False)] and "U+0000" in bad.problems[0].text
    assert check_value(f, "baris satu\r\nbaris dua\tdengan tab").ok


def test_choice_is_one_of_the_options_and_blank_is_no_answer() -> None:
    assert check_value(CHOICE, "Ya").value == "Ya"
    for empty in (None, "", "   "):
        checked = check_value(CHOICE, empty)
        assert checked.empty and checked.ok
    wrong = check_value(CHOICE, "Mungkin")
    assert verdict(wrong) == [("", "option", False)] and wrong.value is None
    assert wrong.problems[0].text == 'pilihan "Mungkin" tidak ada di katalog'
    assert verdict(check_value(CHOICE, " Ya")) == [("", "option", False)]  # options match as written
    assert verdict(check_value(CHOICE, ["Ya"])) == [("", "type", False)]
    assert check_shape("choice", "Mungkin").ok  # without the catalogue only the shape is known


def test_multi_choice_keeps_the_options_it_knows_and_names_the_others() -> None:
    checked = check_value(MULTI, ["Sosial", "Antariksa", "", "Sosial", 3])
    assert verdict(checked) == [("[1]", "option", False), ("[3]", "repeat", False), ("[4]", "type", False)]
    assert checked.value == ["Sosial", ""] and not checked.empty
    assert checked.problems[1].text == 'nilai "Sosial" muncul lebih dari sekali'
    for empty in (None, [], ["", " "]):
        assert check_value(MULTI, empty).empty and check_value(MULTI, empty).ok
    assert verdict(check_value(MULTI, "Sosial")) == [("", "type", False)]
    assert check_shape("multi_choice", ["Antariksa"]).ok


def test_sectioned_text_holds_the_parts_of_the_catalogue() -> None:
    checked = check_value(SECTIONS, {"latar": "Satu", "cara": "", "lain": "x", "nama bagian": "y", " ": "z"})
    assert verdict(checked) == [(".lain", "part", False), ('["nama bagian"]', "part", False), ('[" "]', "key", False)]
    assert checked.value == {"latar": "Satu", "cara": ""}
    assert verdict(check_value(SECTIONS, {"latar": 5})) == [(".latar", "type", False)]
    for empty in (None, {}, {"latar": " ", "cara": ""}):
        assert check_value(SECTIONS, empty).empty
    assert verdict(check_value(SECTIONS, "teks")) == [("", "type", False)]
    assert check_shape("sectioned_text", {"lain": "x"}).ok


def test_date_is_a_real_date_and_other_text_is_kept_and_reported() -> None:
    f = field("date")
    assert check_value(f, "2024-06-14").value == "2024-06-14"
    assert check_value(f, " 2024-06-14 ").value == "2024-06-14"
    assert check_value(f, date(2024, 6, 14)).value == "2024-06-14"
    assert check_value(f, datetime(2024, 6, 14, 8, 30)).value == "2024-06-14"
    for empty in (None, "", "  "):
        assert check_value(f, empty).empty and check_value(f, empty).ok
    for bad in ("2024-02-30", "14-06-2024", "2024-6-14", "Juli 2024"):
        checked = check_value(f, bad)
        assert verdict(checked) == [("", "date", True)] and checked.value == bad
        assert checked.problems[0].text == f'harus tanggal yang sah berbentuk TTTT-BB-HH, bukan "{bad}"'
    assert verdict(check_value(f, 20240614)) == [("", "type", False)]


def test_coordinates_on_earth_and_off_it() -> None:
    f = field("coordinates")
    assert check_value(f, {"lat": -7, "lon": 112.43}).value == {"lat": -7.0, "lon": 112.43}
    assert check_value(f, {"lat": 90, "lon": -180}).ok
    for empty in (None, {}, {"lat": None, "lon": None}):
        assert check_value(f, empty).empty and check_value(f, empty).ok
    off = check_value(f, {"lat": 95, "lon": 200})
    assert verdict(off) == [(".lat", "coordinates", True), (".lon", "coordinates", True)]
    assert off.value == {"lat": 95.0, "lon": 200.0}  # kept as typed, and reported
    assert [p.text for p in off.problems] == ["harus bilangan antara -90 dan 90", "harus bilangan antara -180 dan 180"]
    half = check_value(f, {"lat": -7.4})
    assert verdict(half) == [(".lon", "coordinates", True)] and half.problems[0].text == "wajib ada"
    assert half.value == {"lat": -7.4} and not half.empty
    for wrong in ({"lat": "-7.4", "lon": 112}, {"lat": True, "lon": 112}, {"lat": float("nan"), "lon": 112}):
        checked = check_value(f, wrong)
        assert verdict(checked) == [(".lat", "type", False)] and checked.value is None
    assert verdict(check_value(f, {"lat": 1, "lon": 2, "alt": 3})) == [(".alt", "key", False)]
    assert verdict(check_value(f, [1, 2])) == [("", "type", False)]


def test_attachment_values_do_not_live_in_the_profile() -> None:
    f = field("attachment", accepts=("pdf",))
    assert check_value(f, None).empty
    checked = check_value(f, "dpa.pdf")
    assert verdict(checked) == [("", "attachment", False)]
    assert checked.problems[0].text == 'isian lampiran disimpan di "attachments", bukan di "profile"'
