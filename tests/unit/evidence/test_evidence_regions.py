import pytest

from inovasi_desktop.evidence.regions import other_regions_only, parse_region, regions_named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kabupaten Mojokerto", ("kabupaten", "mojokerto")),
        ("Kab. Tanah Bumbu", ("kabupaten", "tanah bumbu")),
        ("KOTA  Tanjung Pinang", ("kota", "tanjung pinang")),
        ("Provinsi Jawa Timur", None),
        ("", None),
    ],
)
def test_parse_region(text, expected):
    assert parse_region(text) == expected


def test_names_in_letterheads_and_sentences():
    text = (
        "PEMERINTAH KABUPATEN TANAH BUMBU\nDINAS KESEHATAN\n"
        "Keputusan Bupati Kabupaten Tanah Bumbu Nomor 12 Tahun 2024 tentang kerja sama dengan Kota Banjarmasin.\n"
        "Program ini juga berjalan di kota besar dan di Kabupaten/Kota lain."
    )
    assert regions_named(text) == ["Kabupaten Tanah Bumbu", "Kota Banjarmasin"]


def test_other_regions_only_when_own_region_is_absent():
    letter = "PEMERINTAH KABUPATEN TANAH BUMBU\nSURAT KEPUTUSAN"
    assert other_regions_only(letter, "Kabupaten Mojokerto") == ["Kabupaten Tanah Bumbu"]
    assert other_regions_only(letter + "\nKabupaten Mojokerto", "Kabupaten Mojokerto") == []
    assert other_regions_only("Laporan kegiatan tanpa nama daerah", "Kabupaten Mojokerto") == []


def test_kota_and_kabupaten_of_the_same_name_differ():
    assert other_regions_only("Pemerintah Kota Mojokerto", "Kabupaten Mojokerto") == ["Kota Mojokerto"]
    assert other_regions_only("Pemerintah Kab. Mojokerto Jawa Timur", "Kabupaten Mojokerto") == []


def test_province_pemda_is_not_checked():
    assert other_regions_only("Kabupaten Malang", "Provinsi Jawa Timur") == []
