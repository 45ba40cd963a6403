"""Benchmark sending and receiving a bundle of the heavy innovation: 20 indicators with 60 evidence PDFs
(300 pages in all) and 40 photos of 12 MP (4000 x 3000), optionally padded with filler files to reach a
given size (`--filler-mb 1024` for a ~1 GB bundle). In the same run, the same evidence files are packed
with `zip -0 -r` and unpacked with `unzip` as yardsticks. Export and import each run in their own process,
which prints its own peak memory (VmHWM).

    .venv/bin/python benchmarks/bench_bundle.py [--pdfs 60] [--pages 5] [--photos 40] [--filler-mb 0] [--runs 3]

Measures and prints only; never part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def prepare(home: Path, args) -> str:
    """A data folder holding the heavy innovation; returns its id."""
    from bench_dossier import make_pdf, make_photo

    from inovasi_desktop.domain import EvidenceItem, Organisation
    from inovasi_desktop.services import innovations, organisation
    from inovasi_desktop.services.workspace import Workspace
    from inovasi_desktop.storage.repositories import StoredFileRepository

    ws = Workspace(home=home)
    organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", opd="Dinas Kesehatan", head_name="dr. A",
                                       head_nip="197203151998031007", default_catalogue="iid-2026"))
    innovation = innovations.create(ws, "iid-2026")
    innovation.profile["nama_inovasi"] = "Inovasi berat"
    scratch = home.parent / "scratch"
    scratch.mkdir()
    files = []
    for k in range(args.pdfs):
        files.append((scratch / f"bukti-{k}.pdf", make_pdf(args.pages, f"Bukti {k}"), "application/pdf"))
    for k in range(args.photos):
        files.append((scratch / f"foto-{k}.jpg", make_photo(k), "image/jpeg"))
    for k in range(args.filler_mb // 50):
        files.append((scratch / f"pindaian-{k}.pdf", b"%PDF-1.7\n%" + os.urandom(50 * 1024 * 1024), "application/pdf"))
    with ws.db.write() as session:
        repo = StoredFileRepository(session)
        for n, (path, data, media_type) in enumerate(files):
            path.write_bytes(data)
            stored = ws.evidence_store.add(path)
            repo.add(stored.sha256, stored.size, media_type)
            number = 1 + n % 20
            innovation.answer(number).evidence.append(EvidenceItem(sha256=stored.sha256, file_name=path.name,
                                                                   size=stored.size, media_type=media_type))
            path.unlink()
    innovations.save(ws, innovation)
    ws.close()
    shutil.rmtree(scratch)
    return innovation.id


def child(mode: str, home: Path, target: Path, innovation_id: str) -> None:
    from inovasi_desktop.domain import Organisation
    from inovasi_desktop.services import bundles, organisation
    from inovasi_desktop.services.workspace import Workspace

    ws = Workspace(home=home)
    start = time.perf_counter()
    if mode == "export":
        bundles.send(ws, [innovation_id], target)
    else:
        organisation.save(ws, Organisation(pemda="Kabupaten Mojokerto", opd="Bappeda", head_name="Ir. H",
                                           head_nip="197001011995031001", default_catalogue="iid-2026"))
        start = time.perf_counter()
        bundles.receive(ws, [target])
    seconds = time.perf_counter() - start
    ws.close()
    print(json.dumps({"seconds": seconds, "peak_kib": _peak_kib()}))


def _peak_kib() -> int:
    """This process's own peak resident memory: VmHWM (ru_maxrss would carry the forking parent's over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_child(mode: str, home: Path, target: Path, innovation_id: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(home), str(target), innovation_id],
                         check=True, capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pdfs", type=int, default=60)
    parser.add_argument("--pages", type=int, default=5, help="pages per PDF (60 x 5 = 300 pages)")
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--filler-mb", type=int, default=0, help="extra incompressible evidence, in 50 MB files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=4)
    args = parser.parse_args()
    if args.child:
        mode, home, target, innovation_id = args.child
        child(mode, Path(home), Path(target), innovation_id)
        return 0
    from inovasi_desktop.rules.format import format_size_id

    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        root = Path(tmp)
        innovation_id = prepare(root / "pengirim", args)
        store = root / "pengirim" / "bukti"
        size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
        print(f"Inovasi berat: {args.pdfs} PDF ({args.pdfs * args.pages} halaman), {args.photos} foto 12 MP, "
              f"pengisi {args.filler_mb} MB; bukti {format_size_id(size)}")
        rows: dict[str, list[float]] = {"export": [], "zip": [], "import": [], "unzip": []}
        peaks: dict[str, int] = {"export": 0, "import": 0}
        for n in range(args.runs):
            target = root / f"kiriman-{n}.inovasi"
            result = run_child("export", root / "pengirim", target, innovation_id)
            rows["export"].append(result["seconds"])
            peaks["export"] = max(peaks["export"], result["peak_kib"])
            rows["zip"].append(timed(["zip", "-0", "-r", "-q", str(root / f"zip-{n}.zip"), "bukti"],
                                     root / "pengirim"))
            result = run_child("import", root / f"penerima-{n}", target, innovation_id)
            rows["import"].append(result["seconds"])
            peaks["import"] = max(peaks["import"], result["peak_kib"])
            rows["unzip"].append(timed(["unzip", "-q", str(root / f"zip-{n}.zip"), "-d", str(root / f"unzip-{n}")],
                                       root))
            bundle_size = target.stat().st_size
            for path in (target, root / f"zip-{n}.zip"):
                path.unlink()
            shutil.rmtree(root / f"penerima-{n}")
            shutil.rmtree(root / f"unzip-{n}")
        median = {k: statistics.median(v) for k, v in rows.items()}
        print(f"Kiriman: {format_size_id(bundle_size)}")
        for ours, theirs in (("export", "zip"), ("import", "unzip")):
            print(f"  {ours:<7} median {median[ours]:.2f} s (runs {', '.join(f'{t:.2f}' for t in rows[ours])}); "
                  f"{theirs} {median[theirs]:.2f} s (runs {', '.join(f'{t:.2f}' for t in rows[theirs])}); "
                  f"rasio {median[ours] / median[theirs]:.2f}x; memori puncak {peaks[ours] / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
