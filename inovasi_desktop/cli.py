"""The command line. Calls services only; every command works without a display.

Exit codes: 0 success; 1 the command ran and found problems (galat findings, damaged files);
2 wrong usage; 3 the request could not be carried out (not found, invalid input, storage error).
"""

from __future__ import annotations

import argparse
import json
import os
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


def utf8_streams() -> None:
    """Write UTF-8 whatever the console or pipe (Windows gives cp1252 to a pipe): names in any script print."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError, OSError):
            pass  # no stream (a windowed program), or one that cannot be reconfigured: _say copes


def _say(text: str, *, error: bool = False) -> None:
    """Print; a reader that went away (closed pipe) or a stream that fails never changes what the command
    did or its exit code: the rest of the output goes nowhere."""
    name = "stderr" if error else "stdout"
    stream = getattr(sys, name)
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, UnicodeError, ValueError):
        setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # open until exit


def _emit(args: argparse.Namespace, data, lines: list[str]) -> None:
    if args.json:
        _say(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        _say("\n".join(lines) + "\n")


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

    ws = _workspace()
    innovations.refresh_summaries(ws)  # the store as it is now: a file changed since it was checked counts
    rows = innovations.list_rows(ws)
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

    existing = innovations.REPLACE if args.replace else innovations.COPY if args.copy else innovations.REFUSE
    innovation = innovations.import_json_file(_workspace(), Path(args.file), existing)
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


# -- bundles (kiriman) -------------------------------------------------------------------------------

@command("bundle-export")
def _bundle_export(args: argparse.Namespace) -> int:
    from inovasi_desktop.rules.format import format_size_id
    from inovasi_desktop.services import bundles, innovations

    ws = _workspace()
    ids = [innovations.resolve_id(ws, text) for text in args.ids]
    part_bytes = None if args.part_mb is None else bundles.part_bytes_for_mail(args.part_mb)
    result = bundles.send(ws, ids, Path(args.output), with_pdf=args.with_pdf, part_bytes=part_bytes)
    lines = [f"Kiriman ditulis: {p.path} ({format_size_id(p.size)})" for p in result.parts]
    lines.append(f"{len(result.innovations)} inovasi dikirim.")
    _emit(args, {"parts": [{"path": str(p.path), "bytes": p.size, "part": p.part, "parts": p.parts}
                           for p in result.parts], "innovations": ids}, lines)
    return EXIT_OK


@command("bundle-verify")
def _bundle_verify(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import bundles

    [manifest] = bundles.verify([Path(args.file)])
    lines = [f"Kiriman utuh: {args.file}",
             f"  Pengirim : {manifest.sender.label}",
             f"  Bagian   : {manifest.part} dari {manifest.parts}",
             f"  Inovasi  : {len(manifest.innovations)}, berkas bukti: {len(manifest.evidence)}"]
    lines += [f"    - {e.name} ({e.opd or '-'})" for e in manifest.innovations]
    _emit(args, {"ok": True, "sender": manifest.sender.__dict__, "part": manifest.part, "parts": manifest.parts,
                 "innovations": [{"id": e.id, "name": e.name, "opd": e.opd} for e in manifest.innovations]}, lines)
    return EXIT_OK


@command("bundle-import")
def _bundle_import(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import bundles

    ws = _workspace()
    paths = [Path(f) for f in args.files]
    plan = bundles.preview(ws, paths)
    choice = bundles.Choice(args.conflict)
    choices = {i.entry.id: choice for i in plan.items if i.status is bundles.Status.CONFLICT}
    for iid, c in choices.items():
        plan.choose(iid, c)
    lines = [f"  {i.name:<40.40}  {i.status.value:<28} -> {_CHOICE_WORDS[i.choice.value]}"
             + (f"  ({i.note})" if i.note else "") for i in plan.items] + [f"  {why}" for why in plan.refused]
    data = {"innovations": [{"id": i.entry.id, "name": i.name, "status": i.status.name.lower(),
                             "choice": i.choice.value, "note": i.note} for i in plan.items],
            "refused": plan.refused}
    if args.dry_run:
        _emit(args, {**data, "dry_run": True}, ["Pratinjau (tidak ada yang diubah):", *lines])
        return EXIT_FINDINGS if plan.refused or any(i.status is bundles.Status.INCOMPLETE for i in plan.items) \
            else EXIT_OK
    result = bundles.receive(ws, paths, {i.entry.id: i.choice for i in plan.items})
    lines = ["Kiriman diterima:", *lines, f"{result.files_stored} berkas bukti baru disimpan."]
    if result.backups:
        lines.append("Versi sebelumnya disimpan sebagai cadangan di Tempat sampah: " + ", ".join(result.backups))
    _emit(args, {**data, "files_stored": result.files_stored, "backups": result.backups}, lines)
    return EXIT_FINDINGS if result.incomplete or plan.refused else EXIT_OK


_CHOICE_WORDS = {"simpan-kami": "simpan versi di sini", "ambil-kiriman": "ambil versi kiriman",
                 "simpan-keduanya": "simpan keduanya"}


def _add_bundle_parsers(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("bundle-export", "kirim inovasi beserta bukti dukungnya dalam satu berkas kiriman (.inovasi)")
    p.add_argument("ids", metavar="ID", nargs="+", help="id inovasi (cukup awalannya)")
    p.add_argument("-o", "--output", metavar="BERKAS", required=True, help="berkas kiriman tujuan (.inovasi)")
    p.add_argument("--with-pdf", "--dengan-pdf", dest="with_pdf", action="store_true",
                   help="sertakan berkas PDF (dossier) setiap inovasi")
    p.add_argument("--bagian-mb", dest="part_mb", type=_megabytes, metavar="MB",
                   help="pecah menjadi beberapa bagian untuk surel dengan batas ukuran ini (misalnya 20)")
    p = add("bundle-verify", "periksa keutuhan satu berkas kiriman tanpa menerimanya")
    p.add_argument("file", metavar="BERKAS")
    p = add("bundle-import", "terima satu kiriman (semua bagiannya) setelah pratinjau per inovasi")
    p.add_argument("files", metavar="BERKAS", nargs="+")
    p.add_argument("--dry-run", "--pratinjau", dest="dry_run", action="store_true",
                   help="hanya tampilkan pratinjau; tidak ada yang diubah")
    p.add_argument("--konflik", dest="conflict", default="simpan-keduanya",
                   choices=["simpan-kami", "ambil-kiriman", "simpan-keduanya"],
                   help="untuk inovasi yang berubah di kedua pihak (bawaan: simpan-keduanya)")
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
    accepts, longest = None, 0
    if args.target:
        catalogue = ws.catalogues.get(args.catalogue) if args.catalogue else ws.catalogues.default
        target = evidence.target_for(catalogue, args.target)
        accepts, longest = target.accepts, target.max_seconds
    results = evidence.check_for(ws, args.files, accepts, max_seconds=longest)
    data = [{"file": str(r.path), "ok": r.ok, "media_type": r.result.media_type, "kind": r.result.kind,
             "size": r.result.size, "pages": r.result.pages, "has_text": r.result.has_text,
             "dimensions": r.result.dimensions, "seconds": r.result.seconds,
             "problems": _problem_dicts(r.result)} for r in results]
    lines = []
    for r in results:
        verdict = "dapat dipakai" if r.ok else "DITOLAK"
        lines.append(f"{r.path}: {verdict} ({evidence_items.facts_of(r.result)})")
        lines += _problem_lines(r.result)
    _emit(args, data, lines)
    return EXIT_OK if all(r.ok for r in results) else EXIT_FINDINGS


@command("evidence-add")
def _evidence_add(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import evidence, evidence_items, evidence_reading, innovation_evidence, innovations

    if bool(args.link) == bool(args.files):
        _say("Galat: berikan BERKAS... atau --link URL (salah satu saja).\n", error=True)
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
            "added": [_item_dict(i, outcome.results.get(i.id)) | {"read_from_document": result.read.get(i.id, [])}
                      for i in outcome.items],
            "refused": [{"file": str(r.path), "problems": _problem_dicts(r.result)} for r in outcome.refused],
            "shrunk": outcome.shrunk, "notes": result.notes}
    lines = []
    catalogue = ws.catalogues.get(result.innovation.catalogue_id)
    for item in outcome.items:
        check = outcome.results[item.id]
        lines.append(f"Ditambahkan ke {result.target.label}: {item.file_name} ({evidence_items.facts_of(check)})")
        lines += _problem_lines(check)
        lines += _reading_lines(item, result.read.get(item.id, []),
                                evidence_reading.reading_of(check, catalogue, result.innovation, result.target))
    for refused in outcome.refused:
        lines.append(f"Ditolak: {refused.path}")
        lines += _problem_lines(refused.result)
    lines += [f"Gambar diperkecil agar muat: {name}" for name in outcome.shrunk]
    lines += [f"Catatan: {note}" for note in result.notes]
    _emit(args, data, lines or ["Tidak ada berkas yang ditambahkan."])
    return EXIT_FINDINGS if outcome.refused else EXIT_OK


def _reading_lines(item, filled: list[str], reading) -> list[str]:
    """What was read from the document for an added item, and the peringatan about what it proves."""
    from inovasi_desktop.rules.document_checks import nomor_message, tanggal_message
    from inovasi_desktop.rules.format import format_date_id
    from inovasi_desktop.services.evidence_reading import SCAN_NOTE

    values = {"nomor": item.nomor, "tanggal": format_date_id(item.tanggal) if item.tanggal else "",
              "tentang": item.tentang}
    lines = [f"  {name.capitalize()} (dibaca dari dokumen): {values[name]}" for name in filled]
    if reading.heading is not None and reading.heading.doc_type:
        lines.append(f"  Jenis dokumen (dibaca dari dokumen): {reading.heading.type_label}")
    if reading.scan:
        lines.append(f"  [Info] {SCAN_NOTE}")
    notes = list(reading.notes)
    if reading.heading is not None:
        notes += [m[0].upper() + m[1:] + "." for m in (nomor_message(item.nomor, reading.heading),
                                                        tanggal_message(item.tanggal, reading.heading)) if m]
    lines += [f"  [Peringatan] {note}" for note in notes]
    return lines


def _item_dict(item, check) -> dict:
    return {"id": item.id, "nomor": item.nomor, "tanggal": item.tanggal, "tentang": item.tentang,
            "file_name": item.file_name, "sha256": item.sha256, "size": item.size, "media_type": item.media_type,
            "link": item.link, "dimensions": check.dimensions if check else None,
            "problems": _problem_dicts(check) if check else []}


@command("verify-store")
def _verify_store(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import evidence_upkeep

    ws = _workspace()
    report = evidence_upkeep.verify_store(ws)
    removed = evidence_upkeep.clean_up(ws) if args.clean else []
    partials_left = {p.path for p in ws.evidence_store.partial_files()} if args.clean else set()
    data = {"checked": report.checked, "ok": report.ok, "removed": removed, "partials": [
        {"file": p.path.name, "size": p.size, "in_use": p.in_use, "stale": p.stale,
         "removed": args.clean and p.path not in partials_left} for p in report.partials], "problems": [
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
    lines += _partial_lines(report.partials, partials_left if args.clean else None)
    if args.clean:
        lines.append(f"{len(removed)} berkas yang tidak dipakai lagi dihapus dari penyimpanan bukti.")
    _emit(args, data, lines)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _partial_lines(partials, left: set | None) -> list[str]:
    """Temporary `.part` files of the store: adds still running are never touched, only stale ones removed."""
    from inovasi_desktop.rules.format import format_size_id

    if not partials:
        return []
    lines = [f"{len(partials)} berkas sementara (.part) ada di penyimpanan bukti:"]
    for p in partials:
        if p.in_use:
            state = "sedang ditulis oleh penambahan bukti yang masih berjalan; dibiarkan"
        elif not p.stale:
            state = "baru saja dibuat; dibiarkan"
        elif left is None:
            state = "sisa penambahan yang terhenti; hapus dengan --bersihkan"
        else:
            state = "sisa penambahan yang terhenti; dihapus" if p.path not in left else "tidak dapat dihapus"
        lines.append(f"  {p.path.name} ({format_size_id(p.size)}): {state}")
    return lines


@command("evidence-limit")
def _evidence_limit(args: argparse.Namespace) -> int:
    from inovasi_desktop.rules.format import format_size_id
    from inovasi_desktop.services import evidence

    ws = _workspace()
    if args.megabytes is not None:
        try:
            megabytes = float(args.megabytes.replace(",", "."))
        except ValueError:
            _say(f"Galat: '{args.megabytes}' bukan angka megabita.\n", error=True)
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
    p = add("evidence-add", "lampirkan berkas (atau tautan) bukti dukung ke indikator atau lampiran satu inovasi; "
                            "opsi dan berkas boleh ditulis dalam urutan apa pun. Melampirkan ulang berkas asli "
                            "memulihkan salinannya yang rusak di penyimpanan bukti")
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
                   help="hapus juga berkas yang tidak dipakai bukti mana pun dan berkas sementara (.part) yang "
                        "ditinggalkan penambahan yang terhenti")
    add("evidence-limit", "tampilkan atau ubah batas ukuran per berkas bukti").add_argument(
        "megabytes", metavar="MB", nargs="?", help="batas baru dalam megabita, misalnya 2 atau 1,5")


# -- backups (cadangan) ------------------------------------------------------------------------------

def _backup_facts(manifest) -> str:
    from inovasi_desktop.rules.format import format_size_id

    org = ", ".join(part for part in (manifest.opd, manifest.pemda) if part) or "(organisasi belum diisi)"
    return (f"{manifest.created[:16].replace('T', ' ')}  {org}; {manifest.innovations} inovasi"
            f"{f' (+{manifest.in_bin} di tempat sampah)' if manifest.in_bin else ''}, "
            f"{len(manifest.files)} berkas bukti, {format_size_id(manifest.total_size)}")


def _manifest_dict(manifest) -> dict:
    return {"created": manifest.created, "pemda": manifest.pemda, "opd": manifest.opd,
            "innovations": manifest.innovations, "in_bin": manifest.in_bin, "evidence_files": len(manifest.files),
            "size": manifest.total_size, "schema_version": manifest.schema_version,
            "app_version": manifest.app_version}


@command("backup")
def _backup(args: argparse.Namespace) -> int:
    from inovasi_desktop.rules.format import format_size_id
    from inovasi_desktop.services import backups

    result = backups.write_backup(_workspace(), Path(args.output))
    _emit(args, {"path": str(result.path), "bytes": result.size, **_manifest_dict(result.manifest)},
          [f"Cadangan ditulis dan diperiksa: {result.path} ({format_size_id(result.size)})",
           f"  Isi: {_backup_facts(result.manifest)}"])
    return EXIT_OK


@command("restore")
def _restore(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import backups

    ws = _workspace()
    source = backups.open_source(ws, args.file)
    if args.dry_run:
        backups.verify(ws, source)
        _emit(args, {"dry_run": True, "ok": True, **_manifest_dict(source.manifest)},
              [f"Cadangan utuh: {_backup_facts(source.manifest)}", "Uji coba saja: data tidak diubah."])
        return EXIT_OK
    result = backups.restore(ws, source)
    kept = f"Data sebelumnya disimpan sebagai cadangan otomatis {result.kept_as}." if result.kept_as else ""
    _emit(args, {"dry_run": False, "kept_as": result.kept_as, **_manifest_dict(result.manifest)},
          [f"Data dipulihkan: {_backup_facts(result.manifest)}"] + ([kept] if kept else []))
    return EXIT_OK


@command("backups")
def _backups(args: argparse.Namespace) -> int:
    from inovasi_desktop.services import snapshots

    rows = snapshots.list_all(_workspace())
    data = [{"name": s.name, "path": str(s.path), **_manifest_dict(s.manifest),
             "database_size": s.manifest.database_size} for s in rows]
    lines = [f"{s.name:<34} {_backup_facts(s.manifest)}" for s in rows] or ["Belum ada cadangan otomatis."]
    if rows:
        lines.append("Pulihkan dengan: inovasi-desktop restore NAMA (bukti dipakai bersama, tidak disalin dua kali)")
    _emit(args, data, lines)
    return EXIT_OK


def _add_backup_parsers(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("backup", "tulis satu berkas cadangan (basis data dan semua bukti) lalu periksa ulang isinya")
    p.add_argument("-o", "--output", metavar="BERKAS", required=True,
                   help="berkas cadangan tujuan (.inovasi-cadangan), di luar folder data, misalnya di diska lepas")
    p = add("restore", "pulihkan data dari berkas cadangan atau cadangan otomatis (data kini disimpan dulu)")
    p.add_argument("file", metavar="BERKAS", help="berkas .inovasi-cadangan, atau nama cadangan otomatis")
    p.add_argument("--dry-run", dest="dry_run", action="store_true",
                   help="hanya periksa dan tampilkan isinya; data tidak diubah")
    add("backups", "daftar cadangan otomatis beserta tanggal dan ukurannya")


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
    p = add("import-json", "impor satu inovasi dari berkas JSON")
    p.add_argument("file", metavar="BERKAS")
    existing = p.add_mutually_exclusive_group()
    existing.add_argument("--ganti", dest="replace", action="store_true",
                          help="bila inovasi ini sudah ada (juga di Tempat sampah): ganti isinya dengan isi berkas "
                               "dan pulihkan dari Tempat sampah")
    existing.add_argument("--salinan", dest="copy", action="store_true",
                          help="bila inovasi ini sudah ada: impor sebagai salinan dengan id baru")
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
    _add_backup_parsers(add)
    _add_bundle_parsers(add)
    _add_monitoring_parsers(add)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options and files in any order: argparse takes only the files before the first option, so files
    after one (`evidence-add ID 12 --perkecil FOTO.jpg`) are added to the command's BERKAS here."""
    args, rest = parser.parse_known_args(argv)
    if rest and isinstance(getattr(args, "files", None), list) and not any(a.startswith("-") for a in rest):
        args.files += rest
    elif rest:
        parser.error(argparse._("unrecognized arguments: %s") % " ".join(rest))
    return args


def main(argv: list[str]) -> int:
    utf8_streams()
    parser = _parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except InovasiError as err:
        if getattr(args, "json", False):
            _say(json.dumps({"error": str(err)}, ensure_ascii=False) + "\n")
        _say(f"Galat: {err}\n", error=True)
        return EXIT_ERROR
