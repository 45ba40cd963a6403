"""A workspace in a fresh data folder with the organisation saved, an empty innovation, and evidence files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inovasi_desktop.domain import Organisation
from inovasi_desktop.services import innovations, organisation
from inovasi_desktop.services.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from evidence_files import EvidenceFiles  # noqa: E402

ORGANISATION = Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                            head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007")


@pytest.fixture
def files(tmp_path: Path) -> EvidenceFiles:
    folder = tmp_path / "sumber"
    folder.mkdir()
    return EvidenceFiles(folder)


@pytest.fixture
def ws(inovasi_home):
    workspace = Workspace()
    organisation.save(workspace, ORGANISATION)
    yield workspace
    workspace.close()


@pytest.fixture
def innovation(ws):
    return innovations.create(ws, "iid-2026")

