"""The region's view: figures recomputed here from the standard's worked example, not from the code under test."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from region_data import build_region, make_innovation, store_pdf

from inovasi_desktop.domain import InovasiError
from inovasi_desktop.services import monitoring, region_opds, settings
from inovasi_desktop.storage.repositories import InnovationRepository

# iid_standard.yaml, scoring.worked_example_2026: SPD 40, 8 innovations each with SID 80, 5 of 6 yandas
# covered -> SID = 8 x 80 / 12 + 8 x 0,38 = 56,37; total 96,37; IID 38,55 -> Kurang Inovatif.
LEVELS_80 = {n: 2 for n in range(1, 21)} | {20: 3, 2: 3}
SPD_ROWS = ["1", "2a", "2b", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a", "11b", "12", "13a",
            "13b", "14", "15"]
SPD_40 = {number: 2 for number in SPD_ROWS} | {"12": 1}
YANDAS = ["Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Perumahan Rakyat dan Kawasan Permukiman",
          "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", "Sosial"]


@pytest.fixture
def region(ws, tmp_path, monkeypatch):
    """The worked example's eight innovations, fully backed, in two OPDs; SPD 40."""
    catalogue = ws.catalogues.get("iid-2026")
    sha256 = store_pdf(ws, tmp_path)
    urusan = YANDAS[:5] + ["Pariwisata", "Pariwisata", "Kesehatan"]
    made = [make_innovation(catalogue, f"Inovasi {i}", "Penerapan", u, LEVELS_80, set(LEVELS_80), sha256)
            for i, u in enumerate(urusan)]
    opds = {inn.id: ("Dinas Kesehatan" if i < 5 else "Dinas Pariwisata") for i, inn in enumerate(made)}
    monkeypatch.setattr(monitoring, "opd_of", lambda inn, org: opds.get(inn.id, org.opd))
    for inn in made:
        from inovasi_desktop.services import innovations

        innovations.save(ws, inn)
    monitoring.save_spd_levels(ws, "iid-2026", SPD_40)
    return made


def test_the_worked_example_of_the_standard(ws, region):
    view = monitoring.gather(ws)
    assert (view.backed.innovation_count, view.backed.divisor) == (8, 12)
    assert view.backed.spd == pytest.approx(40)
    assert view.backed.iid == 38.55 and view.backed.predicate == "Kurang Inovatif"
    assert view.claimed.iid == 38.55
    assert [s.text for s in view.suggestions if s.innovation_id] == []  # nothing claimed is unbacked


def test_a_claim_without_evidence_is_the_top_follow_up(ws, region):
    from inovasi_desktop.services import innovations

    catalogue = ws.catalogues.get("iid-2026")
    target = region[6]  # in Dinas Pariwisata
    weight = catalogue.indicator(20).weight
    target.answers[20].evidence.clear()
    innovations.save(ws, target)
    view = monitoring.gather(ws)
    lost = 3 * weight  # level 3 of indicator 20
    expected_total = 40 + (8 * 80 - lost) / 12 + 8 * 0.38
    assert view.backed.total == pytest.approx(expected_total)
    assert view.claimed.iid == 38.55
    gain = lost / 12 / 250 * 100
    top = view.suggestions[0] if not view.suggestions[0].at_most else None
    follow = view.follow_up("Dinas Pariwisata")
    assert [s.step for s in follow] == ["indikator:20"]
    assert follow[0].gain == pytest.approx(gain)
    assert follow[0].text == f"lampirkan bukti indikator 20 untuk inovasi Inovasi 6: +{gain:.2f}".replace(".", ",")
    assert view.follow_up("Dinas Kesehatan") == []
    assert top is None or top.gain >= follow[0].gain
    assert [s.gain for s in view.suggestions] == sorted((s.gain for s in view.suggestions), reverse=True)
    row = view.opd("Dinas Pariwisata")
    assert row.mandatory_unbacked == (1 if catalogue.indicator(20).mandatory else 0)


def test_spd_rows_not_answered_are_suggested_with_their_maximum(ws, region):
    monitoring.save_spd_levels(ws, "iid-2026", {k: v for k, v in SPD_40.items() if k != "12"})
    view = monitoring.gather(ws)
    [spd] = [s for s in view.suggestions if s.step.startswith("spd:")]
    assert spd.step == "spd:12" and spd.at_most
    assert spd.gain == pytest.approx(2 * 3 / 250 * 100)  # weight 2, level 3


def test_spd_levels_are_checked_against_the_catalogue(ws):
    with pytest.raises(InovasiError):
        monitoring.save_spd_levels(ws, "iid-2026", {"99": 1})
    with pytest.raises(InovasiError):
        monitoring.save_spd_levels(ws, "iid-2026", {"1": 4})


def test_opds_without_innovations_and_those_off_the_list_are_shown(ws, region):
    region_opds.save(ws, ["Dinas Kesehatan", "Dinas Sosial"])
    view = monitoring.gather(ws)
    rows = {o.name: o for o in view.opds}
    assert list(rows) == ["Dinas Kesehatan", "Dinas Sosial", "Dinas Pariwisata"]
    assert rows["Dinas Sosial"].count == 0 and rows["Dinas Sosial"].on_list
    assert not rows["Dinas Pariwisata"].on_list and rows["Dinas Pariwisata"].count == 3
    assert rows["Dinas Kesehatan"].tahapan == {"Penerapan": 5}
    assert rows["Dinas Kesehatan"].backed_average == pytest.approx(80)
    assert rows["Dinas Kesehatan"].ready + rows["Dinas Kesehatan"].not_ready == 5


def test_stale_opds_stand_out(ws, region):
    view = monitoring.gather(ws)
    row = view.opd("Dinas Kesehatan")
    assert not row.stale(view.generated_at, 30)
    assert row.stale(view.generated_at + timedelta(days=31), 30)
    assert settings.get(ws, settings.STALE_DAYS) == view.stale_days == 30


def test_changes_since_the_previous_recap(ws, region, tmp_path):
    from inovasi_desktop.services import innovations

    first = monitoring.gather(ws)
    assert first.previous_recap is None and first.opd("Dinas Kesehatan").change_count is None
    monitoring.record_snapshot(ws, monitoring.REASON_RECAP, view=first)
    extra = make_innovation(ws.catalogues.get("iid-2026"), "Inovasi baru", "Inisiatif", "Sosial", {1: 1}, set(), "")
    innovations.save(ws, extra)
    view = monitoring.gather(ws)
    assert view.previous_recap is not None
    [new_opd] = [o for o in view.opds if extra.id in o.innovation_ids]
    assert new_opd.change_count == 1
    assert view.opd("Dinas Pariwisata").change_count == 0
    assert view.change_backed_iid == pytest.approx(view.backed.iid - 38.55)


def test_a_bundle_snapshot_is_the_sending_opds_last_bundle(ws, region):
    snapshot = monitoring.record_snapshot(ws, monitoring.REASON_BUNDLE, "Dinas Pariwisata")
    view = monitoring.gather(ws)
    assert view.opd("Dinas Pariwisata").last_bundle == snapshot.taken_at
    assert view.opd("Dinas Kesehatan").last_bundle is None
    assert view.previous_recap is None  # a bundle is not a recap


def test_many_opds(ws, tmp_path, monkeypatch):
    opds = build_region(ws, tmp_path, 90, 30)
    monkeypatch.setattr(monitoring, "opd_of", lambda inn, org: opds[inn.id])
    view = monitoring.gather(ws)
    assert len(view.opds) == 30 and sum(o.count for o in view.opds) == 90
    with ws.db.begin() as s:
        assert len(InnovationRepository(s).list_summaries()) == 90
    backed = sum(f.backed for f in view.innovations)
    assert view.backed.sid_sum == pytest.approx(backed)
    assert view.backed.sid_indicators == pytest.approx(backed / 90)


# --- the region's list of perangkat daerah --------------------------------------------------------------

def test_the_template_is_marked_until_the_list_is_saved(ws):
    names = region_opds.use_template(ws)
    assert "Dinas Kesehatan" in names and region_opds.is_template(ws)
    region_opds.save(ws, names + ["Kecamatan Sooko"])
    assert not region_opds.is_template(ws) and region_opds.names(ws)[-1] == "Kecamatan Sooko"


def test_import_csv_with_bom_header_and_semicolons(ws, tmp_path):
    path = tmp_path / "opd.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerows([["No", "Nama OPD"], ["1", "Dinas Sosial"], ["2", " Dinas  Kesehatan "], ["3", "dinas sosial"],
                          ["", ""], ["4", "Badan Penanggulangan Bencana Daerah"]])
    assert region_opds.import_file(ws, path) == ["Dinas Sosial", "Dinas Kesehatan",
                                                 "Badan Penanggulangan Bencana Daerah"]


def test_import_xlsx_first_text_column(ws, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [(1, "Dinas Pertanian"), (2, "Dinas Perikanan")]:
        sheet.append(row)
    path = tmp_path / "opd.xlsx"
    book.save(path)
    assert region_opds.import_file(ws, path) == ["Dinas Pertanian", "Dinas Perikanan"]


def test_import_refuses_what_is_not_a_list(ws, tmp_path):
    bad = tmp_path / "opd.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InovasiError, match="XLSX"):
        region_opds.import_file(ws, bad)
    with pytest.raises(InovasiError, match="CSV atau XLSX"):
        region_opds.import_file(ws, store_pdf(ws, tmp_path) and tmp_path / "bukti.pdf")


def test_an_empty_region_cannot_be_assessed_and_its_recap_still_renders(ws, tmp_path):
    from inovasi_desktop.export.monitoring.recap_pdf import render_recap

    region_opds.use_template(ws)
    view = monitoring.gather(ws)
    assert (view.backed.iid, view.backed.predicate, view.claimed.predicate) == (0, "Tidak Dapat Dinilai",
                                                                                "Tidak Dapat Dinilai")
    assert all(o.count == 0 for o in view.opds) and len(view.opds) == len(region_opds.TEMPLATE)
    yandas = [s for s in view.suggestions if "urusan wajib pelayanan dasar" in s.text]
    assert len(yandas) == 1 and yandas[0].text.startswith("tambahkan 5 inovasi")
    # 5 innovations would count 5 x 0,38 = 1,9 -> +0,76 IID points
    assert yandas[0].gain == pytest.approx(5 * 0.38 / 250 * 100)
    data, pages = render_recap(view)
    assert data.startswith(b"%PDF") and pages >= 5
    assert render_recap(view)[0] == data  # the same figures give the same bytes
    for suffix in (".xlsx", ".csv"):
        view_again, pages = monitoring.write_recap(ws, tmp_path / f"rekap{suffix}")
        assert pages == 0 and (tmp_path / f"rekap{suffix}").stat().st_size > 0
