"""The command line. Calls services only; every command works without a display.

Exit codes: 0 success; 1 the command ran and found problems (galat findings, damaged files);
2 wrong usage; 3 the request could not be carried out (not found, invalid input, storage error).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from inovasi_desktop import __version__
from inovasi_desktop.domain.errors import InovasiError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}

# argparse's own words, in Indonesian (argparse looks them up through its module-level gettext `_`).
_ARGPARSE_WORDS = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen wajib belum diberikan: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak dikenal: %(value)r (pilih dari %(choices)s)",
    "expected one argument": "memerlukan satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}
argparse._ = lambda text: _ARGPARSE_WORDS.get(text, text)


def command(name: str):
    def register(func):
        _COMMANDS[name] = func
        return func

    return register


def _emit(args: argparse.Namespace, data, lines: list[str]) -> None:
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write("\n".join(lines) + "\n")


def _workspace():
    from inovasi_desktop.services.workspace import Workspace

    return Workspace()


@command("catalogs")
def _catalogs(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import catalogues

    rows = catalogues.describe_all(_workspace())
    lines = [f"{'*' if r['default'] else ' '} {r['id']:<10} {r['title']}  (indikator: {r['indicators']}, "
             f"skor SID maks. {r['sid_max']:g}, berkas {r['file']})" for r in rows]
    _emit(args, rows, lines + ["", "* = katalog bawaan"])
    return EXIT_OK


@command("list")
def _list(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import innovations

    rows = innovations.list_rows(_workspace())
    if not rows:
        _emit(args, [], ["Belum ada inovasi. Gunakan `inovasi-desktop import-json BERKAS` untuk mengimpor."])
        return EXIT_OK
    lines = [f"{r.id[:8]}  {r.name or '(tanpa nama)':<40.40}  {r.tahapan or '-':<10} {r.catalogue_id:<9} "
             f"{r.readiness_label}  skor {r.backed:g}/{r.maximum:g}" for r in rows]
    _emit(args, [r.as_dict() for r in rows], lines)
    return EXIT_OK


@command("import-json")
def _import_json(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import innovations

    innovation = innovations.import_json_file(_workspace(), Path(args.file))
    _emit(args, {"id": innovation.id, "name": innovation.name, "catalogue_id": innovation.catalogue_id},
          [f"Diimpor: {innovation.name} ({innovation.id})"])
    return EXIT_OK


@command("export-json")
def _export_json(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import innovations

    ws = _workspace()
    innovation = innovations.export_json_file(ws, innovations.resolve_id(ws, args.id), Path(args.file))
    _emit(args, {"id": innovation.id, "file": str(args.file)}, [f"Diekspor ke {args.file}"])
    return EXIT_OK


@command("check")
def _check(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import innovations

    ws = _workspace()
    innovation, readiness = innovations.check(ws, innovations.resolve_id(ws, args.id))
    data = {"id": innovation.id, "name": innovation.name, "ready": readiness.ready, "label": readiness.label,
            "findings": [{"severity": f.severity.value, "where": f.where, "code": f.code, "message": f.message}
                         for f in readiness.findings]}
    lines = [f"{innovation.name}: {readiness.label}"]
    lines += [f"  [{f.severity.label}] {f.where}: {f.message}" for f in readiness.findings]
    lines.append("Siap dikirim." if readiness.ready else "Belum siap: perbaiki semua galat.")
    _emit(args, data, lines)
    return EXIT_OK if readiness.ready else EXIT_FINDINGS


@command("score")
def _score(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import innovations

    ws = _workspace()
    innovation, score = innovations.score(ws, innovations.resolve_id(ws, args.id))
    data = {"id": innovation.id, "claimed": score.claimed, "backed": score.backed, "maximum": score.maximum,
            "indicators": [{"number": r.number, "level": r.level, "claimed": r.claimed, "backed": r.backed,
                            "maximum": r.maximum} for r in score.rows]}
    lines = [f"{innovation.name}",
             f"  Skor diklaim        : {score.claimed:g} / {score.maximum:g}",
             f"  Skor didukung bukti : {score.backed:g} / {score.maximum:g}"]
    _emit(args, data, lines)
    return EXIT_OK


@command("export-pdf")
def _export_pdf(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import dossier, innovations

    ws = _workspace()
    result = dossier.export_pdf(ws, innovations.resolve_id(ws, args.id), Path(args.output))
    data = {"path": str(result.path), "pages": result.pages, "bytes": result.bytes, "sha256": result.sha256}
    _emit(args, data, [f"Berkas PDF ditulis: {result.path} ({result.pages} halaman, {result.bytes:,} bita)"
                       .replace(",", ".")])
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inovasi-desktop",
        description="Inovasi Desktop: menyusun dan memeriksa profil inovasi daerah (IID). "
                    "Tanpa argumen, aplikasi jendela dibuka.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="tampilkan versi program lalu keluar")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")
        return p

    add("catalogs", "daftar katalog standar yang tersedia")
    add("list", "daftar inovasi di basis data")
    add("import-json", "impor satu inovasi dari berkas JSON").add_argument("file", metavar="BERKAS")
    p = add("export-json", "ekspor satu inovasi ke berkas JSON")
    p.add_argument("id", metavar="ID", help="id inovasi (cukup awalannya, misalnya 8 karakter pertama)")
    p.add_argument("file", metavar="BERKAS")
    add("check", "periksa kesiapan satu inovasi").add_argument("id", metavar="ID")
    add("score", "hitung skor satu inovasi").add_argument("id", metavar="ID")
    p = add("export-pdf", "ekspor berkas PDF (dossier) satu inovasi beserta bukti dukungnya")
    p.add_argument("id", metavar="ID")
    p.add_argument("-o", "--output", metavar="BERKAS", required=True, help="berkas PDF tujuan")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except InovasiError as err:
        if getattr(args, "json", False):
            sys.stdout.write(json.dumps({"error": str(err)}, ensure_ascii=False) + "\n")
        sys.stderr.write(f"Galat: {err}\n")
        return EXIT_ERROR
