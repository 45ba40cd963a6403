"""`portal-package` as a user runs it: a real process, a real data folder, the example innovation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "contoh-inovasi.json"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_portal_package_writes_the_folder_and_reports_what_does_not_fit(tmp_path):
    home = tmp_path / "data"
    innovation_id = json.loads(run(home, "import-json", str(EXAMPLE), "--json").stdout)["id"]

    made = run(home, "portal-package", innovation_id[:8], "-o", str(tmp_path / "paket"), "--json")
    assert made.returncode == 0, made.stderr
    report = json.loads(made.stdout)
    assert report["cap_bytes"] == 2 * 1024 * 1024 and report["problems"] == []
    assert sorted(report["files"]) == sorted(p.name for p in (tmp_path / "paket").iterdir())
    pdfs = [r for r in report["rows"] if r["file"].endswith(".pdf")]
    assert len(pdfs) == 19 and all(0 < r["bytes"] <= report["cap_bytes"] for r in pdfs)
    assert pdfs[0]["file"].endswith("(Indikator 1).pdf") and pdfs[0]["status"] == "siap"

    tight = run(home, "portal-package", innovation_id, "-o", str(tmp_path / "ketat"), "--batas-mb", "0,06")
    assert tight.returncode == 1, tight.stderr
    assert "Melebihi batas" in tight.stdout and "di atas batas 61,4 KB" in tight.stdout
    assert "(Indikator 10).pdf" in tight.stdout and "Kliping-Berita-Peluncuran.jpg" in tight.stdout


def test_portal_package_refuses_the_data_folder_and_a_folder_with_files(tmp_path):
    home = tmp_path / "data"
    innovation_id = json.loads(run(home, "import-json", str(EXAMPLE), "--json").stdout)["id"]

    inside = run(home, "portal-package", innovation_id, "-o", str(home / "paket"))
    assert inside.returncode == 3 and "folder data aplikasi" in inside.stderr
    assert not (home / "paket").exists()

    taken = tmp_path / "terisi"
    taken.mkdir()
    (taken / "catatan.txt").write_text("milik pengguna")
    refused = run(home, "portal-package", innovation_id, "-o", str(taken))
    assert refused.returncode == 3 and "tidak kosong" in refused.stderr
    assert [p.name for p in taken.iterdir()] == ["catatan.txt"]

    wrong = run(home, "portal-package", innovation_id, "-o", str(tmp_path / "x"), "--batas-mb", "nol")
    assert wrong.returncode == 2 and "bukan angka megabita" in wrong.stderr
