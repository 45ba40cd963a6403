"""The dossier PDF: cover, lembar pengesahan, readiness, profile, indicator table and evidence annexes.

Takes domain objects and paths only (never storage or Qt); see `build_dossier`.
"""

from inovasi_desktop.export.dossier.builder import build_dossier
from inovasi_desktop.export.dossier.model import DossierError, DossierInput, DossierResult

__all__ = ["DossierError", "DossierInput", "DossierResult", "build_dossier"]
