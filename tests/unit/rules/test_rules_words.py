"""Word counting: words as a reader sees them, in any script, whatever the spacing and punctuation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inovasi_desktop.rules import count_field_words, count_words


@pytest.mark.parametrize(("text", "expected"), [
    ("", 0),
    ("   \n\t ", 0),
    ("Inovasi layanan kesehatan", 3),
    ("kata-kata ulang-alik", 2),  # hyphenated words count once
    ("dan/atau", 1),
    ("Perda No. 12/2023 tentang Inovasi Daerah.", 6),
    ("Anggaran Rp 1.234.567,89 per tahun", 5),
    ("Satu — dua – tiga - empat", 4),  # dashes standing alone are not words
    ("• butir satu\n• butir dua", 4),  # bullets neither
    ("(SK) \"Kepala\" 'Dinas'!?", 3),
    ("Qur’an jum'at", 2),
    ("satu\u00a0dua\u2003tiga\u3000empat\u2028lima\u200benam", 6),  # no-break, em, ideographic, line sep, zero width
    ("café e\u0301lan naïve", 3),  # precomposed and combining accents
    ("नमस्ते दुनिया", 2),  # Devanagari vowel signs are marks, not separators
    ("Привет мир", 2),
    ("😀 🎉 ✅", 0),
    ("bagus 👍", 1),
    ("...", 0),
])
def test_examples(text, expected):
    assert count_words(text) == expected


_letters = st.characters(categories=["Lu", "Ll", "Lo", "Nd"])
_word = st.text(_letters, min_size=1, max_size=12)
_spacing = st.text(st.sampled_from(" \t\n\r\u00a0\u2003\u3000\u200b"), min_size=1, max_size=4)


@given(st.lists(_word, max_size=40), st.data())
def test_words_separated_by_any_whitespace_are_counted(words, data):
    text = data.draw(_spacing)
    for word in words:
        text += word + data.draw(_spacing)
    assert count_words(text) == len(words)


@given(st.lists(_word, min_size=1, max_size=8))
def test_hyphens_join_words(parts):
    assert count_words("-".join(parts)) == 1


@given(st.text(max_size=80), st.text(max_size=80))
def test_count_is_additive_over_whitespace(a, b):
    assert count_words(a + " " + b) == count_words(a) + count_words(b)


@given(st.text(st.characters(categories=["P", "S", "Z"]), max_size=50))
def test_punctuation_symbols_and_spaces_alone_are_no_words(text):
    assert count_words(text) == 0


def test_field_words_count_only_the_catalogues_parts(catalogue):
    uraian = catalogue.field("uraian")
    value = {"latar": "satu dua", "cara": "tiga", "hasil": None, "bukan_bagian": "empat lima enam"}
    assert count_field_words(uraian, value) == 3
    assert count_field_words(uraian, "bukan tabel") == 0
    assert count_field_words(catalogue.field("catatan"), "satu dua tiga") == 3
    assert count_field_words(catalogue.field("catatan"), None) == 0
