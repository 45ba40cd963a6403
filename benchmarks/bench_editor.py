"""Responsiveness of the window (Qt offscreen): typing in the editor, the list of 5,000, opening an innovation.

(a) Typing latency. The example is opened in MainWindow's editor at the rancang bangun step and
    ~2,000 characters are typed into its six parts with QTest key events, one key every 30-60 ms
    (a short pause after some words, a longer one after each sentence, so the live checks and the
    1.5 s autosave run as they would for a person). A probe QTimer ticking every 5 ms records the
    gaps between its ticks: any gap is time the event loop was busy. Goal: no gap over 50 ms.
    The gaps holding a live check or an autosave are told apart, and both are also timed alone.
(b) The list with 5,000 innovations: building MainWindow and loading its data (`MainWindow.load`)
    until the table is painted, then a search
    term typed one key at a time into `list_view.search`, each key timed until the table has repainted.
    Goal: under 100 ms per key.
(c) Opening an innovation: MainWindow.open_innovation until the editor is painted (median of several).
    Goal: under 300 ms. Closing back to the list is timed too.
Baselines for (b) and (c), in the same run: a bare QTableView over a 5,000-row QStandardItemModel with
a QSortFilterProxyModel and a QLineEdit (build, filter per key), and opening a plain page holding one
QPlainTextEdit with the same rancang bangun text.
Run: .venv/bin/python benchmarks/bench_editor.py [--chars 2000] [--count 5000] [--skip-typing]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
os.environ.setdefault("INOVASI_NO_CRASH_DIALOG", "1")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSortFilterProxyModel, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import inovasi_desktop.ui  # noqa: E402,F401,I001 - the app's PySide6 6.12 / Python 3.11 workaround, applied first

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_rules import ORGANISATION_FIELDS, make_innovations  # noqa: E402

STALL_GOAL_MS = 50
FILTER_GOAL_MS = 100
OPEN_GOAL_MS = 300
PROBE_MS = 5
SEARCH_TERM = "pantau gizi 12"
SENTENCES = [
    "Kader posyandu menimbang balita setiap bulan dan mencatat hasilnya di aplikasi.",
    "Data pertumbuhan dikirim ke puskesmas sehingga petugas gizi dapat segera menindaklanjuti.",
    "Sebelum inovasi ini, laporan kertas sering terlambat hingga dua bulan.",
    "Pemerintah desa menganggarkan insentif kader dan paket makanan tambahan dari dana desa.",
    "Orang tua menerima pengingat jadwal posyandu dan hasil penimbangan melalui pesan singkat.",
    "Tim pengelola menilai capaian setiap triwulan bersama Bappeda dan camat.",
]


# ------------------------------------------------------------------------------------ helpers
class PaintWatch(QObject):
    """Notes when `widget` receives a paint event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)
        self.widget = widget

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def remove(self) -> None:
        self.widget.removeEventFilter(self)


def until_painted(get_widget, action, timeout_s: float = 5.0) -> float:
    """Seconds from the start of `action()` until the widget `get_widget()` (after the action) is painted."""
    loop = QEventLoop()
    start = time.perf_counter()
    action()
    watch = PaintWatch(get_widget())
    deadline = start + timeout_s
    while not watch.painted and time.perf_counter() < deadline:
        loop.processEvents()
    watch.remove()
    if not watch.painted:
        raise RuntimeError("the widget was not painted in time")
    return time.perf_counter() - start


def until_painted_after(widget: QWidget, action, quiet_s: float = 0.25) -> tuple[float, bool]:
    """Like `until_painted`, for a widget that exists before the action. When the action leaves nothing
    to repaint (no paint within `quiet_s`), the time of the action and one pass of the event queue."""
    loop = QEventLoop()
    watch = PaintWatch(widget)
    start = time.perf_counter()
    action()
    loop.processEvents()
    settled = time.perf_counter()
    while not watch.painted and time.perf_counter() < settled + quiet_s:
        loop.processEvents()
    watch.remove()
    return (time.perf_counter() if watch.painted else settled) - start, watch.painted


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f} ms"


def describe(label: str, times: list[float], goal_ms: float | None = None) -> None:
    line = f"  {label:<44} median {ms(statistics.median(times))}  max {ms(max(times))}"
    if goal_ms is not None:
        line += f"  goal < {goal_ms} ms: {'met' if max(times) * 1000 < goal_ms else 'MISSED'}"
    print(line)


def new_workspace(home: Path):
    os.environ["INOVASI_HOME"] = str(home)
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import organisation
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace(home=home)
    organisation.save(ws, Organisation(**ORGANISATION_FIELDS))
    return ws


def open_window(ws, wait: bool = True) -> QMainWindow:
    from inovasi_desktop.ui.main_window import MainWindow

    window = MainWindow(ws)
    window.resize(1366, 768)
    window.show()
    if not window.load():  # what the app does on the first turn of its event loop
        raise RuntimeError("the workspace could not be loaded")
    if wait:
        QTest.qWaitForWindowExposed(window)
    return window


def settle(window) -> None:
    """Let the work the window starts after loading end (editor import and store clean-up on the runner,
    then one warm-up of the editor's widgets on the GUI thread)."""
    window.runner.wait(30_000)
    QTest.qWait(300)


# ------------------------------------------------------------------------------- (a) typing
class Probe(QObject):
    """A 5 ms timer whose tick times show how long the event loop was kept busy."""

    def __init__(self) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self.cpu_ticks: list[float] = []  # the GUI thread's CPU time at each tick: its own work, not the machine's load
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu_ticks.append(time.thread_time())

    def gaps(self) -> list[tuple[float, float]]:
        return list(zip(self.ticks, self.ticks[1:], strict=False))

    def worst_busy(self, since: float) -> float:
        """The most GUI-thread CPU time spent between two ticks (the last ending after `since`), seconds."""
        cpu = zip(self.cpu_ticks, self.cpu_ticks[1:], strict=False)
        return max((b - a for (a, b), end in zip(cpu, self.ticks[1:], strict=False) if end >= since), default=0.0)


class Typist(QObject):
    """Types `text` into the given edits at a human pace, then quits the event loop."""

    def __init__(self, edits: list[QPlainTextEdit], text: str, seed: int = 7) -> None:
        super().__init__()
        self.rng = random.Random(seed)
        share = -(-len(text) // len(edits))
        self.chunks = [(edit, text[i * share:(i + 1) * share]) for i, edit in enumerate(edits)]
        self.part, self.pos, self.typed = 0, 0, 0
        self.timer = QTimer(self, singleShot=True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.type_one)

    def start(self) -> None:
        self._focus_part()
        self.timer.start(50)

    def _focus_part(self) -> None:
        edit = self.chunks[self.part][0]
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(edit, Qt.Key.Key_Space)

    def type_one(self) -> None:
        edit, chunk = self.chunks[self.part]
        char = chunk[self.pos]
        QTest.keyClicks(edit, char)
        self.pos += 1
        self.typed += 1
        if self.pos >= len(chunk):
            self.part, self.pos = self.part + 1, 0
            if self.part >= len(self.chunks):
                QTimer.singleShot(2500, QApplication.instance().quit)  # let the last autosave happen
                return
            self._focus_part()
        self.timer.start(self._delay(char))

    def _delay(self, char: str) -> int:
        if char == "." and self.rng.random() < 0.7:
            return self.rng.randint(1600, 2600)  # end of a sentence: long enough for the autosave
        if char == " " and self.rng.random() < 0.1:
            return self.rng.randint(180, 450)  # a short pause for thought: the live checks run
        return self.rng.randint(30, 60)


def bench_typing(chars: int) -> None:
    from inovasi_desktop.services import innovations

    with tempfile.TemporaryDirectory(prefix="inovasi_bench_editor_") as home:
        ws = new_workspace(Path(home))
        example = innovations.import_example(ws)
        window = open_window(ws)
        settle(window)
        until_painted(lambda: window.editor.view, lambda: window.open_innovation(example.id, "rancang_bangun"))
        editor = window.editor
        field = editor.view.pages["rancang_bangun"].fields["rancang_bangun"]
        text = (" ".join(SENTENCES) + " ") * (chars // len(" ".join(SENTENCES)) + 1)
        typist = Typist(list(field.parts.values()), text[:chars])

        events: list[tuple[str, float]] = []  # (kind, when it finished)
        editor.check_timer.timeout.connect(lambda: events.append(("check", time.perf_counter())))
        editor.saved.connect(lambda _id: events.append(("autosave", time.perf_counter())))

        probe = Probe()
        started = time.perf_counter()
        probe.timer.start()
        typist.start()
        QApplication.instance().exec()
        probe.timer.stop()
        elapsed = time.perf_counter() - started

        gaps = probe.gaps()
        lengths = sorted(b - a for a, b in gaps)
        p99 = statistics.quantiles(lengths, n=100)[98]
        stored = innovations.get(ws, example.id).profile["rancang_bangun"]
        kept = all(stored[key].endswith(chunk.strip()) for (edit, chunk), key
                   in zip(typist.chunks, field.parts, strict=True) if chunk.strip())

        def worst_gap(kinds: set[str]) -> float:
            """The longest gap during which one of `kinds` finished ("" = none did: keystrokes only)."""
            found = [b - a for a, b in gaps
                     if ({k for k, t in events if a <= t <= b} or {""}) & kinds]
            return max(found, default=0.0)

        print(f"(a) typing {typist.typed} characters into rancang bangun, {elapsed:.0f} s, "
              f"probe every {PROBE_MS} ms ({len(gaps)} gaps)")
        print(f"  gap between probe ticks: median {ms(statistics.median(lengths))}  p99 {ms(p99)}  "
              f"worst {ms(lengths[-1])}  over {STALL_GOAL_MS} ms: {sum(1 for g in lengths if g > STALL_GOAL_MS / 1000)}"
              f"  goal: {'met' if lengths[-1] * 1000 <= STALL_GOAL_MS else 'MISSED'}")
        print(f"  worst gap holding an autosave {ms(worst_gap({'autosave'}))}, holding a live check "
              f"{ms(worst_gap({'check'}))}, holding neither (keystrokes) {ms(worst_gap({''}))}")
        counted = {kind: sum(1 for k, _ in events if k == kind) for kind in ("autosave", "check")}
        print(f"  autosaves: {counted['autosave']}  live checks: {counted['check']}  all typed text stored: {kept}")

        keystroke = []
        edit = list(field.parts.values())[0]
        for char in "abcdefghij" * 3:
            start = time.perf_counter()
            QTest.keyClicks(edit, char)
            keystroke.append(time.perf_counter() - start)
        checks = []
        for _ in range(15):
            start = time.perf_counter()
            editor.run_checks()
            checks.append(time.perf_counter() - start)
        save_times = []
        for _ in range(10):
            editor.dirty = True
            start = time.perf_counter()
            editor.save()
            save_times.append(time.perf_counter() - start)
        print("  alone, on the GUI thread:")
        describe("one keystroke (key event + word counts)", keystroke)
        describe("live check (EditorController.run_checks)", checks)
        describe("save (EditorController.save)", save_times)
        window.close()
        ws.close()


# ------------------------------------------------------------------------- (b)+(c) big list
def seed_workspace(home: Path, count: int):
    from inovasi_desktop.services import innovations

    ws = new_workspace(home)
    start = time.perf_counter()
    for inn in make_innovations(count):
        innovations.save(ws, inn)
    print(f"(b) list of {count} innovations (seeded in {time.perf_counter() - start:.0f} s)")
    return ws


def type_search(line: QLineEdit, table: QTableView, term: str) -> list[float]:
    """Seconds per key until the table repainted (or, with nothing to repaint, until the queue was empty)."""
    line.setFocus()
    results = [until_painted_after(table.viewport(), lambda c=char: QTest.keyClicks(line, c)) for char in term]
    line.clear()
    QEventLoop().processEvents()
    return [seconds for seconds, _ in results]


def bench_list(ws, count: int) -> QMainWindow:
    holder: dict[str, QMainWindow] = {}

    def build() -> None:
        holder["window"] = open_window(ws, wait=False)  # painted later, in the event loop

    build_time = until_painted(lambda: holder["window"].list_view.table.viewport(), build)
    window = holder["window"]
    settle(window)  # as a person types seconds later: the background upkeep after loading has ended
    shown = window.list_view.proxy.rowCount()
    per_key = type_search(window.list_view.search, window.list_view.table, SEARCH_TERM)
    matches = []
    for i in range(1, len(SEARCH_TERM) + 1):
        window.list_view.search.setText(SEARCH_TERM[:i])
        matches.append(window.list_view.proxy.rowCount())
    window.list_view.search.clear()

    bare = BareList(window.list_view.model.rows)
    bare_build = until_painted(lambda: bare.window.table.viewport(), bare.build)
    bare_keys = type_search(bare.window.search, bare.window.table, SEARCH_TERM)
    print(f"  build window until the table is painted: app {ms(build_time)} ({shown} rows)   "
          f"bare QTableView {ms(bare_build)}")
    describe(f"filter per key, app ('{SEARCH_TERM}')", per_key, FILTER_GOAL_MS)
    describe("filter per key, bare QTableView + proxy", bare_keys)
    print(f"  rows left after each key: {matches}")
    bare.window.close()
    return window


class BareWindow(QMainWindow):
    def __init__(self, model: QStandardItemModel) -> None:
        super().__init__()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.stack = QStackedWidget()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.resize(1366, 768)


class BareList:
    """The baseline: the same rows as plain text items, filtered by Qt's own proxy."""

    def __init__(self, rows: list) -> None:
        self.rows = rows

    def build(self) -> None:
        model = QStandardItemModel(0, 6)
        for row in self.rows:
            model.appendRow([QStandardItem(text) for text in
                             (row.name, row.tahapan, row.catalogue_id, row.readiness_label,
                              f"{row.backed:g} / {row.maximum:g}", row.updated_at.strftime("%d-%m-%Y %H:%M"))])
        self.window = BareWindow(model)
        self.window.show()


def bench_open(window: QMainWindow, runs: int = 7) -> None:
    from inovasi_desktop.services import innovations

    rows = window.list_view.model.rows
    ids = [rows[i].id for i in range(0, len(rows), max(1, len(rows) // runs))][:runs]
    open_times, close_times, widget_counts = [], [], []
    for innovation_id in ids:
        open_times.append(until_painted(lambda: window.editor.view.step_list.viewport(),
                                        lambda i=innovation_id: window.open_innovation(i)))
        widget_counts.append(len(window.editor.view.findChildren(QWidget)))
        close_times.append(until_painted_after(window.list_view.table.viewport(), window.close_editor)[0])
    print(f"(c) open an innovation from the list of {len(rows)} ({runs} different ones)")
    describe("MainWindow.open_innovation until painted", open_times, OPEN_GOAL_MS)
    describe("close the editor back to the list", close_times)

    text = "\n\n".join(innovations.get(window.workspace, ids[0]).profile["rancang_bangun"].values())
    bare = BareList(rows)
    bare.build()
    QTest.qWaitForWindowExposed(bare.window)
    stack = bare.window.stack
    bare_times = []
    for _ in range(runs):
        def open_page() -> None:
            page = QPlainTextEdit(text)
            stack.addWidget(page)
            stack.setCurrentWidget(page)

        bare_times.append(until_painted(lambda: stack.currentWidget().viewport(), open_page))
        page = stack.currentWidget()
        stack.setCurrentIndex(0)
        stack.removeWidget(page)
        page.deleteLater()
    describe("bare: open a page with one QPlainTextEdit", bare_times)
    print(f"  the editor holds {statistics.median(widget_counts):.0f} widgets")
    bare.window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--skip-typing", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Inovasi Desktop (benchmark)")
    if not args.skip_typing:
        bench_typing(args.chars)
        print()
    with tempfile.TemporaryDirectory(prefix="inovasi_bench_list_") as home:
        ws = seed_workspace(Path(home), args.count)
        window = bench_list(ws, args.count)
        print()
        bench_open(window)
        window.close()
        ws.close()


if __name__ == "__main__":
    main()
