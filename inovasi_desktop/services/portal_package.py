"""Use case: the portal upload package of one innovation (PDFs per indicator, profile texts, checklist)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from inovasi_desktop import paths
from inovasi_desktop.export.portal import (
    DEFAULT_CAP,
    PortalInput,
    PortalPackageError,
    PortalResult,
    build_portal_package,
)
from inovasi_desktop.export.portal.names import package_folder
from inovasi_desktop.services import innovations, organisation
from inovasi_desktop.services.workspace import Workspace

__all__ = ["DEFAULT_CAP", "PortalResult", "make_package", "suggested_folder"]


def suggested_folder(parent: Path, innovation_name: str) -> Path:
    """'<parent>/Paket Portal - <name>', with ' (2)', ' (3)'... when that is taken."""
    base = parent / package_folder(innovation_name)
    candidate, n = base, 2
    while candidate.exists():
        candidate = base.with_name(f"{base.name} ({n})")
        n += 1
    return candidate


def refuse_inside_data_folder(ws: Workspace, target: Path) -> None:
    if paths.inside_data_dir(Path(target), ws.home):
        raise PortalPackageError(f"Paket unggah tidak boleh dibuat di dalam folder data aplikasi ({ws.home}). "
                                 "Pilih folder lain, misalnya Dokumen.")


def make_package(ws: Workspace, innovation_id: str, out_dir: Path, *, cap_bytes: int = DEFAULT_CAP,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> PortalResult:
    if cap_bytes <= 0:
        raise PortalPackageError("Batas ukuran unggah harus lebih dari 0 MB.")
    refuse_inside_data_folder(ws, out_dir)
    innovation = innovations.get(ws, innovation_id)
    source = PortalInput(catalogue=ws.catalogues.get(innovation.catalogue_id), innovation=innovation,
                         organisation=organisation.get(ws), evidence_path=ws.evidence_store.path_for,
                         cap_bytes=cap_bytes)
    return build_portal_package(source, Path(out_dir), progress=progress, cancelled=cancelled)
