import shutil
import subprocess

import pikepdf
import pytest

from inovasi_desktop.evidence.pdf_safety import (
    DOC_JAVASCRIPT,
    EMBEDDED_FILES,
    FILE_ATTACHMENT,
    PAGE_AUTO_ACTIONS,
    XFA_FORM,
    find_active_content,
    strip_active_content,
)


def test_plain_pdf_has_no_active_content(files):
    with pikepdf.open(files.text_pdf()) as pdf:
        assert find_active_content(pdf) == []
        assert strip_active_content(pdf) == []


def test_every_kind_is_found(files):
    with pikepdf.open(files.active_pdf()) as pdf:
        found = find_active_content(pdf)
    for description in (DOC_JAVASCRIPT, EMBEDDED_FILES, XFA_FORM, PAGE_AUTO_ACTIONS, FILE_ATTACHMENT):
        assert description in found
    assert "JavaScript yang berjalan saat dokumen dibuka" in found
    assert "tautan atau tombol yang menjalankan perintah membuka program atau berkas lain" in found
    assert len(found) == len(set(found))


def test_stripped_pdf_saved_and_reopened_has_none_left(files, tmp_path):
    source = files.active_pdf()
    with pikepdf.open(source) as pdf:
        expected = find_active_content(pdf)
        removed = strip_active_content(pdf)
        pdf.save(tmp_path / "bersih.pdf")
    assert removed == expected

    with pikepdf.open(tmp_path / "bersih.pdf") as clean:
        assert find_active_content(clean) == []
        assert len(clean.attachments) == 0
        assert "/OpenAction" not in clean.Root and "/XFA" not in clean.Root.AcroForm
        assert "/AA" not in clean.pages[0].obj
        annots = list(clean.pages[0].obj.Annots)
        assert [str(a.Subtype) for a in annots] == ["/Link", "/Link"]  # the file attachment is gone
        assert [str(a.A.S) for a in annots if "/A" in a] == ["/URI"]  # the web link keeps its action
        assert len(clean.pages) == 2
    raw = (tmp_path / "bersih.pdf").read_bytes()
    assert b"JavaScript" not in raw and b"cmd.exe" not in raw and b"MZ\x90\x00program" not in raw


def test_javascript_hidden_in_an_action_chain_is_found(files):
    with pikepdf.open(files.text_pdf()) as pdf:
        js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        uri = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.go.id/"), Next=js)
        link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10], A=uri)
        pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(link)])
        assert find_active_content(pdf) == ["tautan atau tombol yang menjalankan JavaScript"]
        strip_active_content(pdf)
        assert find_active_content(pdf) == []


def test_open_action_that_only_shows_a_page_stays(files):
    with pikepdf.open(files.text_pdf()) as pdf:
        pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])
        assert strip_active_content(pdf) == []
        assert "/OpenAction" in pdf.Root


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_stripped_pdf_passes_qpdf_check(files, tmp_path):
    with pikepdf.open(files.active_pdf()) as pdf:
        strip_active_content(pdf)
        pdf.save(tmp_path / "bersih.pdf")
    result = subprocess.run(["qpdf", "--check", str(tmp_path / "bersih.pdf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
