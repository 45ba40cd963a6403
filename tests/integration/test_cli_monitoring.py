"""`region-score` and `recap` as a user runs them: a real process, a real data folder, the example innovation.

The regional figures are recomputed here from the innovation's own score (`score --json`) and the standard's
2026 constants, not taken from the code under test.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from openpyxl import load_workbook

from tests.fixtures.platform_skips import require_poppler

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "contoh-inovasi.json"


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "inovasi_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("region") / "data"
    assert run(home, "organisation", "--pemda", "Kabupaten Mojokerto", "--opd", "Bappeda", "--kepala",
               "Ir. Siti Aminah, M.T.", "--nip", "197203151998031007", "--jabatan", "Kepala Bappeda").returncode == 0
    run(home, "import-json", str(EXAMPLE))
    return home


def test_region_score_follows_the_standards_formula(home):
    innovation = json.loads(run(home, "list", "--json").stdout)[0]
    score = json.loads(run(home, "score", innovation["id"], "--json").stdout)
    result = run(home, "region-score", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # One innovation, no SPD answers, fewer than 5 of the 6 yandas urusan: jumlah inovasi scores 0.
    backed_total = score["backed"] / 12
    claimed_total = score["claimed"] / 12
    assert data["backed"]["iid"] == pytest.approx(round(backed_total / 250 * 100, 2))
    assert data["claimed"]["iid"] == pytest.approx(round(claimed_total / 250 * 100, 2))
    assert (data["backed"]["divisor"], data["backed"]["jumlah_inovasi"], data["backed"]["spd"]) == (12, 0, 0)
    assert data["backed"]["predicate"] == "Kurang Inovatif"
    assert [o["name"] for o in data["opds"]] == ["Bappeda"] and data["opds"][0]["innovations"] == 1
    spd = [x for x in data["follow_up"] if x["step"].startswith("spd:")]
    assert len(spd) == 20 and all(x["at_most"] for x in spd)
    text = run(home, "region-score").stdout
    assert "Perkiraan IID Kabupaten Mojokerto" in text and "Tindak lanjut teratas:" in text


def test_recap_pdf(home, tmp_path):
    path = tmp_path / "rekap.pdf"
    result = run(home, "recap", "-o", str(path), "--tempat", "Mojokerto")
    assert result.returncode == 0, result.stderr
    assert "Rekap pemantauan ditulis" in result.stdout
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
        pages = len(pdf.pages)
        landscape = [i for i, page in enumerate(pdf.pages) if page.mediabox[2] > page.mediabox[3]]
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
    assert titles == ["Ringkasan", "Grafik", "Rekap per perangkat daerah", "Daftar inovasi", "Tindak lanjut"]
    assert landscape == [5]  # the per-OPD table, after cover, summary and three chart pages
    require_poppler()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert "LAPORAN PEMANTAUAN INOVASI DAERAH" in text and f"Halaman {pages} dari {pages}" in text
    assert "Halaman 1 dari" in text and "Kepala Bappeda" in text and "Ir. Siti Aminah, M.T." in text
    assert "NIP. 19720315 199803 1 007" in text and "Mojokerto," in text
    assert "lampirkan bukti" in text or "isi indikator SPD" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line.split("Identity-H")[-1] for line in fonts)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    png = subprocess.run(["pdftoppm", "-r", "30", "-f", "3", "-l", "3", "-png", str(path)], capture_output=True)
    assert png.returncode == 0 and png.stdout.startswith(b"\x89PNG")


def test_recap_xlsx_reads_back(home, tmp_path):
    path = tmp_path / "rekap.xlsx"
    assert run(home, "recap", "-o", str(path)).returncode == 0
    book = load_workbook(path)
    assert book.sheetnames == ["Ringkasan", "Per OPD", "Inovasi", "Tindak lanjut", "SPD"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        assert sheet["A1"].font.bold
    opd = book["Per OPD"]
    header = [c.value for c in opd[1]]
    row = dict(zip(header, [c.value for c in opd[2]], strict=True))
    assert (row["Perangkat daerah"], row["Dalam daftar daerah"], row["Belum siap"] + row["Siap dikirim"]) == (
        "Bappeda", "tidak", 1)
    assert opd.cell(2, header.index("Terakhir berubah") + 1).is_date
    innovations = book["Inovasi"]
    assert innovations.max_row == 2 and isinstance(innovations.cell(2, 8).value, int | float)
    assert book["SPD"].max_row == 21


def test_recap_csv_has_a_bom_and_semicolons(home, tmp_path):
    path = tmp_path / "rekap.csv"
    assert run(home, "recap", "-o", str(path)).returncode == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["No", "Perangkat daerah"] and rows[1][1] == "Bappeda"
    assert "," in rows[1][rows[0].index("Rata-rata skor diklaim")]  # decimal comma


def test_recap_refuses_other_formats(home, tmp_path):
    result = run(home, "recap", "-o", str(tmp_path / "rekap.docx"))
    assert result.returncode == 3 and "PDF, XLSX, atau CSV" in result.stderr
    assert not (tmp_path / "rekap.docx").exists()
