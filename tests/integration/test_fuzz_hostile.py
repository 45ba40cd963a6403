"""Fuzz: generated mutations of real inputs (the example JSON, evidence files, a catalogue file), fixed seed.

Every outcome must be a success or an Indonesian message (`Galat: ...`, exit 3): never a traceback, another
exit code or an exception out of a check, and a refused import changes nothing (database dump and evidence
store compared before and after). import-json runs in-process through the CLI's entry function (`cli.main`)
and, for a handful, as a real process. The seed and the count are fixed, so a failure names a mutation that
can be replayed: `mutate_json(base, Random(SEED + n))`.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from evidence_files import store_contents

from inovasi_desktop import cli
from inovasi_desktop.catalogue.loader import load_catalogue
from inovasi_desktop.domain import InovasiError
from inovasi_desktop.evidence.checks import check_file
from inovasi_desktop.export import interchange
from inovasi_desktop.services import innovations

SEED = 20261206
JSON_MUTATIONS = 1000
FILE_MUTATIONS = 300
CATALOGUE_MUTATIONS = 200
ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [None, True, False, 0, -1, 2**63, -(2**63) - 1, 10**30, 10**400, 1.5, -0.0, 1e308, "", " ", "A" * 200_000,
           "\x00", "\u202eexe.pdf", "\ud800", "http://[::1", "https://[zz]/", "http://a:99999/", "javascript:alert(1)",
           "../../etc/passwd", "/etc/passwd", "C:\\Windows\\x", "con", "NUL:", "..", [], {}, [None], {"": 1},
           {"lat": 1e400}, "2024-02-30", "9999-99-99", "0" * 64, "ffff", "x" * 5000, ["a"] * 3, {"a": {"b": []}}]
ENGLISH = ("Traceback", "Error", "Exception", "invalid", "must be", "object has no", "not supported")


def _slots(node, out):
    """Every (container, key) in a JSON tree, for mutations to pick from."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        out.append((node, key))
        _slots(value, out)
    return out


def _evidence(doc) -> list[dict]:
    """The evidence items of a (possibly mangled) document: what still looks like one."""
    def lists():
        answers = doc.get("answers") if isinstance(doc, dict) else None
        for answer in answers if isinstance(answers, list) else []:
            yield answer.get("evidence") if isinstance(answer, dict) else None
        attachments = doc.get("attachments") if isinstance(doc, dict) else None
        yield from attachments.values() if isinstance(attachments, dict) else []
    return [item for found in lists() if isinstance(found, list) for item in found if isinstance(item, dict)]


def mutate_json(base: dict, rng: random.Random) -> bytes:
    doc = copy.deepcopy(base)
    if rng.random() < 0.85:  # mostly fresh ids, so that a mutation can succeed; else ids already there
        doc["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        for item in _evidence(doc):
            item["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    for _ in range(rng.randint(1, 3)):
        slots = _slots(doc, [])
        container, key = rng.choice(slots)
        action = rng.randrange(7)
        if action <= 2:
            container[key] = copy.deepcopy(rng.choice(HOSTILE))
        elif action == 3 and isinstance(container, dict):
            del container[key]
        elif action == 3:
            container.append(copy.deepcopy(container[key]))  # a repeated answer or evidence item
        elif action == 4 and isinstance(container, dict):
            container[rng.choice(["x", "", " ", "\u202e", "id", "file"]) + str(rng.randrange(3))] = rng.choice(HOSTILE)
        elif action == 5 and len(_evidence(doc)) > 1:
            first, second = rng.sample(_evidence(doc), 2)
            second["id"] = first.get("id")
        else:
            other_container, other_key = rng.choice(slots)
            with contextlib.suppress(KeyError, IndexError, TypeError):
                container[key], other_container[other_key] = other_container[other_key], container[key]
    try:
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    except ValueError:  # a swap put a container inside itself
        text = json.dumps(base).encode("utf-8")
    if rng.random() < 0.15:  # damage the bytes too
        where = rng.randrange(len(text))
        text = rng.choice([text[:where], text[:where] + bytes([rng.randrange(256)]) + text[where + 1:],
                           text[:where] + b"\xff\xfe" + text[where:], b"\xef\xbb\xbf" + text,
                           b"[" * 100_000 + b"]" * 100_000, text.replace(b":", b"", 1)])
    return text


def fingerprint(ws) -> str:
    with contextlib.closing(sqlite3.connect(ws.database_file)) as db:
        dump = "\n".join(db.iterdump())
    return hashlib.sha256((dump + "\n".join(store_contents(ws))).encode("utf-8", "surrogatepass")).hexdigest()


def run_cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, err.getvalue()


def purge_all_but(ws, keep: str) -> None:
    from inovasi_desktop.storage.repositories import InnovationRepository

    with ws.db.write() as session:
        repo = InnovationRepository(session)
        for iid in repo.ids_with_prefix("", include_deleted=True):
            if iid != keep:
                repo.purge(iid)


def test_mutated_documents_give_success_or_a_message_and_a_refusal_changes_nothing(workspace, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "_workspace", lambda: workspace)  # one workspace for the run, as one CLI process has
    assert run_cli("import-json", str(innovations.example_path()))[0] == 0
    [example] = innovations.list_rows(workspace)
    base = json.loads(interchange.dumps(innovations.get(workspace, example.id)))  # evidence as stored files
    outcomes, failures, messages = {0: 0, 3: 0}, [], set()
    document = tmp_path / "uji.json"
    for n in range(JSON_MUTATIONS):
        document.write_bytes(mutate_json(base, random.Random(SEED + n)))
        before = fingerprint(workspace)
        try:
            code, err = run_cli("import-json", str(document))
        except BaseException as exc:  # noqa: BLE001 - a traceback is the failure looked for
            failures.append((n, f"{type(exc).__name__}: {exc}"[:300]))
            continue
        outcomes[code] = outcomes.get(code, 0) + 1
        if code == 3:
            messages.add(err.splitlines()[0][:60])
            if not err.startswith("Galat: ") or any(word in err for word in ENGLISH) or len(err) > 8000:
                failures.append((n, f"message: {err[:300]}"))
            if fingerprint(workspace) != before:
                failures.append((n, "a refused import changed the data"))
        elif code == 0:
            purge_all_but(workspace, example.id)
        else:
            failures.append((n, f"exit {code}: {err[-300:]}"))
    print(f"\n{JSON_MUTATIONS} mutations: {outcomes[0]} imported, {outcomes[3]} refused with a message, "
          f"{len(messages)} distinct first lines, {len(failures)} failures")
    assert failures == []
    assert outcomes[0] > 10 and outcomes[3] > 500  # the fuzz reaches both ends


@pytest.mark.parametrize("n", range(6))
def test_mutated_documents_as_a_real_process(workspace, tmp_path, n):
    base = json.loads((innovations.example_path()).read_text(encoding="utf-8"))  # evidence beside the document
    folder = tmp_path / "contoh"
    folder.mkdir()
    (folder / "bukti").symlink_to(innovations.example_path().parent / "bukti", target_is_directory=True)
    document = folder / "uji.json"
    document.write_bytes(mutate_json(base, random.Random(SEED - 1 - n)))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["INOVASI_HOME"] = str(tmp_path / "data")
    result = subprocess.run([sys.executable, "-m", "inovasi_desktop", "import-json", str(document)], cwd=ROOT,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode in (0, 3), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.returncode == 0 or result.stderr.startswith("Galat: ")


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        where = rng.randrange(len(data))
        action = rng.randrange(4)
        if action == 0:
            data[where] = rng.randrange(256)
        elif action == 1:
            del data[where: where + rng.randrange(1, 4096)]
        elif action == 2:
            data[where:where] = rng.randbytes(rng.randrange(1, 64))
        else:
            data = data[:where]
        if not data:
            data = bytearray(b"%PDF-1.7\n")
    return bytes(data)


def test_mutated_evidence_files_get_a_check_result_never_an_exception(tmp_path):
    sources = sorted((innovations.example_path().parent / "bukti").iterdir())
    small = [p for p in sources if p.stat().st_size < 300_000] or sources
    kinds, failures = {}, []
    for n in range(FILE_MUTATIONS):
        rng = random.Random(SEED + 10_000 + n)
        source = rng.choice(small)
        path = tmp_path / f"bukti-{n}{source.suffix}"
        path.write_bytes(mutate_bytes(source.read_bytes(), rng))
        try:
            result = check_file(path)
        except BaseException as exc:  # noqa: BLE001
            failures.append((n, source.name, f"{type(exc).__name__}: {exc}"[:200]))
            continue
        kinds[result.ok] = kinds.get(result.ok, 0) + 1
        assert all(p.message and not any(word in p.message for word in ENGLISH[:3]) for p in result.problems)
        path.unlink()
    print(f"\n{FILE_MUTATIONS} damaged evidence files: {kinds.get(True, 0)} usable, {kinds.get(False, 0)} refused")
    assert failures == []


def test_mutated_catalogue_files_load_or_say_what_is_wrong(tmp_path, forms_dir):
    text = (forms_dir / "iid-2026.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    outcomes, failures = {"loaded": 0, "refused": 0}, []
    for n in range(CATALOGUE_MUTATIONS):
        rng = random.Random(SEED + 20_000 + n)
        mutated = list(lines)
        for _ in range(rng.randint(1, 3)):
            where = rng.randrange(len(mutated))
            line = mutated[where]
            mutated[where] = rng.choice([
                "", line[: rng.randrange(len(line) + 1)], line.replace("=", "= 1 #", 1),
                line.replace('"', "", 1), line + " x", line.replace("1", "99999999999999999999", 1),
                line.replace("true", '"ya"'), mutated[rng.randrange(len(mutated))], "[[indicators]]",
                line.replace('"', '"\\u202e', 1), 'key = "' + "A" * 100_000 + '"'])
        path = tmp_path / "iid-2026.toml"
        path.write_text("\n".join(mutated), encoding="utf-8")
        try:
            load_catalogue(path)
            outcomes["loaded"] += 1
        except InovasiError as err:
            outcomes["refused"] += 1
            if not str(err) or "Traceback" in str(err):
                failures.append((n, str(err)[:200]))
        except BaseException as exc:  # noqa: BLE001
            failures.append((n, f"{type(exc).__name__}: {exc}"[:200]))
    print(f"\n{CATALOGUE_MUTATIONS} catalogue mutations: {outcomes}")
    assert failures == []
