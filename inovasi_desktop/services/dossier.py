"""Use case: export the dossier PDF of an innovation."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from inovasi_desktop.domain.file_names import safe_file_name
from inovasi_desktop.export.dossier import DossierInput, DossierResult, build_dossier

__all__ = ["DossierResult", "default_file_name", "export_pdf", "signing_place"]
from inovasi_desktop.services import export_target, innovations, organisation
from inovasi_desktop.services.workspace import Workspace


def signing_place(pemda: str) -> str:
    """'Kabupaten Mojokerto' -> 'Mojokerto' (the place written above the signature)."""
    return re.sub(r"^(Pemerintah\s+)?(Kabupaten|Kota|Provinsi)\s+", "", pemda.strip(), flags=re.IGNORECASE)


def default_file_name(innovation_name: str) -> str:
    """A safe file name from the innovation name, e.g. 'Berkas Inovasi - SI-PANTAU BALITA.pdf'."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", innovation_name).strip(" .")
    return safe_file_name(f"Berkas Inovasi - {cleaned[:80].strip() or 'tanpa nama'}.pdf")


def export_pdf(ws: Workspace, innovation_id: str, out_path: Path, *,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None,
               generated_on: date | None = None) -> DossierResult:
    export_target.check(out_path, ws.home)
    innovation = innovations.get(ws, innovation_id)
    catalogue = ws.catalogues.get(innovation.catalogue_id)
    org = organisation.get(ws)
    context = innovations.context_for(ws, innovation)
    source = DossierInput(
        catalogue=catalogue, innovation=innovation, organisation=org,
        evidence_path=ws.evidence_store.path_for, generated_on=generated_on or date.today(),
        place=signing_place(org.pemda), invalid_evidence=context.invalid_evidence,
        lost_evidence=context.lost_evidence, readings=context.readings)
    return build_dossier(source, out_path, progress=progress, cancelled=cancelled)
