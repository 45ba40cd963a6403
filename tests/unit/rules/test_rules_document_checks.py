"""Evidence that does not prove what it claims: type against the chosen level, the innovation's name,
typed nomor and tanggal against the document, for both shipped catalogues."""

from __future__ import annotations

from datetime import date

import pytest

from inovasi_desktop.domain import EvidenceItem, IndicatorAnswer, Innovation
from inovasi_desktop.domain.heading import DOCUMENT_TYPES, DocumentHeading, squash
from inovasi_desktop.rules import CheckContext
from inovasi_desktop.rules.document_checks import innovation_names, type_confirmed
from inovasi_desktop.rules.readiness import check

NAME = "SI-PANTAU BALITA (Sistem Pemantauan Tumbuh Kembang Balita)"


def _heading(doc_type="kep_pd", nomor="188/037/416-109/2025", tanggal=date(2025, 3, 3),
             text="KEPUTUSAN KEPALA DINAS TENTANG TIM SI-PANTAU BALITA") -> DocumentHeading:
    return DocumentHeading(doc_type=doc_type, nomor=nomor, tanggal=tanggal, squashed=squash(text))


def _findings(catalogue, heading, *, level=2, nomor="", tanggal=None, name=NAME, number=1):
    item = EvidenceItem(sha256="a" * 64, media_type="application/pdf", nomor=nomor, tanggal=tanggal,
                        tentang="Tim pengelola", file_name="sk.pdf")
    innovation = Innovation(catalogue_id=catalogue.id, profile={"nama_inovasi": name},
                            answers={number: IndicatorAnswer(number, level=level, evidence=[item])})
    context = CheckContext(readings={item.sha256: heading})
    found = [f for f in check(catalogue, innovation, context) if f.code.startswith("evidence.")
             and f.code not in ("evidence.period",)]
    return {f.code: f.message for f in found}, item, innovation, context


def test_the_issue_case_sk_for_level_two(catalogues):
    """An SK (level 1) attached for Peraturan Kepala Daerah (level 2) with a nomor that is not the document's."""
    catalogue = catalogues.get("iid-2026")
    found, *_ = _findings(catalogue, _heading(text="KEPUTUSAN TENTANG INOVASI LAIN"), nomor="188/45")
    assert "Keputusan Kepala Perangkat Daerah" in found["evidence.doc_type"]
    assert "tingkat 1" in found["evidence.doc_type"] and "bukan tingkat 2" in found["evidence.doc_type"]
    assert '"SI-PANTAU BALITA (Sistem Pemantauan Tumbuh Kembang Balita)"' in found["evidence.no_name"]
    assert '"188/45"' in found["evidence.nomor_differs"] and '"188/037/416-109/2025"' in found["evidence.nomor_differs"]


def test_a_type_that_supports_no_level(catalogues):
    found, *_ = _findings(catalogues.get("iid-2026"), _heading(doc_type="laporan"))
    assert "Laporan, yang tidak mendukung tingkat mana pun" in found["evidence.doc_type"]


def test_matching_document_raises_nothing_and_is_confirmed(catalogues):
    catalogue = catalogues.get("iid-2026")
    heading = _heading(doc_type="perkada", nomor="31 Tahun 2024", tanggal=date(2024, 6, 14),
                       text="PERATURAN BUPATI TENTANG Si Pantau  Balita")
    found, item, innovation, context = _findings(catalogue, heading, nomor="Perbup Nomor 31 Tahun 2024",
                                                 tanggal=date(2024, 6, 14))
    assert found == {}
    assert type_confirmed(item, catalogue.indicator(1), 2, context)
    assert not type_confirmed(item, catalogue.indicator(1), 1, context)


def test_typed_date_differing_shows_both(catalogues):
    found, *_ = _findings(catalogues.get("iid-2026"), _heading(doc_type="perkada"), tanggal=date(2025, 3, 4))
    assert "4 Maret 2025" in found["evidence.tanggal_differs"] and "3 Maret 2025" in found["evidence.tanggal_differs"]


def test_nothing_read_nothing_said(catalogues):
    found, *_ = _findings(catalogues.get("iid-2026"), DocumentHeading(), nomor="188/45", tanggal=date(2025, 1, 1))
    assert found == {}


def test_the_2023_ladder_differs(catalogues):
    """2023: SK Kepala Daerah is level 2 of Regulasi; in 2026 it is level 1."""
    found, *_ = _findings(catalogues.get("iid-2023"), _heading(doc_type="kepkada"), level=3)
    assert "tingkat 2 (SK Kepala Daerah)" in found["evidence.doc_type"]


@pytest.mark.parametrize("catalogue_id", ["iid-2023", "iid-2026"])
def test_document_ladders_are_in_the_catalogue_data(catalogues, catalogue_id):
    catalogue = catalogues.get(catalogue_id)
    regulasi = catalogue.indicator(1)
    assert all(level.documents for level in regulasi.levels)
    for indicator in catalogue.indicators:
        for level in indicator.levels:
            assert set(level.documents) <= set(DOCUMENT_TYPES)


def test_names_inside_and_outside_brackets():
    assert innovation_names("(Contoh) SI-PANTAU (Sistem Pemantauan Balita)") == (
        "(Contoh) SI-PANTAU (Sistem Pemantauan Balita)", "SI-PANTAU", "Contoh", "Sistem Pemantauan Balita")
    assert innovation_names("ABC") == ()  # too short to look for
