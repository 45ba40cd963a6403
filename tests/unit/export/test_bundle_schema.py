"""The published bundle schema describes exactly what the writer emits."""

from __future__ import annotations

import json
import re
from pathlib import Path

from inovasi_desktop.export.bundle import manifest as mf
from inovasi_desktop.export.bundle.manifest import (
    Dossier,
    EvidenceFile,
    InnovationEntry,
    Manifest,
    Member,
    Piece,
    Sender,
)

SCHEMA = json.loads((Path(__file__).resolve().parents[3] / "schemas" / "bundle.v1.schema.json").read_text("utf-8"))
IID = "9fb5bf2d-e75d-52d5-9ce1-1b255d751f6a"
SHA = "a" * 64


def sample() -> dict:
    return Manifest(
        "0.1.0", "2026-12-07T00:00:00Z", Sender("Kabupaten Mojokerto", "Dinas Kesehatan", "Rina", "0321", "r@x.id"),
        "0123456789abcdef0123456789abcdef", 1, 2,
        (InnovationEntry(IID, "SI-PANTAU", "Dinas Kesehatan", 1, f"inovasi/{IID}.json", 10, SHA, (SHA,),
                         Dossier(f"berkas/{IID}.pdf", 5, SHA, "0123456789ab")),),
        (EvidenceFile(SHA, 7, "application/pdf", (Piece(1, f"bukti/{SHA}.1", 3, SHA), Piece(2, f"bukti/{SHA}.2", 4,
                                                                                              SHA))),),
        (Member(f"inovasi/{IID}.json", 10, SHA),)).to_dict()


def keys_agree(schema: dict, value: dict, where: str) -> None:
    assert set(schema["required"]) == set(value) == set(schema["properties"]), where
    for key, sub in schema["properties"].items():
        sub = next((s for s in sub.get("oneOf", []) if s.get("type") == "object"), sub)
        if sub.get("type") == "object" and isinstance(value[key], dict):
            keys_agree(sub, value[key], f"{where}.{key}")
        if sub.get("type") == "array" and value[key] and isinstance(value[key][0], dict):
            keys_agree(sub["items"], value[key][0], f"{where}.{key}[]")
        if "pattern" in sub and isinstance(value[key], str):
            assert re.search(sub["pattern"], value[key]), f"{where}.{key}"


def test_the_schema_names_every_key_the_writer_emits_and_no_other() -> None:
    keys_agree(SCHEMA, sample(), "$")


def test_format_and_version_are_those_the_reader_knows() -> None:
    assert SCHEMA["properties"]["format"]["const"] == mf.FORMAT
    assert SCHEMA["properties"]["version"]["const"] == mf.VERSION


def test_the_written_sample_reads_back() -> None:
    data = json.dumps(sample()).encode()
    assert mf.parse(data).to_dict() == sample()
