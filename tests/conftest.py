"""Shared test set-up: a headless Qt, a UTF-8 locale, no crash dialog, and a private data folder.

The environment is set at import time, before pytest-qt or any test imports Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["LANG"] = "C.UTF-8"
if "UTF" not in os.environ.get("LC_ALL", "UTF-8").upper():
    os.environ["LC_ALL"] = "C.UTF-8"  # a non-UTF-8 LC_ALL would override LANG and make Qt warn
os.environ["INOVASI_NO_CRASH_DIALOG"] = "1"

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))  # evidence_files: makers of real files


@pytest.fixture(autouse=True)
def inovasi_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty user data folder for every test, so no test touches the real one."""
    home = tmp_path_factory.mktemp("inovasi_home")
    monkeypatch.setenv("INOVASI_HOME", str(home))
    monkeypatch.delenv("INOVASI_FORMS", raising=False)
    return home


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication, speaking Indonesian as the app does (Qt's own strings, locale id_ID)."""
    from inovasi_desktop.ui.language import install_indonesian

    assert install_indonesian(qapp)
    return qapp


@pytest.fixture(scope="session")
def forms_dir() -> Path:
    """The catalogue files shipped in the repository (`forms/`)."""
    return REPO_ROOT / "forms"


@pytest.fixture(scope="session")
def catalogues(forms_dir: Path):
    """Every shipped catalogue, loaded once; errors (not skips) when `forms/` is empty or invalid."""
    from inovasi_desktop.catalogue import Catalogues

    return Catalogues.from_folder(forms_dir)


@pytest.fixture
def files(tmp_path: Path):
    """Makers of real evidence files (PDFs, images, hostile files) in a fresh folder."""
    from evidence_files import EvidenceFiles

    folder = tmp_path / "sumber"
    folder.mkdir()
    return EvidenceFiles(folder)


@pytest.fixture
def workspace(inovasi_home: Path):
    """A workspace on the private data folder, with the organisation already saved."""
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import organisation
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace()
    organisation.save(ws, Organisation(
        pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan", contact_name="Rina",
        head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
        head_position="Kepala Dinas Kesehatan", default_catalogue="iid-2026"))
    yield ws
    ws.close()
