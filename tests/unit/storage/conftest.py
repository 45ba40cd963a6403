"""Fixtures for the storage tests: real SQLite files under a temporary data folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inovasi_desktop.domain import EvidenceItem, Innovation
from inovasi_desktop.storage import Database, open_database

NOBODY = 65534


@pytest.fixture
def data_dir(inovasi_home: Path) -> Path:
    return inovasi_home


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir / "inovasi.sqlite3")
    yield database
    database.close()


def build_innovation(index: int = 0, text: str = "") -> Innovation:
    """A filled-in innovation: profile of every JSON shape, answers with evidence, attachments."""
    inn = Innovation(
        catalogue_id="iid-2026",
        created_at=datetime(2026, 1, 5, 8, 30, tzinfo=UTC),
        profile={
            "nama_inovasi": f"Layanan Jemput Bola {index} {text}",
            "tahapan": ("inisiatif", "uji coba", "penerapan")[index % 3],
            "urusan": ["kesehatan", "pendidikan"],
            "tanggal_uji_coba": "2025-03-01",
            "rancang_bangun": {"dasar_hukum": "Perbup No. 12 Tahun 2024", "permasalahan": text or "Antrean."},
            "koordinat": {"lat": -7.4722, "lon": 112.4342},
            "jumlah": 12,
            "aktif": True,
            "catatan": None,
        },
    )
    for number in (1, 2, 7):
        answer = inn.answer(number)
        answer.level = (number % 3) + 1
        answer.basis = "persentase" if number == 2 else None
        answer.notes = f"Catatan indikator {number}. {text}"
        answer.evidence = [
            EvidenceItem(
                nomor=f"800/{number}/2025",
                tanggal=date(2025, 2, number),
                tentang=f"Surat Keputusan {number} {text}",
                sha256=f"{number:064x}",
                file_name=f"sk-{number}.pdf",
                size=1000 + number,
                media_type="application/pdf",
            ),
            EvidenceItem(tentang="Tautan video", link=f"https://example.go.id/video/{index}/{number}"),
        ]
    inn.answer(9)  # nothing answered yet: kept as an empty answer
    inn.attachments["anggaran"] = [
        EvidenceItem(nomor="DPA-1", tanggal=date(2025, 1, 2), sha256="a" * 64, file_name="dpa.pdf", size=5,
                     media_type="application/pdf"),
        EvidenceItem(nomor="DPA-2", sha256="b" * 64, file_name="dpa 2.jpg", size=6, media_type="image/jpeg"),
    ]
    return inn


@pytest.fixture
def make_innovation() -> Callable[..., Innovation]:
    return build_innovation


@contextmanager
def _without_root_override(*paths: Path) -> Iterator[None]:
    """Run the block without root's power to ignore file permissions.

    As root (as in containers) permission bits do not stop writes, so the block runs with the
    effective user `nobody`, and `paths` (with what is under them) are given to that user.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    for top in paths:
        for folder, _dirs, files in os.walk(top):
            os.chown(folder, NOBODY, NOBODY)
            for name in files:
                os.chown(os.path.join(folder, name), NOBODY, NOBODY)
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def without_root_override() -> Callable[..., AbstractContextManager[None]]:
    return _without_root_override


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder every user can reach (the parents of tmp_path are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="inovasi-storage-"))
    folder.chmod(0o755)
    yield folder
    for sub, _dirs, _files in os.walk(folder):
        os.chmod(sub, 0o755)
    shutil.rmtree(folder, ignore_errors=True)
