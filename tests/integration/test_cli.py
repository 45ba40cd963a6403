"""The command line as a user runs it: a real process, a real data folder, JSON output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from platform_skips import needs_no_display

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, encoding="utf-8",
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
    # The example's evidence files sit beside it (examples/bukti/) and came along: nothing to fix.
    assert checked.returncode == 0 and report["ready"] and report["label"].startswith("20/20 indikator berbukti")
    assert all(set(f) == {"severity", "where", "code", "message"} for f in report["findings"])

    score = json.loads(run(home, "score", innovation_id, "--json").stdout)
    assert score["maximum"] == 111
    assert 0 < score["backed"] == score["claimed"] <= 111
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


@needs_no_display
def test_no_display_gives_a_message_instead_of_a_crash(home):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["INOVASI_HOME"] = str(home)
    result = subprocess.run([sys.executable, "-m", "inovasi_desktop"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr


ORGANISATION = {"--pemda": "Kabupaten Mojokerto", "--provinsi": "Jawa Timur", "--opd": "Dinas Kesehatan",
                "--narahubung": "Rina Wulandari", "--telepon": "0321-391234", "--surel": "inovasi@dinkes.example.id",
                "--kepala": "dr. Bambang Supriyadi, M.Kes.", "--nip": "197203151998031007",
                "--jabatan": "Kepala Dinas Kesehatan Kabupaten Mojokerto", "--katalog": "iid-2026"}


def options(values: dict[str, str]) -> list[str]:
    return [part for option, value in values.items() for part in (option, value)]


def test_organisation_is_shown_set_and_checked_like_the_dialog_does(home):
    empty = run(home, "organisation", "--json")
    assert empty.returncode == 0, empty.stderr
    shown = json.loads(empty.stdout)
    assert not shown["complete"] and set(shown["problems"]) == {"pemda", "opd", "head_name", "head_nip"}
    assert shown["default_catalogue"] == "iid-2026"  # nothing chosen: the newest catalogue

    partial = run(home, "organisation", "--pemda", "Kabupaten Mojokerto")  # the dialog would not save this either
    assert partial.returncode == 3
    assert "--opd: Nama OPD wajib diisi." in partial.stderr and "--nip: NIP kepala OPD wajib diisi." in partial.stderr
    assert json.loads(run(home, "organisation", "--json").stdout)["pemda"] == ""  # nothing saved

    saved = run(home, "organisation", *options(ORGANISATION))
    assert saved.returncode == 0, saved.stderr
    assert "Data organisasi disimpan." in saved.stdout
    assert "NIP kepala OPD     : 19720315 199803 1 007" in saved.stdout
    data = json.loads(run(home, "organisation", "--json").stdout)
    assert data["complete"] and data["problems"] == {} and not data["saved"]
    assert (data["pemda"], data["opd"], data["contact_name"], data["head_name"], data["head_position"]) == (
        "Kabupaten Mojokerto", "Dinas Kesehatan", "Rina Wulandari", "dr. Bambang Supriyadi, M.Kes.",
        "Kepala Dinas Kesehatan Kabupaten Mojokerto")
    assert (data["head_nip"], data["head_nip_printed"]) == ("197203151998031007", "19720315 199803 1 007")

    for args, option, words in ((("--nip", "1972031519980310"), "--nip", "18 angka"),
                                (("--nip", "19720315-199803-1-007"), "--nip", "18 angka"),
                                (("--surel", "bukan surel"), "--surel", "tidak valid"),
                                (("--kepala", "  "), "--kepala", "wajib diisi"),
                                (("--opd", "Dinas\nKesehatan"), "--opd", "satu baris"),
                                (("--katalog", "iid-2099"), "--katalog", "iid-2026, iid-2023")):
        refused = run(home, "organisation", *args, "--json")
        assert refused.returncode == 3, args
        assert f"{option}: " in refused.stderr and words in json.loads(refused.stdout)["error"], args
    assert json.loads(run(home, "organisation", "--json").stdout) == data  # every refusal changed nothing

    grouped = run(home, "organisation", "--nip", "19851230 201012 2 002", "--katalog", "iid-2023", "--json")
    assert grouped.returncode == 0, grouped.stderr
    after = json.loads(grouped.stdout)
    assert (after["head_nip"], after["default_catalogue"], after["saved"]) == ("198512302010122002", "iid-2023", True)
    assert run(home, "organisation", "--nip").returncode == 2  # an option without its value: usage
    assert run(home, "organisation", "--kabupaten", "x").returncode == 2


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def test_a_dossier_made_only_from_the_command_line_has_a_real_cover_and_pengesahan(home, tmp_path):
    assert run(home, "organisation", *options(ORGANISATION)).returncode == 0
    imported = run(home, "import-json", str(EXAMPLE), "--json")
    assert imported.returncode == 0, imported.stderr
    innovation_id = json.loads(imported.stdout)["id"]
    target = tmp_path / "berkas.pdf"
    exported = run(home, "export-pdf", innovation_id, "-o", str(target), "--json")
    assert exported.returncode == 0, exported.stderr
    pages = pdf_pages(target)
    cover = pages[0]
    for expected in ("PEMERINTAH KABUPATEN MOJOKERTO", "DINAS KESEHATAN", "Provinsi Jawa Timur",
                     "(Contoh) SI-PANTAU BALITA", "STATUS: SIAP KIRIM"):
        assert expected in cover, expected
    approval = " ".join(next(page for page in pages if "LEMBAR PENGESAHAN" in page).split())  # lines joined
    for expected in ("Kepala Dinas Kesehatan Kabupaten Mojokerto", "dr. Bambang Supriyadi, M.Kes.",
                     "NIP. 19720315 199803 1 007"):
        assert expected in approval, expected
    assert "...." not in approval.split("Kepala Dinas Kesehatan Kabupaten Mojokerto")[1]  # no blank to fill by hand


def test_writing_onto_a_folder_is_explained_in_indonesian(home, tmp_path):
    imported = run(home, "import-json", str(EXAMPLE), "--json")
    innovation_id = json.loads(imported.stdout)["id"]
    folder = tmp_path / "hasil.json"
    folder.mkdir()
    result = run(home, "export-json", innovation_id, str(folder))
    assert result.returncode == 3
    reason = "akses ditolak" if sys.platform == "win32" else "yang dipilih adalah folder, bukan berkas"
    assert result.stderr == f"Galat: Berkas {folder} tidak dapat ditulis: {reason}.\n"
