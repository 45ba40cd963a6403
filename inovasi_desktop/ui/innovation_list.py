"""The list of innovations: search as you type, filters, sort, and an empty state."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.ui.list_model import (
    READY_ALL,
    READY_NO,
    READY_YES,
    ROW_ROLE,
    InnovationFilterProxy,
    InnovationTableModel,
    opd_key,
    tr,
)

# Widest contents of the fixed columns (Tahapan .. Diubah), measured instead of every row: ResizeToContents
# costs ~0.5 s at 5,000 rows.
COLUMN_SAMPLES = ("", "Penerapan", "iid-2026", "20/20 indikator berbukti, tanpa galat", "111 / 111",
                  "29-11-2026 23:59", "Dinas Kesehatan")
BIN_STYLE = ("#binBanner { background: #fdecea; border: 1px solid #d9534f; border-radius: 4px; }"
             " #binBanner QLabel { color: #7a1f1b; }")


class InnovationListView(QWidget):
    open_requested = Signal(str)  # innovation id
    example_requested = Signal()
    new_requested = Signal()
    receive_requested = Signal()
    selection_changed = Signal()
    leave_bin_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.in_bin = False
        self.model = InnovationTableModel()
        self.proxy = InnovationFilterProxy()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama inovasi, tahapan, atau inisiator… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.returnPressed.connect(lambda: self._leave_search(open_single=True))
        self.search.installEventFilter(self)  # Down moves into the list
        self.tahapan_filter = self._combo([(tr("Semua tahapan"), "")] + [(t, t) for t in
                                          ("Inisiatif", "Uji Coba", "Penerapan")])
        self.ready_filter = self._combo([(tr("Semua kesiapan"), READY_ALL), (tr("Tanpa galat"), READY_YES),
                                         (tr("Ada galat"), READY_NO)])
        self.catalogue_filter = self._combo([(tr("Semua katalog"), "")])
        self.opd_filter = QComboBox()  # filled from the rows: the OPDs present (see set_rows)
        self.opd_filter.setObjectName("opdFilter")
        self.opd_filter.addItem(tr("Semua OPD"), None)
        self.opd_filter.currentIndexChanged.connect(lambda _i: self._opd_chosen())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.tahapan_filter, self.ready_filter, self.catalogue_filter, self.opd_filter):
            filters.addWidget(combo, 1)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its end: "… (salinan)"
        self._size_columns()
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(index.data(ROW_ROLE).id))
        self.table.activated.connect(lambda index: self.open_requested.emit(index.data(ROW_ROLE).id))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_state())
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self._bin_banner())
        table_layout.addWidget(self._only_banner())
        table_layout.addLayout(filters)
        table_layout.addWidget(self.table)
        table_layout.addWidget(self.count_label)
        self.pages.addWidget(table_page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self._leave_search(open_single=False)
            return True
        return super().eventFilter(watched, event)

    def _leave_search(self, open_single: bool) -> None:
        """Enter in the search field opens the only match; otherwise Enter or Down moves into the list, on the
        match selected already or the first one, where Enter opens it."""
        if self.proxy.rowCount() == 0:
            return
        if open_single and self.proxy.rowCount() == 1:
            self.open_requested.emit(self.proxy.index(0, 0).data(ROW_ROLE).id)
            return
        if not self.table.selectionModel().selectedRows():
            first = self.proxy.index(0, 0)
            self.table.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(first)
        self.table.setFocus()

    def _size_columns(self) -> None:
        """Name stretches; the others fit their widest usual value and their title with the sort arrow."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        cells, titles = self.table.fontMetrics(), header.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            if not sample:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(sample) + 24, titles.horizontalAdvance(title) + 40)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def _bin_banner(self) -> QFrame:
        """Shown above the table while it lists the bin, so nobody takes it for the list in use."""
        self.bin_banner = QFrame()
        self.bin_banner.setObjectName("binBanner")
        self.bin_banner.setStyleSheet(BIN_STYLE)
        title = QLabel(tr("Tempat sampah"))
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        text = QLabel(tr("Inovasi di sini telah dihapus dan tidak ikut dalam daftar. Pilih inovasi lalu klik "
                         "<b>Pulihkan</b> untuk mengembalikannya ke daftar inovasi."))
        text.setWordWrap(True)
        self.leave_bin_button = QPushButton(tr("Kembali ke daftar"))
        self.leave_bin_button.setToolTip(tr("Tutup tempat sampah (Esc)"))
        self.leave_bin_button.clicked.connect(lambda: self.leave_bin_requested.emit())
        texts = QVBoxLayout()
        texts.addWidget(title)
        texts.addWidget(text)
        layout = QHBoxLayout(self.bin_banner)
        layout.addLayout(texts, 1)
        layout.addWidget(self.leave_bin_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.bin_banner.hide()
        return self.bin_banner

    def _only_banner(self) -> QFrame:
        """Shown while the list shows one OPD's innovations only (chosen in the OPD filter or from the monitoring
        page), with the way back to all of them."""
        self.only_banner = QFrame()
        self.only_banner.setObjectName("onlyBanner")
        self.only_label = QLabel()
        self.only_label.setStyleSheet("font-weight: 600;")
        self.show_all_button = QPushButton(tr("Tampilkan semua inovasi"))
        self.show_all_button.clicked.connect(lambda: self.show_opd(None))
        layout = QHBoxLayout(self.only_banner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.only_label, 1)
        layout.addWidget(self.show_all_button)
        self.only_banner.hide()
        return self.only_banner

    def show_opd(self, opd: str | None) -> None:
        """Show only the innovations of `opd` (None: all of them again): the OPD filter's choice."""
        index = 0 if opd is None else self._opd_index(opd)
        if index < 0:  # an OPD without innovations here (from the monitoring page)
            self.opd_filter.addItem(opd, opd)
            index = self.opd_filter.count() - 1
        self.opd_filter.setCurrentIndex(index)
        self._opd_chosen()
        if opd is not None:
            self.pages.setCurrentIndex(1)

    def _opd_index(self, opd: str) -> int:
        return next((i for i in range(1, self.opd_filter.count())
                     if opd_key(self.opd_filter.itemData(i)) == opd_key(opd)), -1)

    def _opd_chosen(self) -> None:
        opd = self.opd_filter.currentData()
        self.proxy.set_opd(opd)
        self.only_label.setText(tr("Inovasi {opd}").format(opd=opd or tr("(tanpa OPD)")))
        self.only_banner.setVisible(opd is not None)
        self._update_count()

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    def _empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(tr("Belum ada inovasi"))
        title.setObjectName("emptyTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        text = QLabel(tr("Buat inovasi baru untuk mulai menyusun profil dan bukti dukung,\n"
                         "atau muat contoh yang sudah terisi untuk melihat cara kerja aplikasi.\n"
                         "Bappeda/BRIDA: terima kiriman (.inovasi) dari perangkat daerah."))
        text.setWordWrap(True)
        self.new_button = QPushButton(tr("Inovasi baru"))
        self.example_button = QPushButton(tr("Muat contoh"))
        self.receive_button = QPushButton(tr("Terima kiriman…"))
        self.new_button.clicked.connect(self.new_requested)
        self.example_button.clicked.connect(self.example_requested)
        self.receive_button.clicked.connect(lambda: self.receive_requested.emit())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.receive_button)
        buttons.addStretch(1)
        for widget in (title, text):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.tahapan_filter.currentData(), self.catalogue_filter.currentData(),
                               self.ready_filter.currentData())

    def _update_count(self, *_) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (tr("{shown} dari {total} inovasi di tempat sampah") if self.in_bin
                else tr("{shown} dari {total} inovasi"))
        self.count_label.setText(text.format(shown=shown, total=total))

    def set_catalogues(self, ids: list[str]) -> None:
        self.catalogue_filter.blockSignals(True)
        while self.catalogue_filter.count() > 1:
            self.catalogue_filter.removeItem(1)
        for cid in ids:
            self.catalogue_filter.addItem(cid, cid)
        self.catalogue_filter.blockSignals(False)

    def update_row(self, row) -> None:
        self.model.update_row(row)
        self.pages.setCurrentIndex(1)
        self._update_count()

    def _fill_opd_filter(self, rows: list) -> None:
        """The OPDs among the rows (Bappeda sees every OPD that sent to it); the choice made is kept."""
        chosen = self.opd_filter.currentData()
        self.opd_filter.blockSignals(True)
        while self.opd_filter.count() > 1:
            self.opd_filter.removeItem(1)
        names: dict[str, str] = {}
        for row in rows:
            names.setdefault(opd_key(row.opd), row.opd.strip())
        for opd in sorted(names.values(), key=str.casefold):
            self.opd_filter.addItem(opd or tr("(tanpa OPD)"), opd)
        self.opd_filter.setCurrentIndex(max(self._opd_index(chosen), 0) if chosen is not None else 0)
        self.opd_filter.blockSignals(False)
        self._opd_chosen()

    def set_rows(self, rows: list, in_bin: bool = False) -> None:
        selected = self.selected_ids()
        self._fill_opd_filter(rows)
        self.model.set_rows(rows)
        self.in_bin = in_bin
        self.bin_banner.setVisible(in_bin)
        self.pages.setCurrentIndex(1 if rows or in_bin else 0)  # an empty bin is an empty table
        self._update_count()
        for innovation_id in selected:
            self.select(innovation_id, clear=False)

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ROW_ROLE).id for index in rows]

    def select(self, innovation_id: str, clear: bool = True) -> None:
        source_row = self.model.row_of(innovation_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.ClearAndSelect if clear else QItemSelectionModel.SelectionFlag.Select)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
