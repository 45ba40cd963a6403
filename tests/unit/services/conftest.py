"""A workspace in a fresh data folder with the organisation saved, an empty innovation, and evidence files."""

from __future__ import annotations

import pytest

from inovasi_desktop.services import innovations


@pytest.fixture
def ws(workspace):
    return workspace


@pytest.fixture
def innovation(ws):
    return innovations.create(ws, "iid-2026")

