"""Start-up time of the command line and of the window, each against its own baseline in the same run.

(a) `inovasi-desktop catalogs` against `python -c pass` (median of N runs, fresh INOVASI_HOME each).
    Goal: within 0.3 s of the bare interpreter. When missed (or with --importtime), the costliest
    imports of the command (python -X importtime) are listed.
(b) The real app (`inovasi_desktop.__main__.main([])`) in child processes under QT_QPA_PLATFORM=offscreen,
    each child reporting `time.monotonic()` at marks; the parent subtracts its own `time.monotonic()` taken
    just before spawning (CLOCK_MONOTONIC is system-wide on Linux, so the two clocks agree):
      SHOWN   the first turn of the event loop after the main window is shown;
      ROWS    the first turn after a QTableView viewport was painted holding rows (the list is usable);
      LOADED  the first turn after `MainWindow.loaded` became true (catalogues and database open, the last
              innovation reopened).
    Baselines in the same run: a bare PySide6 QMainWindow (SHOWN), and a bare window that opens a raw
    `sqlite3` connection to the same database file, reads the same list rows (name, tahapan, catalogue,
    readiness, score, date) into a QStandardItemModel and shows them in a QTableView (ROWS).
    Goal: the list's rows painted within 1.5x of the bare list window (the window shown is reported
    beside the bare window; it already holds the list). Cases: an existing data folder (organisation set,
    20 innovations) showing the list; the same folder reopening the last innovation in the editor; an
    empty data folder (first run).
All children share one warm bytecode cache (PYTHONPYCACHEPREFIX), as an installed copy would have one,
even where the environment sets PYTHONDONTWRITEBYTECODE.
Run: .venv/bin/python benchmarks/bench_startup.py [--runs 10] [--importtime] [--gui-only]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI_GOAL_S = 0.3
GUI_GOAL_RATIO = 1.5
VENV_BIN = Path(sys.executable).parent

# A child that reports the monotonic time of marks (see the module text), then exits once it has seen every mark
# named in BENCH_MARKS.
SHOWN_HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

WANTED = set(os.environ["BENCH_MARKS"].split(","))
SEEN = set()

def mark(name):
    if name in SEEN:
        return
    SEEN.add(name)
    sys.stdout.write(f"{name} {time.monotonic():.6f}\\n")
    sys.stdout.flush()
    if name == "SHOWN":
        sys.stderr.write("SHOWN\\n")  # splits the -X importtime lines: before / after the window is shown
    if WANTED <= SEEN:
        os._exit(0)  # stop here: no close handlers, no dialogs

def wait_loaded(window):
    if getattr(window, "loaded", True):
        mark("LOADED")
    else:
        QTimer.singleShot(1, lambda: wait_loaded(window))

class Marks(QObject):
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(obj, QMainWindow) and "SHOWN" not in SEEN:
            QTimer.singleShot(0, lambda: (mark("SHOWN"), wait_loaded(obj)))
        elif kind == QEvent.Type.Paint and "ROWS" not in SEEN and isinstance(obj, QWidget):
            view = obj.parent()
            if isinstance(view, QTableView) and view.viewport() is obj and view.model() is not None \\
                    and view.model().rowCount() > 0:
                QTimer.singleShot(0, lambda: mark("ROWS"))
        return False

app = QApplication(sys.argv)
marks = Marks()
app.installEventFilter(marks)
"""

BARE_WINDOW = SHOWN_HOOK + """
window = QMainWindow()
window.resize(1280, 720)
window.show()
app.exec()
"""

# The same rows the app's list shows, read with the standard library and shown in a plain table.
BARE_LIST = SHOWN_HOOK + """
import json, sqlite3
from PySide6.QtGui import QStandardItem, QStandardItemModel

path = os.path.join(os.environ["INOVASI_HOME"], "inovasi.sqlite3")
connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
model = QStandardItemModel(0, 6)
query = ("SELECT name, tahapan, catalogue_id, summary_json, updated_at FROM innovations "
         "WHERE deleted_at IS NULL ORDER BY updated_at DESC")
for name, tahapan, catalogue_id, summary, updated_at in connection.execute(query):
    s = json.loads(summary or "{}")
    model.appendRow([QStandardItem(text) for text in (name, tahapan, catalogue_id, s.get("readiness_label", ""),
                                                       f"{s.get('backed', 0):.0f} / {s.get('maximum', 0):.0f}",
                                                       updated_at[:16])])
connection.close()
window = QMainWindow()
window.resize(1280, 720)
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.show()
app.exec()
"""

REAL_APP = SHOWN_HOOK + """
from inovasi_desktop.__main__ import main
sys.exit(main([]))
"""

BYTECODE_CACHE = Path(tempfile.mkdtemp(prefix="inovasi_bench_pyc_"))


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, INOVASI_HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
               INOVASI_NO_CRASH_DIALOG="1", PYTHONPYCACHEPREFIX=str(BYTECODE_CACHE))
    env.pop("INOVASI_FORMS", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def wall_time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def cli_times(runs: int) -> tuple[list[float], list[float]]:
    cli = [str(VENV_BIN / "inovasi-desktop"), "catalogs"]
    bare = [sys.executable, "-c", "pass"]
    cli_s, bare_s = [], []
    for _ in range(runs + 1):  # interleaved, so drifts in machine load hit both alike
        with tempfile.TemporaryDirectory() as home:
            cli_s.append(wall_time(cli, child_env(Path(home))))
        with tempfile.TemporaryDirectory() as home:
            bare_s.append(wall_time(bare, child_env(Path(home))))
    return cli_s[1:], bare_s[1:]  # the first run fills the bytecode cache


def time_to_marks(code: str, home: Path, marks: str) -> dict[str, float]:
    """Seconds from spawning the child until each of `marks` ("SHOWN,ROWS,LOADED") it reports."""
    env = dict(child_env(home), BENCH_MARKS=marks)
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    found = {line.split()[0]: float(line.split()[1]) - start for line in done.stdout.splitlines()
             if line.split() and line.split()[0] in marks.split(",")}
    if set(found) != set(marks.split(",")):
        raise RuntimeError(f"child reported {sorted(found)}, not {marks} (exit {done.returncode}):\n"
                           f"{done.stderr[-2000:]}")
    return found


def prepare_workspace(home: Path, innovations_count: int) -> str:
    """An organisation and some innovations, as after a few days of use; returns the last one's id."""
    os.environ["INOVASI_HOME"] = str(home)
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import innovations, organisation
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace(home=home)
    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                                       head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
                                       default_catalogue="iid-2026"))
    last = example = innovations.import_example(ws)  # the example loads once; the others are copies of it
    for _ in range(innovations_count - 1):
        last = innovations.duplicate(ws, example.id)
    ws.close()
    return last.id


def set_last_innovation(home: Path, innovation_id: str | None) -> None:
    """What the app remembers on close: the innovation (and step) open in the editor, if any."""
    from inovasi_desktop.services import settings
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace(home=home)
    settings.put(ws, {settings.LAST_INNOVATION: innovation_id,
                      settings.LAST_STEP: "rancang_bangun" if innovation_id else None})
    ws.close()


CASES = (  # key, label, child code, marks, data folder ("list", "editor" or "empty")
    ("bare", "bare PySide6 QMainWindow", BARE_WINDOW, "SHOWN", "empty"),
    ("bare_list", "bare window + sqlite3 + QTableView", BARE_LIST, "SHOWN,ROWS", "list"),
    ("app_list", "app, 20 innovations, list", REAL_APP, "SHOWN,ROWS,LOADED", "list"),
    ("app_editor", "app, 20 innovations, reopens editor", REAL_APP, "SHOWN,LOADED", "editor"),
    ("app_empty", "app, empty data folder (first run)", REAL_APP, "SHOWN,LOADED", "empty"),
)


def gui_times(runs: int, homes: dict[str, Path]) -> dict[str, list[dict[str, float]]]:
    result: dict[str, list[dict[str, float]]] = {key: [] for key, *_ in CASES}
    time_to_marks(REAL_APP, homes["list"], "SHOWN,LOADED")  # fills the bytecode cache
    for _ in range(runs):  # interleaved, so drifts in machine load hit all alike
        for key, _label, code, marks, folder in CASES:
            if folder == "empty":
                with tempfile.TemporaryDirectory() as empty:
                    result[key].append(time_to_marks(code, Path(empty), marks))
            else:
                result[key].append(time_to_marks(code, homes[folder], marks))
    return result


def import_rows(argv: list[str], home: Path) -> list[tuple[int, int, str, bool]]:
    """(cumulative us, self us, module, before the SHOWN mark) of every import of `python -X importtime ARGV`."""
    env = dict(child_env(home), BENCH_MARKS="SHOWN,ROWS,LOADED")
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], env=env,
                          capture_output=True, text=True, timeout=60)
    rows, before = [], True
    for line in done.stderr.splitlines():
        before = before and line != "SHOWN"
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = (part.strip() for part in line[len("import time:"):].split("|"))
        rows.append((int(cumulative_us), int(self_us), name, before))
    return rows


def import_costs(top: int = 15) -> list[tuple[int, int, str]]:
    """The costliest imports of `inovasi-desktop catalogs`."""
    with tempfile.TemporaryDirectory() as home:
        return sorted(row[:3] for row in import_rows(["-m", "inovasi_desktop", "catalogs"], Path(home)))[::-1][:top]


def import_cost_by_package(code: str, home: Path) -> dict[bool, list[tuple[str, int]]]:
    """Own import time summed per top-level package (us), costliest first; keyed by 'before shown'."""
    totals: dict[bool, dict[str, int]] = {True: {}, False: {}}
    for _, own, name, before in import_rows(["-c", code], home):
        package = name.split(".")[0]
        totals[before][package] = totals[before].get(package, 0) + own
    return {when: sorted(found.items(), key=lambda item: -item[1]) for when, found in totals.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--importtime", action="store_true", help="list the costliest imports even if the goal is met")
    parser.add_argument("--gui-only", action="store_true", help="skip the command line part")
    args = parser.parse_args()

    try:
        if not args.gui_only:
            report_cli(args.runs, args.importtime)
        report_gui(args.runs)
    finally:
        shutil.rmtree(BYTECODE_CACHE, ignore_errors=True)


def report_cli(runs: int, importtime: bool) -> None:
    cli_s, bare_s = cli_times(runs)
    cli_med, bare_med = statistics.median(cli_s), statistics.median(bare_s)
    diff = cli_med - bare_med
    print(f"(a) command line, median of {runs} runs")
    print(f"    python -c pass            {ms(bare_med)}   (min {ms(min(bare_s))})")
    print(f"    inovasi-desktop catalogs  {ms(cli_med)}   (min {ms(min(cli_s))})")
    print(f"    difference                {ms(diff)}   goal <= {CLI_GOAL_S * 1000:.0f} ms: "
          f"{'met' if diff <= CLI_GOAL_S else 'MISSED'}")
    if diff > CLI_GOAL_S or importtime:
        print("    costliest imports (cumulative / self):")
        for cumulative, own, name in import_costs():
            print(f"      {cumulative / 1000:7.1f} ms {own / 1000:7.1f} ms  {name}")


def report_gui(runs: int) -> None:
    homes = {"list": Path(tempfile.mkdtemp(prefix="inovasi_bench_home_"))}
    try:
        last_id = prepare_workspace(homes["list"], 20)
        homes["editor"] = Path(tempfile.mkdtemp(prefix="inovasi_bench_home_"))
        shutil.copytree(homes["list"], homes["editor"], dirs_exist_ok=True)
        set_last_innovation(homes["editor"], last_id)
        gui = gui_times(runs, homes)
        by_package = import_cost_by_package(REAL_APP, homes["list"])
    finally:
        for home in homes.values():
            shutil.rmtree(home, ignore_errors=True)

    def median(key: str, mark: str) -> float:
        return statistics.median(m[mark] for m in gui[key])

    def verdict(ratio: float) -> str:
        return f"{ratio:4.2f}x  goal <= {GUI_GOAL_RATIO}x: {'met' if ratio <= GUI_GOAL_RATIO else 'MISSED'}"

    bare, bare_rows = median("bare", "SHOWN"), median("bare_list", "ROWS")
    print(f"\n(b) window (offscreen), from spawn, median of {runs} runs")
    for key, label, _code, marks, _folder in CASES:
        parts = [f"{mark.lower()} {ms(median(key, mark))}" for mark in marks.split(",")]
        print(f"    {label:<40} " + "  ".join(parts))
    print(f"    list rows painted: app {ms(median('app_list', 'ROWS'))} vs bare list {ms(bare_rows)}  "
          + verdict(median("app_list", "ROWS") / bare_rows))
    for key in ("app_list", "app_empty"):  # the list and its rows are already in it: no goal of its own
        print(f"    window shown ({key}): {ms(median(key, 'SHOWN'))} vs bare window {ms(bare)}  "
              f"{median(key, 'SHOWN') / bare:4.2f}x")
    for when, label in ((True, "before the window is shown"), (False, "after, while loading the data")):
        listed = ", ".join(f"{package} {own / 1000:.0f}" for package, own in by_package[when][:8])
        print(f"    imports {label} (ms of own time by package, under -X importtime): {listed}")


if __name__ == "__main__":
    main()
