"""The command line as a user runs it: a real process, a real data folder, JSON output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=60)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "data"


def test_catalogs_lists_both_versions_with_the_default(home):
    result = run(home, "catalogs", "--json")
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(rows) == {"iid-2026", "iid-2023"}
    assert rows["iid-2026"]["default"] and not rows["iid-2023"]["default"]
    assert rows["iid-2026"]["sid_max"] == 111


def test_import_list_check_score_export_round_trip(home, tmp_path):
    imported = run(home, "import-json", str(EXAMPLE), "--json")
    assert imported.returncode == 0, imported.stderr
    innovation_id = json.loads(imported.stdout)["id"]

    listed = json.loads(run(home, "list", "--json").stdout)
    assert [r["id"] for r in listed] == [innovation_id]
    assert listed[0]["tahapan"] == "Penerapan"

    checked = run(home, "check", innovation_id[:8], "--json")
    report = json.loads(checked.stdout)
    # The example's evidence references carry no files yet: mandatory indicators are unbacked.
    assert checked.returncode == (0 if report["ready"] else 1)
    assert all(set(f) == {"severity", "where", "code", "message"} for f in report["findings"])

    score = json.loads(run(home, "score", innovation_id, "--json").stdout)
    assert score["maximum"] == 111
    assert 0 <= score["backed"] <= score["claimed"] <= 111
    assert len(score["indicators"]) == 20

    out = tmp_path / "keluar.json"
    exported = run(home, "export-json", innovation_id, str(out))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == innovation_id
    again = run(home, "import-json", str(out))
    assert again.returncode == 3 and "sudah ada" in again.stderr  # same id: refused, nothing changed


def test_invalid_input_is_refused_and_nothing_is_written(home, tmp_path):
    bad = tmp_path / "rusak.json"
    bad.write_text('{"format": "inovasi-desktop/innovation", "version": 99}', encoding="utf-8")
    result = run(home, "import-json", str(bad))
    assert result.returncode == 3
    assert "versi" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(run(home, "list", "--json").stdout) == []


def test_unknown_catalogue_in_input_is_refused(home, tmp_path):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["catalogue_id"] = "iid-2099"
    path = tmp_path / "lain.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run(home, "import-json", str(path), "--json")
    assert result.returncode == 3
    assert "iid-2099" in json.loads(result.stdout)["error"]


def test_usage_errors_and_unknown_ids(home):
    assert run(home, "check").returncode == 2
    missing = run(home, "score", "00000000")
    assert missing.returncode == 3 and "Tidak ada inovasi" in missing.stderr


def test_no_display_gives_a_message_instead_of_a_crash(home):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["INOVASI_HOME"] = str(home)
    result = subprocess.run([sys.executable, "-m", "inovasi_desktop"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr


def test_writing_onto_a_folder_is_explained_in_indonesian(home, tmp_path):
    imported = run(home, "import-json", str(EXAMPLE), "--json")
    innovation_id = json.loads(imported.stdout)["id"]
    folder = tmp_path / "hasil.json"
    folder.mkdir()
    result = run(home, "export-json", innovation_id, str(folder))
    assert result.returncode == 3
    reason = "akses ditolak" if sys.platform == "win32" else "yang dipilih adalah folder, bukan berkas"
    assert result.stderr == f"Galat: Berkas {folder} tidak dapat ditulis: {reason}.\n"
