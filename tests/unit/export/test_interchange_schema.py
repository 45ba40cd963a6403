"""The published JSON Schema agrees with the hand-written validator and documents every part."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from inovasi_desktop.domain.errors import InterchangeError
from inovasi_desktop.export import interchange
from inovasi_desktop.export.interchange import innovation_from_dict, loads
from inovasi_desktop.export.interchange_check import RELATIVE_PATH

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_FILE = ROOT / "schemas" / "innovation.v1.schema.json"
EXAMPLE = ROOT / "examples" / "contoh-inovasi.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]


def walk(node, path="#"):
    """Every (path, schema object) in the schema tree."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


def test_schema_is_a_draft_2020_12_schema_of_version_1() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["format"]["const"] == interchange.FORMAT
    assert SCHEMA["properties"]["version"]["const"] == interchange.VERSION


@pytest.mark.parametrize(("schema", "keys"), [
    (SCHEMA, interchange.TOP_KEYS),
    (DEFS["answer"], interchange.ANSWER_KEYS),
    (DEFS["evidence"], interchange.EVIDENCE_KEYS),
    (DEFS["file"], interchange.FILE_KEYS),
    (DEFS["fileBeside"], interchange.FILE_BESIDE_KEYS),
    (DEFS["coordinates"], {"lat", "lon"}),
])
def test_schema_objects_have_exactly_the_keys_the_validator_requires(schema: dict, keys) -> None:
    assert set(schema["required"]) == set(keys) == set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_every_reference_resolves() -> None:
    refs = [node["$ref"] for _, node in walk(SCHEMA) if "$ref" in node]
    assert refs, "the schema should share its definitions"
    for ref in refs:
        assert ref.startswith("#/$defs/") and ref.removeprefix("#/$defs/") in DEFS, ref


def test_every_property_and_definition_is_described() -> None:
    described = [SCHEMA, *DEFS.values()]
    for _, node in walk(SCHEMA):
        described += list(node.get("properties", {}).values())
    missing = [json.dumps(n)[:60] for n in described if not n.get("description", "").strip()]
    assert not missing


def test_every_pattern_compiles() -> None:
    patterns = [node["pattern"] for _, node in walk(SCHEMA) if isinstance(node.get("pattern"), str)]
    assert len(patterns) >= 8
    for pattern in patterns:
        re.compile(pattern)


# The schema's patterns and the validator must accept and refuse the same texts.
@pytest.mark.parametrize(("definition", "samples"), [
    ("uuid", ["7dfcf349-4f1c-5891-8d5c-a2037ac54b78", "7DFCF349-4F1C-5891-8D5C-A2037AC54B78",
              "7dfcf3494f1c58918d5ca2037ac54b78", "7dfcf349-4f1c-5891-8d5c-a2037ac54b7"]),
    ("timestamp", ["2026-05-12T02:30:00Z", "2026-05-12T02:30:00.5Z", "2026-05-12T02:30:00+00:00",
                   "2026-05-12T02:30:00", "2026-05-12T09:30:00+07:00", "2026-05-12T02:30:00.1234567Z"]),
])
def test_schema_pattern_matches_the_validator_on_ids_and_times(definition: str, samples: list[str]) -> None:
    pattern = re.compile(DEFS[definition]["pattern"])
    key = {"uuid": "id", "timestamp": "created_at"}[definition]
    for sample in samples:
        doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        doc[key] = sample
        assert bool(pattern.search(sample)) == accepted(doc), sample


@pytest.mark.parametrize(("field", "samples"), [
    ("sha256", ["ab" * 32, "AB" * 32, "ab" * 31, "xy" * 32]),
    ("media_type", ["application/pdf", "image/svg+xml", "video/quicktime", "Application/PDF", "pdf", "image/"]),
    ("name", ["surat.pdf", " ", "", "a/b.pdf", "a\\b.pdf", "..pdf"]),
])
def test_schema_pattern_matches_the_validator_on_file_metadata(field: str, samples: list[str]) -> None:
    spec = DEFS["file"]["properties"][field]
    pattern = re.compile(spec["pattern"])
    for sample in samples:
        doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        stored = {"sha256": "ab" * 32, "name": "surat.pdf", "size": 1, "media_type": "application/pdf", field: sample}
        doc["answers"][0]["evidence"][0]["file"] = stored
        in_schema = bool(pattern.search(sample)) and len(sample) >= spec.get("minLength", 0)
        assert in_schema == accepted(doc), sample


def test_schema_pattern_matches_the_validator_on_paths_beside_the_document() -> None:
    spec = DEFS["fileBeside"]["properties"]["path"]
    pattern = re.compile(spec["pattern"])
    samples = ["bukti/sk.pdf", "sk.pdf", "./bukti/SK Tim 2025.pdf", "...pdf", "a/..b/c.pdf", "", "../sk.pdf",
               "bukti/../../sk.pdf", "..", "/etc/passwd", "C:/bukti/sk.pdf", "bukti\\sk.pdf", "bukti//sk.pdf",
               "bukti/", "bukti/sk\x00.pdf", "bukti/sk\x7f.pdf", "x" * 1000, "x" * 1001]
    for sample in samples:
        doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        doc["answers"][0]["evidence"][0]["file"] = {"path": sample}
        in_schema = bool(pattern.search(sample)) and len(sample) <= spec["maxLength"]
        assert in_schema == accepted(doc), repr(sample)
    doc["answers"][0]["evidence"][0]["file"] = {"path": "bukti/sk.pdf"}
    read = interchange.read_document(json.dumps(doc))
    assert read.files[doc["answers"][0]["evidence"][0]["id"]] == "bukti/sk.pdf"
    assert read.innovation.answers[1].evidence[0].sha256 is None


def test_the_validator_uses_the_schema_pattern_for_paths() -> None:
    assert DEFS["fileBeside"]["properties"]["path"]["pattern"] == f"^{RELATIVE_PATH.pattern}$".replace(
        "\\x00", "\\u0000").replace("\\x1f", "\\u001F").replace("\\x7f", "\\u007F")


def test_text_pattern_refuses_what_the_validator_refuses() -> None:
    pattern = re.compile(DEFS["text"]["pattern"])
    for sample in ["biasa", "tab\tbaris\nbaru\r", "nol\x00", "bel\x07", "del\x7f", "c1\x85", "zw\u200bj"]:
        doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        doc["profile"]["tujuan"] = sample
        assert bool(pattern.search(sample)) == accepted(doc), repr(sample)


def accepted(doc: dict) -> bool:
    try:
        innovation_from_dict(doc)
    except InterchangeError:
        return False
    return True


def test_example_is_valid_for_the_validator() -> None:
    innovation = loads(EXAMPLE.read_bytes())
    assert innovation.catalogue_id == "iid-2026"
