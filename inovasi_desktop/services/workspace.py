"""The open workspace: catalogues, database and evidence store of one data folder.

What services remember about the folder's data between calls lives here too, not in module-level
caches: those outlive the workspace and must be keyed by folder.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from inovasi_desktop import paths

if TYPE_CHECKING:
    from inovasi_desktop.catalogue import Catalogues


class Workspace:
    """Lazily opens what a use case needs; the CLI and the UI each hold one."""

    def __init__(self, home: Path | None = None, forms: Path | None = None) -> None:
        self.home = home or paths.data_dir()
        self.forms = forms or paths.forms_dir()
        # sha256 -> kept check record of a stored evidence file, read from the database once (evidence_status)
        self.file_checks: dict[str, dict] = {}
        self.file_checks_lock = threading.Lock()  # the checks run on worker threads too

    @cached_property
    def catalogues(self) -> Catalogues:
        from inovasi_desktop.catalogue import Catalogues  # imported on first use: start-up stays short

        return Catalogues.from_folder(self.forms)

    @property
    def database_file(self) -> Path:
        return self.home / paths.database_path().name

    @cached_property
    def db(self):
        from inovasi_desktop.storage import open_database

        return open_database(self.database_file)

    @cached_property
    def evidence_store(self):
        from inovasi_desktop.evidence.store import EvidenceStore

        return EvidenceStore(self.home / paths.evidence_dir().name)

    def open(self) -> None:
        """Load the catalogues and open the database now (the window does it on a worker thread while the
        list is already shown); raises what stops them."""
        self.catalogues  # noqa: B018
        self.db  # noqa: B018

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.close()
            del self.__dict__["db"]
        with self.file_checks_lock:
            self.file_checks.clear()  # another process may change the database before it is opened again
