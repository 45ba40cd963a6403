"""Table model of the monitoring page: one row per OPD, and the proxy that filters and sorts it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication

from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.monitoring import TAHAPAN, OpdRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
EMPTY_FILL = QColor("#fbe3e3")  # no innovation at all
STALE_FILL = QColor("#fff3cd")  # nothing new for the chosen number of days
SHOW_ALL, SHOW_EMPTY, SHOW_STALE, SHOW_OFF_LIST = "", "kosong", "lama", "luar"


def tr(text: str) -> str:
    return QApplication.translate("MonitoringPage", text)


class OpdTableModel(QAbstractTableModel):
    COLUMNS = ("Perangkat daerah", "Inisiatif", "Uji coba", "Penerapan", "Siap", "Belum", "Wajib tanpa bukti",
               "Rerata klaim", "Rerata bukti", "Total bukti", "Diubah", "Kiriman", "Sejak rekap")
    TIPS = ("", "Inovasi pada tahapan inisiatif", "Inovasi pada tahapan uji coba", "Inovasi pada tahapan penerapan",
            "Inovasi siap dikirim (tanpa galat)", "Inovasi yang belum siap dikirim",
            "Jumlah indikator wajib tanpa bukti dukung yang sah, dari semua inovasinya",
            "Rata-rata skor SID menurut klaim", "Rata-rata skor SID yang didukung bukti",
            "Jumlah skor SID yang didukung bukti", "Perubahan terakhir pada inovasinya",
            "Kiriman terakhir yang diterima",
            "Perubahan jumlah inovasi dan skor bukti sejak rekap sebelumnya")
    WIDTHS = (0, 62, 62, 78, 44, 52, 120, 88, 88, 76, 84, 84, 100)  # the name column takes the rest

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[OpdRow] = []
        self.now = datetime.now().astimezone()
        self.stale_days = 30

    def set_rows(self, rows: list[OpdRow], now: datetime, stale_days: int) -> None:
        self.beginResetModel()
        self.rows, self.now, self.stale_days = list(rows), now, stale_days
        self.endResetModel()

    def set_stale_days(self, days: int) -> None:
        self.stale_days = days
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and self.TIPS[section]:
            return tr(self.TIPS[section])
        return None

    def stale(self, row: OpdRow) -> bool:
        return row.stale(self.now, self.stale_days)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.count:
                return QBrush(EMPTY_FILL)
            if self.stale(row):
                return QBrush(STALE_FILL)
        if role == Qt.ItemDataRole.FontRole and not row.on_list:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tip(self, row: OpdRow) -> str:
        notes = []
        if not row.count:
            notes.append(tr("Belum ada inovasi dari perangkat daerah ini."))
        elif self.stale(row):
            notes.append(tr("Tidak ada perubahan atau kiriman baru selama {n} hari atau lebih.").format(
                n=self.stale_days))
        if not row.on_list:
            notes.append(tr("Tidak ada dalam daftar perangkat daerah; periksa penulisan namanya atau tambahkan ke "
                            "daftar."))
        notes.append(tr("Klik ganda untuk melihat inovasinya."))
        return "\n".join(notes)

    @staticmethod
    def _values(row: OpdRow) -> list:
        change = None if row.change_count is None else (row.change_count, row.change_backed or 0.0)
        return [row.name, *(row.tahapan.get(t, 0) for t in TAHAPAN), row.ready, row.not_ready, row.mandatory_unbacked,
                row.claimed_average, row.backed_average, row.backed_total, row.last_change, row.last_bundle, change]

    def _display(self, row: OpdRow, column: int) -> str:
        value = self._values(row)[column]
        if column == 0:
            return value + ("" if row.on_list else tr(" (di luar daftar)"))
        if column in (7, 8):
            return format_number_id(value, 1) if row.count else "–"
        if column == 9:
            return format_number_id(value, 0)
        if column in (10, 11):
            return value.astimezone().strftime("%d-%m-%Y") if value else "–"
        if column == 12:
            if value is None:
                return "–"
            count, backed = value
            return tr("{count} inovasi, {backed} skor").format(count=_signed(count, 0), backed=_signed(backed, 0))
        return str(value)

    def _sort_key(self, row: OpdRow, column: int):
        value = self._values(row)[column]
        if column == 0:
            return value.casefold()
        if column in (10, 11):
            return value.timestamp() if value else 0.0
        if column == 12:
            return -1e9 if value is None else value[0] * 1e6 + value[1]
        return float(value)


def _signed(value: float, decimals: int) -> str:
    return ("+" if value > 0 else "") + format_number_id(value, decimals)


class OpdFilterProxy(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._needle, self._show = "", SHOW_ALL

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show(self, show: str) -> None:
        self.beginFilterChange()
        self._show = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        self.set_show(self._show)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        model: OpdTableModel = self.sourceModel()
        row = model.rows[source_row]
        if self._show == SHOW_EMPTY and row.count:
            return False
        if self._show == SHOW_STALE and not model.stale(row):
            return False
        if self._show == SHOW_OFF_LIST and row.on_list:
            return False
        return not self._needle or self._needle in row.name.casefold()
