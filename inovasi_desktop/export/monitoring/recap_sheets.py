"""The recap's data as an XLSX workbook (one sheet per view, formatted, frozen header, filters) and as CSV
(UTF-8 with BOM and semicolons, as Excel with Indonesian settings opens it)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from inovasi_desktop.atomic import atomic_file
from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.export.monitoring.tables import (
    INNOVATION_HEADER,
    TYPED_OPD_HEADER,
    explained_terms,
    opd_rows_of,
    recap_title,
)
from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.monitoring import RegionView

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
INNOVATION_SHEET_HEADER = (*INNOVATION_HEADER[:4], "Siap dikirim", "Galat", "Indikator wajib tanpa bukti",
                           "Skor diklaim", "Skor bukti", "Skor maksimal", "Urusan utama", "Katalog",
                           "Terakhir berubah", "Id")
FOLLOW_UP_HEADER = ("No", "Perangkat daerah", "Tindak lanjut", "Tambahan IID (poin)", "Id inovasi", "Tempat")


def _naive(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone().replace(tzinfo=None)


def sheets(view: RegionView) -> list[tuple[str, Sequence[str], list[list]]]:
    """(sheet title, header, rows) per view; values keep their types."""
    summary = [[term, claimed, backed, meaning] for term, claimed, backed, meaning in explained_terms(view)]
    opds = [[*row[:13], _naive(row[13]), _naive(row[14]), *row[15:]] for row in opd_rows_of(view)]
    ordered = sorted(view.innovations, key=lambda f: (f.opd.casefold(), f.name.casefold()))
    innovations = [[i, f.name, f.opd, f.tahapan, "ya" if f.ready else "tidak", f.errors, f.mandatory_unbacked,
                    f.claimed, f.backed, f.maximum, f.urusan, f.catalogue_id, _naive(f.updated_at), f.id]
                   for i, f in enumerate(ordered, 1)]
    follow = [[i, s.opd or "(tingkat daerah)", s.text, round(s.gain, 4), s.innovation_id, s.step]
              for i, s in enumerate(view.suggestions, 1)]
    spd = [[row.number, row.name, row.variable, row.weight, view.spd_levels.get(row.number),
            next((lv.score for lv in row.levels if lv.level == view.spd_levels.get(row.number)), 0.0),
            row.max_score, "perlu dikonfirmasi" if row.confidence == "low" else ""]
           for row in view.catalogue.spd_indicators]
    return [
        ("Ringkasan", ("Unsur", "Menurut klaim", "Didukung bukti", "Artinya"), summary),
        ("Per OPD", TYPED_OPD_HEADER, opds),
        ("Inovasi", INNOVATION_SHEET_HEADER, innovations),
        ("Tindak lanjut", FOLLOW_UP_HEADER, follow),
        ("SPD", ("No", "Indikator", "Variabel", "Bobot", "Tingkat", "Skor", "Skor maksimal", "Catatan"), spd),
    ]


def write_recap_xlsx(view: RegionView, path: Path, *, progress: Progress | None = None,
                     cancelled: IsCancelled | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    book.properties.title = recap_title(view)
    book.properties.creator = "Inovasi Desktop"
    book.properties.created = book.properties.modified = _naive(view.generated_at)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E4E8EE")
    views = sheets(view)
    for done, (title, header, rows) in enumerate(views):
        if cancelled and cancelled():
            raise Cancelled("Pembuatan rekap dibatalkan. Tidak ada berkas yang ditulis.")
        if progress:
            progress(done, len(views) + 1, f"Menulis lembar {title}")
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        for column, name in enumerate(header, 1):
            values = [name] + [r[column - 1] for r in rows[:200]]
            width = max(len(_shown(v)) for v in values)
            sheet.column_dimensions[get_column_letter(column)].width = min(max(8, width + 2), 60)
            for r in range(2, len(rows) + 2):
                value = rows[r - 2][column - 1]
                cell = sheet.cell(r, column)
                if isinstance(value, float):
                    cell.number_format = "#,##0.00"
                elif isinstance(value, datetime):
                    cell.number_format = "dd-mm-yyyy hh:mm"
        if title == "Ringkasan":
            sheet.column_dimensions["D"].width = 90
            for r in range(2, len(rows) + 2):
                sheet.cell(r, 4).alignment = Alignment(wrap_text=True, vertical="top")
    data = io.BytesIO()
    book.save(data)
    _write(path, data.getvalue())
    if progress:
        progress(len(views) + 1, len(views) + 1, "")


def _shown(value) -> str:
    if isinstance(value, datetime):
        return "00-00-0000 00:00"
    return "" if value is None else str(value)


def write_recap_csv(view: RegionView, path: Path) -> None:
    """The per-OPD table (the page's view) as CSV: UTF-8 with BOM, semicolons, decimal commas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(TYPED_OPD_HEADER)
    for row in opd_rows_of(view):
        writer.writerow([_csv_value(v) for v in row])
    _write(path, b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number_id(value).replace(".", "")
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d-%m-%Y %H:%M")
    return str(value)


def _write(path: Path, data: bytes) -> None:
    try:
        with atomic_file(path) as stream:
            stream.write(data)
    except OSError as err:
        raise InovasiError(f"Berkas {path.name} tidak dapat ditulis: {describe_os_error(err)}.") from None
