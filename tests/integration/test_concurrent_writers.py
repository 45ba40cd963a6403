"""Two writers on one data folder never lose each other's work: the window's autosave against the command
line, and command line against command line, started with random timing.

Most trials run the writers as threads, each with a Workspace of its own (its own engine and connections,
so they meet only at SQLite's lock, as two processes do); a few run real `inovasi-desktop` processes.
Every success a writer reports must be true afterwards, and nothing any writer reported is lost.
"""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from inovasi_desktop.domain import InovasiError
from inovasi_desktop.services import innovation_evidence, innovations
from inovasi_desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"
TRIALS = 100
LINK_TARGET = 20  # an indicator that takes links


def cli_add_link(home: Path, innovation_id: str, url: str) -> None:
    """What `evidence-add ID 20 --link URL` does, in a workspace of its own."""
    ws = Workspace(home)
    try:
        innovation_evidence.add_link(ws, innovation_id, LINK_TARGET, url)
    finally:
        ws.close()


def gui_autosave(home: Path, innovation_id: str, name: str, note: str, pause: float) -> tuple:
    """What the editor does: read the innovation, the user types for a while, the autosave writes it."""
    ws = Workspace(home)
    try:
        mine = innovations.get(ws, innovation_id)
        base = copy.deepcopy(mine)
        time.sleep(pause)
        mine.profile["nama_inovasi"] = name
        mine.answer(3).notes = note
        return innovations.save(ws, mine, base=base, keep_mine=True).conflicts
    finally:
        ws.close()


def run_together(jobs: list, rng: random.Random) -> list:
    """Start the jobs on threads with a random delay each; returns (job index, result or exception)."""
    outcomes: list = []

    def run(index: int, job, delay: float) -> None:
        time.sleep(delay)
        try:
            outcomes.append((index, job()))
        except Exception as err:  # noqa: BLE001 - recorded and judged by the test
            outcomes.append((index, err))

    threads = [threading.Thread(target=run, args=(i, job, rng.random() * 0.03)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes, key=lambda pair: pair[0])


def test_a_hundred_trials_of_concurrent_writers_lose_nothing(workspace):
    home, rng = workspace.home, random.Random(20261207)
    innovation = innovations.create(workspace)
    reported_links: list[str] = []
    for trial in range(TRIALS):
        gui_and_cli = trial % 2 == 0
        urls = [f"https://contoh.go.id/uji/{trial}/{n}" for n in range(1 if gui_and_cli else 2)]
        jobs = [lambda url=url: cli_add_link(home, innovation.id, url) for url in urls]
        if gui_and_cli:
            jobs.append(lambda t=trial: gui_autosave(home, innovation.id, f"Inovasi uji {t}", f"catatan {t}",
                                                     rng.random() * 0.03))
        outcomes = run_together(jobs, rng)
        failures = [result for _, result in outcomes if isinstance(result, Exception)]
        assert failures == [], f"trial {trial}"
        reported_links += urls
        stored = innovations.get(workspace, innovation.id)
        assert sorted(i.link for i in stored.answers[LINK_TARGET].evidence) == sorted(reported_links), f"trial {trial}"
        if gui_and_cli:
            assert outcomes[-1][1] == ()  # nobody else changed the name or the notes: no conflict
            assert (stored.name, stored.answers[3].notes) == (f"Inovasi uji {trial}", f"catatan {trial}")
    assert workspace.db.integrity_ok()
    with workspace.db.begin() as session:
        assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def run_cli(home: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.Popen([sys.executable, "-m", "inovasi_desktop", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def test_real_processes_adding_evidence_while_the_window_saves_lose_nothing(workspace, files):
    home = workspace.home
    innovation = innovations.create(workspace)
    pdfs = [files.text_pdf(f"SK {n}.pdf", (f"Surat Keputusan nomor {n}",)) for n in range(2)]
    for trial in range(2):
        links = [f"https://contoh.go.id/proses/{trial}/{n}" for n in range(2)]
        processes = [run_cli(home, "evidence-add", innovation.id, str(LINK_TARGET), "--link", url) for url in links]
        processes.append(run_cli(home, "evidence-add", innovation.id, "1", str(pdfs[trial])))
        conflicts = gui_autosave(home, innovation.id, f"Nama {trial}", f"catatan {trial}", 0.4)
        results = [finish(p) for p in processes]
        assert [code for code, _, _ in results] == [0, 0, 0], results
        assert all("ditambahkan" in out.lower() for _, out, _ in results)
        stored = innovations.get(workspace, innovation.id)
        assert {i.link for i in stored.answers[LINK_TARGET].evidence} >= set(links)
        assert pdfs[trial].name in [i.file_name for i in stored.answers[1].evidence]
        assert conflicts == () and stored.name == f"Nama {trial}"
    assert workspace.db.integrity_ok()


def test_two_processes_importing_the_same_innovation_one_succeeds_the_other_says_so(tmp_path):
    home = tmp_path / "data"
    for _ in range(2):
        processes = [run_cli(home, "import-json", str(EXAMPLE), "--json") for _ in range(2)]
        results = sorted(finish(p) for p in processes)
        codes = [code for code, _, _ in results]
        if codes == [3, 3]:  # the second round: the first one's import is there already
            assert all("sudah ada" in err for _, _, err in results)
            continue
        assert codes == [0, 3], results
        assert "sudah ada" in results[1][2]
        imported = json.loads(results[0][1])["id"]
    ws = Workspace(home)
    try:
        assert [r.id for r in innovations.list_rows(ws)] == [imported]
        assert len(innovations.get(ws, imported).all_evidence()) > 20
        assert ws.db.integrity_ok()
    finally:
        ws.close()


def test_a_save_that_started_from_an_old_revision_without_a_base_is_refused(workspace):
    innovation = innovations.create(workspace)
    stale = innovations.get(workspace, innovation.id)
    innovation_evidence.add_link(workspace, innovation.id, LINK_TARGET, "https://contoh.go.id/a")
    stale.profile["nama_inovasi"] = "Lama"
    try:
        innovations.save(workspace, stale)
    except InovasiError as err:
        assert "diubah di tempat lain" in str(err)
    else:
        raise AssertionError("a stale save went through")
    assert [i.link for i in innovations.get(workspace, innovation.id).all_evidence()] == ["https://contoh.go.id/a"]
