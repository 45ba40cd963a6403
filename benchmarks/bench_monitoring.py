"""Benchmark the monitoring page and the recap: 1,000 innovations from 60 OPDs.

Prints, each next to a baseline measured in the same run:
- the Pemantauan page gathered (every innovation read and scored), charts made, shown and sorted,
  against one raw `sqlite3` aggregate query over the same database;
- the recap PDF against reportlab writing the same innovation table alone;
- the recap XLSX and CSV.

    .venv/bin/python benchmarks/bench_monitoring.py [--innovations N] [--opds N]

Measures and prints only; never part of the test run. Targets (issue 12): page < 1 s, PDF < 10 s, XLSX < 5 s.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests" / "fixtures")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(func, runs: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def raw_aggregate(path: Path) -> list:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT i.tahapan, count(DISTINCT i.id), sum(json_extract(i.summary_json, '$.backed')), "
            "sum(json_extract(i.summary_json, '$.claimed')), count(e.id), max(i.updated_at) "
            "FROM innovations i LEFT JOIN evidence_items e ON e.innovation_id = i.id "
            "WHERE i.deleted_at IS NULL GROUP BY i.tahapan").fetchall()
    finally:
        connection.close()


def reportlab_table(view, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from inovasi_desktop.export.dossier.styles import grid_table_style
    from inovasi_desktop.export.monitoring.tables import innovation_table

    header, rows = innovation_table(view)
    document = SimpleDocTemplate(str(path), pagesize=A4)
    document.build([Table([list(header)] + rows, repeatRows=1, style=grid_table_style())])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--innovations", type=int, default=1000)
    parser.add_argument("--opds", type=int, default=60)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-monitoring-"))
    os.environ["INOVASI_HOME"] = str(home)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from region_data import build_region

    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.export.monitoring.recap_pdf import write_recap_pdf
    from inovasi_desktop.export.monitoring.recap_sheets import write_recap_csv, write_recap_xlsx
    from inovasi_desktop.services import monitoring, organisation, region_opds
    from inovasi_desktop.services.workspace import Workspace
    from inovasi_desktop.ui import gui_thread_gc
    from inovasi_desktop.ui.monitoring.controller import chart_svgs
    from inovasi_desktop.ui.monitoring.page import MonitoringPage

    app = QApplication([])
    gui_thread_gc.install(app)  # as the app does: automatic collection off, the GUI thread collects on a timer
    ws = Workspace(home)
    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Bappeda",
                                       head_name="Ir. Siti Aminah, M.T.", head_nip="197203151998031007",
                                       head_position="Kepala Bappeda", role="koordinator"))
    made, opds = timed(lambda: build_region(ws, home, args.innovations, args.opds))
    monitoring.opd_of = lambda innovation, org: opds[innovation.id]  # until innovations carry their OPD
    region_opds.save(ws, sorted(set(opds.values())) + ["Dinas Tanpa Inovasi"])
    print(f"{args.innovations} innovations from {args.opds} OPDs, made in {made:.1f} s")

    page = MonitoringPage()
    page.resize(1366, 700)
    page.show()

    def build_page():
        view = monitoring.gather(ws)
        page.show_view(view)
        page.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
        app.processEvents()
        return view

    def draw_charts():
        page.show_charts(view, chart_svgs(view))
        app.processEvents()

    raw, _ = timed(lambda: raw_aggregate(ws.database_file), runs=5)
    gathered, _ = timed(lambda: monitoring.gather(ws), runs=3)
    built, view = timed(build_page, runs=3)
    charted, _ = timed(draw_charts, runs=3)
    print(f"page: gathered {gathered:.3f} s; gathered + shown + sorted {built:.3f} s (target < 1 s); "
          f"baseline raw sqlite3 aggregate {raw * 1000:.1f} ms")
    print(f"charts (drawn after the table, on another worker): SVG made and shown {charted:.3f} s")

    out = home / "out"
    out.mkdir()
    pdf_time, pages = timed(lambda: write_recap_pdf(view, out / "rekap.pdf", "Mojokerto"))
    table_time, _ = timed(lambda: reportlab_table(view, out / "tabel.pdf"))
    print(f"recap PDF: {pdf_time:.2f} s, {pages} pages, {(out / 'rekap.pdf').stat().st_size / 1e6:.1f} MB "
          f"(target < 10 s); baseline reportlab writing the innovation table alone {table_time:.2f} s")
    xlsx_time, _ = timed(lambda: write_recap_xlsx(view, out / "rekap.xlsx"))
    csv_time, _ = timed(lambda: write_recap_csv(view, out / "rekap.csv"))
    print(f"recap XLSX: {xlsx_time:.2f} s (target < 5 s); CSV {csv_time * 1000:.1f} ms")
    page.close()
    page.deleteLater()
    app.processEvents()
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
