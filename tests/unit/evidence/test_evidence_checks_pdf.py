import re
import shutil

import pikepdf

from inovasi_desktop.domain import Severity
from inovasi_desktop.evidence.checks import Code, check_file


def _problem(check, code):
    matches = [p for p in check.problems if p.code == code]
    assert matches, f"{code} not in {check.codes}"
    return matches[0]


def test_good_text_pdf_is_ok_with_its_facts(files):
    check = check_file(files.text_pdf(pages=("satu", "dua", "tiga")), accepts=("pdf",))
    assert check.ok and check.problems == ()
    assert (check.media_type, check.kind, check.pages, check.has_text) == ("application/pdf", "pdf", 3, True)
    assert not check.repaired and not check.owner_only_encrypted and check.active_content == ()


def test_truncated_pdf_is_galat(files):
    whole = files.text_pdf().read_bytes()
    check = check_file(files.write("terpotong.pdf", whole[: len(whole) // 2]), accepts=("pdf",))
    assert not check.ok
    assert _problem(check, Code.PDF_DAMAGED).severity is Severity.GALAT


def test_pdf_with_user_password_is_galat(files, tmp_path):
    path = tmp_path / "terkunci.pdf"
    with pikepdf.open(files.text_pdf()) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="rahasia", owner="pemilik"))
    check = check_file(path, accepts=("pdf",))
    problem = _problem(check, Code.PDF_PASSWORD)
    assert problem.severity is Severity.GALAT and "dilindungi kata sandi" in problem.message
    assert not check.ok


def test_pdf_with_owner_password_only_is_info(files, tmp_path):
    path = tmp_path / "dibatasi.pdf"
    with pikepdf.open(files.text_pdf(pages=("satu", "dua"))) as pdf:
        no_copy = pikepdf.Permissions(extract=False, modify_other=False)
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="pemilik", allow=no_copy))
    check = check_file(path, accepts=("pdf",))
    assert check.ok and check.owner_only_encrypted and check.pages == 2
    assert _problem(check, Code.PDF_OWNER_PASSWORD).severity is Severity.INFO


def test_damaged_cross_reference_table_is_repaired_with_a_warning(files):
    data = files.text_pdf(pages=("satu", "dua", "tiga")).read_bytes()
    table = re.search(rb"xref\r?\n0 (\d+)\r?\n", data)
    count, start = int(table[1]), table.end()
    entries = [data[start + 20 * i : start + 20 * (i + 1)] for i in range(count)]
    shifted = b"".join(b"%010d" % (int(e[:10]) + 7) + e[10:] if e[17:18] == b"n" else e for e in entries)
    path = files.write("xref-rusak.pdf", data[:start] + shifted + data[start + 20 * count :])
    check = check_file(path, accepts=("pdf",))
    assert check.repaired and check.pages == 3 and check.ok
    assert _problem(check, Code.PDF_REPAIRED).severity is Severity.PERINGATAN


def test_scanned_pdf_without_text_layer_is_info(files):
    check = check_file(files.scanned_pdf(pages=7), accepts=("pdf",))
    assert check.ok and check.pages == 7 and check.has_text is False
    assert _problem(check, Code.PDF_NO_TEXT).severity is Severity.INFO


def test_text_only_on_a_later_page_is_found_by_sampling(files, tmp_path):
    path = tmp_path / "campuran.pdf"
    with pikepdf.open(files.scanned_pdf(pages=10)) as pdf, pikepdf.open(files.text_pdf()) as text:
        pdf.pages.append(text.pages[0])
        pdf.save(path)
    assert check_file(path, accepts=("pdf",)).has_text is True


def test_active_content_is_a_warning_listing_it(files):
    check = check_file(files.active_pdf(), accepts=("pdf",))
    problem = _problem(check, Code.PDF_ACTIVE_CONTENT)
    assert problem.severity is Severity.PERINGATAN and check.ok
    assert "JavaScript tingkat dokumen" in check.active_content
    assert "berkas tersemat di dalam PDF" in check.active_content
    for description in check.active_content:
        assert description in problem.message


def test_pdf_naming_only_another_region_is_a_warning(files):
    letter = files.text_pdf(pages=("PEMERINTAH KABUPATEN TANAH BUMBU", "Dinas Kesehatan"))
    check = check_file(letter, accepts=("pdf",), pemda="Kabupaten Mojokerto")
    problem = _problem(check, Code.PDF_OTHER_REGION)
    assert problem.severity is Severity.PERINGATAN and "Kabupaten Tanah Bumbu" in problem.message
    own = check_file(letter, accepts=("pdf",), pemda="Kabupaten Tanah Bumbu")
    assert Code.PDF_OTHER_REGION not in own.codes


def test_region_named_after_the_first_pages_is_not_read(files):
    letter = files.text_pdf(pages=("Laporan", "Lampiran", "Daftar hadir", "Kabupaten Tanah Bumbu"))
    assert Code.PDF_OTHER_REGION not in check_file(letter, pemda="Kabupaten Mojokerto").codes


def test_region_check_needs_no_poppler(files, monkeypatch):
    """Windows office PCs have no pdftotext: the text is read by PDFium, so the check runs there too."""
    monkeypatch.setenv("PATH", "")
    assert shutil.which("pdftotext") is None
    check = check_file(files.text_pdf(pages=("Kota Banjarmasin",)), pemda="Kabupaten Mojokerto")
    assert Code.PDF_OTHER_REGION in check.codes and Code.PDF_REGION_SKIPPED not in check.codes


def test_region_check_is_skipped_with_info_when_the_text_cannot_be_read(files, monkeypatch):
    monkeypatch.setattr("inovasi_desktop.evidence.checks.first_pages_text", lambda path, pages: None)
    check = check_file(files.text_pdf(pages=("Kota Banjarmasin",)), pemda="Kabupaten Mojokerto")
    assert check.ok and _problem(check, Code.PDF_REGION_SKIPPED).severity is Severity.INFO
    assert Code.PDF_OTHER_REGION not in check.codes


def test_no_region_check_without_pemda(files):
    check = check_file(files.text_pdf(pages=("Kota Banjarmasin",)), accepts=("pdf",))
    assert check.problems == ()



def test_text_inside_a_form_xobject_counts(files, tmp_path):
    path = tmp_path / "form.pdf"
    with pikepdf.open(files.scanned_pdf(pages=1)) as pdf, pikepdf.open(files.text_pdf()) as text:
        form = pdf.copy_foreign(text.pages[0].as_form_xobject())
        page = pdf.pages[0]
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
        page.Contents = pikepdf.Stream(pdf, b"q /Fm0 Do Q")
        pdf.save(path)
    assert check_file(path, accepts=("pdf",)).has_text is True


def _inflating_pdf(path, decoded_mb: int, *, as_form: bool = False):
    """One page whose content stream (or a form XObject it draws) inflates to `decoded_mb` MB of spaces."""
    import zlib

    deflater = zlib.compressobj(9)
    data = b"".join(deflater.compress(b" " * (1 << 20)) for _ in range(decoded_mb)) + deflater.flush()
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pikepdf.Stream(pdf, data)
    stream.Filter = pikepdf.Name.FlateDecode
    if as_form:
        stream.Type, stream.Subtype, stream.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 10, 10]
        pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=stream))
        pdf.pages[0].Contents = pikepdf.Stream(pdf, b"/Fm0 Do")
    else:
        pdf.pages[0].Contents = stream
    pdf.save(path, compress_streams=False)
    return path


def test_a_pdf_whose_page_inflates_like_a_zip_bomb_is_galat(tmp_path):
    # A 2 MB file inflating to 2 GB took 4 GB of memory before; this one inflates to 300 MB.
    for as_form in (False, True):
        check = check_file(_inflating_pdf(tmp_path / f"bom-{as_form}.pdf", 300, as_form=as_form), accepts=("pdf",))
        assert not check.ok
        assert "mengembang" in _problem(check, Code.PDF_INFLATES).message
    assert check_file(_inflating_pdf(tmp_path / "biasa.pdf", 1), accepts=("pdf",)).ok
