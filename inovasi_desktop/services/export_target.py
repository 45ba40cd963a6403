"""Where an export may be written: every export (JSON, dossier PDF, later bundles) checks its target here."""

from __future__ import annotations

from pathlib import Path

from inovasi_desktop import paths
from inovasi_desktop.domain.errors import InovasiError


class ExportTargetError(InovasiError):
    """The chosen target would put an export inside the data folder; nothing was written."""


def check(target: Path, home: Path | None = None) -> Path:
    """`target` when an export may be written there; ExportTargetError when it lies inside the data folder
    (`home`, a workspace's; by default the app's), where it could replace the database, a store file or a
    backup."""
    target = Path(target)
    home = Path(home or paths.data_dir())
    if paths.inside_data_dir(target, home):
        raise ExportTargetError(
            f"Berkas ekspor tidak dapat disimpan sebagai {target}: alamat itu berada di dalam folder data "
            f"aplikasi ({home}), tempat basis data dan bukti dukung disimpan, sehingga dapat "
            "menimpanya. Pilih folder lain, misalnya Dokumen. Tidak ada berkas yang ditulis.")
    return target
