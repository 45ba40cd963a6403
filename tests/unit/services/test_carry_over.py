"""Carrying an innovation over to another catalogue version: answers follow their indicator key, what does
not fit is listed for the user, and the original stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from inovasi_desktop.services import carry_over, innovations
from inovasi_desktop.services.workspace import Workspace

FORMS = Path(__file__).resolve().parents[3] / "forms"


def test_answers_map_by_indicator_key_from_2026_to_2023_and_what_does_not_fit_is_listed(ws):
    source, target = ws.catalogues.get("iid-2026"), ws.catalogues.get("iid-2023")
    original = innovations.import_example(ws)
    report = carry_over.copy_to_catalogue(ws, original.id, "iid-2023")
    copy = innovations.get(ws, report.innovation.id)
    assert copy.id != original.id and copy.catalogue_id == "iid-2023" and copy.name == original.name
    assert innovations.get(ws, original.id) == original  # the original is left as it was

    by_key = {i.key: i for i in target.indicators}
    assert len(copy.answers) == len(original.answers)
    for number, answer in original.answers.items():
        dst = by_key[source.indicator(number).key]
        mapped = copy.answers[dst.number]
        assert (mapped.level, mapped.notes) == (answer.level, answer.notes)
        assert [(e.sha256, e.link, e.tentang) for e in mapped.evidence] == [
            (e.sha256, e.link, e.tentang) for e in answer.evidence]
        assert not {e.id for e in mapped.evidence} & {e.id for e in answer.evidence}  # its own items
        level_changed = source.indicator(number).level(answer.level).text != dst.level(answer.level).text
        assert any(line.startswith(f"Indikator {dst.number} ({dst.name}): teks tingkat {answer.level} berbeda")
                   for line in report.dropped) is level_changed, number

    missing = [source.field(key).label for key in original.profile if target.field(key) is None]
    assert missing and "Asta Cita" in missing
    for label in missing:
        assert f'Isian "{label}" tidak ada di {target.title}.' in report.dropped
        assert label not in {target.field(k).label for k in copy.profile if target.field(k)}
    assert copy.profile == {k: v for k, v in original.profile.items() if target.field(k) is not None}

    kemanfaatan = by_key["kemanfaatan"]  # its measuring bases exist only from 2026
    assert original.answers[kemanfaatan.number].basis and copy.answers[kemanfaatan.number].basis is None
    basis_line = f"Basis pengukuran indikator {kemanfaatan.number} ({kemanfaatan.name}) perlu dipilih ulang."
    assert basis_line in report.dropped
    assert not report.complete


def test_going_back_to_2026_keeps_the_answers_and_drops_no_field(ws):
    original = innovations.import_example(ws)
    there = carry_over.copy_to_catalogue(ws, original.id, "iid-2023").innovation
    back = carry_over.copy_to_catalogue(ws, there.id, "iid-2026")
    assert not [line for line in back.dropped if "tidak ada di" in line or "tidak memiliki padanan" in line]
    assert {n: a.level for n, a in back.innovation.answers.items()} == {n: a.level for n, a in original.answers.items()}


@pytest.fixture
def renumbered(tmp_path, monkeypatch):
    """A workspace whose forms folder also holds "uji-2027": iid-2026 with the keys of indicators 3 and 4
    swapped and indicator 2 renamed, so answers must follow keys, not numbers."""
    forms = tmp_path / "forms"
    forms.mkdir()
    text = (FORMS / "iid-2026.toml").read_text(encoding="utf-8")
    (forms / "iid-2026.toml").write_text(text, encoding="utf-8")
    head, sep, indicators = text.partition("\n[[indicators]]")
    head = (head.replace('id = "iid-2026"', 'id = "uji-2027"', 1)
            .replace('title = "Indeks Inovasi Daerah 2026"', 'title = "Katalog Uji 2027"', 1)
            .replace("default = true", "default = false", 1))
    indicators = (indicators.replace('key = "anggaran"', 'key = "@3"').replace('key = "alat_kerja"', 'key = "anggaran"')
                  .replace('key = "@3"', 'key = "alat_kerja"').replace('key = "sdm"', 'key = "sdm_baru"'))
    (forms / "uji-2027.toml").write_text(head + sep + indicators, encoding="utf-8")
    monkeypatch.setenv("INOVASI_FORMS", str(forms))
    ws = Workspace()
    yield ws
    ws.close()


def test_answers_follow_their_key_to_another_number_and_an_unmatched_one_is_listed(renumbered):
    original = innovations.create(renumbered, "iid-2026")
    for number, level in ((2, 1), (3, 2), (4, 3)):
        original.answer(number).level = level
        original.answer(number).notes = f"catatan {number}"
    innovations.save(renumbered, original)
    report = carry_over.copy_to_catalogue(renumbered, original.id, "uji-2027")
    answers = innovations.get(renumbered, report.innovation.id).answers
    assert {n: (a.level, a.notes) for n, a in answers.items()} == {4: (2, "catatan 3"), 3: (3, "catatan 4")}
    assert "Indikator 2 tidak memiliki padanan di Katalog Uji 2027." in report.dropped
