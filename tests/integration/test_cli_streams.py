"""Output through a pipe in a legacy code page (what Windows gives a pipe: cp1252) and output nobody reads."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"
NAME = "SI-PANTAU ✓ ꦱꦶꦥꦤ꧀ꦠꦸ"  # a check mark and Javanese script: neither is in cp1252


@pytest.fixture
def document(tmp_path: Path) -> Path:
    """The example under a name cp1252 cannot encode, with its evidence beside it."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["profile"]["nama_inovasi"] = NAME
    shutil.copytree(EXAMPLE.parent / "bukti", tmp_path / "bukti")
    path = tmp_path / "aksara.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run_cp1252(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "INOVASI_HOME": str(home), "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, env=env,
                          timeout=120)


def test_names_in_any_script_print_as_utf8_through_a_cp1252_pipe(tmp_path, document):
    home = tmp_path / "data"
    imported = run_cp1252(home, "import-json", str(document))
    assert imported.returncode == 0, imported.stderr.decode("utf-8")
    assert imported.stdout.decode("utf-8").startswith(f"Diimpor: {NAME} (")
    listed = run_cp1252(home, "list")
    assert listed.returncode == 0 and NAME in listed.stdout.decode("utf-8")
    as_json = run_cp1252(home, "list", "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout.decode("utf-8"))[0]["name"] == NAME
    missing = run_cp1252(home, "check", "ꦱꦶ")
    assert missing.returncode == 3 and "ꦱꦶ" in missing.stderr.decode("utf-8")


class _GoneReader(io.RawIOBase):
    """A pipe whose reader has gone: every write fails, as after `inovasi-desktop list | head -1`."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_failure_to_print_changes_neither_the_work_nor_the_exit_code(monkeypatch, workspace, document):
    from inovasi_desktop.cli import main
    from inovasi_desktop.services import innovations

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_GoneReader()), encoding="cp1252"))
    assert main(["import-json", str(document)]) == 0
    assert [row.name for row in innovations.list_rows(workspace)] == [NAME]
    assert main(["list", "--json"]) == 0  # the rest of the output goes nowhere, quietly
