"""A coordinate kept as typed (out of range, half filled, words) is printed as typed, not as data."""

from __future__ import annotations

import dataclasses

import pytest

from inovasi_desktop.export.dossier import build_dossier


@pytest.mark.parametrize(("typed", "printed"), [
    ({"lat": -7.4722, "lon": 112.4342}, "Lintang -7,472200; bujur 112,434200"),
    ({"lat": -7.47, "lon": None}, "Lintang -7.47; bujur -"),
    ({"lat": "tujuh", "lon": 112.43}, "Lintang tujuh; bujur 112.43"),
])
def test_coordinates_are_printed_as_typed(tmp_path, samples, typed, printed):
    source = samples.sample_input(tmp_path, photos=0)
    source = dataclasses.replace(source, innovation=dataclasses.replace(
        source.innovation, profile={**source.innovation.profile, "koordinat": typed}))
    result = build_dossier(source, tmp_path / "berkas.pdf")
    texts = samples.page_texts(result.path)
    assert any(printed in page for page in texts), printed
    assert not any("{'lat'" in page for page in texts)
