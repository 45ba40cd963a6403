"""safe_file_name: one name for every platform, from any text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inovasi_desktop.domain.file_names import MAX_NAME_BYTES, safe_file_name

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


@pytest.mark.parametrize(("name", "expected"), [
    ("..", "berkas"), (".", "berkas"), ("", "berkas"), ("   ", "berkas"),
    ("con", "_con"), ("NUL:", "NUL_"), ("nul", "_nul"), ("Con.pdf", "_Con.pdf"), ("com1.txt", "_com1.txt"),
    ("lpt9 .pdf", "_lpt9 .pdf"), ("CONsole.pdf", "CONsole.pdf"),
    ("laporan\u202efdp.exe", "laporanfdp.exe"), ("a\u200fb\u2066c.pdf", "abc.pdf"),
    ("surat\x00\x07\x1b.pdf", "surat.pdf"), ("baris\nbaru.pdf", "baris baru.pdf"),
    ("bukti/../sk.pdf", "bukti_.._sk.pdf"), ("C:\\Windows\\sk.pdf", "C__Windows_sk.pdf"),
    ("akhir titik.", "akhir titik"), ("SK Tim 2025.pdf", "SK Tim 2025.pdf"), ("Laporan Ñandú.pdf", "Laporan Ñandú.pdf"),
])
def test_names_are_made_safe(name, expected):
    assert safe_file_name(name) == expected


def test_very_long_names_are_cut_keeping_the_extension():
    for word in ("a", "é", "ꦧ", "📄"):
        name = safe_file_name(word * 100_000 + ".pdf")
        assert name.endswith(".pdf") and len(name.encode()) <= MAX_NAME_BYTES and len(name) <= 255


@given(st.text(max_size=400))
def test_any_text_gives_a_safe_name_that_stays_as_it_is(text):
    name = safe_file_name(text)
    assert name and name not in (".", "..") and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert not WINDOWS_FORBIDDEN & set(name)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F or 0x202A <= ord(ch) <= 0x202E for ch in name)
    assert not name.endswith((".", " "))
    assert name.split(".")[0].strip().upper() not in RESERVED
    assert safe_file_name(name) == name
