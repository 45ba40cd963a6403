"""One window per data folder: a second start is refused and brings the first window forward.

The first window holds a lock file in the data folder (`QLockFile`: a lock left by a process that no longer
runs, after a crash, is found stale and taken over) and listens on a local socket named from the folder's
path. A second start finds the lock held, asks the first window through the socket to come forward, and
ends; only when the first cannot be reached does it say so in a message box. The command line takes no
lock: it writes through the database's write lock and the window picks its changes up (ui/store_watch.py).
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from inovasi_desktop.services.window_lock import LOCK_FILE

log = logging.getLogger(__name__)

RAISE = b"tampilkan\n"
CONNECT_MS = 500
CONNECT_TRIES = 6  # the first window may still be starting: its lock is taken before it listens


def tr(text: str) -> str:
    return QApplication.translate("SingleInstance", text)


def server_name(folder: Path) -> str:
    """The local socket's name: the same for every start on this folder (and this user's path to it)."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"inovasi-desktop-{digest}"


def refusal_text(folder: Path) -> str:
    return tr("Inovasi Desktop sudah terbuka untuk folder data ini:\n{folder}\n\nJendela kedua tidak dibuka agar "
              "pekerjaan tidak saling menimpa. Lanjutkan di jendela yang sudah terbuka.").format(folder=folder)


class SingleInstance(QObject):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.lock = QLockFile(str(self.folder / LOCK_FILE))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has run
        self.server: QLocalServer | None = None
        self.window: QMainWindow | None = None

    def acquire(self) -> bool:
        """Take the folder's lock; False when another window holds it. A folder that cannot hold a lock
        (read-only, missing) is not refused here: opening the database explains what is wrong."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self.lock.tryLock(100):
            return True
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def serve(self, window: QMainWindow) -> None:
        """Bring `window` forward whenever a second start asks."""
        self.window = window
        name = server_name(self.folder)
        QLocalServer.removeServer(name)  # a socket file left by a crashed first window
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        if not self.server.listen(name):
            log.info("Cannot listen for a second start: %s", self.server.errorString())
            return
        log.info("Listening for a second start on %s", name)

    def _on_connection(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_request(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()) and self.window is not None:
            log.info("A second start on this data folder was refused; this window comes forward")
            self.bring_forward()

    def bring_forward(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        window.statusBar().showMessage(tr("Inovasi Desktop sudah terbuka di jendela ini; jendela kedua tidak "
                                          "dibuka."), 10000)

    def ask_first_forward(self) -> bool:
        """From a second start: ask the window holding the lock to come forward; True when it was asked."""
        name = server_name(self.folder)
        for _ in range(CONNECT_TRIES):
            socket = QLocalSocket()
            socket.connectToServer(name)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(RAISE)
                sent = socket.waitForBytesWritten(CONNECT_MS)
                socket.disconnectFromServer()
                if sent:
                    return True
            socket.abort()
            QApplication.processEvents()
        return False

    def refuse(self) -> int:
        """A second start: the first window comes forward (or the user is told); returns the exit code."""
        text = refusal_text(self.folder)
        sys.stderr.write(text.replace("\n\n", "\n") + "\n")
        if self.ask_first_forward():
            return 0
        QMessageBox.information(None, tr("Inovasi Desktop sudah terbuka"), text)
        return 1

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
