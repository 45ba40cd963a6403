"""The recap's tables as plain rows, shared by the PDF, the XLSX workbook and the CSV file."""

from __future__ import annotations

from datetime import datetime

from inovasi_desktop.rules.format import format_number_id
from inovasi_desktop.rules.monitoring import TAHAPAN, RegionView

OPD_HEADER = ("No", "Perangkat daerah", "Inisiatif", "Uji coba", "Penerapan", "Siap / belum", "Wajib tanpa bukti",
              "Rata-rata diklaim", "Rata-rata bukti", "Terakhir berubah", "Kiriman terakhir", "Inovasi sejak rekap")
INNOVATION_HEADER = ("No", "Nama inovasi", "Perangkat daerah", "Tahapan", "Kesiapan", "Skor diklaim",
                     "Skor bukti")


def recap_title(view: RegionView) -> str:
    return f"Laporan Pemantauan Inovasi Daerah {view.organisation.pemda}".strip()


def n(value: float, decimals: int = 2) -> str:
    return format_number_id(value, decimals)


def day(value: datetime | None) -> str:
    return value.astimezone().strftime("%d-%m-%Y") if value else "-"


def explained_terms(view: RegionView) -> list[tuple[str, str, str, str]]:
    """(term, claimed, backed, what it means in plain words) for the summary."""
    c, b, rules = view.claimed, view.backed, view.catalogue.scoring
    yandas = (f"{len(b.yandas_covered)} dari {len(rules.yandas)} urusan terwakili"
              + (f"; belum: {', '.join(b.yandas_missing)}" if b.yandas_missing else ""))
    return [
        ("Skor SPD", n(c.spd), n(b.spd), f"Jumlah skor {len(view.catalogue.spd_indicators)} baris indikator tingkat "
         f"daerah (Satuan Pemerintahan Daerah) yang diisi Bappeda/BRIDA; maksimal {n(c.spd_max)}."),
        ("Inovasi dihitung", str(c.innovation_count), str(b.innovation_count),
         "Inovasi yang tercatat pada katalog penilaian ini; semuanya dilaporkan atas nama daerah."),
        ("Pembagi", str(c.divisor), str(b.divisor), f"Jumlah skor inovasi dibagi jumlah inovasi, tetapi paling "
         f"sedikit {rules.divisor_min}: daerah dengan kurang dari {rules.divisor_min} inovasi tetap dibagi "
         f"{rules.divisor_min}."),
        ("Skor indikator SID", n(c.sid_indicators), n(b.sid_indicators), "Jumlah skor indikator semua inovasi "
         "dibagi pembagi. Pada kolom bukti, indikator tanpa bukti dukung yang sah bernilai 0, seperti penilaian "
         "oleh tim penilai."),
        ("Skor jumlah inovasi", n(c.jumlah_inovasi), n(b.jumlah_inovasi), f"{n(rules.jumlah_per_innovation)} per "
         f"inovasi untuk paling banyak {rules.jumlah_cap} inovasi, hanya bila sedikitnya {rules.yandas_min} urusan "
         f"wajib pelayanan dasar terwakili ({yandas})."),
        ("Skor total", n(c.total), n(b.total), f"Skor SPD ditambah skor SID; maksimal {n(c.total_max)}."),
        ("IID", n(c.iid), n(b.iid), f"Skor total dibagi {n(c.total_max, 0)} dikali 100 (skala 0\u2013100)."),
        ("Predikat", c.predicate, b.predicate, "Predikat menurut batas nilai katalog: " + "; ".join(
            f"{p.label} mulai {n(p.min_iid)}" for p in rules.predicates) + "."),
    ]


def opd_rows_of(view: RegionView) -> list[list]:
    """The per-OPD table with typed values (numbers stay numbers), in the page's order."""
    rows = []
    for i, o in enumerate(view.opds, 1):
        rows.append([i, o.name, "ya" if o.on_list else "tidak", *(o.tahapan.get(t, 0) for t in TAHAPAN), o.ready,
                     o.not_ready, o.mandatory_unbacked, round(o.claimed_average, 2), round(o.backed_average, 2),
                     round(o.claimed_total, 2), round(o.backed_total, 2), o.last_change, o.last_bundle,
                     o.change_count, None if o.change_backed is None else round(o.change_backed, 2)])
    return rows


TYPED_OPD_HEADER = ("No", "Perangkat daerah", "Dalam daftar daerah", "Inisiatif", "Uji coba", "Penerapan",
                    "Siap dikirim", "Belum siap",
                    "Indikator wajib tanpa bukti", "Rata-rata skor diklaim", "Rata-rata skor bukti",
                    "Total skor diklaim", "Total skor bukti", "Terakhir berubah", "Kiriman terakhir",
                    "Perubahan jumlah inovasi", "Perubahan total skor bukti")


def opd_table(view: RegionView) -> tuple[tuple[str, ...], list[list[str]], list[int], list[int]]:
    """Header, text rows, and the indexes of the rows without innovation and of those off the list."""
    rows, empty, off = [], [], []
    for i, o in enumerate(view.opds):
        rows.append([str(i + 1), o.name, *(str(o.tahapan.get(t, 0)) for t in TAHAPAN),
                     f"{o.ready} / {o.not_ready}", str(o.mandatory_unbacked), n(o.claimed_average, 1),
                     n(o.backed_average, 1), day(o.last_change), day(o.last_bundle),
                     "-" if o.change_count is None else f"{o.change_count:+d}"])
        if not o.count:
            empty.append(i)
        elif not o.on_list:
            off.append(i)
    return OPD_HEADER, rows, empty, off


def innovation_table(view: RegionView) -> tuple[tuple[str, ...], list[list[str]]]:
    ordered = sorted(view.innovations, key=lambda f: (f.opd.casefold(), f.name.casefold()))
    return INNOVATION_HEADER, [[str(i), f.name or "(tanpa nama)", f.opd, f.tahapan or "-",
                                "Siap" if f.ready else f"{f.errors} galat", n(f.claimed, 0), n(f.backed, 0)]
                               for i, f in enumerate(ordered, 1)]
