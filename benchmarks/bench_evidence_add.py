"""Throughput of EvidenceStore.add against `cp` + `sha256sum` on the same files, in the same run.

Makes ~100 files of random bytes (~500 MB in all) in a temporary folder, then times, alternately
and --rounds times each (the best run counts):
  store   EvidenceStore.add of every file (copy + hash in one pass, fsync per file)
  cp+sha  `cp` of every file into a folder, then `sha256sum` of every file (no fsync)
  +sync   the same followed by `sync`, for a durability comparable with the store's fsync
Run: .venv/bin/python benchmarks/bench_evidence_add.py [--total-mb 500] [--files 100]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from inovasi_desktop.evidence.store import EvidenceStore

MB = 1024 * 1024


def make_files(folder: Path, count: int, total: int) -> list[Path]:
    rng = random.Random(20261129)
    weights = [rng.uniform(0.2, 1.8) for _ in range(count)]
    scale = total / sum(weights)
    paths = []
    for i, weight in enumerate(weights):
        path = folder / f"bukti-{i:03d}.bin"
        path.write_bytes(os.urandom(int(weight * scale)))
        paths.append(path)
    subprocess.run(["sync"], check=True)
    return paths


def time_store(paths: list[Path], root: Path) -> float:
    shutil.rmtree(root, ignore_errors=True)
    start = time.perf_counter()
    store = EvidenceStore(root)
    for path in paths:
        store.add(path)
    elapsed = time.perf_counter() - start
    _clear(root)
    return elapsed


def time_cp_sha(paths: list[Path], dest: Path, *, sync: bool) -> float:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir()
    names = [str(p) for p in paths]
    start = time.perf_counter()
    subprocess.run(["cp", "--", *names, str(dest)], check=True)
    subprocess.run(["sha256sum", "--", *names], check=True, stdout=subprocess.DEVNULL)
    if sync:
        subprocess.run(["sync"], check=True)
    elapsed = time.perf_counter() - start
    _clear(dest)
    return elapsed


def _clear(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            os.chmod(path, 0o644)
    shutil.rmtree(folder)
    subprocess.run(["sync"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--total-mb", type=int, default=500)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-evidence-", dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        (folder / "src").mkdir()
        paths = make_files(folder / "src", args.files, args.total_mb * MB)
        total_mb = sum(p.stat().st_size for p in paths) / MB
        print(f"{len(paths)} files, {total_mb:.0f} MB in {folder}")
        runs: dict[str, list[float]] = {"store": [], "cp+sha": [], "cp+sha+sync": []}
        for _ in range(args.rounds):
            runs["store"].append(time_store(paths, folder / "store"))
            runs["cp+sha"].append(time_cp_sha(paths, folder / "copy", sync=False))
            runs["cp+sha+sync"].append(time_cp_sha(paths, folder / "copy", sync=True))
        best = {name: min(times) for name, times in runs.items()}
        for name, seconds in best.items():
            all_runs = ", ".join(f"{t:.2f}" for t in runs[name])
            print(f"{name:12s} {seconds:6.2f} s  {total_mb / seconds:7.0f} MB/s   (runs: {all_runs} s)")
        print(f"store / cp+sha throughput:      {best['cp+sha'] / best['store']:.2f}")
        print(f"store / cp+sha+sync throughput: {best['cp+sha+sync'] / best['store']:.2f}")


if __name__ == "__main__":
    main()
