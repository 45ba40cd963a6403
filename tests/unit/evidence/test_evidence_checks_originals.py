"""Attach-time checks that nothing of an original is silently lost in the dossier (issue 13): pages of a
repaired PDF that lost content, tiny pages, annotations that cannot be printed."""

from __future__ import annotations

import pikepdf

from inovasi_desktop.domain import Severity
from inovasi_desktop.evidence import checks
from inovasi_desktop.evidence.checks import Code, check_file
from inovasi_desktop.evidence.pdf_annotations import make_printable


def _problem(check, code):
    matches = [p for p in check.problems if p.code == code]
    assert matches, f"{code} not in {check.codes}"
    return matches[0]


def test_pdf_cut_off_halfway_is_a_galat_naming_the_pages_that_lost_content(files):
    path = files.cut_off_pdf()
    with pikepdf.open(path) as pdf:  # qpdf repairs it and finds every page: this used to pass as "repaired"
        assert len(pdf.pages) == 3
    check = check_file(path, accepts=("pdf",), pemda="Kabupaten Mojokerto")
    assert not check.ok and check.repaired and check.pages == 3
    problem = _problem(check, Code.PDF_DAMAGED_PAGES)
    assert problem.severity is Severity.GALAT
    assert "halaman 2 dan 3" in problem.message
    assert Code.PDF_REPAIRED not in check.codes  # the galat says it; no reassuring "dapat dibaca" beside it
    assert Code.PDF_REGION_SKIPPED not in check.codes  # the text of the repaired document is read


def test_repaired_pdf_whose_pages_are_whole_stays_a_warning(files):
    check = check_file(files.damaged_xref_pdf(), accepts=("pdf",))
    assert check.ok and check.repaired and check.codes == (Code.PDF_REPAIRED,)


def test_page_check_stops_at_its_time_limit_and_says_which_pages_were_not_checked(files, monkeypatch):
    monkeypatch.setattr(checks, "PAGE_CHECK_SECONDS", 0)
    check = check_file(files.cut_off_pdf(), accepts=("pdf",))
    problem = _problem(check, Code.PDF_PAGES_UNCHECKED)
    assert problem.severity is Severity.PERINGATAN and "halaman 1\u20133 belum diperiksa" in problem.message


def test_tiny_page_is_a_warning_that_it_will_be_enlarged(files):
    check = check_file(files.tiny_page_pdf(side=3.84), accepts=("pdf",))
    problem = _problem(check, Code.PDF_TINY_PAGES)
    assert check.ok and problem.severity is Severity.PERINGATAN
    assert problem.message.startswith("Halaman 1 berukuran sangat kecil (0,14 \u00d7 0,14 cm)")
    assert "diperbesar" in problem.message
    assert Code.PDF_TINY_PAGES not in check_file(files.tiny_page_pdf("kartu.pdf", side=200)).codes


def test_annotations_without_appearance_that_cannot_be_drawn_are_named_with_their_pages(files):
    check = check_file(files.annotated_pdf(), accepts=("pdf",))
    lost = _problem(check, Code.PDF_ANNOTATIONS_LOST)
    assert check.ok and lost.severity is Severity.PERINGATAN
    assert "kotak teks (halaman 2)" in lost.message
    assert "halaman 1" not in lost.message  # the highlight, the note and the ink mark on page 1 are drawn
    notes = _problem(check, Code.PDF_NOTES_ICON_ONLY)
    assert notes.severity is Severity.INFO and "halaman 1" in notes.message


def test_missing_appearances_are_drawn_for_highlight_note_and_ink(files):
    with pikepdf.open(files.annotated_pdf()) as pdf:
        printable = make_printable(pdf)
        drawn = {str(a.Subtype): a.AP.N for a in pdf.pages[0].Annots}
        assert [(u.label, u.pages) for u in printable.lost] == [("kotak teks", (2,))]
        assert set(drawn) == {"/Highlight", "/Text", "/Ink"}
        assert b" f" in drawn["/Highlight"].read_bytes()  # filled quad
        assert b"0 0 1 RG" in drawn["/Ink"].read_bytes() and b" S" in drawn["/Ink"].read_bytes()
        assert "/AP" not in pdf.pages[1].Annots[0]


def test_filled_form_gets_its_values_drawn_and_no_warning(files):
    path = files.filled_form_pdf(values=("Alice", "Bob"))
    assert check_file(path, accepts=("pdf",)).problems == ()
    with pikepdf.open(path) as pdf:
        make_printable(pdf)
        appearances = [a.AP.N for a in pdf.pages[0].Annots]
        assert b"(Alice) Tj" in appearances[0].read_bytes() and b"(Bob) Tj" in appearances[1].read_bytes()
        assert all("/Helv" in a.Resources.Font for a in appearances)  # the stale appearance had no font
        assert not pdf.Root.AcroForm.NeedAppearances
