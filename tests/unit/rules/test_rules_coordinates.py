"""A coordinate kept as typed is reported: out of range, half filled or not a number; empty is not."""

from __future__ import annotations

import pytest

from inovasi_desktop.rules import check


@pytest.mark.parametrize("typed", [
    {"lat": 95.0, "lon": 112.43}, {"lat": -7.47, "lon": 181.0}, {"lat": -7.47, "lon": None},
    {"lat": None, "lon": 112.43}, {"lat": "tujuh", "lon": 112.43},
])
def test_an_invalid_coordinate_is_a_galat(catalogue, innovation, context, typed):
    innovation.profile["lokasi"] = typed
    [finding] = [f for f in check(catalogue, innovation, context) if f.where == "lokasi"]
    assert finding.code == "field.coordinates_invalid"
    assert finding.message == ("Lokasi tidak sah: lintang harus antara -90 dan 90, bujur antara -180 dan 180.")


@pytest.mark.parametrize("typed", [None, {"lat": None, "lon": None}, {"lat": -7.47, "lon": 112.43}])
def test_an_empty_or_valid_optional_coordinate_says_nothing(catalogue, innovation, context, typed):
    innovation.profile["lokasi"] = typed
    assert [f for f in check(catalogue, innovation, context) if f.where == "lokasi"] == []
