"""Checking, scoring, saving and listing many innovations, each against a baseline in the same run.

The innovations are variations of examples/contoh-inovasi.json (seeded, reproducible): other names,
tahapan, chosen levels, dropped evidence, shortened rancang bangun parts and shifted dates, so that
some are ready and many carry findings, as a real list would. Evidence items get the metadata of a
stored PDF (sha256, name, size, media type) as after `evidence add`. The files themselves are not in
the store: the rules do not need them, but each save's evidence-status lookup (services.context_for)
finds them missing and, having nothing to remember, reads the database for every one of them again.

- check  = rules.summarise, score = rules.score_innovation, per innovation; baseline: turning the same
  innovation into its interchange JSON text (touches every value once).
- save   = services.innovations.save (summary + one transaction each) into a real SQLite workspace;
  baseline: one raw sqlite3 transaction per innovation writing a row of the same JSON, same pragmas.
- list   = services.innovations.list_rows at 1,000 and 5,000 innovations (median of 5); baseline:
  the same columns read with raw sqlite3 and the summaries parsed with json.loads.
Run: .venv/bin/python benchmarks/bench_rules.py [--count 1000] [--more 4000]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

NAME_HEADS = ["Layanan", "Sistem", "Aplikasi", "Gerakan", "Program", "Klinik", "Sekolah", "Pos", "Rumah", "Gerai"]
NAME_TOPICS = ["Antar Obat Lansia", "Pantau Gizi Balita", "Perizinan Daring", "Sampah Bernilai", "Air Bersih Desa",
               "Cegah Stunting", "Pasar Digital UMKM", "Literasi Keluarga", "Kartu Tani Pintar", "Ambulans Desa"]
TAHAPAN = ["Inisiatif", "Uji Coba", "Penerapan"]
ORGANISATION_FIELDS = dict(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                           head_name="dr. Bambang Supriyadi, M.Kes.", head_nip="197203151998031007",
                           default_catalogue="iid-2026")


def load_example():
    from inovasi_desktop import paths
    from inovasi_desktop.export import interchange

    return interchange.loads((paths.examples_dir() / "contoh-inovasi.json").read_bytes())


def make_innovations(count: int, seed: int = 2026) -> list:
    """`count` distinct innovations varied from the shipped example."""
    from inovasi_desktop.domain import new_id

    rng = random.Random(seed)
    example = load_example()
    made = []
    for i in range(count):
        inn = copy.deepcopy(example)
        inn.id = new_id()
        profile = inn.profile
        profile["nama_inovasi"] = f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TOPICS)} {i + 1}"
        profile["tahapan"] = rng.choice(TAHAPAN)
        complete = rng.random() < 0.4  # these keep every part, answer and document
        days = rng.randint(0, 120) if complete or rng.random() < 0.8 else rng.randint(400, 900)
        for key in ("waktu_uji_coba", "waktu_penerapan", "waktu_pengembangan"):
            if profile.get(key):  # one shift for all, so their order holds
                profile[key] = (date.fromisoformat(profile[key]) - timedelta(days=days)).isoformat()
        share = 1.0 if complete else rng.choice([1.0, 0.6, 0.3, 0.1])  # some fall under the minimum
        parts = profile.get("rancang_bangun") or {}
        for part, text in parts.items():
            words = text.split()
            parts[part] = " ".join(words[: max(1, int(len(words) * share))])
        if not complete and rng.random() < 0.2:
            profile["tujuan"] = ""
        for answer in inn.answers.values():
            if not complete:
                answer.level = None if rng.random() < 0.1 else rng.randint(1, 3)
                answer.evidence = answer.evidence[:rng.randint(0, len(answer.evidence))]
            for item in answer.evidence:
                attach_pdf(item, new_id())
        made.append(inn)
    return made


def attach_pdf(item, item_id: str) -> None:
    """Give an evidence item a fresh id and, unless it is a link, the metadata of a stored PDF."""
    item.id = item_id
    if item.link:
        return
    item.sha256 = hashlib.sha256(item_id.encode()).hexdigest()
    item.file_name = f"bukti-{item_id[:8]}.pdf"
    item.size = 180_000
    item.media_type = "application/pdf"


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def per_item(label: str, times: list[float], baseline: str = "") -> None:
    total = sum(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"  {label:<34} total {total * 1000:9.1f} ms  mean {total / len(times) * 1000:7.3f} ms  "
          f"p95 {p95 * 1000:7.3f} ms  max {max(times) * 1000:7.2f} ms{baseline}")


def bench_rules(items: list, catalogue) -> None:
    from inovasi_desktop.export import interchange
    from inovasi_desktop.rules import CheckContext, score_innovation, summarise

    context = CheckContext(today=date.today(), pemda="Kabupaten Mojokerto")
    for inn in items[:20]:  # warm caches (catalogue lookups, regexes)
        summarise(catalogue, inn, context)
    json_times = [timed(interchange.dumps, inn) for inn in items]
    check_times = [timed(summarise, catalogue, inn, context) for inn in items]
    score_times = [timed(score_innovation, catalogue, inn) for inn in items]
    ready = sum(1 for inn in items if summarise(catalogue, inn, context).ready)
    print(f"rules, {len(items)} innovations ({ready} ready, {len(items) - ready} with galat findings)")
    per_item("baseline: interchange.dumps", json_times)
    per_item("check (rules.summarise)", check_times)
    per_item("score (rules.score_innovation)", score_times)


def raw_save_times(items: list, folder: Path) -> list[float]:
    """One sqlite3 transaction per innovation writing one row of its JSON: the floor of a save."""
    from inovasi_desktop.export import interchange

    conn = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE doc (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
    times = []
    for inn in items:
        body = interchange.dumps(inn)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT OR REPLACE INTO doc VALUES (?, ?)", (inn.id, body))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def raw_list(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT id, name, tahapan, catalogue_id, updated_at, deleted_at, summary_json FROM innovations "
                        "WHERE deleted_at IS NULL ORDER BY updated_at DESC, name, id").fetchall()
    summaries = [json.loads(r[6]) for r in rows if r[6]]
    conn.close()
    return len(summaries)


def bench_listing(ws, label: str) -> None:
    from inovasi_desktop.services import innovations

    list_times, rows = [], []
    for _ in range(5):
        start = time.perf_counter()
        rows = innovations.list_rows(ws)
        list_times.append(time.perf_counter() - start)
    raw_times = [timed(raw_list, ws.db.path) for _ in range(5)]
    listed, raw = statistics.median(list_times), statistics.median(raw_times)
    print(f"  list {label}: list_rows {listed * 1000:7.1f} ms ({listed / len(rows) * 1e6:5.1f} us/row)   "
          f"baseline raw sqlite3+json {raw * 1000:6.1f} ms   ratio {listed / raw:4.1f}x")


def bench_storage(items: list, more: int) -> None:
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import innovations, organisation
    from inovasi_desktop.services.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="inovasi_bench_rules_") as home:
        os.environ["INOVASI_HOME"] = home
        ws = Workspace(home=Path(home))
        organisation.save(ws, Organisation(**ORGANISATION_FIELDS))
        save_times = [timed(innovations.save, ws, inn) for inn in items]
        baseline = raw_save_times(items, Path(home))
        print(f"\nstorage (real SQLite workspace, WAL, synchronous=NORMAL), {len(items)} saves")
        per_item("baseline: raw sqlite3 row/commit", baseline)
        per_item("services.innovations.save", save_times)
        bench_listing(ws, f"{len(items):>5}")
        extra = make_innovations(more, seed=7) if more else []
        start = time.perf_counter()
        for inn in extra:
            innovations.save(ws, inn)
        if extra:
            spent = time.perf_counter() - start
            print(f"  {len(extra)} more saves: {spent:6.1f} s ({spent / len(extra) * 1000:5.2f} ms each)")
            bench_listing(ws, f"{len(items) + len(extra):>5}")
        size = sum(f.stat().st_size for f in Path(home).glob("inovasi.sqlite3*"))
        print(f"  database size with {len(items) + len(extra)} innovations: {size / 1024 / 1024:.1f} MB (with -wal)")
        ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--more", type=int, default=4000, help="innovations added afterwards for the big list")
    args = parser.parse_args()

    from inovasi_desktop import paths
    from inovasi_desktop.catalogue import Catalogues

    catalogue = Catalogues.from_folder(paths.forms_dir()).get("iid-2026")
    items = make_innovations(args.count)
    bench_rules(items, catalogue)
    bench_storage(items, args.more)


if __name__ == "__main__":
    main()
