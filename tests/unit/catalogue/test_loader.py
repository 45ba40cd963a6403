"""The loader turns every malformed catalogue file into one `CatalogueError` that names the file
and the path of each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from inovasi_desktop.catalogue import Catalogues, load_catalogue
from inovasi_desktop.domain.errors import CatalogueError

LEVELS = """levels = [
    {{ level = 1, text = "Satu", score = {s1} }},
    {{ level = 2, text = "Dua", score = {s2} }},
    {{ level = 3, text = "Tiga", score = {s3} }},
]"""


def _indicator(number: int, weight: int) -> str:
    levels = LEVELS.format(s1=weight, s2=2 * weight, s3=3 * weight)
    return f"""
[[indicators]]
number = {number}
global_number = {15 + number}
key = "ind{number}"
name = "Indikator {number}"
variable = "Infrastruktur"
weight = {weight}
mandatory = false
{levels}
evidence = "Dokumen"
accepts = ["pdf"]
evidence_years = [-2, 0]
help = "Bantuan."
"""


# A small but complete catalogue: every section the loader reads, each valid.
MINIMAL = """
format = 1
id = "uji-2030"
title = "Katalog Uji"
year = 2030

[window]
start = 2028-01-01
end = 2029-12-31
date_field = "waktu_penerapan"

[scoring]
divisor_min = 12
jumlah_per_innovation = 0.38
jumlah_cap = 200
yandas = ["Pendidikan"]
yandas_min = 1
total_max = 250
predicates = [{ label = "Baik", min_iid = 50 }, { label = "Kurang", min_iid = 0 }]

[options]
urusan = ["Pendidikan", "Kesehatan"]

[[steps]]
key = "profil"
title = "Profil"

[[fields]]
key = "urusan_utama"
label = "Urusan"
type = "choice"
step = "profil"
options_ref = "urusan"

[[fields]]
key = "waktu_penerapan"
label = "Waktu penerapan"
type = "date"
step = "profil"

[[spd_indicators]]
number = "1"
name = "Visi dan Misi"
variable = "Institusi"
weight = 1
levels = ["a", "b", "c"]
""" + "".join(_indicator(n, w) for n, w in ((1, 3), (2, 2), (3, 1)))


def write(folder: Path, text: str | bytes, name: str = "uji.toml") -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    return str(caught.value)


def test_minimal_catalogue_is_valid(tmp_path: Path) -> None:
    # The error tests below break this file on purpose; it must be valid to begin with.
    catalogue = load_catalogue(write(tmp_path, MINIMAL))
    assert catalogue.id == "uji-2030"
    assert catalogue.sid_max == 18
    assert catalogue.source_file == "uji.toml"


def test_several_problems_are_reported_together_with_their_paths(tmp_path: Path) -> None:
    broken = (MINIMAL
              .replace('{ level = 1, text = "Satu", score = 1 }', '{ level = 1, text = "Satu", score = 5 }')
              .replace('type = "date"', 'type = "date"\nwarna = "merah"')
              .replace("end = 2029-12-31", "end = 2027-12-31")
              .replace('accepts = ["pdf"]\nevidence_years = [-2, 0]\nhelp = "Bantuan."\n\n[[indicators]]\nnumber = 2',
                       'accepts = ["docx"]\nevidence_years = [-2, 0]\nhelp = "Bantuan."\n\n[[indicators]]\nnumber = 2'))
    message = error_of(write(tmp_path, broken, "rusak.toml"))
    assert message.startswith("Katalog rusak.toml tidak valid")
    for path in ("indicators[2].levels[0].score", "fields[1].warna", "window:", "indicators[0].accepts"):
        assert path in message, path
    assert message.count("\n  - ") == 4


def test_unknown_field_type_names_the_type_and_the_choices(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, MINIMAL.replace('type = "date"', 'type = "kalender"')))
    assert "fields[1].type" in message
    assert "'kalender'" in message
    assert "date" in message  # the allowed types are listed


def test_missing_required_keys_are_named(tmp_path: Path) -> None:
    text = MINIMAL.replace('title = "Katalog Uji"\n', "").replace("divisor_min = 12\n", "")
    message = error_of(write(tmp_path, text))
    assert "title: wajib diisi" in message
    assert "scoring.divisor_min: wajib diisi" in message


def test_bad_toml_syntax_names_file_and_line(tmp_path: Path) -> None:
    text = MINIMAL.replace('title = "Katalog Uji"', 'title = "Katalog Uji')  # unterminated string on line 4
    message = error_of(write(tmp_path, text, "sintaks.toml"))
    assert "sintaks.toml" in message
    assert "baris 4" in message


def test_non_utf8_bytes_are_rejected(tmp_path: Path) -> None:
    raw = MINIMAL.replace("Katalog Uji", "Katalog \udcff").encode("utf-8", "surrogateescape")  # a lone 0xFF byte
    message = error_of(write(tmp_path, raw, "latin.toml"))
    assert "latin.toml" in message
    assert "UTF-8" in message


def test_missing_file_is_a_catalogue_error(tmp_path: Path) -> None:
    message = error_of(tmp_path / "tidak-ada.toml")
    assert "tidak-ada.toml" in message
    assert "tidak ditemukan" in message


def test_a_folder_in_place_of_a_file_is_a_catalogue_error(tmp_path: Path) -> None:
    (tmp_path / "map.toml").mkdir()
    assert "map.toml" in error_of(tmp_path / "map.toml")


def test_deeply_nested_document_is_a_catalogue_error(tmp_path: Path) -> None:
    # tomllib recurses on nested arrays and raises RecursionError past Python's stack limit.
    message = error_of(write(tmp_path, "notes = " + "[" * 5000 + "]" * 5000))
    assert "terlalu dalam" in message


def test_window_dates_with_a_time_are_rejected(tmp_path: Path) -> None:
    # A TOML datetime is a `date` subclass; comparing it with a plain date raised TypeError.
    message = error_of(write(tmp_path, MINIMAL.replace("start = 2028-01-01", "start = 2028-01-01T08:00:00")))
    assert "window.start: harus tanggal" in message


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_non_finite_numbers_are_rejected(tmp_path: Path, value: str) -> None:
    message = error_of(write(tmp_path, MINIMAL.replace("total_max = 250", f"total_max = {value}")))
    assert "scoring.total_max" in message


@pytest.mark.parametrize(("old", "new", "path"), [
    ("year = 2030", "year = 99999", "year"),
    ("divisor_min = 12", "divisor_min = 0", "scoring.divisor_min"),
    ("total_max = 250", "total_max = 0", "scoring.total_max"),
    ("yandas_min = 1", "yandas_min = -1", "scoring.yandas_min"),
    ("evidence_years = [-2, 0]", "evidence_years = [-2, 5000]", "indicators[0].evidence_years"),
])
def test_values_that_would_break_later_arithmetic_are_rejected(tmp_path: Path, old: str, new: str, path: str) -> None:
    assert f"{path}:" in error_of(write(tmp_path, MINIMAL.replace(old, new, 1)))


def test_folder_without_catalogues_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="Tidak ada berkas katalog"):
        Catalogues.from_folder(tmp_path)


def test_duplicate_ids_in_a_folder_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL, "a.toml")
    write(tmp_path, MINIMAL, "b.toml")
    with pytest.raises(CatalogueError, match="uji-2030"):
        Catalogues.from_folder(tmp_path)


def test_level_documents_must_be_known_document_types(tmp_path: Path) -> None:
    first = '{ level = 1, text = "Satu", score = 3 }'
    assert first in MINIMAL
    good = load_catalogue(write(tmp_path, MINIMAL.replace(first, first[:-2] + ', documents = ["perkada", "perda"] }')))
    assert good.indicators[0].levels[0].documents == ("perkada", "perda")
    assert good.indicators[0].levels_proven_by("perda") == (good.indicators[0].levels[0],)
    message = error_of(write(tmp_path, MINIMAL.replace(first, first[:-2] + ', documents = ["sk_lurah"] }'), "x.toml"))
    assert "indicators[0].levels[0].documents[0]" in message and "'sk_lurah'" in message
