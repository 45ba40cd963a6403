"""Behaviour of the Pemantauan page: gather the region's view in the background, show it, open the SPD form
and the OPD list, write the recap (an Operation with progress and cancel), and jump to the place to fix."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.services import monitoring, settings
from inovasi_desktop.ui.monitoring.opd_model import tr
from inovasi_desktop.ui.monitoring.page import CHART_WIDTH, MonitoringPage
from inovasi_desktop.ui.tasks import Operation
from inovasi_desktop.ui.user_folders import documents_folder


def chart_svgs(view) -> dict[str, bytes]:
    """On a worker: the page's charts as SVG, the same drawings as in the recap PDF."""
    from inovasi_desktop.export.monitoring import charts

    return {"iid": charts.to_svg(charts.iid_chart(view.catalogue.scoring.predicates, view.claimed.iid,
                                                  view.backed.iid, CHART_WIDTH)),
            "tahapan": charts.to_svg(charts.tahapan_chart(view.opds, CHART_WIDTH, max_height=1400)),
            "skor": charts.to_svg(charts.claimed_backed_chart(view.opds, CHART_WIDTH, view.catalogue.sid_max,
                                                              max_height=1400))}


class MonitoringController(QObject):
    opd_requested = Signal(str, list)  # OPD name, innovation ids: show them in the list
    open_requested = Signal(str, str)  # innovation id, editor step
    back_requested = Signal()
    shown = Signal()  # the page shows a freshly gathered view

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.workspace, self.runner = window, window.workspace, window.runner
        self.page = MonitoringPage()
        self.page.setObjectName("monitoringPage")
        self.page.stale_days.setValue(self._guard(settings.get, self.workspace, settings.STALE_DAYS) or 30)
        self.page.refresh_button.clicked.connect(self.refresh)
        self.page.spd_button.clicked.connect(lambda: self.edit_spd())
        self.page.opd_list_button.clicked.connect(self.edit_opd_list)
        self.page.recap_button.clicked.connect(self.ask_recap)
        self.page.back_button.clicked.connect(self.back_requested)
        self.page.opd_requested.connect(self.opd_requested)
        self.page.suggestion_requested.connect(self.follow)
        self.page.stale_days_changed.connect(
            lambda days: self._guard(settings.put, self.workspace, {settings.STALE_DAYS: days}))
        self.loading: Operation | None = None
        self.drawing: Operation | None = None
        self.recap: Operation | None = None
        self.last_recap: tuple | None = None  # (path, pages) of the last recap written

    def _guard(self, func, *args):
        from inovasi_desktop.domain.errors import InovasiError

        try:
            return func(*args)
        except InovasiError as err:
            QMessageBox.warning(self.page, tr("Tidak dapat dilanjutkan"), str(err))
            return None

    def refresh(self) -> None:
        if self.loading is not None and not self.loading.done:
            return
        ws = self.workspace
        self.page.summary.setText(tr("Menghitung…"))
        self.loading = Operation(lambda control: monitoring.gather(ws, control.progress), parent=self.page,
                                 on_success=self._loaded)
        self.loading.with_progress(tr("Menghitung pemantauan daerah…"), title=tr("Pemantauan"), cancellable=False)
        self.loading.run(self.runner)

    def _loaded(self, view) -> None:
        """The table first; the charts follow from another worker (drawing them takes as long again)."""
        self.page.show_view(view)
        self.drawing = Operation(lambda control: chart_svgs(view), parent=self.page,
                                 on_success=lambda svgs: self.page.show_charts(view, svgs))
        self.drawing.run(self.runner)
        self.shown.emit()

    # --- SPD, OPD list ------------------------------------------------------------------------------------
    def edit_spd(self, row: str = "") -> bool:
        from inovasi_desktop.ui.monitoring.spd_dialog import SpdDialog

        catalogue = self._guard(monitoring.region_catalogue, self.workspace)
        if catalogue is None:
            return False
        self.spd_dialog = SpdDialog(self.workspace, catalogue, self.page)
        if row:
            self.spd_dialog.show_row(row)
        if self.spd_dialog.exec():
            self.refresh()
            return True
        return False

    def edit_opd_list(self) -> bool:
        from inovasi_desktop.ui.monitoring.opd_list_dialog import OpdListDialog

        self.opd_dialog = OpdListDialog(self.workspace, self.page)
        if self.opd_dialog.exec():
            self.refresh()
            return True
        return False

    def follow(self, suggestion) -> None:
        if suggestion.step.startswith("spd:"):
            self.edit_spd(suggestion.step.split(":", 1)[1])
        elif suggestion.innovation_id:
            self.open_requested.emit(suggestion.innovation_id, suggestion.step)

    # --- the recap ----------------------------------------------------------------------------------------
    def ask_recap(self) -> None:
        name = "laporan-pemantauan-inovasi-daerah.pdf"
        path, _ = QFileDialog.getSaveFileName(self.page, tr("Buat rekap pemantauan"), str(documents_folder() / name),
                                              tr("PDF (*.pdf);;Buku kerja Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.write_recap(Path(path))

    def write_recap(self, path: Path) -> Operation:
        ws = self.workspace
        place = self._guard(lambda: (monitoring.organisation.get(ws).pemda or "").replace("Kabupaten ", "")
                            .replace("Kota ", "")) or ""
        self.recap = Operation(
            lambda control: monitoring.write_recap(ws, path, place, progress=control.progress,
                                                   cancelled=control.cancelled),
            parent=self.page, on_success=lambda result: self._recap_written(path, result),
            on_cancel=lambda: self.window.statusBar().showMessage(tr("Pembuatan rekap dibatalkan."), 5000))
        self.recap.with_progress(tr("Menyusun rekap pemantauan…"), title=tr("Buat rekap"), cancellable=True)
        return self.recap.run(self.runner)

    def _recap_written(self, path: Path, result) -> None:
        view, pages = result
        self.last_recap = (path, pages)
        detail = tr("{pages} halaman, ").format(pages=pages) if pages else ""
        self.window.statusBar().showMessage(tr("Rekap ditulis: {path} ({detail}IID didukung bukti {iid})").format(
            path=path, detail=detail, iid=format_number_id(view.backed.iid)), 10000)
        self.refresh()  # the page now measures change from this recap
