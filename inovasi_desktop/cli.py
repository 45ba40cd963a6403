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
    from inovasi_desktop.rules.format import format_size_id

    size = format_size_id(result.bytes)
    _emit(args, data, [f"Berkas PDF ditulis: {result.path} ({result.pages} halaman, {size})"])
    return EXIT_OK


# -- portal upload package ---------------------------------------------------------------------------

def _megabytes(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan angka megabita") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("batas harus lebih dari 0 MB")
    return value


@command("portal-package")
def _portal_package(args: argparse.Namespace) -> int:
    from inovasi_desktop.rules.format import format_size_id
    from inovasi_desktop.services import innovations, portal_package

    ws = _workspace()
    result = portal_package.make_package(ws, innovations.resolve_id(ws, args.id), Path(args.output),
                                         cap_bytes=round(args.cap_mb * 1024 * 1024))
    rows = [{"place": r.place, "title": r.title, "level": r.level, "file": r.file_name, "bytes": r.size,
             "status": r.status, "message": r.message} for r in result.rows]
    lines = [f"Paket unggah portal ditulis: {result.folder} ({len(result.files)} berkas, batas unggah "
             f"{format_size_id(result.cap_bytes)} per berkas)"]
    for r in result.rows:
        shown = f"{r.file_name} ({format_size_id(r.size)})" if r.file_name else "-"
        lines.append(f"  {r.place:<15} {r.status_label:<16} {shown}")
    lines += [f"Perhatian: {problem}" for problem in result.problems]
    _emit(args, {"folder": str(result.folder), "cap_bytes": result.cap_bytes, "files": result.files,
                 "rows": rows, "problems": result.problems}, lines)
    return EXIT_FINDINGS if result.problems else EXIT_OK


def _add_portal_parsers(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("portal-package", "buat paket unggah portal IID: satu PDF bukti per indikator di bawah batas "
                              "unggah, isian profil untuk disalin, dan daftar unggah")
    p.add_argument("id", metavar="ID", help="id inovasi (cukup awalannya)")
    p.add_argument("-o", "--output", metavar="FOLDER", required=True,
                   help="folder paket yang akan dibuat (belum ada atau kosong; di luar folder data aplikasi)")
    p.add_argument("--batas-mb", dest="cap_mb", type=_megabytes, default=2.0, metavar="MB",
                   help="batas ukuran unggah per berkas dalam megabita (bawaan: 2)")


# -- monitoring (pemantauan): the regional IID and the recap ------------------------------------------

def _estimate_dict(estimate) -> dict:
    return {k: getattr(estimate, k) for k in (
        "spd", "spd_max", "innovation_count", "divisor", "sid_sum", "sid_indicators", "jumlah_counted",
        "jumlah_inovasi", "jumlah_max", "yandas_covered", "yandas_missing", "yandas_min", "yandas_met", "sid",
        "total", "total_max", "iid", "predicate")}


@command("region-score")
def _region_score(args: argparse.Namespace) -> int:
    from inovasi_desktop.export.monitoring.tables import explained_terms
    from inovasi_desktop.services import monitoring

    view = monitoring.gather(_workspace())
    data = {"catalogue": view.catalogue.id, "claimed": _estimate_dict(view.claimed),
            "backed": _estimate_dict(view.backed),
            "opds": [{"name": o.name, "on_list": o.on_list, "innovations": o.count, "tahapan": o.tahapan,
                      "ready": o.ready, "not_ready": o.not_ready, "mandatory_unbacked": o.mandatory_unbacked,
                      "claimed_average": o.claimed_average, "backed_average": o.backed_average} for o in view.opds],
            "follow_up": [{"text": x.text, "gain": x.gain, "opd": x.opd, "innovation_id": x.innovation_id,
                           "step": x.step, "at_most": x.at_most} for x in view.suggestions]}
    lines = [f"Perkiraan IID {view.organisation.pemda or 'daerah'} ({view.catalogue.title})",
             f"  {'':<21}{'Menurut klaim':>15}{'Didukung bukti':>16}"]
    lines += [f"  {term:<21}{claimed:>15}{backed:>16}" for term, claimed, backed, _ in explained_terms(view)]
    if view.suggestions:
        lines += ["", "Tindak lanjut teratas:"] + [f"  {i}. {x.text}" for i, x in enumerate(view.suggestions[:10], 1)]
    _emit(args, data, lines)
    return EXIT_OK


@command("recap")
def _recap(args: argparse.Namespace) -> int:
    from inovasi_desktop.rules.format import format_number_id
    from inovasi_desktop.services import monitoring

    path = Path(args.output)
    view, pages = monitoring.write_recap(_workspace(), path, args.place or "")
    detail = f"{pages} halaman, " if pages else ""
    _emit(args, {"path": str(path), "pages": pages, "backed_iid": view.backed.iid, "claimed_iid": view.claimed.iid,
                 "predicate": view.backed.predicate},
          [f"Rekap pemantauan ditulis: {path} ({detail}IID didukung bukti {format_number_id(view.backed.iid)}, "
           f"{view.backed.predicate})"])
    return EXIT_OK


def _add_monitoring_parsers(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    add("region-score", "perkiraan Indeks Inovasi Daerah (IID) daerah: menurut klaim dan didukung bukti, per OPD, "
                        "dan tindak lanjut yang paling menaikkan indeks")
    p = add("recap", "tulis rekap pemantauan inovasi daerah (PDF, XLSX, atau CSV menurut akhiran berkas)")
    p.add_argument("-o", "--output", metavar="BERKAS", required=True, help="berkas .pdf, .xlsx, atau .csv")
    p.add_argument("--tempat", dest="place", metavar="TEMPAT", help="tempat penandatanganan, misalnya \"Mojokerto\"")


# -- organisation ----------------------------------------------------------------------------------

# attribute, option, label (as the organisation dialog names it), help
_ORGANISATION = (
    ("pemda", "--pemda", "Pemda", "pemda (kabupaten/kota), misalnya \"Kabupaten Mojokerto\""),
    ("provinsi", "--provinsi", "Provinsi", "misalnya \"Jawa Timur\""),
    ("opd", "--opd", "OPD", "nama OPD, misalnya \"Dinas Kesehatan\""),
    ("contact_name", "--narahubung", "Narahubung", "nama petugas yang dapat dihubungi"),
    ("contact_phone", "--telepon", "Telepon narahubung", "nomor telepon narahubung"),
    ("contact_email", "--surel", "Surel narahubung", "alamat surel narahubung"),
    ("head_name", "--kepala", "Kepala OPD", "nama kepala OPD beserta gelar"),
    ("head_nip", "--nip", "NIP kepala OPD", "NIP kepala OPD: 18 angka, boleh berspasi"),
    ("head_position", "--jabatan", "Jabatan kepala OPD", "misalnya \"Kepala Dinas Kesehatan\""),
    ("default_catalogue", "--katalog", "Katalog bawaan", "id katalog untuk inovasi baru (lihat perintah catalogs)"),
    ("role", "--peran", "Peran", "opd (menyusun inovasi OPD) atau koordinator (Bappeda/BRIDA, memantau semua OPD)"),
)


@command("organisation")
def _organisation(args: argparse.Namespace) -> int:
    from dataclasses import asdict, replace

    from inovasi_desktop.rules.format import format_nip
    from inovasi_desktop.services import organisation

    ws = _workspace()
    catalogue_ids = [c.id for c in ws.catalogues.all]
    options = {attr: option for attr, option, _, _ in _ORGANISATION}
    org = organisation.get(ws)
    changes = {attr: getattr(args, attr).strip() for attr in options if getattr(args, attr) is not None}
    if changes:
        org = replace(org, **changes)
        found = organisation.problems(org, catalogue_ids)
        if found:
            listing = "\n".join(f"  - {options[attr]}: {message}" for attr, message in found.items())
            raise InovasiError(f"Data organisasi tidak disimpan:\n{listing}")
        organisation.save(ws, org)
        org = organisation.get(ws)
    catalogue = ws.catalogues.get(org.default_catalogue) if org.default_catalogue in catalogue_ids \
        else ws.catalogues.default
    missing = organisation.problems(org)
    shown = {**asdict(org), "head_nip": format_nip(org.head_nip),
             "default_catalogue": f"{catalogue.id} ({catalogue.title})"}
    lines = ["Data organisasi disimpan."] if changes else []
    lines += [f"{label:<19}: {shown[attr] or '(belum diisi)'}" for attr, _, label, _ in _ORGANISATION]
    if missing:
        lines += ["", "Belum lengkap (sampul dan lembar pengesahan berkas memerlukannya):"]
        lines += [f"  - {options[attr]}: {message}" for attr, message in missing.items()]
    _emit(args, {**asdict(org), "head_nip_printed": format_nip(org.head_nip), "default_catalogue": catalogue.id,
                 "complete": not missing, "problems": missing, "saved": bool(changes)}, lines)
    return EXIT_OK


# -- evidence (bukti dukung) ------------------------------------------------------------------------

def _problem_dicts(check) -> list[dict]:
    return [{"severity": p.severity.value, "code": p.code, "message": p.message} for p in check.problems]


def _problem_lines(check, indent: str = "    ") -> list[str]:
    return [f"{indent}[{p.severity.label}] {p.message}" for p in check.problems]


def _parse_date(text: str):
    from inovasi_desktop.services.evidence import parse_date_text

    parsed = parse_date_text(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"tanggal tidak sah: '{text}' (tulis TTTT-BB-HH atau HH-BB-TTTT)")
    return parsed


@command("evidence-check")
def _evidence_check(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import evidence, evidence_items

    ws = _workspace()
    accepts = None
    if args.target:
        catalogue = ws.catalogues.get(args.catalogue) if args.catalogue else ws.catalogues.default
        accepts = evidence.target_for(catalogue, args.target).accepts
    results = evidence.check_for(ws, args.files, accepts)
    data = [{"file": str(r.path), "ok": r.ok, "media_type": r.result.media_type, "kind": r.result.kind,
             "size": r.result.size, "pages": r.result.pages, "has_text": r.result.has_text,
             "dimensions": r.result.dimensions, "problems": _problem_dicts(r.result)} for r in results]
    lines = []
    for r in results:
        verdict = "dapat dipakai" if r.ok else "DITOLAK"
        lines.append(f"{r.path}: {verdict} ({evidence_items.facts_of(r.result)})")
        lines += _problem_lines(r.result)
    _emit(args, data, lines)
    return EXIT_OK if all(r.ok for r in results) else EXIT_FINDINGS


@command("evidence-add")
def _evidence_add(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import evidence, evidence_items, innovation_evidence, innovations

    if bool(args.link) == bool(args.files):
        sys.stderr.write("Galat: berikan BERKAS... atau --link URL (salah satu saja).\n")
        return EXIT_USAGE
    ws = _workspace()
    innovation_id = innovations.resolve_id(ws, args.id)
    metadata = evidence.Metadata(args.nomor or "", args.tanggal, args.tentang or "")
    if args.link:
        _, item = innovation_evidence.add_link(ws, innovation_id, args.target, args.link, metadata)
        _emit(args, {"id": innovation_id, "target": args.target, "added": [_item_dict(item, None)], "refused": [],
                     "notes": []}, [f"Tautan ditambahkan: {item.link}"])
        return EXIT_OK
    result = innovation_evidence.add_files(ws, innovation_id, args.target, args.files, metadata, shrink=args.shrink)
    outcome = result.outcome
    data = {"id": innovation_id, "target": result.target.key,
            "added": [_item_dict(i, outcome.results.get(i.id)) for i in outcome.items],
            "refused": [{"file": str(r.path), "problems": _problem_dicts(r.result)} for r in outcome.refused],
            "shrunk": outcome.shrunk, "notes": result.notes}
    lines = []
    for item in outcome.items:
        check = outcome.results[item.id]
        lines.append(f"Ditambahkan ke {result.target.label}: {item.file_name} ({evidence_items.facts_of(check)})")
        lines += _problem_lines(check)
    for refused in outcome.refused:
        lines.append(f"Ditolak: {refused.path}")
        lines += _problem_lines(refused.result)
    lines += [f"Gambar diperkecil agar muat: {name}" for name in outcome.shrunk]
    lines += [f"Catatan: {note}" for note in result.notes]
    _emit(args, data, lines or ["Tidak ada berkas yang ditambahkan."])
    return EXIT_FINDINGS if outcome.refused else EXIT_OK


def _item_dict(item, check) -> dict:
    return {"id": item.id, "nomor": item.nomor, "tanggal": item.tanggal, "tentang": item.tentang,
            "file_name": item.file_name, "sha256": item.sha256, "size": item.size, "media_type": item.media_type,
            "link": item.link, "problems": _problem_dicts(check) if check else []}


@command("verify-store")
def _verify_store(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import evidence_upkeep

    ws = _workspace()
    report = evidence_upkeep.verify_store(ws)
    removed = evidence_upkeep.clean_up(ws) if args.clean else []
    data = {"checked": report.checked, "ok": report.ok, "removed": removed, "problems": [
        {"sha256": p.sha256, "state": p.state, "message": p.message,
         "uses": [{"innovation_id": u.innovation_id, "innovation": u.innovation_name, "place": u.place,
                   "file_name": u.item.file_name, "tentang": u.item.tentang} for u in p.uses]}
        for p in report.problems]}
    lines = [f"{report.checked} berkas bukti diperiksa ulang."]
    for problem in report.problems:
        state = "HILANG" if problem.state == "missing" else "BERUBAH"
        lines.append(f"  [{state}] {problem.sha256[:12]}: {problem.message}")
        lines += [f"      dipakai di {u.innovation_name or '(tanpa nama)'}, {u.place}: {u.item.file_name}"
                  for u in problem.uses]
    lines.append("Semua berkas utuh." if report.ok else f"{len(report.problems)} berkas bermasalah.")
    if args.clean:
        lines.append(f"{len(removed)} berkas yang tidak dipakai lagi dihapus dari penyimpanan bukti.")
    _emit(args, data, lines)
    return EXIT_OK if report.ok else EXIT_FINDINGS


@command("evidence-limit")
def _evidence_limit(args: argparse.Namespace) -> int:
    from inovasi_desktop.rules.format import format_size_id
    from inovasi_desktop.services import evidence

    ws = _workspace()
    if args.megabytes is not None:
        try:
            megabytes = float(args.megabytes.replace(",", "."))
        except ValueError:
            sys.stderr.write(f"Galat: '{args.megabytes}' bukan angka megabita.\n")
            return EXIT_USAGE
        evidence.set_max_bytes(ws, round(megabytes * 1024 * 1024))
    value = evidence.max_bytes(ws)
    _emit(args, {"max_bytes": value}, [f"Batas ukuran per berkas bukti: {format_size_id(value)}"])
    return EXIT_OK


def _add_evidence_parsers(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("evidence-check", "periksa berkas bukti dukung tanpa menyimpannya")
    p.add_argument("files", metavar="BERKAS", nargs="+")
    p.add_argument("--indikator", dest="target", metavar="INDIKATOR",
                   help="periksa menurut jenis berkas yang diterima nomor indikator atau isian lampiran ini")
    p.add_argument("--katalog", dest="catalogue", metavar="ID", help="katalog untuk --indikator (bawaan: terbaru)")
    p = add("evidence-add", "lampirkan berkas (atau tautan) bukti dukung ke indikator atau lampiran satu inovasi")
    p.add_argument("id", metavar="ID", help="id inovasi (cukup awalannya)")
    p.add_argument("target", metavar="INDIKATOR", help="nomor indikator (misalnya 3) atau kunci lampiran "
                                                       "(misalnya anggaran)")
    p.add_argument("files", metavar="BERKAS", nargs="*")
    p.add_argument("--link", metavar="URL", help="tautan sebagai bukti (misalnya video di YouTube)")
    p.add_argument("--nomor", help="nomor dokumen")
    p.add_argument("--tanggal", type=_parse_date, help="tanggal dokumen (TTTT-BB-HH atau HH-BB-TTTT)")
    p.add_argument("--tentang", help="perihal dokumen")
    p.add_argument("--perkecil", dest="shrink", action="store_true",
                   help="perkecil gambar yang melebihi batas ukuran sebelum disimpan")
    p = add("verify-store", "hitung ulang sidik setiap berkas bukti dan laporkan yang hilang atau berubah")
    p.add_argument("--bersihkan", dest="clean", action="store_true",
                   help="hapus juga berkas yang tidak dipakai bukti mana pun")
    add("evidence-limit", "tampilkan atau ubah batas ukuran per berkas bukti").add_argument(
        "megabytes", metavar="MB", nargs="?", help="batas baru dalam megabita, misalnya 2 atau 1,5")


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
    p = add("organisation", "tampilkan data organisasi (pemda, OPD, narahubung, kepala OPD, katalog bawaan) "
                            "untuk sampul dan lembar pengesahan; dengan opsi, ubah data itu")
    for attr, option, _, help_text in _ORGANISATION:
        p.add_argument(option, dest=attr, metavar=option.lstrip("-").upper(), help=help_text)
    _add_evidence_parsers(add)
    _add_portal_parsers(add)
    _add_monitoring_parsers(add)
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
