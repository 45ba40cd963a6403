"""Write the example innovation's evidence files into examples/bukti/ (deterministic output).

PDFs (reportlab) with an Indonesian letterhead and plausible text, screenshots (PNG) and a phone
photo of a newspaper clipping (JPEG with an EXIF orientation tag), all marked as examples. Also
points each evidence item of examples/contoh-inovasi.json at its file ("file": {"path": "bukti/..."}),
so that importing the JSON (the window's *Muat contoh* or `import-json`) brings the files along.

Run:  .venv/bin/python scripts/make_example_evidence.py
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from inovasi_desktop.export import interchange  # noqa: E402
from inovasi_desktop.rules import format_date_id  # noqa: E402

rl_config.useA85 = 0
rl_config.invariant = 1
OUT = ROOT / "examples" / "bukti"
FONT = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
FONT_BOLD = ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
EXAMPLE_NOTE = "Dokumen contoh aplikasi Inovasi Desktop untuk latihan; bukan dokumen resmi."
INNOVATION = "SI-PANTAU BALITA"

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14.5, spaceAfter=5, alignment=4)
CENTER = ParagraphStyle("center", parent=BODY, alignment=1)
TITLE = ParagraphStyle("title", parent=CENTER, fontName="Helvetica-Bold", fontSize=11.5, leading=15)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11.5, alignment=0)


# -- PDF pieces ----------------------------------------------------------------------------------

def _page_chrome(issuer: tuple[str, str, str]):
    """Letterhead on the first page, the example note and a light "CONTOH" on every page."""
    top, office, address = issuer

    def draw(canvas, doc) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.85, 0.85, 0.85))
        canvas.setFont("Helvetica-Bold", 90)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, "CONTOH")
        canvas.restoreState()
        if doc.page == 1:
            canvas.setFont("Helvetica-Bold", 13)
            canvas.drawCentredString(width / 2, height - 2.0 * cm, top)
            canvas.setFont("Helvetica-Bold", 15)
            canvas.drawCentredString(width / 2, height - 2.65 * cm, office)
            canvas.setFont("Helvetica", 9)
            canvas.drawCentredString(width / 2, height - 3.15 * cm, address)
            canvas.setLineWidth(2)
            canvas.line(2 * cm, height - 3.45 * cm, width - 2 * cm, height - 3.45 * cm)
            canvas.setLineWidth(0.6)
            canvas.line(2 * cm, height - 3.55 * cm, width - 2 * cm, height - 3.55 * cm)
        canvas.setFont("Helvetica-Oblique", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(2 * cm, 1.2 * cm, EXAMPLE_NOTE)
        canvas.drawRightString(width - 2 * cm, 1.2 * cm, f"Halaman {doc.page}")

    return draw


DINKES = ("PEMERINTAH KABUPATEN MOJOKERTO", "DINAS KESEHATAN",
          "Jalan Kesehatan Nomor 12 (contoh), Mojokerto, Jawa Timur · Telepon (0321) 000000")
BUPATI = ("PEMERINTAH KABUPATEN MOJOKERTO", "SEKRETARIAT DAERAH",
          "Jalan Pemerintahan Nomor 1 (contoh), Mojokerto, Jawa Timur · Telepon (0321) 000001")
JOMBANG = ("PEMERINTAH KABUPATEN JOMBANG", "DINAS KESEHATAN",
           "Jalan Contoh Nomor 5, Jombang, Jawa Timur · Telepon (0321) 000002")


def table(rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[Paragraph(str(c), SMALL) for c in row] for row in rows]
    t = Table(cells, colWidths=[w * cm for w in widths], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.95)),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def signature(place_date: str, position: str, name: str) -> list:
    block = Table([[Paragraph(f"Ditetapkan di Mojokerto<br/>pada tanggal {place_date}<br/><br/>{position},"
                              f"<br/><br/><br/>ttd.<br/><br/><b>{name}</b>", SMALL)]],
                  colWidths=[7.5 * cm], hAlign="RIGHT")
    return [Spacer(1, 10), block]


def write_pdf(name: str, issuer, story: list) -> None:
    doc = SimpleDocTemplate(str(OUT / name), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=4.2 * cm, bottomMargin=2 * cm, title=name.removesuffix(".pdf"),
                            author="Inovasi Desktop (contoh)", subject=EXAMPLE_NOTE, creator="Inovasi Desktop")
    chrome = _page_chrome(issuer)
    doc.build(story, onFirstPage=chrome, onLaterPages=chrome)


def P(text: str, style=BODY) -> Paragraph:  # noqa: N802 - reads like a tag
    return Paragraph(text, style)


def regulation(kind: str, number: str, about: str, when: date, signer: tuple[str, str],
               articles: list[str], attachment: list[list[str]] | None = None) -> list:
    story = [P(kind.upper(), TITLE), P(f"NOMOR {number}", TITLE), P("TENTANG", TITLE), P(about.upper(), TITLE),
             Spacer(1, 8), P("DENGAN RAHMAT TUHAN YANG MAHA ESA", CENTER), P(f"{signer[0].upper()},", CENTER),
             P("Menimbang: a. bahwa untuk mempercepat penurunan angka stunting diperlukan pemantauan tumbuh kembang "
               "balita yang terukur dan terpadu sampai tingkat desa; b. bahwa berdasarkan pertimbangan sebagaimana "
               f"dimaksud dalam huruf a, perlu menetapkan {kind.title()} tentang {about};"),
             P("Mengingat: 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; 2. Peraturan Pemerintah "
               "Nomor 38 Tahun 2017 tentang Inovasi Daerah; 3. Peraturan Daerah Kabupaten Mojokerto tentang "
               "Penyelenggaraan Kesehatan (contoh);"),
             P("MEMUTUSKAN:", TITLE), P(f"Menetapkan: {kind.upper()} TENTANG {about.upper()}.")]
    story += [P(f"<b>{text.split(':', 1)[0]}</b>: {text.split(':', 1)[1]}") for text in articles]
    story += signature(format_date_id(when), signer[0], signer[1])
    if attachment:
        story += [PageBreak(), P(f"LAMPIRAN {kind.upper()} NOMOR {number}", TITLE), Spacer(1, 6),
                  table(attachment, [1.2, 6.0, 8.8])]
    return story


def letter(number: str, when: date, subject: str, paragraphs: list[str], signer: tuple[str, str],
           extra: list | None = None) -> list:
    story = [P(f"Mojokerto, {format_date_id(when)}", ParagraphStyle("r", parent=BODY, alignment=2)),
             P(f"Nomor: {number}<br/>Perihal: <b>{subject}</b>", SMALL), Spacer(1, 6)]
    story += [P(text) for text in paragraphs]
    story += signature(format_date_id(when), signer[0], signer[1])
    return story + (extra or [])


def report(title: str, when: date, sections: list[tuple[str, str]], rows: list[list[str]] | None = None,
           widths: list[float] | None = None) -> list:
    story = [P(title.upper(), TITLE), P(f"Disusun pada {format_date_id(when)}", CENTER), Spacer(1, 8)]
    for heading, text in sections:
        story += [P(f"<b>{heading}</b>"), P(text)]
    if rows:
        story += [Spacer(1, 6), table(rows, widths or [16.6 / len(rows[0])] * len(rows[0]))]
    return story


# -- pictures --------------------------------------------------------------------------------------

def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT), size)


def screenshot(name: str, title: str, cards: list[tuple[str, str]], bars: list[int], rows: list[list[str]]) -> None:
    """A flat 'screenshot' of the app's dashboard: header, number cards, a bar chart and a table."""
    width, height = 1280, 760
    image = Image.new("RGB", (width, height), (244, 246, 249))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 34), fill=(222, 225, 230))
    draw.rounded_rectangle((90, 7, 900, 28), radius=8, fill=(255, 255, 255))
    draw.text((104, 10), "https://sipantau.dinkes.mojokertokab.contoh/dasbor", font=_font(13), fill=(80, 80, 80))
    draw.rectangle((0, 34, width, 92), fill=(22, 101, 140))
    draw.text((28, 48), f"{INNOVATION} · {title}", font=_font(24, True), fill="white")
    for n, (label, value) in enumerate(cards):
        x = 28 + n * 308
        draw.rounded_rectangle((x, 112, x + 288, 212), radius=10, fill="white", outline=(210, 214, 220))
        draw.text((x + 18, 126), label, font=_font(15), fill=(90, 90, 90))
        draw.text((x + 18, 154), value, font=_font(34, True), fill=(22, 101, 140))
    draw.rounded_rectangle((28, 232, 640, 720), radius=10, fill="white", outline=(210, 214, 220))
    draw.text((48, 248), "Balita ditimbang per bulan (2025)", font=_font(16, True), fill=(40, 40, 40))
    top = max(bars)
    for n, value in enumerate(bars):
        x, bar = 58 + n * 48, int(380 * value / top)
        draw.rectangle((x, 680 - bar, x + 30, 680), fill=(52, 152, 120))
        draw.text((x, 688), ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                             "Des"][n % 12], font=_font(12), fill=(90, 90, 90))
    draw.rounded_rectangle((660, 232, 1252, 720), radius=10, fill="white", outline=(210, 214, 220))
    for r, row in enumerate(rows):
        y = 252 + r * 38
        if r == 0:
            draw.rectangle((672, y - 6, 1240, y + 26), fill=(232, 238, 244))
        for c, text in enumerate(row):
            draw.text((684 + c * 190, y), text, font=_font(14, r == 0), fill=(40, 40, 40))
    draw.text((28, 732), EXAMPLE_NOTE, font=_font(12), fill=(140, 140, 140))
    image.save(OUT / name, "PNG", optimize=True)


def social_post(name: str) -> None:
    image = Image.new("RGB", (720, 900), (250, 250, 250))
    draw = ImageDraw.Draw(image)
    draw.ellipse((24, 24, 84, 84), fill=(22, 101, 140))
    draw.text((100, 30), "dinkes.mojokerto (contoh)", font=_font(20, True), fill=(30, 30, 30))
    draw.text((100, 58), "7 April 2025", font=_font(15), fill=(120, 120, 120))
    draw.rounded_rectangle((24, 108, 696, 620), radius=16, fill=(22, 101, 140))
    lines = ["JADWAL POSYANDU", "BULAN APRIL 2025", "", "Cek pengingat WhatsApp", "dari SI-PANTAU BALITA",
             "dan bawa buku KIA Anda."]
    for n, line in enumerate(lines):
        draw.text((60, 160 + n * 64), line, font=_font(34 if n < 2 else 26, n < 2), fill="white")
    caption = ("Ayah Bunda, jadwal posyandu bulan ini sudah dikirim lewat pengingat WhatsApp SI-PANTAU BALITA. "
               "Datang tepat waktu agar tumbuh kembang si kecil terpantau. #BalitaSehat #Mojokerto")
    y = 640
    line = ""
    for word in caption.split():
        if len(line) + len(word) > 52:
            draw.text((24, y), line, font=_font(18), fill=(30, 30, 30))
            y, line = y + 28, ""
        line += word + " "
    draw.text((24, y), line, font=_font(18), fill=(30, 30, 30))
    draw.text((24, 860), EXAMPLE_NOTE, font=_font(12), fill=(140, 140, 140))
    image.save(OUT / name, "PNG", optimize=True)


def clipping_photo(name: str) -> None:
    """A phone photo of a printed news clipping, stored turned with EXIF orientation 6 (as phones do)."""
    rng = random.Random(2024)
    paper = Image.new("RGB", (900, 1200), (236, 230, 214))
    draw = ImageDraw.Draw(paper)
    draw.text((50, 40), "RADAR MOJOKERTO (contoh)", font=_font(30, True), fill=(40, 40, 40))
    draw.text((50, 84), "Kamis, 12 September 2024", font=_font(18), fill=(80, 80, 80))
    draw.line((50, 116, 850, 116), fill=(60, 60, 60), width=3)
    draw.text((50, 136), "Dinkes Luncurkan SI-PANTAU BALITA,", font=_font(34, True), fill=(20, 20, 20))
    draw.text((50, 180), "Posyandu Kini Tercatat Daring", font=_font(34, True), fill=(20, 20, 20))
    for y in range(240, 540, 6):
        shade = 150 + rng.randint(-30, 30)
        draw.line((50, y, 850, y), fill=(shade, shade - 10, shade - 20), width=5)
    draw.text((50, 548), "Kader posyandu mencatat hasil penimbangan pada aplikasi.", font=_font(16), fill=(70, 70, 70))
    for column in range(2):
        for row in range(26):
            x, y = 50 + column * 410, 590 + row * 22
            length = rng.randint(280, 380)
            draw.line((x, y, x + length, y), fill=(110, 105, 95), width=7)
    draw.text((50, 1160), EXAMPLE_NOTE, font=_font(14), fill=(120, 120, 120))
    photo = Image.new("RGB", (1000, 1300), (74, 62, 52))
    photo.paste(paper.rotate(1.5, expand=True, fillcolor=(74, 62, 52)), (40, 30))
    turned = photo.transpose(Image.Transpose.ROTATE_90)  # the sensor's landscape pixels ...
    exif = Image.Exif()
    exif[0x0112] = 6  # ... shown upright by turning 90 degrees clockwise
    exif[0x010F] = "Kamera ponsel (contoh)"
    turned.save(OUT / name, "JPEG", quality=72, optimize=True, exif=exif)


# -- the documents --------------------------------------------------------------------------------

HEAD = ("BUPATI MOJOKERTO", "dr. Ir. Contoh Pratama, M.M.")
KADIN = ("KEPALA DINAS KESEHATAN KABUPATEN MOJOKERTO", "dr. Bambang Supriyadi, M.Kes.")
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def team(year: int) -> list[list[str]]:
    rows = [["No.", "Jabatan dalam tim", "Unsur"], ["1", "Pengarah", "Kepala Dinas Kesehatan"],
            ["2", "Ketua", "Kepala Bidang Kesehatan Masyarakat"], ["3", "Sekretaris", "Pengelola Program Gizi"],
            ["4", "Admin sistem", "Pranata Komputer Dinas Kesehatan"]]
    rows += [[str(5 + n), "Anggota", f"Tenaga Pelaksana Gizi Puskesmas {p}"] for n, p in enumerate(
        ["Sooko", "Trowulan", "Puri", "Bangsal", "Mojosari", "Pungging", "Ngoro", "Pacet"])]
    rows.append([str(13), "Anggota", f"Tenaga pelaksana gizi 19 puskesmas lainnya (daftar lengkap {year})"])
    return rows


def documents() -> dict[str, tuple[str, tuple, list]]:
    """file name -> (evidence item id, issuer, story)."""
    sk_bupati = regulation(
        "Keputusan Bupati Mojokerto", "100.3.3.2/412/HK/416-012/2024",
        "Tim Pelaksana Pemantauan Tumbuh Kembang Balita Berbasis Desa", date(2024, 7, 22), HEAD,
        ["KESATU: Membentuk Tim Pelaksana Pemantauan Tumbuh Kembang Balita Berbasis Desa dengan susunan "
         "sebagaimana tercantum dalam Lampiran.",
         "KEDUA: Tim bertugas mengoordinasikan Dinas Kesehatan, Dinas Pemberdayaan Masyarakat dan Desa, "
         "Dinas Komunikasi dan Informatika, serta Bappeda dalam penerapan SI-PANTAU BALITA.",
         "KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        [["No.", "Perangkat daerah", "Peran"], ["1", "Dinas Kesehatan", "Koordinator dan pengelola aplikasi"],
         ["2", "Dinas Pemberdayaan Masyarakat dan Desa", "Pendampingan kader dan dana desa"],
         ["3", "Dinas Komunikasi dan Informatika", "Server, keamanan data, dan integrasi layanan"],
         ["4", "Bappeda", "Perencanaan dan evaluasi program penurunan stunting"]])
    return {
        "Perbup-31-2024-Pemantauan-Tumbuh-Kembang-Balita.pdf": ("7dfcf349-4f1c-5891-8d5c-a2037ac54b78", BUPATI,
            regulation("Peraturan Bupati Mojokerto", "31 TAHUN 2024",
                       "Pemantauan Tumbuh Kembang Balita Berbasis Desa", date(2024, 6, 14), HEAD,
                       ["Pasal 1: Pemantauan tumbuh kembang balita dilaksanakan di setiap posyandu dan dicatat "
                        "melalui aplikasi SI-PANTAU BALITA yang dikelola Dinas Kesehatan.",
                        "Pasal 2: Kader posyandu mencatat hasil penimbangan dan pengukuran paling lambat 3 hari "
                        "setelah hari buka posyandu; tenaga pelaksana gizi puskesmas memverifikasi data tersebut.",
                        "Pasal 3: Balita yang tidak naik berat badannya dua bulan berturut-turut dirujuk ke "
                        "puskesmas dan dipantau sampai tertangani.",
                        "Pasal 4: Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."])),
        "SK-Tim-Pengelola-2025.pdf": ("5c4768cd-88e9-55dc-a2aa-e54be8da9344", DINKES, regulation(
            "Keputusan Kepala Dinas Kesehatan", "188/037/416-109/2025", "Tim Pengelola SI-PANTAU BALITA Tahun 2025",
            date(2025, 1, 13), KADIN, ["KESATU: Menunjuk Tim Pengelola SI-PANTAU BALITA Tahun 2025 dengan susunan "
                                       "sebagaimana tercantum dalam Lampiran.",
                                       "KEDUA: Biaya pelaksanaan dibebankan pada DPA Dinas Kesehatan Tahun 2025."],
            team(2025))),
        "SK-Tim-Pengelola-2026.pdf": ("53d1d232-596f-5a70-9bc1-bd13d86e4e69", DINKES, regulation(
            "Keputusan Kepala Dinas Kesehatan", "188/021/416-109/2026", "Tim Pengelola SI-PANTAU BALITA Tahun 2026",
            date(2026, 1, 12), KADIN, ["KESATU: Menunjuk Tim Pengelola SI-PANTAU BALITA Tahun 2026 dengan susunan "
                                       "sebagaimana tercantum dalam Lampiran.",
                                       "KEDUA: Biaya pelaksanaan dibebankan pada DPA Dinas Kesehatan Tahun 2026."],
            team(2026))),
        **{f"DPA-Dinkes-{year}.pdf": (item_id, DINKES, report(
            f"Dokumen Pelaksanaan Anggaran Dinas Kesehatan Tahun {year}", date(year, 1, 5 if year == 2024 else 6),
            [("Nomor DPA", f"DPA/1.02.0.00.0.00.01.0000/001/{year}"),
             ("Subkegiatan", "Pengelolaan Sistem Informasi Kesehatan (baris yang membiayai SI-PANTAU BALITA "
                             "diberi tanda *).")],
            [["Kode rekening", "Uraian", "Jumlah (Rp)"],
             ["5.1.02.01.01.0024", "Belanja alat/bahan kegiatan kantor - kertas dan cover", "12.500.000"],
             ["5.1.02.02.01.0026*", "Belanja jasa tenaga administrasi sistem SI-PANTAU BALITA", "48.000.000"],
             ["5.1.02.02.01.0063*", "Belanja langganan server dan nama domain SI-PANTAU BALITA", "18.600.000"],
             ["5.1.02.01.01.0052*", "Belanja makanan dan minuman rapat bimtek kader", "21.750.000"],
             ["", "Jumlah subkegiatan", "100.850.000"]], [3.6, 9.4, 3.6]))
            for year, item_id in ((2024, "72ed9a94-91f4-5713-a623-7374620fe996"),
                                  (2025, "47d78eea-8ae6-5d62-985a-1e731d053536"))},
        **{name: (item_id, DINKES, letter(
            number, when, f"Undangan Bimbingan Teknis {topic}",
            [f"Dalam rangka penerapan SI-PANTAU BALITA di Kabupaten Mojokerto, kami mengundang Saudara mengikuti "
             f"Bimbingan Teknis {topic} yang dilaksanakan pada {format_date_id(when)} pukul 08.00 WIB di Aula Dinas "
             "Kesehatan Kabupaten Mojokerto.",
             "Peserta membawa telepon pintar yang telah terpasang aplikasi. Atas perhatian Saudara kami sampaikan "
             "terima kasih."], KADIN,
            [PageBreak(), P(f"DAFTAR HADIR BIMBINGAN TEKNIS {topic.upper()}", TITLE), Spacer(1, 6),
             table([["No.", "Nama", "Unsur", "Tanda tangan"]] + [
                 [str(n), f"Peserta {n}", f"Puskesmas {p}", "ttd."] for n, p in enumerate(
                     ["Sooko", "Trowulan", "Puri", "Bangsal", "Mojosari", "Pungging", "Ngoro", "Pacet", "Gondang",
                      "Jatirejo"], start=1)], [1.2, 5.0, 6.0, 4.4]),
             PageBreak(), P("LAPORAN PELAKSANAAN", TITLE),
             P(f"Bimbingan teknis diikuti {participants} peserta. Materi: pencatatan penimbangan, membaca grafik "
               "pertumbuhan, dan tindak lanjut balita berisiko. Nilai rata-rata uji akhir peserta 86,4.")]))
            for name, item_id, number, when, topic, participants in (
                ("Bimtek-2024-Tenaga-Gizi-dan-Kader.pdf", "62b8b4bb-a119-59e1-9d99-321f78f812a1",
                 "400.7.22.1/0318/416-109/2024", date(2024, 2, 19), "Penggunaan SI-PANTAU BALITA", 124),
                ("Bimtek-2025-Modul-Pengingat-WhatsApp.pdf", "a0d4a3ee-12a3-565d-b5cd-ba5662ad6a54",
                 "400.7.22.1/0162/416-109/2025", date(2025, 2, 10), "Modul Pengingat WhatsApp", 96))},
        **{name: (item_id, BUPATI, report(
            title, when, [("Dasar", f"Peraturan Bupati Mojokerto Nomor {number} Tahun 2024."),
                          ("Kutipan", "Halaman program dan kegiatan Dinas Kesehatan yang memuat SI-PANTAU BALITA.")],
            [["Program", "Kegiatan / subkegiatan", "Indikator", "Target"],
             ["Pemenuhan Upaya Kesehatan Perorangan dan Masyarakat", "Pengelolaan Sistem Informasi Kesehatan",
              "Persentase posyandu yang melapor melalui SI-PANTAU BALITA", "95%"],
             ["Pemenuhan Upaya Kesehatan Perorangan dan Masyarakat", "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
              "Persentase balita ditimbang", "90%"]], [4.6, 4.6, 5.0, 2.4]))
            for name, item_id, number, when, title in (
                ("RKPD-2025-Halaman-Dinkes.pdf", "99175811-bd73-54a7-97c1-49714dcb30a2", "27", date(2024, 5, 31),
                 "Rencana Kerja Pemerintah Daerah Kabupaten Mojokerto Tahun 2025"),
                ("Perubahan-RKPD-2024-Halaman-Dinkes.pdf", "6d7cfe75-a017-58d9-a48c-2609ceaa9e89", "19",
                 date(2024, 5, 24), "Perubahan Rencana Kerja Pemerintah Daerah Kabupaten Mojokerto Tahun 2024"))},
        "Notulen-Rakor-Pentahelix-2024.pdf": ("ec4b7f46-6b1d-50c3-be1d-caa6f8e0bea9", DINKES, letter(
            "005/0921/416-109/2024", date(2024, 8, 20), "Notulen Rapat Koordinasi Pentahelix SI-PANTAU BALITA",
            ["Rapat dihadiri unsur pemerintah daerah, akademisi (fakultas kesehatan masyarakat), dunia usaha "
             "(penyedia layanan pesan singkat), komunitas kader posyandu, dan media lokal.",
             "Kesepakatan: akademisi mendampingi analisis data, dunia usaha memberi kuota pesan pengingat tanpa "
             "biaya selama satu tahun, dan media lokal menyebarkan jadwal posyandu setiap bulan."], KADIN)),
        "SK-Bupati-Tim-Pelaksana-2024.pdf": ("76e2ac76-f1bc-5e00-9f73-62c887771d72", BUPATI, sk_bupati),
        "Buku-Panduan-SI-PANTAU-BALITA-v2.pdf": ("85c24201-a164-5f18-884a-db70840b9a22", DINKES, report(
            "Buku Panduan Penggunaan SI-PANTAU BALITA Versi 2.0", date(2025, 2, 3),
            [("Daftar isi", "1. Masuk ke aplikasi · 2. Mencatat penimbangan · 3. Membaca grafik pertumbuhan · "
                            "4. Pengingat WhatsApp · 5. Rujukan ke puskesmas · 6. Tanya jawab"),
             ("1. Masuk ke aplikasi", "Buka alamat aplikasi pada peramban, masukkan nomor telepon kader yang "
                                      "terdaftar, lalu kode sekali pakai yang dikirim lewat WhatsApp.")])),
        "Tangkapan-Layar-Dasbor-Kabupaten.png": ("6a484ed5-565d-5005-91af-4d5817070bb8", None, []),
        "Kliping-Berita-Peluncuran.jpg": ("ba1f4f10-5bc6-564b-89bd-759678ca10cb", None, []),
        "Unggahan-Media-Sosial-Jadwal-Posyandu.png": ("8ce2b808-3a56-583f-9d87-318f9e8465a1", None, []),
        "Tangkapan-Layar-Kanal-Informasi.png": ("e9bdc37a-4f02-53c9-943a-78d82eb41604", None, []),
        "SOP-Pemantauan-Tumbuh-Kembang.pdf": ("442c34c7-be1e-525c-9b94-0f67a8ccf795", DINKES, report(
            "Standar Operasional Prosedur Pemantauan Tumbuh Kembang Balita melalui SI-PANTAU BALITA",
            date(2024, 7, 1), [("Nomor SOP", "000.8.3.3/07/416-109/2024")],
            [["Langkah", "Pelaksana", "Waktu"], ["Balita ditimbang dan diukur di posyandu", "Kader", "Hari buka"],
             ["Hasil dicatat pada aplikasi", "Kader", "Paling lambat 3 hari"],
             ["Data diverifikasi", "Tenaga pelaksana gizi", "7 hari"],
             ["Balita berisiko dirujuk", "Bidan desa", "Segera"]], [8.0, 4.6, 4.0])),
        "Rekap-Pengaduan-2025.pdf": ("d30b2668-bbc7-5c71-bcf0-1a2f4ab34a59", DINKES, report(
            "Rekapitulasi Pengaduan Layanan SI-PANTAU BALITA Tahun 2025", date(2026, 1, 15),
            [("Ringkasan", "164 pengaduan diterima, 155 selesai ditindaklanjuti (94,5 persen).")],
            [["Bulan", "Masuk", "Selesai"]] + [[m, str(12 + n % 5), str(11 + n % 5)] for n, m in enumerate(MONTHS)],
            [6.0, 5.0, 5.0])),
        "Tangkapan-Layar-Portal-Layanan.png": ("764c0245-9c65-5f73-bc67-f131c68dc317", None, []),
        "Surat-Keterangan-Replikasi-Jombang.pdf": ("763ec965-c5b6-5f0e-95b2-c5fa8e6a919e", JOMBANG, letter(
            "000.3/118/415.16/2025", date(2025, 8, 26), "Surat Keterangan Replikasi",
            ["Yang bertanda tangan di bawah ini, Kepala Dinas Kesehatan Kabupaten Jombang, menerangkan bahwa "
             "Dinas Kesehatan Kabupaten Jombang telah mereplikasi inovasi SI-PANTAU BALITA dari Dinas Kesehatan "
             "Kabupaten Mojokerto sejak Juni 2025 di 12 puskesmas.",
             "Surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."],
            ("KEPALA DINAS KESEHATAN KABUPATEN JOMBANG", "dr. Contoh Wibowo, M.P.H."))),
        "Laporan-Tahapan-Penciptaan-2024.pdf": ("658b8258-2e38-53be-9d6d-cbb403a0bf84", DINKES, report(
            "Laporan Tahapan Penciptaan Inovasi SI-PANTAU BALITA", date(2024, 7, 15), [],
            [["Bulan (2024)", "Tahapan"], ["Januari", "Identifikasi masalah dan penjaringan ide"],
             ["Februari", "Pemilihan ide dan rancangan aplikasi"], ["Maret", "Uji coba di 3 puskesmas"],
             ["April-Mei", "Perbaikan berdasarkan masukan kader"], ["Juni-Juli", "Penerapan di 27 puskesmas"]],
            [4.0, 12.6])),
        "Rekap-Balita-Terpantau-2024-2025.pdf": ("461a090a-bb0f-5452-aec7-38b8ccf762fb", DINKES, report(
            "Rekapitulasi Jumlah Balita Terpantau melalui SI-PANTAU BALITA", date(2025, 12, 30), [],
            [["Bulan", "2024", "2025"]] + [[m, f"{38_000 + n * 900:,}".replace(",", "."),
                                             f"{49_000 + n * 650:,}".replace(",", ".")]
                                            for n, m in enumerate(MONTHS)], [6.0, 5.3, 5.3])),
        "Tangkapan-Layar-Pengguna-Aktif.png": ("c396a18a-9be5-5648-a793-7c48c88d8d3a", None, []),
        "Laporan-Survei-Kepuasan-2025.pdf": ("c02daa5a-e139-5d45-86ab-58fab0f1532c", DINKES, report(
            "Laporan Survei Kepuasan Masyarakat terhadap Layanan SI-PANTAU BALITA Tahun 2025", date(2025, 12, 22),
            [("Metode", "Kuesioner sembilan unsur pelayanan kepada 420 orang tua balita di 27 puskesmas.")],
            [["Unsur", "Nilai"], ["Persyaratan", "3,42"], ["Prosedur", "3,38"], ["Waktu pelayanan", "3,35"],
             ["Kompetensi pelaksana", "3,51"], ["Indeks Kepuasan Masyarakat", "85,6 (Baik)"]], [10.0, 6.6])),
    }


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    listing: dict[str, str] = {}
    for name, (item_id, issuer, story) in documents().items():
        if name.endswith(".pdf"):
            write_pdf(name, issuer, story)
        listing[item_id] = name
    listing["bb274c99-af76-5787-be0d-1253dac4879d"] = "SK-Bupati-Tim-Pelaksana-2024.pdf"  # one SK, two indicators
    bars = [38, 41, 44, 43, 47, 49, 50, 52, 51, 53, 55, 56]
    screenshot("Tangkapan-Layar-Dasbor-Kabupaten.png", "Dasbor Kabupaten",
               [("Balita terdaftar", "58.214"), ("Ditimbang bulan ini", "52.907"), ("Posyandu melapor", "1.126"),
                ("Perlu rujukan", "312")], bars,
               [["Puskesmas", "Ditimbang", "Cakupan"], ["Sooko", "2.114", "93%"], ["Trowulan", "2.480", "91%"],
                ["Puri", "2.301", "95%"], ["Bangsal", "1.876", "90%"], ["Mojosari", "2.655", "92%"]])
    screenshot("Tangkapan-Layar-Kanal-Informasi.png", "Kanal Informasi Layanan",
               [("Aplikasi web", "aktif"), ("WhatsApp layanan", "aktif"), ("Media sosial", "3 akun"),
                ("Buku tamu", "27 pkm")], bars,
               [["Kanal", "Alamat", "Jam layanan"], ["Web", "sipantau (contoh)", "24 jam"],
                ["WhatsApp", "0811-0000-000", "07.00-16.00"], ["Instagram", "@dinkes (contoh)", "24 jam"]])
    screenshot("Tangkapan-Layar-Portal-Layanan.png", "Portal Layanan Dinas Kesehatan",
               [("Layanan KIA", "terhubung"), ("SI-PANTAU BALITA", "terhubung"), ("Imunisasi", "terhubung"),
                ("Rujukan", "terhubung")], bars,
               [["Layanan", "Status", "Masuk lewat"], ["KIA", "aktif", "satu akun"],
                ["SI-PANTAU", "aktif", "satu akun"], ["Imunisasi", "aktif", "satu akun"]])
    screenshot("Tangkapan-Layar-Pengguna-Aktif.png", "Pengguna Aktif",
               [("Kader aktif", "3.482"), ("Tenaga gizi", "27"), ("Orang tua", "41.907"), ("Bidan desa", "304")],
               [2.1, 2.4, 2.6, 2.9, 3.0, 3.1, 3.2, 3.3, 3.3, 3.4, 3.4, 3.5],
               [["Peran", "Aktif 30 hari", "Tumbuh"], ["Kader", "3.482", "+4%"], ["Tenaga gizi", "27", "0%"],
                ["Orang tua", "41.907", "+9%"], ["Bidan desa", "304", "+2%"]])
    social_post("Unggahan-Media-Sosial-Jadwal-Posyandu.png")
    clipping_photo("Kliping-Berita-Peluncuran.jpg")
    example = OUT.parent / "contoh-inovasi.json"
    document = interchange.read_document(example.read_text(encoding="utf-8"))
    files = {item_id: f"{OUT.name}/{name}" for item_id, name in listing.items()}
    example.write_text(interchange.dumps(document.innovation, files), encoding="utf-8")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"{len(list(OUT.iterdir()))} berkas, {total / 1024:.0f} KB di {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
