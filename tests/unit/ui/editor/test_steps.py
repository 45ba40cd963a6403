"""The mark of every editor step (○ kosong, ◐ sebagian, ● lengkap, ✖ ada galat) for typical innovations."""

from __future__ import annotations

from datetime import date

import pytest

from inovasi_desktop.domain import EvidenceItem, Finding, IndicatorAnswer, Innovation, Severity
from inovasi_desktop.rules import CheckContext, check
from inovasi_desktop.ui.editor.steps import READINESS_KEY, STATE_MARKS, step_states

CONTEXT = CheckContext(today=date(2026, 6, 1), pemda="Kabupaten Mojokerto")
PROFIL = {"nama_inovasi": "Layanan Antar Obat Lansia", "tahapan": "Penerapan", "inisiator": "Kepala Daerah",
          "nama_inisiator": "Rina", "klasifikasi": "Inovasi Daerah", "jenis": "Digital",
          "bentuk": "Inovasi Pelayanan Publik", "asta_cita": "", "pkpn_klaster": "", "urusan_utama": "Kesehatan",
          "urusan_beririsan": ["Sosial"], "koordinat": {"lat": -7.47, "lon": 112.43}}


@pytest.fixture(scope="module")
def catalogue(catalogues):
    return catalogues.get("iid-2026")


def marks(catalogue, innovation, findings=None, invalid=frozenset(), shown=None) -> dict[str, str]:
    findings = check(catalogue, innovation, CONTEXT) if findings is None else findings
    return {key: STATE_MARKS[state]
            for key, state in step_states(catalogue, innovation, findings, invalid, shown).items()}


def options(catalogue, key):
    return catalogue.field(key).options


def full_profil(catalogue) -> dict:
    """Every visible profile field of the first step filled with a value its field accepts."""
    profile = dict(PROFIL)
    for key in ("tahapan", "inisiator", "klasifikasi", "jenis", "bentuk", "urusan_utama"):
        if profile[key] not in options(catalogue, key):
            profile[key] = options(catalogue, key)[0]
    profile["urusan_beririsan"] = [options(catalogue, "urusan_beririsan")[1]]
    profile["asta_cita"] = options(catalogue, "asta_cita")[0]
    revealing = catalogue.field("pkpn_program").visible_if.values
    profile["pkpn_klaster"] = next(o for o in options(catalogue, "pkpn_klaster") if o not in revealing)  # Non PKPN
    return profile


def pdf(**overrides) -> EvidenceItem:
    values = {"nomor": "188/12/2025", "tanggal": date(2025, 3, 1), "tentang": "Peraturan Bupati", "sha256": "a" * 64,
              "file_name": "perbup.pdf", "size": 1000, "media_type": "application/pdf"}
    return EvidenceItem(**{**values, **overrides})


def test_a_new_innovation_is_empty_everywhere_even_with_its_findings_shown(catalogue):
    new = Innovation(catalogue_id="iid-2026")
    findings = check(catalogue, new, CONTEXT)
    assert any(f.severity is Severity.GALAT for f in findings)  # required fields, mandatory indicators
    for shown in (None, []):
        assert set(marks(catalogue, new, findings, shown=shown).values()) == {"○"}


def test_a_step_with_some_fields_filled_is_partial_and_readiness_follows(catalogue):
    started = Innovation(catalogue_id="iid-2026", profile={"nama_inovasi": "Layanan Antar Obat Lansia"})
    found = marks(catalogue, started, shown=[])
    assert found["profil"] == "◐" and found["waktu"] == "○" and found["indikator:1"] == "○"
    assert found[READINESS_KEY] == "◐"


def test_a_shown_galat_marks_its_step_and_readiness_and_a_hidden_one_does_not(catalogue):
    started = Innovation(catalogue_id="iid-2026", profile={"nama_inovasi": "Layanan Antar Obat Lansia"})
    findings = check(catalogue, started, CONTEXT)
    tahapan = [f for f in findings if f.where == "tahapan" and f.severity is Severity.GALAT]
    assert tahapan, "an empty required choice is a galat"
    shown = marks(catalogue, started, findings, shown=tahapan)
    assert shown["profil"] == "✖" and shown[READINESS_KEY] == "✖" and shown["waktu"] == "○"
    assert marks(catalogue, started, findings, shown=[])["profil"] == "◐"


def test_a_galat_shown_on_an_untouched_step_still_reads_empty(catalogue):
    new = Innovation(catalogue_id="iid-2026")
    findings = check(catalogue, new, CONTEXT)
    assert marks(catalogue, new, findings)["waktu"] == "○"


def test_a_step_with_every_visible_field_filled_is_complete_until_a_condition_reveals_another(catalogue):
    innovation = Innovation(catalogue_id="iid-2026", profile=full_profil(catalogue))
    assert marks(catalogue, innovation, findings=[])["profil"] == "●"  # pkpn_program is hidden: not needed
    innovation.profile["pkpn_klaster"] = catalogue.field("pkpn_program").visible_if.values[0]  # reveals it
    assert marks(catalogue, innovation, findings=[])["profil"] == "◐"
    innovation.profile["pkpn_program"] = "Program Makan Bergizi"
    assert marks(catalogue, innovation, findings=[])["profil"] == "●"


def test_an_indicator_is_partial_until_its_level_is_backed_by_evidence_that_counts(catalogue):
    innovation = Innovation(catalogue_id="iid-2026")
    innovation.answers[1] = IndicatorAnswer(1, notes="menunggu SK")
    assert marks(catalogue, innovation, findings=[])["indikator:1"] == "◐"  # touched, no level
    innovation.answers[1] = IndicatorAnswer(1, level=2)
    assert marks(catalogue, innovation, findings=[])["indikator:1"] == "◐"  # claimed, not backed
    innovation.answers[1].evidence.append(pdf())
    assert marks(catalogue, innovation, findings=[])["indikator:1"] == "●"
    lost = frozenset({innovation.answers[1].evidence[0].id})
    assert marks(catalogue, innovation, findings=[], invalid=lost)["indikator:1"] == "◐"  # its file is gone


def test_evidence_of_a_kind_the_indicator_does_not_accept_does_not_complete_it(catalogue):
    indicator = next(i for i in catalogue.indicators if "mp4" not in i.accepts)
    innovation = Innovation(catalogue_id="iid-2026")
    video = pdf(file_name="video.mp4", media_type="video/mp4")
    innovation.answers[indicator.number] = IndicatorAnswer(indicator.number, level=1, evidence=[video])
    assert marks(catalogue, innovation, findings=[])[f"indikator:{indicator.number}"] == "◐"


def test_readiness_is_complete_only_without_any_galat(catalogue):
    innovation = Innovation(catalogue_id="iid-2026", profile=full_profil(catalogue))
    assert marks(catalogue, innovation, findings=[])[READINESS_KEY] == "●"
    warning = Finding(Severity.PERINGATAN, "nama_inovasi", "Nama Inovasi terlalu umum.", "uji")
    assert marks(catalogue, innovation, findings=[warning])[READINESS_KEY] == "●"
    galat = Finding(Severity.GALAT, "nama_inovasi", "Nama Inovasi terlalu pendek.", "field.min_length")
    assert marks(catalogue, innovation, findings=[galat], shown=[])[READINESS_KEY] == "◐"  # not shown yet
    shown = marks(catalogue, innovation, findings=[galat])
    assert shown["profil"] == "✖" and shown[READINESS_KEY] == "✖"
    untouched = Finding(Severity.GALAT, "waktu_penerapan", "Waktu Penerapan wajib diisi.", "field.required")
    assert marks(catalogue, innovation, findings=[untouched])[READINESS_KEY] == "◐"  # its step reads kosong
