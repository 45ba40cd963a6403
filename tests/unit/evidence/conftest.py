"""The `files` fixture: makers of real evidence files (PDFs, images) in a fresh folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from evidence_files import EvidenceFiles  # noqa: E402


@pytest.fixture
def files(tmp_path: Path) -> EvidenceFiles:
    folder = tmp_path / "sumber"
    folder.mkdir()
    return EvidenceFiles(folder)
