"""Nothing in an original is silently lost in the dossier (issue 13): filled form values, annotations
without appearance streams, tiny pages, the evidence file's own outline and its web links."""

from __future__ import annotations

import pikepdf
import pypdfium2 as pdfium
import pytest

from inovasi_desktop.export.dossier import build_dossier
from inovasi_desktop.export.dossier.styles import FOOTER_BAND, PAGE_HEIGHT, PAGE_WIDTH

MAKERS = ("filled_form_pdf", "annotated_pdf", "tiny_page_pdf", "outlined_pdf")


@pytest.fixture(scope="module")
def built(tmp_path_factory, samples):
    """The sample dossier with four PDF items replaced by the originals made here."""
    from evidence_files import EvidenceFiles

    folder = tmp_path_factory.mktemp("asli")
    (folder / "sumber").mkdir()
    files = EvidenceFiles(folder / "sumber")
    source = samples.sample_input(folder)
    store = samples.Store(folder / "bukti")
    items = [e for n in sorted(source.innovation.answers) for e in source.innovation.answers[n].evidence
             if e.sha256 and e.media_type == "application/pdf"]
    for item, maker in zip(items, MAKERS, strict=False):
        path = getattr(files, maker)()
        store.attach(item, path.read_bytes(), path.name, "application/pdf")
    result = build_dossier(source, folder / "berkas.pdf")
    return source, result, samples.page_texts(result.path), dict(zip(MAKERS, items, strict=False))


def _page_with(texts: list[str], words: str) -> int:
    """0-based index of the only dossier page whose text has `words`."""
    found = [i for i, text in enumerate(texts) if words in text]
    assert len(found) == 1, found
    return found[0]


def _render(path, index: int, scale: float = 0.5):
    document = pdfium.PdfDocument(str(path))
    try:
        return document[index].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def _share(image, test) -> float:
    pixels = list(image.get_flattened_data())
    return sum(1 for p in pixels if test(p)) / len(pixels)


def test_filled_form_values_are_printed(built):
    _, result, texts, _ = built
    form = texts[_page_with(texts, "Formulir pendaftaran")]
    assert "Isian 1: Alice" in form and "Isian 2: Bob" in form
    document = pdfium.PdfDocument(str(result.path))  # a second reader agrees
    try:
        page_text = document[_page_with(texts, "Formulir pendaftaran")].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Alice" in page_text and "Bob" in page_text


def test_highlight_note_and_ink_are_visible_on_the_evidence_page(built):
    _, result, texts, _ = built
    image = _render(result.path, _page_with(texts, "Laporan kegiatan"))
    assert _share(image, lambda p: p[0] > 200 and p[1] > 200 and p[2] < 80) > 0.0005  # yellow highlight and note
    assert _share(image, lambda p: p[2] > 180 and p[0] < 80 and p[1] < 80) > 0.0005  # blue ink
    with pikepdf.open(result.path) as pdf:
        assert not any("/Annots" in page.obj and any(a.Subtype != pikepdf.Name.Link for a in page.Annots)
                       for page in pdf.pages)  # flattened: page content, not annotations


def test_tiny_page_is_enlarged_to_fill_the_a4_page(built):
    _, result, texts, _ = built
    index = _page_with(texts, "Halaman biasa") - 1  # the tiny page comes just before
    image = _render(result.path, index, scale=0.25)
    assert _share(image, lambda p: abs(p[0] - 30) < 30 and abs(p[1] - 90) < 30 and abs(p[2] - 160) < 30) > 0.5
    with pikepdf.open(result.path) as pdf:
        size = [float(v) for v in pdf.pages[index].mediabox[2:]]
    assert size == pytest.approx([PAGE_WIDTH, PAGE_HEIGHT])


def test_evidence_outline_is_nested_under_its_bookmark_with_its_pages(built, samples):
    _, result, texts, _ = built
    entries = samples.outline(result.path)
    first_page = _page_with(texts, "Bab I Pendahuluan")
    at = [title for _, title, _ in entries].index("Bab I Pendahuluan") - 1
    depth, title, page = entries[at]
    assert depth == 2 and title.startswith("1. ") and page == first_page  # the item's own bookmark
    assert entries[at + 1:at + 4] == [(depth + 1, "Bab I Pendahuluan", first_page),
                                      (depth + 1, "Bab II Hasil", first_page + 1),
                                      (depth + 2, "Bab III Penutup", first_page + 2)]


def test_only_http_and_https_links_are_kept_over_where_they_land(built):
    _, result, texts, _ = built
    index = _page_with(texts, "Bab I Pendahuluan")
    with pikepdf.open(result.path) as pdf:
        links = [(str(a.A.S), str(a.A.URI), [float(v) for v in a.Rect]) for a in pdf.pages[index].Annots]
        others = [a for i, page in enumerate(pdf.pages) if i != index for a in page.obj.get("/Annots", [])]
    assert [(s, uri) for s, uri, _ in links] == [("/URI", "https://jdih.mojokertokab.go.id/perbup-12-2024"),
                                                 ("/URI", "http://inovasi.example.go.id/")]
    assert others == []  # mailto, JavaScript and launch links stay stripped
    (x1, y1, x2, y2), (_, y3, _, y4) = links[0][2], links[1][2]
    assert 0 < x1 < x2 < PAGE_WIDTH and FOOTER_BAND < y1 < y2 < PAGE_HEIGHT  # on the placed page
    assert y3 < y4 < y1  # the http link sat below the https one in the original, and still does
    document = pdfium.PdfDocument(str(result.path))
    try:  # the link covers the text it covered: the scaled placement was applied to its rectangle
        textpage = document[index].get_textpage()
        inside = textpage.get_text_bounded(left=x1, bottom=y1, right=x2, top=y2)
    finally:
        document.close()
    assert "Bab I" in inside
