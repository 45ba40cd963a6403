"""Backing up 200 innovations with 2 GB of evidence, against `cp -r` of the same data folder in the same run.

The data folder is built here: the example innovation imported 200 times (new ids), each with evidence files of
~10 MB in total attached to its indicators (written straight into the content-addressed store and recorded as
the services record them). Four in five bytes are incompressible (as scans and photos are), one in five is
text-like (deflates well).

Measured, in this order, with the page cache as it is after building (both read warm data):
(a) `cp -r DATA COPY` and `cp -r` + `sync` (what a careful user would do by hand; cp neither verifies nor
    makes a consistent copy of a database in use);
(b) `backups.write_backup`: consistent database copy, ZIP written, fsynced, then read back and every hash checked;
(c) the daily automatic snapshot (database copy + manifest; evidence referenced, not copied);
(d) `restore --dry-run` (read and check everything) and a restore onto a fresh data folder.
Run: .venv/bin/python benchmarks/bench_backup.py [--gigabytes 2] [--innovations 200] [--keep]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1024 * 1024


def build(home: Path, count: int, total_bytes: int) -> None:
    os.environ["INOVASI_HOME"] = str(home)
    from inovasi_desktop.domain import EvidenceItem, Organisation
    from inovasi_desktop.export import interchange
    from inovasi_desktop.services import innovations, organisation
    from inovasi_desktop.services.workspace import Workspace
    from inovasi_desktop.storage import InnovationRepository, StoredFileRepository

    ws = Workspace(home)
    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", provinsi="Jawa Timur", opd="Dinas Kesehatan",
                                       head_name="dr. Bambang", head_nip="197203151998031007",
                                       default_catalogue="iid-2026"))
    base = interchange.loads(innovations.example_path().read_text(encoding="utf-8"))
    for answer in base.answers.values():
        answer.evidence = []
    base.attachments = {key: [] for key in base.attachments}
    per_innovation = total_bytes // count
    files_each = 10
    size = per_innovation // files_each
    filler = (b"Laporan pelaksanaan inovasi Dinas Kesehatan Kabupaten Mojokerto tahun 2026. " * 14000)[:size]
    for n in range(count):
        innovation = copy.deepcopy(base)
        innovation.id = str(uuid.UUID(int=n + 1))
        innovation.profile["nama_inovasi"] = f"Inovasi uji {n + 1}"
        stored = []
        for k in range(files_each):
            content = filler if k % 5 == 0 else os.urandom(size)
            content = content[:-8] + n.to_bytes(4, "big") + k.to_bytes(4, "big")
            sha = hashlib.sha256(content).hexdigest()
            path = ws.evidence_store.path_for(sha)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            stored.append((sha, len(content)))
            number = k % 20 + 1
            innovation.answers[number].evidence.append(EvidenceItem(
                sha256=sha, file_name=f"bukti-{k}.pdf", size=len(content), media_type="application/pdf"))
        with ws.db.write() as session:
            InnovationRepository(session).save(innovation)
            files = StoredFileRepository(session)
            for sha, length in stored:
                files.add(sha, length, "application/pdf")
    ws.close()


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(label: str, func) -> float:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:7.2f} s")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=2.0)
    parser.add_argument("--innovations", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="leave the temporary folders for a look")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    home = root / "data"
    try:
        start = time.perf_counter()
        build(home, args.innovations, int(args.gigabytes * 1024 * MB))
        size = du(home)
        print(f"Data folder: {args.innovations} innovations, {size / MB:,.0f} MB "
              f"(built in {time.perf_counter() - start:.1f} s)")

        from inovasi_desktop.services import backups, snapshots
        from inovasi_desktop.services.workspace import Workspace

        ws = Workspace(home)
        target = root / "usb" / "cadangan.inovasi-cadangan"
        target.parent.mkdir()
        duplicate = root / "salinan"
        subprocess.run(["sync"], check=True)
        cp = timed("cp -r (no sync)", lambda: subprocess.run(["cp", "-r", str(home), str(duplicate)], check=True))
        shutil.rmtree(duplicate)
        subprocess.run(["sync"], check=True)
        cp_sync = timed("cp -r + sync", lambda: (subprocess.run(["cp", "-r", str(home), str(duplicate)], check=True),
                                                  subprocess.run(["sync"], check=True)))
        shutil.rmtree(duplicate)
        subprocess.run(["sync"], check=True)
        backup = timed("backup (consistent copy, write, fsync, read back, verify)",
                       lambda: backups.write_backup(ws, target))
        print(f"  backup file: {target.stat().st_size / MB:,.0f} MB")
        snap = timed("automatic snapshot (database + manifest only)",
                     lambda: snapshots.take(ws, "bench", datetime.now().astimezone()))
        source = backups.open_source(ws, target)
        dry = timed("restore --dry-run (read and check everything)", lambda: backups.verify(ws, source))
        fresh = Workspace(root / "baru")
        restore = timed("restore onto a fresh data folder", lambda: backups.restore(fresh, source))
        fresh.close()
        ws.close()
        print(f"backup / cp -r = {backup / cp:.2f}; backup / (cp -r + sync) = {backup / cp_sync:.2f}; "
              f"snapshot {snap * 1000:.0f} ms; dry run {dry:.1f} s; restore {restore:.1f} s")
    finally:
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
