"""The region's list of perangkat daerah (OPD): kept in the database, edited in the window, imported from
CSV or XLSX, or started from a template of a typical kabupaten (marked as a template until adjusted)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from inovasi_desktop.domain.errors import InovasiError
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.services import settings
from inovasi_desktop.services.workspace import Workspace

MAX_OPDS = 500
MAX_NAME = 200
MAX_FILE_BYTES = 5 * 2**20
_HEADERS = {"nama", "nama opd", "opd", "perangkat daerah", "nama perangkat daerah", "no", "nomor"}

# A typical kabupaten after PP 18/2016 (names vary from region to region: a template to adjust).
TEMPLATE = (
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat Daerah",
    "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Penanggulangan Bencana Daerah",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Rumah Sakit Umum Daerah",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan Rakyat dan Kawasan Permukiman",
    "Satuan Polisi Pamong Praja",
    "Dinas Sosial",
    "Dinas Tenaga Kerja",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Ketahanan Pangan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Pariwisata",
    "Dinas Pertanian",
    "Dinas Perikanan",
    "Dinas Perindustrian dan Perdagangan",
)


def names(ws: Workspace) -> list[str]:
    from inovasi_desktop.storage.repositories import RegionOpdRepository

    with ws.db.begin() as session:
        return RegionOpdRepository(session).names()


def is_template(ws: Workspace) -> bool:
    return bool(settings.get(ws, settings.OPD_LIST_IS_TEMPLATE))


def clean(values: Iterable[str]) -> list[str]:
    """Trimmed, one line, without blanks, header words, or repeats (case-insensitive), in their order."""
    out: dict[str, str] = {}
    for value in values:
        name = " ".join(str(value or "").split())
        if name and name.casefold() not in _HEADERS and name.casefold() not in out:
            if len(name) > MAX_NAME:
                raise InovasiError(f"Nama perangkat daerah terlalu panjang (paling banyak {MAX_NAME} karakter): "
                                   f"\"{name[:40]}…\".")
            out[name.casefold()] = name
    if len(out) > MAX_OPDS:
        raise InovasiError(f"Daftar berisi {len(out)} perangkat daerah; paling banyak {MAX_OPDS}.")
    return list(out.values())


def save(ws: Workspace, values: Iterable[str], *, template: bool = False) -> list[str]:
    """Replace the list; returns it as kept. `template`: the shipped template, still to be adjusted."""
    from inovasi_desktop.storage.repositories import RegionOpdRepository

    kept = clean(values)
    with ws.db.write() as session:
        RegionOpdRepository(session).replace(kept)
    settings.put(ws, {settings.OPD_LIST_IS_TEMPLATE: 1 if template else None})
    return kept


def use_template(ws: Workspace) -> list[str]:
    return save(ws, TEMPLATE, template=True)


def read_file(path: Path) -> list[str]:
    """The OPD names in the first column (or the column titled "nama"/"opd") of a CSV or XLSX file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InovasiError(f"Berkas {path.name} terlalu besar untuk daftar perangkat daerah.")
        data = path.read_bytes()
    except OSError as err:
        raise InovasiError(f"Berkas {path.name} tidak dapat dibaca: {describe_os_error(err)}.") from None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(data, path.name)
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(data, path.name)
    else:
        raise InovasiError(f"Berkas {path.name} bukan CSV atau XLSX.")
    return clean(_name_column(rows))


def import_file(ws: Workspace, path: Path) -> list[str]:
    return save(ws, read_file(path))


def _csv_rows(data: bytes, name: str) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(data: bytes, name: str) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InovasiError(f"Berkas {name} bukan buku kerja XLSX yang dapat dibaca.") from None
    try:
        sheet = book.worksheets[0]
        return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(max_row=MAX_OPDS + 50,
                                                                                      values_only=True)]
    finally:
        book.close()


def _name_column(rows: list[list[str]]) -> list[str]:
    """The column headed like a name of an OPD, or else the first column with text in it."""
    rows = [r for r in rows if any(str(c).strip() for c in r)]
    if not rows:
        return []
    header = [str(c).strip().casefold() for c in rows[0]]
    for wanted in ("nama opd", "nama perangkat daerah", "perangkat daerah", "opd", "nama"):
        if wanted in header:
            column = header.index(wanted)
            return [r[column] if column < len(r) else "" for r in rows[1:]]
    width = max(len(r) for r in rows)
    for column in range(width):
        values = [r[column] if column < len(r) else "" for r in rows]
        if any(v.strip() and not v.strip().isdigit() for v in values):
            return values
    return []
