"""Seeing what other processes write: the command line adds evidence while the window is open, and the window
shows it (the list, and the open innovation, keeping the user's unsaved typing; see services/merge.py).

A file watcher on the database and its write-ahead log notices a commit at once where the system reports it;
a one-second timer asks SQLite's `data_version` (microseconds) in any case. Only when that moved are the
stored revisions read (ids and numbers only) and compared with the last look.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from inovasi_desktop.domain import InovasiError
from inovasi_desktop.services import innovations

log = logging.getLogger(__name__)

POLL_MS = 1000
SOON_MS = 100  # after a file change: writes come in bursts


class StoreWatch(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.ws = window.workspace
        self.version: int | None = None
        self.known: dict[str, int] = {}
        self.poll = QTimer(self, interval=POLL_MS)
        self.poll.timeout.connect(self.check)
        self.soon = QTimer(self, singleShot=True, interval=SOON_MS)
        self.soon.timeout.connect(self.check)
        self.files = QFileSystemWatcher(self)
        self.files.fileChanged.connect(lambda _path: self.soon.start())

    def start(self) -> None:
        try:
            self.version = innovations.data_version(self.ws)
            self.known = innovations.revisions(self.ws)
        except InovasiError as err:
            log.info("Not watching the database: %s", err)
            return
        self._watch_files()
        self.poll.start()

    def stop(self) -> None:
        self.poll.stop()
        self.soon.stop()

    def _watch_files(self) -> None:
        database = self.ws.database_file
        wanted = [str(p) for p in (database, database.with_name(database.name + "-wal")) if p.exists()]
        missing = [p for p in wanted if p not in self.files.files()]  # a log checkpointed away and made again
        if missing:
            self.files.addPaths(missing)

    def check(self) -> None:
        """Show what others wrote since the last look (the window's own saves are recognised and skipped)."""
        use_case = self.window.use_case
        if use_case is not None and not use_case.done:
            return  # the window shows what its own use case wrote once it ends; look after that
        try:
            version = innovations.data_version(self.ws)
            if version == self.version:
                return
            self.version = version
            revisions = innovations.revisions(self.ws)
        except InovasiError as err:  # busy or gone for a moment: the next look tries again
            log.info("Cannot look for changes: %s", err)
            return
        self._watch_files()
        changed = {i for i in revisions.keys() | self.known.keys() if revisions.get(i) != self.known.get(i)}
        self.known = revisions
        editor = self.window.editor
        if editor is not None and editor.innovation.id in changed:
            if revisions.get(editor.innovation.id) == editor.innovation.revision:
                changed.discard(editor.innovation.id)  # its own save
            else:
                editor.reload()
        if changed:
            self.window.refresh()
