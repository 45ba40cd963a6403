"""Small catalogues and innovations for the rules tests, built through the real catalogue loader.

The field keys are deliberately not the shipped ones (except `urusan_utama`, which the regional
estimate reads): the rules must follow the catalogue, not known keys.
"""

from __future__ import annotations

import copy
from datetime import date

import pytest

from inovasi_desktop.catalogue import parse_catalogue
from inovasi_desktop.domain import EvidenceItem, IndicatorAnswer, Innovation
from inovasi_desktop.rules import CheckContext

YANDAS = ["Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Perumahan Rakyat dan Kawasan Permukiman",
          "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", "Sosial"]

# The 2026 constants of the standard (iid_standard.yaml, scoring.by_year.2026 and scoring.common).
SCORING_2026 = {
    "divisor_min": 12, "jumlah_per_innovation": 0.38, "jumlah_cap": 200, "yandas": YANDAS, "yandas_min": 5,
    "total_max": 250.0,
    "predicates": [{"label": "Sangat Inovatif", "min_iid": 65.01}, {"label": "Inovatif", "min_iid": 40.01},
                   {"label": "Kurang Inovatif", "min_iid": 0.01}, {"label": "Tidak Dapat Dinilai", "min_iid": 0.0}],
}


def levels(weight: float) -> list[dict]:
    return [{"level": n, "text": f"Tingkat {n}", "score": weight * n} for n in (1, 2, 3)]


def indicator(number: int, weight: float, *, mandatory: bool = False, accepts: tuple[str, ...] = ("pdf",),
              years: tuple[int, int] = (-2, 0), **extra) -> dict:
    return {"number": number, "global_number": 15 + number, "key": f"ind{number}", "name": f"Indikator uji {number}",
            "variable": "Infrastruktur", "weight": weight, "mandatory": mandatory, "levels": levels(weight),
            "evidence": "Dokumen pendukung", "accepts": list(accepts), "evidence_years": list(years),
            "help": "Bantuan", **extra}


BASE = {
    "format": 1, "id": "uji-2026", "title": "Katalog uji", "year": 2026,
    "options": {"urusan": YANDAS + ["Pariwisata"]},
    "steps": [{"key": "profil", "title": "Profil"}],
    "fields": [
        {"key": "judul", "label": "Judul Inovasi", "type": "text", "step": "profil", "required": True,
         "min_length": 5, "max_length": 40},
        {"key": "daerah", "label": "Nama Daerah", "type": "auto", "step": "profil", "required": True,
         "auto_from": "pemda"},
        {"key": "tahap", "label": "Tahap", "type": "choice", "step": "profil", "required": True,
         "options": ["Uji Coba", "Penerapan"]},
        {"key": "urusan_utama", "label": "Urusan Utama", "type": "choice", "step": "profil", "required": True,
         "options_ref": "urusan"},
        {"key": "urusan_lain", "label": "Urusan Lain", "type": "multi_choice", "step": "profil",
         "options_ref": "urusan"},
        {"key": "mulai_uji", "label": "Mulai Uji Coba", "type": "date", "step": "profil", "required": True,
         "not_after": "mulai_terap"},
        {"key": "mulai_terap", "label": "Mulai Penerapan", "type": "date", "step": "profil", "required": True},
        {"key": "dikembangkan", "label": "Ada Pengembangan", "type": "choice", "step": "profil",
         "options": ["Ya", "Tidak"]},
        {"key": "tgl_kembang", "label": "Tanggal Pengembangan", "type": "date", "step": "profil", "required": True,
         "visible_if": {"field": "dikembangkan", "values": ["Ya"]}},
        {"key": "uraian", "label": "Uraian", "type": "sectioned_text", "step": "profil", "required": True,
         "min_words": 20, "parts": [{"key": "latar", "title": "Latar belakang"}, {"key": "cara", "title": "Cara kerja"},
                                    {"key": "hasil", "title": "Hasil"}]},
        {"key": "catatan", "label": "Catatan", "type": "paragraph", "step": "profil"},
        {"key": "lokasi", "label": "Lokasi", "type": "coordinates", "step": "profil"},
        {"key": "dana", "label": "Dokumen Dana", "type": "attachment", "step": "profil", "accepts": ["pdf"]},
    ],
    "indicators": [
        indicator(1, 3, mandatory=True),
        indicator(2, 2, accepts=("pdf", "jpg", "png")),
        indicator(3, 1, accepts=("mp4", "mov", "link"), bases=[
            {"key": "a", "label": "Dasar A", "levels": ["a1", "a2", "a3"]},
            {"key": "b", "label": "Dasar B", "levels": ["b1", "b2", "b3"]}]),
    ],
    "scoring": SCORING_2026,
    "window": {"start": date(2024, 1, 1), "end": date(2025, 12, 31), "date_field": "mulai_terap",
               "alternative_field": "tgl_kembang"},
}

# The standard's 2026 weights (iid_standard.yaml: weights_summary, spd_indicators_2026).
SID_WEIGHTS = [3, 2, 2, 2, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 2, 3, 2, 3, 2, 4]
SPD_WEIGHTS = {"1": 1, "2a": 1, "2b": 1, "3": 1, "4": 1, "5a": 0.75, "5b": 0.75, "6": 1.5, "7": 1.5, "8": 1.5,
               "9": 1, "10a": 0.75, "10b": 0.75, "11a": 0.75, "11b": 0.75, "12": 2, "13a": 1, "13b": 1, "14": 1,
               "15": 1}

WORDS_25 = " ".join(f"kata{i}" for i in range(25))


def _pdf(**overrides) -> EvidenceItem:
    values = {"nomor": "100/2025", "tanggal": date(2025, 3, 1), "tentang": "SK Tim Inovasi", "sha256": "a" * 64,
              "file_name": "sk.pdf", "size": 1000, "media_type": "application/pdf"}
    return EvidenceItem(**{**values, **overrides})


def _link(**overrides) -> EvidenceItem:
    values = {"tanggal": date(2025, 5, 2), "tentang": "Video inovasi", "link": "https://example.org/video"}
    return EvidenceItem(**{**values, **overrides})


def _complete_innovation() -> Innovation:
    """An innovation with nothing to report against BASE (with pemda given and today = 2026-06-01)."""
    return Innovation(
        catalogue_id="uji-2026",
        profile={"judul": "Layanan Cepat", "tahap": "Penerapan", "urusan_utama": "Kesehatan",
                 "urusan_lain": ["Sosial"], "mulai_uji": "2024-02-01", "mulai_terap": "2024-06-01",
                 "dikembangkan": "Tidak", "uraian": {"latar": WORDS_25, "cara": "langkah satu", "hasil": "baik"},
                 "lokasi": {"lat": -7.47, "lon": 112.43}},
        answers={1: IndicatorAnswer(1, level=3, evidence=[_pdf()]),
                 2: IndicatorAnswer(2, level=1, evidence=[_pdf(id="foto", media_type="image/jpeg", file_name="f.jpg")]),
                 3: IndicatorAnswer(3, level=2, basis="a", evidence=[_link()])},
        attachments={"dana": [_pdf(id="dpa", tentang="DPA 2025")]},
    )


@pytest.fixture
def catalogue_data() -> dict:
    return copy.deepcopy(BASE)


@pytest.fixture
def catalogue(catalogue_data):
    return parse_catalogue(catalogue_data)


@pytest.fixture
def pdf():
    """Factory of a complete PDF evidence item dated 1 March 2025; keyword arguments override."""
    return _pdf


@pytest.fixture
def link():
    """Factory of a complete link evidence item dated 2 May 2025."""
    return _link


@pytest.fixture
def innovation() -> Innovation:
    """An innovation with no finding at all against `catalogue` (see `context`)."""
    return _complete_innovation()


@pytest.fixture
def context():
    return CheckContext(today=date(2026, 6, 1), pemda="Kabupaten Mojokerto")


@pytest.fixture
def weights_2026_data(catalogue_data) -> dict:
    """BASE with the standard's 20 SID indicators (all accepting PDF) and 20 SPD score rows."""
    catalogue_data["indicators"] = [indicator(i + 1, w) for i, w in enumerate(SID_WEIGHTS)]
    catalogue_data["spd_indicators"] = [
        {"number": number, "name": f"SPD {number}", "variable": "Institusi", "weight": weight,
         "levels": ["satu", "dua", "tiga"]} for number, weight in SPD_WEIGHTS.items()]
    return catalogue_data


@pytest.fixture
def weights_2026(weights_2026_data):
    return parse_catalogue(weights_2026_data)
