"""`bundle-export`, `bundle-verify` and `bundle-import` as a user runs them: real processes, two data folders."""

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
                          env=env, timeout=300)


def test_export_verify_preview_import_and_the_same_json(tmp_path):
    opd, bappeda = tmp_path / "opd", tmp_path / "bappeda"
    innovation_id = json.loads(run(opd, "import-json", str(EXAMPLE), "--json").stdout)["id"]
    target = tmp_path / "kiriman.inovasi"

    made = run(opd, "bundle-export", innovation_id[:8], "-o", str(target), "--with-pdf", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["parts"][0]["path"] == str(target)
    checked = run(bappeda, "bundle-verify", str(target))
    assert checked.returncode == 0 and "Kiriman utuh" in checked.stdout and "berkas bukti: 24" in checked.stdout

    dry = run(bappeda, "bundle-import", str(target), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert [(i["status"], i["choice"]) for i in json.loads(dry.stdout)["innovations"]] == [("new", "ambil-kiriman")]
    assert json.loads(run(bappeda, "list", "--json").stdout) == []  # a dry run writes nothing

    taken = run(bappeda, "bundle-import", str(target))
    assert taken.returncode == 0, taken.stderr
    assert "24 berkas bukti baru disimpan" in taken.stdout
    run(opd, "export-json", innovation_id, str(tmp_path / "a.json"))
    run(bappeda, "export-json", innovation_id, str(tmp_path / "b.json"))
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    again = run(bappeda, "bundle-import", str(target), "--dry-run")
    assert "sama" in again.stdout


def test_parts_missing_and_hostile_files_give_exit_codes(tmp_path):
    opd, bappeda = tmp_path / "opd", tmp_path / "bappeda"
    innovation_id = json.loads(run(opd, "import-json", str(EXAMPLE), "--json").stdout)["id"]
    made = run(opd, "bundle-export", innovation_id, "-o", str(tmp_path / "s.inovasi"), "--bagian-mb", "0,5", "--json")
    assert made.returncode == 0, made.stderr
    parts = [p["path"] for p in json.loads(made.stdout)["parts"]]
    assert len(parts) >= 2
    partial = run(bappeda, "bundle-import", *parts[:-1])
    assert partial.returncode == 1 and f"Bagian {len(parts)} dari {len(parts)} belum ada" in partial.stdout
    assert json.loads(run(bappeda, "list", "--json").stdout) == []

    hostile = tmp_path / "jahat.inovasi"
    hostile.write_bytes(b"")
    refused = run(bappeda, "bundle-import", str(hostile))
    assert refused.returncode == 3 and "jahat.inovasi ditolak: berkasnya kosong" in refused.stderr
    inside = run(opd, "bundle-export", innovation_id, "-o", str(opd / "x.inovasi"))
    assert inside.returncode == 3 and "folder data aplikasi" in inside.stderr
