"""One window per data folder: a second start is refused and brings the first window forward.

The first window holds a lock file in the data folder (`QLockFile`: a lock left by a process that no longer
runs, after a crash, is found stale and taken over) and listens on a local socket named from the folder's
path. A second start finds the lock held, asks the first window through the socket to come forward, and
ends; only when the first cannot be reached does it say so in a message box. A second start given a file
(Explorer's "Open" on a *.inovasi bundle or a PDF dossier) hands the file to the first window instead.
Requests are lines of UTF-8: `tampilkan`, or `buka <absolute path>`. The command line takes no
lock: it writes through the database's write lock and the window picks its changes up (ui/store_watch.py).
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from inovasi_desktop.services.window_lock import LOCK_FILE

log = logging.getLogger(__name__)

RAISE = b"tampilkan\n"
OPEN = b"buka "  # followed by the file's absolute path and a newline
CONNECT_MS = 500
CONNECT_TRIES = 6  # the first window may still be starting: its lock is taken before it listens

_held: set[str] = set()  # the lock files this process holds


def tr(text: str) -> str:
    return QApplication.translate("SingleInstance", text)


def server_name(folder: Path) -> str:
    """The local socket's name: the same for every start on this folder (and this user's path to it)."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"inovasi-desktop-{digest}"


def say(text: str) -> None:
    """A line on stderr for whoever started the app from a terminal; the windowed Windows program has none."""
    if sys.stderr is not None:
        try:
            sys.stderr.write(text + "\n")
        except (OSError, ValueError):
            pass


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
        self.open_file: Callable[[Path], None] | None = None

    def acquire(self) -> bool:
        """Take the folder's lock; False when another window holds it. A folder that cannot hold a lock
        (read-only, missing) is not refused here: opening the database explains what is wrong."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self.lock.tryLock(100):
            _held.add(self.lock_key())
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            return True
        if self._left_under_our_own_id() and self.lock.removeStaleLockFile() and self.lock.tryLock(100):
            log.info("Took over a lock left under this process's own id by a window that ended")
            _held.add(self.lock_key())
            return True
        return False

    def lock_key(self) -> str:
        return str((self.folder / LOCK_FILE).resolve())

    def _left_under_our_own_id(self) -> bool:
        """A lock naming this process's id, not taken in this process: left by a window that ended (killed or
        crashed) whose process id the system has given to this start (Qt would see it "running"). Windows
        reuses ids; wine does so at once."""
        pid, _host, _app = self.lock.getLockInfo()  # (0, "", "") when unreadable
        return pid == QCoreApplication.applicationPid() and self.lock_key() not in _held

    def serve(self, window: QMainWindow, open_file: Callable[[Path], None] | None = None) -> None:
        """Bring `window` forward whenever a second start asks, and give `open_file` the files it hands over."""
        self.window, self.open_file = window, open_file
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
            # a bound method, not a lambda holding the socket: no reference cycle through this object, which
            # Python's collector could then delete on another thread (ui/gui_thread_gc.py)
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            self._on_request(socket)  # what arrived before the connection was taken

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).rstrip(b"\r\n")
            if self.window is None:
                return
            if line == RAISE.strip():
                log.info("A second start on this data folder was refused; this window comes forward")
                self.bring_forward(tr("Inovasi Desktop sudah terbuka di jendela ini; jendela kedua tidak dibuka."))
            elif line.startswith(OPEN) and self.open_file is not None:
                path = Path(line[len(OPEN):].decode("utf-8", "replace"))
                log.info("A second start handed over a file to open here: %s", path)
                self.bring_forward(tr("Berkas {name} dibuka di jendela ini.").format(name=path.name))
                QTimer.singleShot(0, lambda f=self.open_file, p=path: f(p))  # out of the socket's signal

    def bring_forward(self, note: str) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        window.statusBar().showMessage(note, 10000)

    def ask_first(self, request: bytes) -> bool:
        """From a second start: send `request` to the window holding the lock; True when it was sent."""
        name = server_name(self.folder)
        for _ in range(CONNECT_TRIES):
            socket = QLocalSocket()
            socket.connectToServer(name)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(request)
                sent = socket.waitForBytesWritten(CONNECT_MS)
                socket.disconnectFromServer()
                if sent:
                    return True
            socket.abort()
            QApplication.processEvents()
        return False

    def refuse(self, document: Path | None = None) -> int:
        """A second start: the first window comes forward, opening `document` when given (or the user is told
        it cannot be reached); returns the exit code."""
        if document is not None:
            path = document.resolve()
            if self.ask_first(OPEN + str(path).encode("utf-8") + b"\n"):
                say(tr("Berkas dibuka di jendela Inovasi Desktop yang sudah terbuka: {path}").format(path=path))
                return 0
        text = refusal_text(self.folder)
        say(text.replace("\n\n", "\n"))
        if document is None and self.ask_first(RAISE):
            return 0
        QMessageBox.information(None, tr("Inovasi Desktop sudah terbuka"), text)
        return 1

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
        _held.discard(self.lock_key())
