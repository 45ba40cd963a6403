"""Round trips of the JSON interchange form over random innovations, odd Unicode included."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.provisional import urls

from inovasi_desktop.domain.file_names import safe_file_name
from inovasi_desktop.domain.model import EvidenceItem, IndicatorAnswer, Innovation
from inovasi_desktop.export.interchange import dumps, innovation_from_dict, innovation_to_dict, loads

# Any character a person can type or paste and the app keeps: every Unicode category except
# surrogates and control characters, plus tab, line feed and carriage return. Odd but valid text
# (emoji with joiners, right-to-left marks, combining marks, BOM, line separators) is sampled on purpose.
ODD = ["👩🏽‍⚕️", "\u202eterbalik\u202c", "e\u0301\u0327", "\ufeff", "\u2028", "\u00a0", "ﷺ", "𝔐𝔬𝔧𝔬",
       "\\", "\"", "</script>"]
characters = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r")
texts = st.one_of(st.text(characters, max_size=40), st.lists(st.sampled_from(ODD), max_size=4).map("".join))
keys = texts.filter(lambda s: s.strip() != "")
DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
plain_texts = texts.filter(lambda s: not DATE_SHAPE.fullmatch(s))  # a date-shaped text must be a real date

iso_dates = st.dates().map(lambda d: d.isoformat())
coordinates = st.fixed_dictionaries({
    "lat": st.one_of(st.floats(-90, 90), st.integers(-90, 90)),
    "lon": st.one_of(st.floats(-180, 180), st.integers(-180, 180)),
})
profile_values = st.one_of(
    plain_texts, iso_dates, st.lists(texts, unique=True, max_size=4),
    st.dictionaries(keys, texts, max_size=4), coordinates,
)
aware_datetimes = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
    timezones=st.one_of(st.just(UTC), st.builds(timezone, st.timedeltas(timedelta(hours=-14), timedelta(hours=14)))),
)
stored_files = st.fixed_dictionaries({
    "sha256": st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    # a stored file's name is kept as safe_file_name made it (a reader makes any other name so)
    "file_name": keys.filter(lambda s: "/" not in s and "\\" not in s).map(safe_file_name),
    "size": st.integers(0, 2**40),
    "media_type": st.sampled_from(["application/pdf", "image/jpeg", "image/png", "video/mp4", "video/quicktime"]),
})


@st.composite
def evidence_items(draw) -> EvidenceItem:
    stored = draw(st.none() | stored_files) or {}
    return EvidenceItem(
        id=str(draw(st.uuids())), nomor=draw(texts), tanggal=draw(st.none() | st.dates()), tentang=draw(texts),
        link=draw(st.none() | urls()), **stored,
    )


@st.composite
def answers(draw) -> dict[int, IndicatorAnswer]:
    numbers = draw(st.lists(st.integers(1, 40), unique=True, max_size=6))
    return {n: IndicatorAnswer(number=n, level=draw(st.none() | st.integers(1, 3)), basis=draw(st.none() | texts),
                               notes=draw(texts), evidence=draw(st.lists(evidence_items(), max_size=2)))
            for n in numbers}


innovations = st.builds(
    Innovation,
    id=st.uuids().map(str),
    catalogue_id=keys,
    profile=st.dictionaries(keys, profile_values, max_size=8),
    answers=answers(),
    attachments=st.dictionaries(keys, st.lists(evidence_items(), max_size=2), max_size=2),
    created_at=aware_datetimes,
    updated_at=aware_datetimes,
)


@settings(max_examples=100, deadline=None)
@given(innovations)
def test_from_dict_inverts_to_dict(innovation: Innovation) -> None:
    assert innovation_from_dict(innovation_to_dict(innovation)) == innovation


@settings(max_examples=60, deadline=None)
@given(innovations)
def test_text_round_trip_is_lossless_and_canonical(innovation: Innovation) -> None:
    text = dumps(innovation)
    assert loads(text) == innovation
    assert loads(text.encode("utf-8")) == innovation
    assert dumps(loads(text)) == text  # writing what was read gives the same bytes


@settings(max_examples=30, deadline=None)
@given(innovations)
def test_written_text_is_sorted_indented_and_not_ascii_escaped(innovation: Innovation) -> None:
    text = dumps(innovation)
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    numbers = [a["number"] for a in json.loads(text)["answers"]]
    assert numbers == sorted(numbers)


def test_non_ascii_text_is_written_as_is() -> None:
    innovation = Innovation(catalogue_id="iid-2026", profile={"nama_inovasi": "Layanan Kesehatan Ibu–Anak 👩🏽‍⚕️"})
    text = dumps(innovation)
    assert "Ibu–Anak 👩🏽‍⚕️" in text and "\\u" not in text


def test_same_innovation_gives_same_text() -> None:
    innovation = Innovation(catalogue_id="iid-2026", profile={"b": "2", "a": "1"})
    innovation.answer(7).level = 2
    innovation.answer(3).level = 1
    again = innovation_from_dict(innovation_to_dict(innovation))
    again.profile = dict(reversed(list(again.profile.items())))
    again.answers = dict(reversed(list(again.answers.items())))
    assert dumps(again) == dumps(innovation)


def test_times_are_written_in_utc() -> None:
    jakarta = timezone(timedelta(hours=7))
    innovation = Innovation(catalogue_id="iid-2026", created_at=datetime(2026, 1, 1, 7, 0, tzinfo=jakarta),
                            updated_at=datetime(2026, 1, 1, 8, 30, 15, 250000, tzinfo=jakarta))
    data = innovation_to_dict(innovation)
    assert data["created_at"] == "2026-01-01T00:00:00Z"
    assert data["updated_at"] == "2026-01-01T01:30:15.250000Z"
