"""Start-up time of the command line and of the window, each against its own baseline in the same run.

(a) `inovasi-desktop catalogs` against `python -c pass` (median of N runs, fresh INOVASI_HOME each).
    Goal: within 0.3 s of the bare interpreter. When missed (or with --importtime), the costliest
    imports of the command (python -X importtime) are listed.
(b) The real app (`inovasi_desktop.__main__.main([])`) until its main window is shown, against a bare
    PySide6 QMainWindow, both in child processes under QT_QPA_PLATFORM=offscreen. Each child reports
    `time.monotonic()` from a `QTimer.singleShot(0)` queued when the main window is shown; the parent
    subtracts its own `time.monotonic()` taken just before spawning (CLOCK_MONOTONIC is system-wide on
    Linux, so the two clocks agree). Goal: at most 1.5x the bare window.
    The app shows its window first and loads the data on the next turn of the event loop, so the time
    until that is done (`MainWindow.loaded`, the list filled and the last innovation reopened) is
    reported too. Two cases: an existing data folder (organisation set, 20 innovations, the last one
    open in the editor) and an empty one (first run).
All children share one warm bytecode cache (PYTHONPYCACHEPREFIX), as an installed copy would have one,
even where the environment sets PYTHONDONTWRITEBYTECODE.
Run: .venv/bin/python benchmarks/bench_startup.py [--runs 10] [--importtime]
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

# A child that reports the monotonic time of the first turn of the event loop after a QMainWindow is
# shown and, for a window with a `loaded` flag (the app's), of the first turn after it became true.
SHOWN_HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def shown(window):
    sys.stdout.write(f"SHOWN {time.monotonic():.6f}\\n")
    sys.stdout.flush()
    sys.stderr.write("SHOWN\\n")  # splits the -X importtime lines: before / after the window is shown
    if hasattr(window, "loaded"):
        wait_loaded(window)
    else:
        os._exit(0)

def wait_loaded(window):
    if not window.loaded:
        QTimer.singleShot(1, lambda: wait_loaded(window))
        return
    sys.stdout.write(f"LOADED {time.monotonic():.6f}\\n")
    sys.stdout.flush()
    os._exit(0)  # stop here: no close handlers, no dialogs

class FirstShow(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
            QTimer.singleShot(0, lambda: shown(obj))
            QApplication.instance().removeEventFilter(self)
        return False

app = QApplication(sys.argv)
hook = FirstShow()
app.installEventFilter(hook)
"""

BARE_WINDOW = SHOWN_HOOK + """
window = QMainWindow()
window.resize(1280, 720)
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


def time_to_shown(code: str, home: Path) -> dict[str, float]:
    """Seconds from spawning the child until each mark it reports ("SHOWN", "LOADED")."""
    env = child_env(home)
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    marks = {line.split()[0]: float(line.split()[1]) - start for line in done.stdout.splitlines()
             if line.startswith(("SHOWN ", "LOADED "))}
    if "SHOWN" not in marks:
        raise RuntimeError(f"child did not report a shown window (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return marks


def prepare_workspace(home: Path, innovations_count: int) -> None:
    """An organisation and some innovations, as after a few days of use."""
    os.environ["INOVASI_HOME"] = str(home)
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import innovations, organisation, settings
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace(home=home)
    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                                       head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
                                       default_catalogue="iid-2026"))
    last = example = innovations.import_example(ws)  # the example loads once; the others are copies of it
    for _ in range(innovations_count - 1):
        last = innovations.duplicate(ws, example.id)
    settings.put(ws, {settings.LAST_INNOVATION: last.id, settings.LAST_STEP: "rancang_bangun"})
    ws.close()


def gui_times(runs: int, used_home: Path) -> dict[str, list[dict[str, float]]]:
    result: dict[str, list[dict[str, float]]] = {"bare": [], "app": [], "app_first_run": []}
    time_to_shown(REAL_APP, used_home)  # fills the bytecode cache
    for _ in range(runs):  # interleaved, so drifts in machine load hit all alike
        with tempfile.TemporaryDirectory() as empty:
            result["bare"].append(time_to_shown(BARE_WINDOW, Path(empty)))
        result["app"].append(time_to_shown(REAL_APP, used_home))
        with tempfile.TemporaryDirectory() as empty:
            result["app_first_run"].append(time_to_shown(REAL_APP, Path(empty)))
    return result


def import_rows(argv: list[str], home: Path) -> list[tuple[int, int, str, bool]]:
    """(cumulative us, self us, module, before the SHOWN mark) of every import of `python -X importtime ARGV`."""
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], env=child_env(home),
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
    args = parser.parse_args()

    try:
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
    used_home = Path(tempfile.mkdtemp(prefix="inovasi_bench_home_"))
    try:
        prepare_workspace(used_home, 20)
        gui = gui_times(runs, used_home)
        by_package = import_cost_by_package(REAL_APP, used_home)
    finally:
        shutil.rmtree(used_home, ignore_errors=True)
    def median(key: str, mark: str) -> float:
        return statistics.median(m[mark] for m in gui[key])

    bare = median("bare", "SHOWN")
    print(f"\n(b) window shown (offscreen), from spawn, median of {runs} runs")
    print(f"    bare PySide6 QMainWindow             shown {ms(bare)}")
    for key, label in (("app", "app, existing data folder (20 inn.)"), ("app_first_run", "app, empty data folder")):
        shown, loaded = median(key, "SHOWN"), median(key, "LOADED")
        ratio = shown / bare
        print(f"    {label:<36} shown {ms(shown)}  {ratio:4.2f}x  goal <= {GUI_GOAL_RATIO}x: "
              f"{'met' if ratio <= GUI_GOAL_RATIO else 'MISSED'};  data loaded {ms(loaded)}")
    if median("app", "SHOWN") > GUI_GOAL_RATIO * bare:
        for when, label in ((True, "before the window is shown"), (False, "after, while loading the data")):
            listed = ", ".join(f"{package} {own / 1000:.0f}" for package, own in by_package[when][:8])
            print(f"    imports {label} (ms of own time by package, under -X importtime): {listed}")


if __name__ == "__main__":
    main()
