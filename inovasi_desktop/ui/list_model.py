"""Table model of innovation rows, and the proxy that searches, filters and sorts them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from inovasi_desktop.rules.format import format_number_id

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

READY_ALL, READY_YES, READY_NO = "", "siap", "belum"


def tr(text: str) -> str:
    return QApplication.translate("InnovationList", text)


def opd_key(opd: str) -> str:
    """OPD names compare without case and outer spaces ("Dinas Kesehatan" is "dinas kesehatan ")."""
    return opd.strip().casefold()


class InnovationTableModel(QAbstractTableModel):
    COLUMNS = ("Nama inovasi", "Tahapan", "Katalog", "Kesiapan", "Skor berbukti", "Diubah", "OPD")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.origin:
            return f"{row.opd}\n{row.origin}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _sort_key(row, column: int) -> str | float:
        """Plain strings and numbers only: Qt cannot order Python objects (tuples, datetimes) it holds."""
        if column == 3:  # ready ones first, then by evidenced indicators, then fewer galat
            return (0 if row.errors else 1_000_000) + row.evidenced * 1000 - min(row.errors, 999)
        if column == 4:
            return float(row.backed)
        if column == 5:
            return row.updated_at.timestamp()
        if column == 6:
            return row.opd.casefold()
        return (row.name.casefold(), row.tahapan, row.catalogue_id)[column]

    @staticmethod
    def _display(row, column: int) -> str:
        if column == 0:
            return row.name or tr("(tanpa nama)")
        if column == 1:
            return row.tahapan or "–"
        if column == 2:
            return row.catalogue_id
        if column == 3:
            return row.readiness_label
        if column == 4:
            return f"{format_number_id(row.backed, 0)} / {format_number_id(row.maximum, 0)}"
        if column == 6:
            return row.opd or "–"
        return row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M")

    def update_row(self, row) -> None:
        """Replace the row with the same id (or add it), keeping the rest of the model as it is."""
        index = self.row_of(row.id)
        if index < 0:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(row)
            self.endInsertRows()
            return
        self.rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.COLUMNS) - 1))

    def row_of(self, innovation_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == innovation_id), -1)


class InnovationFilterProxy(QSortFilterProxyModel):
    """Search as you type over name and tahapan, plus exact filters."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._needle = ""
        self._tahapan = ""
        self._catalogue = ""
        self._ready = READY_ALL
        self._opd: str | None = None  # casefolded; None: every OPD

    def set_opd(self, opd: str | None) -> None:
        """One OPD's innovations only (None: all), its name matched as the monitoring page matches it."""
        self.beginFilterChange()
        self._opd = None if opd is None else opd_key(opd)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filters(self, tahapan: str = "", catalogue: str = "", ready: str = READY_ALL) -> None:
        self.beginFilterChange()
        self._tahapan, self._catalogue, self._ready = tahapan, catalogue, ready
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        row = self.sourceModel().rows[source_row]
        if self._tahapan and row.tahapan != self._tahapan:
            return False
        if self._catalogue and row.catalogue_id != self._catalogue:
            return False
        if self._opd is not None and opd_key(row.opd) != self._opd:
            return False
        if self._ready == READY_YES and row.errors:
            return False
        if self._ready == READY_NO and not row.errors:
            return False
        return not self._needle or self._needle in row.search_text
