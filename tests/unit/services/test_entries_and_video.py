"""What the standard limits and the data can show offline: how often an innovation was entered (earlier
entries recorded here, by name, under the catalogues of earlier years) and a video file's length; and,
plainly, what cannot be checked (the length of a linked video)."""

from __future__ import annotations

from video_files import mp4

from inovasi_desktop.domain import Severity
from inovasi_desktop.rules import CheckContext, check
from inovasi_desktop.services import evidence, evidence_items, evidence_upkeep, innovation_evidence, innovations


def named(ws, catalogue_id: str, name: str):
    innovation = innovations.create(ws, catalogue_id)
    innovation.profile["nama_inovasi"] = name
    innovations.save(ws, innovation)
    return innovation


def test_an_innovation_entered_in_an_earlier_year_is_its_second_entry(ws):
    first = named(ws, "iid-2023", "Layanan  Kesehatan Keliling")  # the 2023 entry, spelt a little differently
    named(ws, "iid-2026", "Layanan lain")
    current = named(ws, "iid-2026", "layanan kesehatan keliling")
    twin = named(ws, "iid-2026", "Layanan Kesehatan Keliling")  # a copy in the same year is no earlier entry
    assert innovations.earlier_entries(ws, current) == ("Indeks Inovasi Daerah 2023",)
    _, readiness = innovations.check(ws, current.id)
    [finding] = [f for f in readiness.findings if f.code.startswith("entries.")]
    assert (finding.code, finding.severity, finding.where) == ("entries.again", Severity.INFO, "nama_inovasi")
    assert "Indeks Inovasi Daerah 2023" in finding.message and "ke-2 dari paling banyak 2" in finding.message
    assert innovations.earlier_entries(ws, twin) == ("Indeks Inovasi Daerah 2023",)
    old = innovations.check(ws, first.id)[1]
    assert not [f for f in old.findings if f.code.startswith("entries.")]  # nothing earlier than 2023


def test_a_third_entry_is_a_warning(catalogues):
    from inovasi_desktop.domain import Innovation

    iid_2026 = catalogues.get("iid-2026")
    assert iid_2026.max_entries == 2 and catalogues.get("iid-2023").max_entries == 0
    innovation = Innovation(catalogue_id="iid-2026", profile={"nama_inovasi": "Si Cepat"})
    context = CheckContext(earlier_entries=("Indeks Inovasi Daerah 2024", "Indeks Inovasi Daerah 2025"))
    [finding] = [f for f in check(iid_2026, innovation, context) if f.code.startswith("entries.")]
    assert (finding.code, finding.severity) == ("entries.too_many", Severity.PERINGATAN)
    assert "paling banyak diikutkan 2 kali" in finding.message
    assert "hanya mengetahui keikutsertaan yang tercatat di sini" in finding.message


def test_a_video_file_over_five_minutes_is_reported_where_it_is_used(ws, innovation, files):
    long = files.write("video-6-menit.mp4", mp4(372))
    result = innovation_evidence.add_files(ws, innovation.id, 20, [long])
    [item] = result.outcome.items
    check_result = result.outcome.results[item.id]
    assert "6 menit 12 detik" in evidence_items.facts_of(check_result)
    assert any("lebih lama dari batas 5 menit" in p.message for p in check_result.problems)
    saved = innovations.get(ws, innovation.id)
    problems = evidence_upkeep.file_problems(ws, saved)
    assert any(p.where == "indikator:20" and "lebih lama dari batas 5 menit" in p.message for p in problems)
    target = evidence.target_for(ws.catalogues.get(saved.catalogue_id), 20)
    [report] = evidence_items.item_reports(ws, saved, target).values()
    assert any("lebih lama dari batas 5 menit" in text for _, text in report.lines)
    short = innovation_evidence.add_files(ws, innovation.id, 20, [files.write("video.mp4", mp4(290))])
    assert not short.outcome.results[short.outcome.items[0].id].problems


def test_a_video_link_says_its_length_cannot_be_checked(ws, innovation):
    innovation_evidence.add_link(ws, innovation.id, 20, "https://youtu.be/abc123")
    saved = innovations.get(ws, innovation.id)
    target = evidence.target_for(ws.catalogues.get(saved.catalogue_id), 20)
    [report] = evidence_items.item_reports(ws, saved, target).values()
    assert (Severity.INFO, "Durasi video pada tautan tidak dapat diperiksa aplikasi; pastikan paling lama "
                           "5 menit.") in report.lines
