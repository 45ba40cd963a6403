"""The text of the user guide: the static guide in `resources/help/` plus, generated from the catalogue,
a section per profile step and per indicator, so the catalogue stays the single source of those facts.

Every heading carries an anchor (`<a name=...>`): the guide window lists them as its table of contents,
and F1 on an editor page opens the guide at `anchor_for_step(step key)`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from inovasi_desktop import paths
from inovasi_desktop.catalogue import UNCONFIRMED_LABEL, Catalogue, Indicator
from inovasi_desktop.rules import format_number_id, format_period_id
from inovasi_desktop.ui.editor.indicator_page import KIND_LABELS
from inovasi_desktop.ui.editor.steps import READINESS_KEY

INDICATORS_ANCHOR = "indikator"
PROFILE_ANCHOR = "isian-profil"
HEADING = re.compile(r'<h([23])><a name="([^"]+)">(.*?)</a></h\1>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
OPTIONS_SHOWN = 8  # longer option lists (urusan) are left to the form itself


def tr(text: str) -> str:
    return QApplication.translate("Guide", text)


@dataclass(frozen=True)
class Heading:
    level: int  # 2 or 3
    anchor: str
    title: str


def anchor_for_step(step_key: str) -> str:
    """The guide anchor for an editor step: "indikator:7" -> "indikator-7", "profil" -> "langkah-profil"."""
    if not step_key:
        return ""
    if step_key.startswith("indikator:"):
        return "indikator-" + step_key.split(":", 1)[1]
    if step_key == READINESS_KEY:
        return "kesiapan"
    return "langkah-" + step_key


def static_guide() -> str:
    return (paths.resources_dir() / "help" / "panduan.html").read_text(encoding="utf-8")


def guide_html(catalogue: Catalogue | None) -> str:
    """The whole guide; with a catalogue, its profile steps and indicators appended before </body>."""
    text = static_guide()
    if catalogue is None:
        return text
    generated = profile_section(catalogue) + indicator_section(catalogue)
    end = text.rfind("</body>")
    return text[:end] + generated + text[end:] if end >= 0 else text + generated


def headings(text: str) -> list[Heading]:
    """The h2/h3 headings with their anchors; indicators shortened to "7. Name" as in the editor's step list."""
    found = []
    for level, anchor, title in HEADING.findall(text):
        title = html.unescape(TAG.sub("", title)).strip()
        if anchor.startswith("indikator-"):
            title = title.split(": ", 1)[-1]
            title = f"{anchor.removeprefix('indikator-')}. {title}"
        found.append(Heading(int(level), anchor, title))
    return found


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def profile_section(catalogue: Catalogue) -> str:
    parts = [f'<h2><a name="{PROFILE_ANCHOR}">{_esc(tr("Isian profil"))}</a></h2>',
             "<p>" + _esc(tr("Langkah-langkah profil menurut katalog {title} ({id}).").format(
                 title=catalogue.title, id=catalogue.id)) + "</p>"]
    for step in catalogue.steps:
        parts.append(f'<h3><a name="langkah-{step.key}">{_esc(step.title)}</a></h3>')
        if step.help:
            parts.append(f"<p>{_esc(step.help)}</p>")
        items = []
        for field in catalogue.fields_for_step(step.key):
            line = f"<b>{_esc(field.label)}</b>"
            if field.required:
                line += " " + _esc(tr("(wajib)"))
            if field.help:
                line += f": {_esc(field.help)}"
            if field.options and len(field.options) <= OPTIONS_SHOWN:
                line += " " + _esc(tr("Pilihan: {options}.").format(options=", ".join(field.options)))
            if field.unconfirmed:
                line += f' <i>({_esc(tr(UNCONFIRMED_LABEL))})</i>'
            items.append(f"<li>{line}</li>")
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(parts) + "\n"


def indicator_section(catalogue: Catalogue) -> str:
    intro = tr("Ke-{n} indikator Satuan Inovasi Daerah (SID) menurut katalog {title} ({id}): bobot, tingkat "
               "dengan skornya, bukti dukung yang diterima, dan periode buktinya. Skor maksimal seluruh "
               "indikator {max}.").format(n=len(catalogue.indicators), title=catalogue.title, id=catalogue.id,
                                          max=format_number_id(catalogue.sid_max, 0))
    parts = [f'<h2><a name="{INDICATORS_ANCHOR}">{_esc(tr("Indikator"))}</a></h2>', f"<p>{_esc(intro)}</p>"]
    parts += [_indicator(catalogue, indicator) for indicator in catalogue.indicators]
    return "\n".join(parts) + "\n"


def _indicator(catalogue: Catalogue, indicator: Indicator) -> str:
    title = tr("Indikator {n}: {name}").format(n=indicator.number, name=indicator.name)
    facts = [tr("Wajib") if indicator.mandatory else tr("Tidak wajib"),
             tr("bobot {w}").format(w=format_number_id(indicator.weight, 0)),
             tr("skor maksimal {m}").format(m=format_number_id(indicator.max_score, 0)),
             tr("variabel {v}").format(v=indicator.variable),
             tr("nomor resmi {g}").format(g=indicator.global_number)]
    if indicator.unconfirmed:
        facts.append(tr(UNCONFIRMED_LABEL))
    rows = "".join(f"<tr><td align='center'>{level.level}</td><td>{_esc(level.text)}</td>"
                   f"<td align='right'>{format_number_id(level.score, 0)}</td></tr>" for level in indicator.levels)
    table = (f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>"
             f"<th width='12%'>{_esc(tr('Tingkat'))}</th><th>{_esc(tr('Keterangan'))}</th>"
             f"<th width='12%'>{_esc(tr('Skor'))}</th></tr>{rows}</table>")
    bases = ""
    if indicator.bases:
        items = "".join(f"<li><b>{_esc(b.key)}. {_esc(b.label)}</b>: " +
                        "; ".join(f"{n}) {_esc(text)}" for n, text in enumerate(b.levels, start=1)) + "</li>"
                        for b in indicator.bases)
        bases = f"<p>{_esc(tr('Basis pengukuran (pilih salah satu):'))}</p><ul>{items}</ul>"
    start, end = catalogue.evidence_period(indicator)
    kinds = ", ".join(KIND_LABELS.get(k, k) for k in indicator.accepts)
    body = [f"<p><i>{_esc(' · '.join(facts))}</i></p>", table, bases,
            f"<p><b>{_esc(tr('Bukti dukung'))}:</b> {_esc(indicator.evidence)}</p>",
            f"<p><b>{_esc(tr('Jenis berkas'))}:</b> {_esc(kinds)}. "
            f"<b>{_esc(tr('Periode bukti yang dihitung'))}:</b> {_esc(format_period_id(start, end))}.</p>"]
    if indicator.help:
        body.append(f"<p><b>{_esc(tr('Petunjuk'))}:</b> {_esc(indicator.help)}</p>")
    return (f'<h3><a name="indikator-{indicator.number}">{_esc(title)}</a></h3>\n'
            + "\n".join(part for part in body if part))
