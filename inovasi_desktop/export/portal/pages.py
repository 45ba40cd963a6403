"""The two pages of the package, each as HTML and as plain text: the profile to copy from, and the
checklist of what to upload where."""

from __future__ import annotations

from html import escape

from inovasi_desktop.export.dossier.texts import evidence_line
from inovasi_desktop.export.portal.html_page import copy_button, page, value_block
from inovasi_desktop.export.portal.model import PortalInput, UploadRow
from inovasi_desktop.export.portal.profile_texts import Entry, LevelLine
from inovasi_desktop.rules.format import format_size_id

NOT_FILLED = "(belum diisi)"


def _heading(source: PortalInput, title: str) -> tuple[str, list[str]]:
    org = source.organisation
    name = source.innovation.name.strip() or "(nama inovasi belum diisi)"
    who = " \u00b7 ".join(part for part in (org.opd.strip(), org.pemda.strip()) if part)
    meta = [line for line in (who, f"Katalog: {source.catalogue.title}") if line]
    html = f"<h1>{escape(title)}: {escape(name)}</h1>\n" + "".join(
        f'<p class="meta">{escape(line)}</p>\n' for line in meta)
    return html, [f"{title}: {name}", *meta]


# -- the profile --------------------------------------------------------------------------------

def profile_html(source: PortalInput, fields: list[Entry], levels: list[LevelLine], links: list[Entry]) -> str:
    head, _ = _heading(source, "Isian profil")
    body = [head, '<p class="meta">Urutan isian mengikuti formulir portal. Tekan <b>Salin</b> lalu tempel '
                  "(Ctrl+V) pada isian yang sama di portal.</p>\n", "<h2>Profil inovasi</h2>\n"]
    for number, entry in enumerate(fields, start=1):
        body.append(_field_html(entry, f"{number}. {entry.label}"))
    body.append("<h2>Tautan video dan tautan lain</h2>\n")
    body += [_field_html(entry, entry.label) for entry in links] or ['<p class="empty">Tidak ada tautan.</p>\n']
    body.append("<h2>Tingkat yang dipilih per indikator</h2>\n<table>\n<tr><th>No</th><th>Indikator</th>"
                "<th>Tingkat dipilih</th><th>Keterangan</th></tr>\n")
    for line in levels:
        level = escape(line.level) if line.level else '<span class="empty">belum dipilih</span>'
        basis = f"<br><small>Dasar ukuran: {escape(line.basis)}</small>" if line.basis else ""
        body.append(f"<tr><td>{line.number}</td><td>{escape(line.name)}</td><td>{level}{basis}</td>"
                    f"<td>{escape(line.notes)}</td></tr>\n")
    body.append("</table>\n")
    return page(f"Isian profil \u2014 {source.innovation.name}", "".join(body))


def _field_html(entry: Entry, title: str) -> str:
    note = f'<span class="note">{escape(entry.note)}</span>' if entry.note else ""
    button = copy_button(entry.key, entry.label) if entry.value else ""
    out = [f'<div class="field">{button}<h3>{escape(title)}</h3>{note}\n']
    if entry.parts:
        for part in entry.parts:
            part_button = copy_button(part.key, part.label) if part.value else ""
            out.append(f'<div class="part">{part_button}<h3>{escape(part.label)}</h3>\n'
                       f"{value_block(part.key, part.value)}</div>\n")
        out.append(f'<div hidden id="{escape(entry.key)}">{escape(entry.value)}</div>\n')
    elif not entry.upload:
        out.append(value_block(entry.key, entry.value))
    out.append("</div>\n")
    return "".join(out)


def profile_text(source: PortalInput, fields: list[Entry], levels: list[LevelLine], links: list[Entry]) -> str:
    _, head = _heading(source, "Isian profil")
    lines = [*head, "", "PROFIL INOVASI (urutan isian portal)", ""]
    for number, entry in enumerate(fields, start=1):
        lines.append(f"== {number}. {entry.label} ==" + (f"  [{entry.note}]" if entry.note else ""))
        if not entry.upload:
            lines.append(entry.value or NOT_FILLED)
        lines.append("")
    lines += ["TAUTAN", ""]
    for entry in links:
        lines += [f"== {entry.label} ==", entry.value, ""]
    if not links:
        lines += ["Tidak ada tautan.", ""]
    lines += ["TINGKAT YANG DIPILIH PER INDIKATOR", ""]
    for line in levels:
        lines.append(f"{line.number:>2}. {line.name}: {line.level or 'belum dipilih'}"
                     + (f" (dasar ukuran: {line.basis})" if line.basis else ""))
        if line.notes:
            lines.append(f"    Keterangan: {line.notes}")
    return "\n".join(lines) + "\n"


# -- the checklist ------------------------------------------------------------------------------

def _size(row: UploadRow) -> str:
    return format_size_id(row.size) if row.file_name else "\u2014"


def checklist_html(source: PortalInput, rows: list[UploadRow], profile_page: str) -> str:
    head, _ = _heading(source, "Daftar unggah")
    body = [head, f'<p class="meta">Batas unggah per berkas: {escape(format_size_id(source.cap_bytes))}. '
                  f"Isian teks ada di <b>{escape(profile_page)}</b>. Centang setiap baris yang sudah "
                  "diunggah.</p>\n<table>\n<tr><th></th><th>Unggah di</th><th>Berkas</th><th>Ukuran</th>"
                  "<th>Status</th></tr>\n"]
    for row in rows:
        docs = "".join(f"<li>{escape(evidence_line(item))}</li>" for item in row.items)
        docs = f'<ul class="docs">{docs}</ul>' if docs else ""
        level = f"<br><small>{escape(row.level)}</small>" if row.level else ""
        message = f"<br><small>{escape(row.message)}</small>" if row.message else ""
        box = "<input type=\"checkbox\">" if row.file_name else ""
        body.append(f"<tr><td>{box}</td><td><b>{escape(row.place)}</b>: {escape(row.title)}{level}</td>"
                    f"<td>{escape(row.file_name) or '&mdash;'}{docs}</td><td>{escape(_size(row))}</td>"
                    f'<td><span class="{row.status}">{escape(row.status_label)}</span>{message}</td></tr>\n')
    body.append("</table>\n")
    return page(f"Daftar unggah \u2014 {source.innovation.name}", "".join(body))


def checklist_text(source: PortalInput, rows: list[UploadRow], profile_page: str) -> str:
    _, head = _heading(source, "Daftar unggah")
    lines = [*head, f"Batas unggah per berkas: {format_size_id(source.cap_bytes)}. Isian teks ada di "
                    f"{profile_page}.", ""]
    for row in rows:
        lines.append(f"[ ] {row.place}: {row.title}")
        if row.level:
            lines.append(f"    {row.level}")
        if row.file_name:
            lines.append(f"    Berkas : {row.file_name} ({_size(row)})")
        lines.append(f"    Status : {row.status_label}" + (f". {row.message}" if row.message else ""))
        lines += [f"    - {evidence_line(item)}" for item in row.items]
        lines.append("")
    return "\n".join(lines)
