"""The dossier PDF of the example innovation with real evidence files: content, structure, fonts,
metadata, determinism. Checked with poppler (pdftotext, pdffonts), qpdf and pikepdf."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pikepdf
import pytest
from platform_skips import needs_qpdf, require_poppler
from pypdf import PdfReader

from inovasi_desktop.domain.model import EvidenceItem
from inovasi_desktop.export.dossier import build_dossier
from inovasi_desktop.export.dossier.assembly import EVIDENCE_XOBJECT
from inovasi_desktop.rules.format import format_date_id
from inovasi_desktop.rules.scoring import score_innovation

FOOTER_BAND_PT = 14 / 25.4 * 72


@pytest.fixture(scope="module")
def built(tmp_path_factory, samples):
    folder = tmp_path_factory.mktemp("dossier")
    source = samples.sample_input(folder)
    out_dir = folder / "keluar"
    out_dir.mkdir()
    result = build_dossier(source, out_dir / "berkas.pdf")
    return source, result, _Texts(samples, result.path)


class _Texts(Sequence[str]):
    """The page texts, read with poppler when a test first looks (tests that look are skipped on Windows)."""

    def __init__(self, samples, path: Path) -> None:
        self.samples, self.path, self.texts = samples, path, None

    def _read(self) -> list[str]:
        if self.texts is None:
            self.texts = self.samples.page_texts(self.path)
        return self.texts

    def __getitem__(self, index):
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())


def _front_text(texts: list[str], *markers: str) -> str:
    return " ".join(t for t in texts if any(m in t for m in markers))


def _table_text(texts: list[str]) -> str:
    """The indicator table, from its heading to its totals (it spans several pages)."""
    first = next(i for i, t in enumerate(texts) if "INDIKATOR SATUAN INOVASI DAERAH" in t)
    last = next(i for i, t in enumerate(texts) if "Skor SID maksimum" in t)
    return " ".join(texts[first:last + 1])


def _pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def test_result_describes_the_written_file(built):
    _, result, _ = built
    data = result.path.read_bytes()
    assert result.bytes == len(data)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.pages == _pdf_pages(result.path)
    assert [p.name for p in result.path.parent.iterdir()] == ["berkas.pdf"]  # no temp file left


@needs_qpdf
def test_qpdf_check_passes(built):
    _, result, _ = built
    check = subprocess.run(["qpdf", "--check", str(result.path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_every_page_has_footer_with_page_x_of_y_dossier_and_catalogue_id(built):
    source, _, texts = built
    dossier_id = re.search(r"ID berkas ([0-9a-f]{12})", texts[0]).group(1)
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in text
        assert f"ID berkas {dossier_id}" in text
        assert f"Katalog {source.catalogue.id}" in text


def test_cover_names_pemda_opd_innovation_year_date_and_status(built, samples):
    source, result, texts = built
    for expected in ("PEMERINTAH KABUPATEN MOJOKERTO", "DINAS KESEHATAN", source.innovation.name,
                     source.catalogue.title, str(source.catalogue.year), format_date_id(samples.GENERATED_ON),
                     "STATUS: SIAP KIRIM"):
        assert expected in texts[0]
    assert not any("DRAFT" in page.extract_text() for page in PdfReader(result.path).pages)  # no watermark


def test_approval_page_has_signature_block_of_the_head_of_opd(built, samples):
    source, _, texts = built
    page = next(t for t in texts if "LEMBAR PENGESAHAN" in t)
    org = source.organisation
    assert org.head_nip == "197503122005012003"
    for expected in (org.head_name, "NIP. 19750312 200501 2 003", org.head_position,
                     f"{source.place}, {format_date_id(samples.GENERATED_ON)}"):
        assert expected in page


def test_readiness_checklist_marks_each_requirement(built):
    _, _, texts = built
    page = next(t for t in texts if "PEMERIKSAAN KESIAPAN" in t)
    for requirement in ("Waktu penerapan dalam periode 1 Januari 2024 s.d. 31 Desember 2025",
                        "minimal 300 kata", "Seluruh indikator wajib dijawab"):
        assert requirement in page
    assert page.count("\u2713 Terpenuhi") >= 4


def test_profile_lists_visible_fields_with_catalogue_labels_in_order(built):
    source, _, texts = built
    text = _front_text(texts, "PROFIL INOVASI DAERAH")
    profile = source.innovation.profile
    labels = [f.label for f in source.catalogue.fields
              if f.is_visible(profile) and f.type not in ("sectioned_text", "paragraph")]
    positions = [text.find(label) for label in labels]
    assert -1 not in positions, [label for label, pos in zip(labels, positions, strict=True) if pos < 0]
    assert positions == sorted(positions)
    assert "Kabupaten Mojokerto" in text and "4 Maret 2024" in text  # auto field and an Indonesian date


def test_uraian_has_rancang_bangun_parts_and_word_count(built):
    source, _, texts = built
    text = _front_text(texts, "URAIAN INOVASI", "Tujuan Inovasi Daerah")
    field = source.catalogue.field("rancang_bangun")
    for part in field.parts:
        assert part.title in text
    words = sum(len(str(v).split()) for v in source.innovation.profile["rancang_bangun"].values())
    count = int(re.search(r"Jumlah kata: ([\d.]+)", text).group(1).replace(".", ""))
    assert words * 0.98 <= count <= words  # the rules' counter skips lone punctuation, never adds
    for key in ("tujuan", "manfaat", "hasil"):
        assert source.catalogue.field(key).label in text


def test_indicator_table_has_every_indicator_level_and_sid_totals(built):
    source, _, texts = built
    text = _table_text(texts)
    for indicator in source.catalogue.indicators:
        assert indicator.name in text
        answer = source.innovation.answers.get(indicator.number)
        if answer and answer.level:
            basis = indicator.basis(answer.basis)
            wording = basis.levels[answer.level - 1] if basis else indicator.level(answer.level).text
            assert f"Tingkat {answer.level}: {wording}" in text
    assert "Tingkat 3: ≥ 91%" in text and "Tingkat 3: ≥ 501 orang" in text  # signs, not ">="
    score = score_innovation(source.catalogue, source.innovation)
    assert f"Jumlah skor SID yang diklaim {score.claimed:g}" in text
    assert f"Jumlah skor SID yang didukung bukti sah {score.backed:g}" in text
    assert f"Skor SID maksimum {source.catalogue.sid_max:g}" in text


def test_page_count_is_generated_pages_plus_every_evidence_page(built):
    source, result, texts = built
    front = next(i for i, t in enumerate(texts) if "LAMPIRAN INDIKATOR 1 " in t)
    separators = links = printed = 0
    for answer in source.innovation.answers.values():
        separators += bool(answer.evidence)
        for item in answer.evidence:
            if item.is_link:
                links += 1
            elif item.media_type == "application/pdf":
                printed += _pdf_pages(source.evidence_path(item.sha256))
            else:
                printed += 1  # one page per image
    for items in source.innovation.attachments.values():
        separators += 1
        printed += sum(_pdf_pages(source.evidence_path(i.sha256)) for i in items)
    assert links == 1  # the example's video link: one listing page
    assert result.pages == front + separators + printed + links


def test_outline_mirrors_the_structure(built, samples):
    source, result, texts = built
    entries = samples.outline(result.path)
    top = [(title, page) for depth, title, page in entries if depth == 0]
    assert [t for t, _ in top] == ["Sampul", "Lembar Pengesahan", "Pemeriksaan Kesiapan", "Profil Inovasi",
                                   "Uraian Inovasi", "Indikator dan Bukti Dukung", "Lampiran Bukti Dukung"]
    assert top[0][1] == 0
    for title, page in top[1:3]:
        assert title.upper() in texts[page]
    sections = [(title, page) for depth, title, page in entries if depth == 1 and page >= top[-1][1]]
    with_evidence = [n for n in sorted(source.innovation.answers) if source.innovation.answers[n].evidence]
    assert [t.split(":")[0] for t, _ in sections] == [f"Lampiran Indikator {n}" for n in with_evidence] + \
        ["Lampiran Profil"]
    for title, page in sections:
        heading, name = title.split(": ", 1)
        assert heading.upper() in texts[page] and name in texts[page]
    with pikepdf.open(result.path) as pdf:
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines


def test_each_evidence_bookmark_and_table_page_number_point_at_the_item(built, samples):
    source, result, texts = built
    items = [e for n in sorted(source.innovation.answers) for e in source.innovation.answers[n].evidence]
    entries = samples.outline(result.path)
    annex_start = next(i for i, e in enumerate(entries) if e[1] == "Lampiran Bukti Dukung")
    leaves = [(title, page) for depth, title, page in entries[annex_start:] if depth == 2]
    assert len(leaves) == len(items) + sum(len(v) for v in source.innovation.attachments.values())
    table = _table_text(texts)
    cited = [int(n) for n in re.findall(r"hlm\. (\d+)", table)]
    assert cited == [page + 1 for _, page in leaves[:len(items)]]
    kinds = set()
    for item, (_, page) in zip(items, leaves, strict=False):
        text = texts[page]
        if item.is_link:
            kinds.add("link")
            assert item.link in text
        elif item.media_type == "application/pdf":
            kinds.add("pdf")
            assert re.search(r"(Bukti indikator|Lampiran mendatar) \d+ - halaman 1", text)
        else:
            kinds.add("image")
            assert item.tentang in text and item.file_name in text  # the caption above the photo
    assert kinds == {"link", "pdf", "image"}


def test_evidence_pages_keep_their_text_above_the_footer(built):
    _, result, _ = built
    require_poppler()
    html = subprocess.run(["pdftotext", "-bbox", str(result.path), "-"], check=True, capture_output=True,
                          text=True).stdout
    checked = 0
    for height, body in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', body)
        band_top = float(height) - FOOTER_BAND_PT  # top-down coordinates
        assert all(float(y_min) > band_top for y_min, _, word in words if word == "Halaman")
        for _, y_max, word in words:
            if word == "bawah":  # each evidence page has a line 30 pt above its own bottom edge
                checked += 1
                assert float(y_max) < band_top
    assert checked > 20


def test_landscape_evidence_is_placed_on_a_landscape_a4_page(built):
    _, result, texts = built
    with pikepdf.open(result.path) as pdf:
        sizes = [(round(float(p.mediabox[2])), round(float(p.mediabox[3]))) for p in pdf.pages]
    assert set(sizes) == {(595, 842), (842, 595)}
    landscape = [i for i, size in enumerate(sizes) if size == (842, 595)]
    assert len(landscape) == 2 and all("Lampiran mendatar" in texts[i] for i in landscape)


def test_photos_are_downsampled_jpeg(built):
    _, result, _ = built
    with pikepdf.open(result.path) as pdf:
        images = [pikepdf.PdfImage(obj) for obj in pdf.objects
                  if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
    photos = [im for im in images if im.filters == ["/DCTDecode"]]
    assert len(photos) == 3  # two JPEG photos and the PNG, re-encoded
    # 1600 x 1200 photos fitted into ~165 mm of width print at ~150 dpi: about 975 px wide
    assert all(max(im.width, im.height) <= 1500 for im in photos)


def _fonts_under(form: pikepdf.Object, found: set[tuple[int, int]]) -> None:
    resources = form.get("/Resources", {})
    for font in resources.get("/Font", {}).values():
        found.add(font.objgen)
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form":
            _fonts_under(xobject, found)


def test_every_font_of_ours_is_embedded(built, samples):
    _, result, _ = built
    foreign: set[tuple[int, int]] = set()  # fonts inside placed evidence pages are not ours
    with pikepdf.open(result.path) as pdf:
        for page in pdf.pages:
            placed = page.Resources.get("/XObject", {}).get(EVIDENCE_XOBJECT)
            if placed is not None:
                _fonts_under(placed, foreign)
    rows = samples.fonts(result.path)
    ours = [(name, embedded) for name, embedded, objgen in rows if objgen not in foreign]
    assert any(not embedded for _, embedded, objgen in rows if objgen in foreign)  # the sample's Helvetica
    assert {name.split("+")[-1] for name, _ in ours} >= {"DejaVuSans", "DejaVuSans-Bold"}
    assert all(embedded for _, embedded in ours), ours


def test_metadata_language_and_fixed_dates(built):
    source, result, _ = built
    with pikepdf.open(result.path) as pdf:
        info = pdf.docinfo
        assert source.innovation.name in str(info.Title)
        assert "Dinas Kesehatan" in str(info.Author)
        assert source.catalogue.id in str(info.Keywords)
        assert str(info.CreationDate).startswith("D:20261129")
        assert str(pdf.Root.Lang) == "id-ID"
        with pdf.open_metadata() as xmp:
            assert set(xmp["dc:language"]) == {"id-ID"}
            assert source.innovation.name in xmp["dc:title"]
            assert xmp["xmp:CreateDate"].startswith("2026-11-29")


def test_same_input_gives_byte_identical_file(built, tmp_path):
    source, result, _ = built
    again = build_dossier(source, tmp_path / "lagi.pdf")
    assert again.path.read_bytes() == result.path.read_bytes()


def test_not_ready_dossier_is_draft_on_every_page_and_lists_open_findings(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    source.innovation.profile["rancang_bangun"] = {"dasar_hukum": "Terlalu pendek."}
    del source.innovation.answers[2]  # a mandatory indicator
    result = build_dossier(source, tmp_path / "draft.pdf")
    texts = samples.page_texts(result.path)
    # pdftotext splits the rotated watermark into pieces; pypdf reads it whole
    assert all("DRAFT" in page.extract_text() for page in PdfReader(result.path).pages)
    assert "STATUS: DRAFT" in texts[0]
    # table cells in content order (pdftotext interleaves the columns of wrapped rows)
    findings = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(result.path).pages[2:4])
    assert "Indikator 2 (Ketersediaan dan peran SDM terhadap inovasi daerah) wajib dijawab." in findings
    assert "baru 2 kata; minimal 300 kata" in findings


def test_long_lists_and_long_texts_still_lay_out(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    links = [EvidenceItem(nomor=f"L-{i}", tentang="Rekaman kegiatan " * 10,
                          link=f"https://contoh.id/v/{i}?" + "x" * 150) for i in range(41)]
    source.innovation.answers[20].evidence += links
    source.innovation.answers[1].evidence[0].tentang = "Uraian sangat panjang " * 300
    source.innovation.profile["nama_inisiator"] = "Nama " * 500
    normal = build_dossier(samples.sample_input(tmp_path / "biasa"), tmp_path / "biasa.pdf")
    result = build_dossier(source, tmp_path / "panjang.pdf")
    texts = samples.page_texts(result.path)
    # 42 links on listing pages of four: 11 pages instead of 1, and a longer indicator table in front
    front_growth = next(i for i, t in enumerate(texts) if "LAMPIRAN INDIKATOR 1 " in t) - \
        next(i for i, t in enumerate(samples.page_texts(normal.path)) if "LAMPIRAN INDIKATOR 1 " in t)
    assert result.pages == normal.pages + 10 + front_growth
    assert any("Bukti dukung 42 dari 42" in t and "https://contoh.id/v/40" in t for t in texts)
