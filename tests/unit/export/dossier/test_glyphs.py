"""The dossier's font draws every character the shipped catalogues and the example can put on a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from texts import all_strings

from inovasi_desktop.export.dossier.fonts import BOLD, REGULAR, register_fonts

ROOT = Path(__file__).resolve().parents[4]




@pytest.mark.parametrize("face", [REGULAR, BOLD])
def test_every_character_of_the_catalogues_and_the_example_has_a_glyph(catalogues, face):
    register_fonts()
    glyphs = pdfmetrics.getFont(face).face.charToGlyph
    example = (ROOT / "examples" / "contoh-inovasi.json").read_text(encoding="utf-8")
    characters = {ch for text in [*all_strings(catalogues.all), example] for ch in text if ch.isprintable()}
    assert {"≥", "≤"} <= characters
    assert sorted(ch for ch in characters if ord(ch) not in glyphs) == []
