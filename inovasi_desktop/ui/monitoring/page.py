"""Layout of the Pemantauan page: the summary, the per-OPD table with its filters, the charts, the follow-up list
and the terms of the regional index. Behaviour lives in controller.py."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.monitoring import RegionView
from inovasi_desktop.ui.monitoring.opd_model import (
    ROW_ROLE,
    SHOW_ALL,
    SHOW_EMPTY,
    SHOW_OFF_LIST,
    SHOW_STALE,
    OpdFilterProxy,
    OpdTableModel,
    tr,
)

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 3
CHART_WIDTH = 860.0  # points of the screen drawing
CHART_SCALE = 1.25  # pixels per point on screen: the paper's 7-point labels stay readable
TEMPLATE_STYLE = "#templateBanner { background: #fff3cd; border: 1px solid #c9a227; border-radius: 4px; }"


class MonitoringPage(QWidget):
    opd_requested = Signal(str, list)  # OPD name, innovation ids
    suggestion_requested = Signal(object)  # a Suggestion
    stale_days_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.view: RegionView | None = None
        title = QLabel(tr("Pemantauan Inovasi Daerah"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.summary = QLabel(tr("Memuat…"))
        self.summary.setObjectName("monitoringSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.refresh_button = QPushButton(tr("Perbarui"))
        self.spd_button = QPushButton(tr("Isian SPD…"))
        self.spd_button.setToolTip(tr("Isi indikator tingkat daerah (Satuan Pemerintahan Daerah)"))
        self.opd_list_button = QPushButton(tr("Daftar perangkat daerah…"))
        self.recap_button = QPushButton(tr("Buat rekap…"))
        self.recap_button.setToolTip(tr("Laporan Pemantauan Inovasi Daerah sebagai PDF, XLSX, atau CSV"))
        self.back_button = QPushButton(tr("Kembali ke daftar"))
        buttons = QHBoxLayout()
        buttons.addWidget(title)
        buttons.addStretch(1)
        for button in (self.refresh_button, self.spd_button, self.opd_list_button, self.recap_button,
                       self.back_button):
            buttons.addWidget(button)

        self.template_banner = QLabel(tr("Daftar perangkat daerah masih berupa templat kabupaten pada umumnya: "
                                         "sesuaikan dengan susunan perangkat daerah Anda melalui <b>Daftar perangkat "
                                         "daerah…</b>."))
        self.template_banner.setObjectName("templateBanner")
        self.template_banner.setStyleSheet(TEMPLATE_STYLE)
        self.template_banner.setWordWrap(True)
        self.template_banner.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._opd_tab(), tr("Per perangkat daerah"))
        self.tabs.addTab(self._charts_tab(), tr("Grafik"))
        self.tabs.addTab(self._follow_up_tab(), tr("Tindak lanjut"))
        self.tabs.addTab(self._terms_tab(), tr("Rincian IID"))

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.template_banner)
        layout.addWidget(self.tabs, 1)

    # --- tabs ---------------------------------------------------------------------------------------------
    def _opd_tab(self) -> QWidget:
        self.model = OpdTableModel()
        self.proxy = OpdFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari perangkat daerah…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.show_filter = QComboBox()
        for label, value in ((tr("Semua perangkat daerah"), SHOW_ALL), (tr("Belum berinovasi"), SHOW_EMPTY),
                             (tr("Tanpa kabar baru"), SHOW_STALE), (tr("Di luar daftar"), SHOW_OFF_LIST)):
            self.show_filter.addItem(label, value)
        self.show_filter.currentIndexChanged.connect(lambda: self.proxy.set_show(self.show_filter.currentData()))
        self.stale_days = QSpinBox()
        self.stale_days.setRange(1, 365)
        self.stale_days.setValue(30)
        self.stale_days.setSuffix(tr(" hari"))
        self.stale_days.setToolTip(tr("Perangkat daerah tanpa perubahan atau kiriman baru selama sekian hari ditandai "
                                      "kuning"))
        self.stale_days.valueChanged.connect(self._stale_days_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.show_filter, 1)
        filters.addWidget(QLabel(tr("Tanpa kabar baru setelah")))
        filters.addWidget(self.stale_days)
        self.table = QTableView()
        self.table.setObjectName("opdTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        change = tr("{count} inovasi, {backed} skor").format(count="+9", backed="+99")  # a usual text
        for column in range(1, len(OpdTableModel.COLUMNS)):
            title = tr(OpdTableModel.COLUMNS[column])
            widest = self.table.fontMetrics().horizontalAdvance(change) + 12 if column == 12 else 0
            header.resizeSection(column, max(OpdTableModel.WIDTHS[column], metrics.horizontalAdvance(title) + 24,
                                             widest))
        self.table.activated.connect(self._open_opd)  # double click or Enter
        self.legend = QLabel(tr("<span style='background:#fbe3e3'>&nbsp;merah muda&nbsp;</span> belum ada inovasi · "
                                "<span style='background:#fff3cd'>&nbsp;kuning&nbsp;</span> tanpa kabar baru · "
                                "<i>miring</i>: di luar daftar perangkat daerah · klik ganda: lihat inovasinya"))
        self.count_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.count_label)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        return page

    def _charts_tab(self) -> QWidget:
        self.charts: dict[str, QSvgWidget] = {}
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for key, title in (("iid", tr("Indeks Inovasi Daerah dan predikatnya")),
                           ("tahapan", tr("Inovasi per perangkat daerah menurut tahapan")),
                           ("skor", tr("Skor diklaim dan didukung bukti per perangkat daerah"))):
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600; margin-top: 8px;")
            widget = QSvgWidget()
            widget.setObjectName(f"chart_{key}")
            layout.addWidget(label)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            self.charts[key] = widget
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _follow_up_tab(self) -> QWidget:
        self.follow_up = QListWidget()
        self.follow_up.setObjectName("followUpList")
        self.follow_up.setAlternatingRowColors(True)
        self.follow_up.setWordWrap(True)  # a long list of urusan stays readable without scrolling sideways
        self.follow_up.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.follow_up.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.follow_up.itemActivated.connect(self._open_suggestion)  # double click or Enter
        self.follow_up_opd = QComboBox()
        self.follow_up_opd.currentIndexChanged.connect(self._fill_follow_up)
        intro = QLabel(tr("Perubahan yang paling menaikkan IID didukung bukti, diurutkan menurut tambahan poinnya. "
                          "Klik ganda untuk membuka tempat memperbaikinya."))
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.follow_up_opd)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.follow_up, 1)
        return page

    def _terms_tab(self) -> QWidget:
        self.terms = QTableWidget(0, 4)
        self.terms.setObjectName("termsTable")
        self.terms.setHorizontalHeaderLabels([tr("Unsur"), tr("Menurut klaim"), tr("Didukung bukti"), tr("Artinya")])
        self.terms.verticalHeader().hide()
        self.terms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.terms.setWordWrap(True)
        header = self.terms.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 110), (2, 110)):
            header.resizeSection(column, width)
        return self.terms

    # --- filling ------------------------------------------------------------------------------------------
    def show_charts(self, view: RegionView, svgs: dict[str, bytes]) -> None:
        if view is not self.view:
            return  # drawn for a view since replaced
        for key, data in svgs.items():
            widget = self.charts[key]
            widget.load(QByteArray(data))
            widget.setFixedSize(widget.renderer().defaultSize() * CHART_SCALE)

    def show_view(self, view: RegionView) -> None:
        from inovasi_desktop.export.monitoring.tables import explained_terms

        self.view = view
        self.model.set_rows(list(view.opds), view.generated_at, self.stale_days.value())
        self.template_banner.setVisible(view.opd_list_is_template)
        b, c = view.backed, view.claimed
        change = view.change_backed_iid
        since = "" if change is None else tr(" · sejak rekap {date}: {change}").format(
            date=view.previous_recap.taken_at.astimezone().strftime("%d-%m-%Y"),
            change=("+" if change > 0 else "") + format_number_id(change))
        empty = sum(1 for o in view.opds if o.on_list and not o.count)
        self.summary.setText(tr(
            "IID didukung bukti <b>{backed}</b> ({bp}) · menurut klaim <b>{claimed}</b> ({cp}){since}<br>"
            "{n} inovasi dari {opds} perangkat daerah · {empty} perangkat daerah belum berinovasi · "
            "{ready} inovasi siap dikirim").format(
            backed=format_number_id(b.iid), bp=b.predicate, claimed=format_number_id(c.iid), cp=c.predicate,
            since=since, n=len(view.innovations), opds=sum(1 for o in view.opds if o.count), empty=empty,
            ready=sum(1 for f in view.innovations if f.ready)))
        self.follow_up_opd.blockSignals(True)
        self.follow_up_opd.clear()
        self.follow_up_opd.addItem(tr("Seluruh daerah"), None)
        self.follow_up_opd.addItem(tr("Tingkat daerah (Bappeda/BRIDA)"), "")
        for opd in view.opds:
            if view.follow_up(opd.name):
                self.follow_up_opd.addItem(opd.name, opd.name)
        self.follow_up_opd.blockSignals(False)
        self._fill_follow_up()
        terms = explained_terms(view)
        self.terms.setRowCount(len(terms))
        for r, values in enumerate(terms):
            for column, value in enumerate(values):
                self.terms.setItem(r, column, QTableWidgetItem(value))
        self.terms.resizeRowsToContents()

    def show_follow_up_of(self, opd: str | None) -> None:
        index = self.follow_up_opd.findData(opd)
        self.follow_up_opd.setCurrentIndex(max(0, index))
        self.tabs.setCurrentIndex(2)

    def _fill_follow_up(self) -> None:
        self.follow_up.clear()
        if self.view is None:
            return
        wanted = self.follow_up_opd.currentData()
        shown = [s for s in self.view.suggestions if wanted is None or s.opd == wanted][:500]
        for number, suggestion in enumerate(shown, 1):
            where = f"{suggestion.opd} · " if suggestion.opd and wanted is None else ""
            item = QListWidgetItem(f"{number}. {where}{suggestion.text}")
            item.setData(SUGGESTION_ROLE, suggestion)
            self.follow_up.addItem(item)
        if not shown:
            self.follow_up.addItem(QListWidgetItem(tr("Tidak ada tindak lanjut: semua klaim sudah didukung bukti.")))

    def _update_count(self, *_) -> None:
        self.count_label.setText(tr("{shown} dari {total} perangkat daerah").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _stale_days_changed(self, days: int) -> None:
        self.model.set_stale_days(days)
        self.proxy.refilter()
        self.stale_days_changed.emit(days)

    def _open_opd(self, index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.opd_requested.emit(row.name, list(row.innovation_ids))

    def _open_suggestion(self, item: QListWidgetItem) -> None:
        suggestion = item.data(SUGGESTION_ROLE)
        if suggestion is not None:
            self.suggestion_requested.emit(suggestion)
