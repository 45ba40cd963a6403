"""The dossier export refuses bad evidence, strips active content, and leaves nothing on failure or cancel."""

from __future__ import annotations

import io

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from inovasi_desktop.domain.errors import Cancelled, InovasiError
from inovasi_desktop.evidence.pdf_safety import find_active_content
from inovasi_desktop.export.dossier import DossierError, build_dossier

_ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/AA", "/OpenAction", "/Launch"}


def _script() -> Dictionary:
    return Dictionary(S=Name.JavaScript, JS=String("app.alert('bukti');"))


def hostile_pdf(samples) -> bytes:
    """A one-page PDF with document and page JavaScript, an embedded file and a file attachment annotation."""
    pdf = pikepdf.open(io.BytesIO(samples.make_pdf(1, "Bukti berskrip")))
    payload = pdf.make_stream(b"rahasia")
    payload.Type = Name.EmbeddedFile
    spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=String("x.exe"), EF=Dictionary(F=payload)))
    pdf.Root.OpenAction = pdf.make_indirect(_script())
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("buka"), pdf.make_indirect(_script())])),
                                EmbeddedFiles=Dictionary(Names=Array([String("x.exe"), spec])))
    page = pdf.pages[0]
    page.obj.AA = Dictionary(O=_script())
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([50, 50, 150, 80]), A=_script())
    attachment = Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([200, 50, 220, 70]), FS=spec)
    page.obj.Annots = pdf.make_indirect(Array([pdf.make_indirect(link), pdf.make_indirect(attachment)]))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _decoded(stream: pikepdf.Stream) -> bytes:
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:  # images in a format qpdf does not decode
        return stream.read_raw_bytes()


def _first_file_item(source, number: int):
    return next(e for e in source.innovation.answers[number].evidence if e.sha256)


def test_active_content_of_evidence_is_gone_but_its_page_stays(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    store = samples.Store(tmp_path / "bukti")
    data = hostile_pdf(samples)
    with pikepdf.open(io.BytesIO(data)) as original:
        assert find_active_content(original)  # the sample really is hostile
    store.attach(_first_file_item(source, 5), data, "berskrip.pdf", "application/pdf")
    result = build_dossier(source, tmp_path / "berkas.pdf")
    with pikepdf.open(result.path) as pdf:
        assert find_active_content(pdf) == []
        for obj in pdf.objects:
            if isinstance(obj, Dictionary | pikepdf.Stream):
                assert not _ACTIVE_KEYS & set(obj.keys()), obj.keys()
                assert obj.get("/Subtype") != "/FileAttachment"
        assert not any(b"rahasia" in _decoded(s) for s in pdf.objects if isinstance(s, pikepdf.Stream))
    assert any("Bukti berskrip - halaman 1" in text for text in samples.page_texts(result.path))


def test_missing_evidence_file_stops_the_export_naming_indicator_and_file(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    item = _first_file_item(source, 7)
    source.evidence_path(item.sha256).unlink()
    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(DossierError) as caught:
        build_dossier(source, out / "berkas.pdf")
    message = str(caught.value)
    assert isinstance(caught.value, InovasiError)
    assert "indikator 7" in message and item.file_name in message and "tidak ditemukan" in message
    assert list(out.iterdir()) == []


def test_altered_evidence_file_stops_the_export_and_keeps_the_previous_dossier(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    item = _first_file_item(source, 9)
    path = source.evidence_path(item.sha256)
    path.write_bytes(path.read_bytes() + b"\n% diubah\n")
    out = tmp_path / "keluar"
    out.mkdir()
    (out / "berkas.pdf").write_bytes(b"versi lama")
    with pytest.raises(DossierError) as caught:
        build_dossier(source, out / "berkas.pdf")
    assert "indikator 9" in str(caught.value) and item.file_name in str(caught.value)
    assert "telah berubah" in str(caught.value)
    assert [p.name for p in out.iterdir()] == ["berkas.pdf"]
    assert (out / "berkas.pdf").read_bytes() == b"versi lama"


def test_password_protected_evidence_is_refused(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    locked = io.BytesIO()
    with pikepdf.open(io.BytesIO(samples.make_pdf(1, "Terkunci"))) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="rahasia", owner="pemilik"))
    item = _first_file_item(source, 11)
    samples.Store(tmp_path / "bukti").attach(item, locked.getvalue(), "terkunci.pdf", "application/pdf")
    with pytest.raises(DossierError, match="kata sandi") as caught:
        build_dossier(source, tmp_path / "berkas.pdf")
    assert "indikator 11" in str(caught.value)
    assert not (tmp_path / "berkas.pdf").exists()


def test_unreadable_image_fails_late_and_leaves_nothing(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    item = next(e for a in source.innovation.answers.values() for e in a.evidence if e.media_type == "image/jpeg")
    broken = b"\xff\xd8\xff\xe0" + b"\x00" * 64  # a JPEG header and nothing decodable
    samples.Store(tmp_path / "bukti").attach(item, broken, item.file_name, "image/jpeg")
    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(DossierError, match="tidak dapat dibaca"):
        build_dossier(source, out / "berkas.pdf")
    assert list(out.iterdir()) == []


def _progress_calls(source, path) -> list[tuple[int, int, str]]:
    calls: list[tuple[int, int, str]] = []
    build_dossier(source, path, progress=lambda done, total, text: calls.append((done, total, text)))
    return calls


def test_progress_rises_to_its_total(tmp_path, samples):
    source = samples.sample_input(tmp_path)
    calls = _progress_calls(source, tmp_path / "berkas.pdf")
    done = [c[0] for c in calls]
    assert done == sorted(done) and calls[-1][0] == calls[-1][1]
    assert all(0 <= d <= t for d, t, _ in calls) and all(text for _, _, text in calls)


@pytest.mark.parametrize("when", ["first", "last"])
def test_cancel_leaves_nothing(tmp_path, samples, when):
    source = samples.sample_input(tmp_path)
    checks = 0

    def count() -> bool:
        nonlocal checks
        checks += 1
        return False

    build_dossier(source, tmp_path / "hitung.pdf", cancelled=count)
    limit = 1 if when == "first" else checks  # the last check comes after saving, before the rename
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked >= limit

    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(Cancelled):
        build_dossier(source, out / "berkas.pdf", cancelled=cancelled)
    assert list(out.iterdir()) == []
