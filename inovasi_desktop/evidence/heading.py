"""Reading the heading of an Indonesian official document from its text: type, issuer, nomor, tanggal, tentang.

Pure text in, `DocumentHeading` out. The text is what a PDF's text layer gives (first pages, separated by
form feeds): line breaks inside titles, hyphenated words, spaced letters ("T E N T A N G") and OCR slips
(0 for O, l for I) are undone first. Each field comes from a labelled place only ("NOMOR", "TENTANG",
"Ditetapkan di ... pada tanggal", "Hal :", a kop surat); a field with no such place stays empty.
"""

from __future__ import annotations

import re
from datetime import date

from inovasi_desktop.domain.dates import written_date
from inovasi_desktop.domain.heading import SQUASHED_LIMIT, DocumentHeading, squash

HEAD_LINES = 25  # lines looked at for the type, issuer, nomor and tentang (before the body starts)
LEGAL_TYPES = frozenset({"perda", "perkada", "kepkada", "kep_pd"})  # dated only by "Ditetapkan ... tanggal"

_I = re.IGNORECASE
_HEAD = r"(?:BUPATI|WALI ?KOTA|GUBERNUR)"
_OFFICE = r"(?:KEPALA|CAMAT|DIREKTUR|SEKRETARIS|INSPEKTUR|LURAH|SEKRETARIS DAERAH)"
# Earliest match in the heading wins: "PERATURAN BUPATI ... TENTANG RENCANA KERJA PEMERINTAH DAERAH" is a perkada.
_TYPES = [
    ("perda", re.compile(r"\bPERATURAN\s+DAERAH\b", _I)),
    ("perkada", re.compile(rf"\bPERATURAN\s+{_HEAD}\b", _I)),
    ("kepkada", re.compile(rf"\b(?:SURAT\s+)?KEPUTUSAN\s+{_HEAD}\b", _I)),
    ("kep_pd", re.compile(rf"\b(?:SURAT\s+)?KEPUTUSAN\s+{_OFFICE}\b", _I)),
    ("surat_tugas", re.compile(r"\bSURAT\s+(?:PERINTAH(?:\s+TUGAS)?|TUGAS|PENUGASAN)\b", _I)),
    ("surat_keterangan", re.compile(r"\bSURAT\s+KETERANGAN\b", _I)),
    ("surat_edaran", re.compile(r"\bSURAT\s+EDARAN\b", _I)),
    ("surat_pernyataan", re.compile(r"\bSURAT\s+PERNYATAAN\b", _I)),
    ("kerja_sama", re.compile(r"\b(?:PERJANJIAN\s+KERJA\s*SAMA|NOTA\s+KESEPAHAMAN|KESEPAKATAN\s+BERSAMA|"
                              r"MEMORANDUM\s+OF\s+UNDERSTANDING)\b", _I)),
    ("dpa", re.compile(r"\bDOKUMEN\s+PELAKSANAAN\s+ANGGARAN\b|\bDPA\b", _I)),
    ("rka", re.compile(r"\bRENCANA\s+KERJA\s+DAN\s+ANGGARAN\b|\bRKA\b", _I)),
    ("rkpd", re.compile(r"\bRENCANA\s+KERJA\s+PEMERINTAH\s+DAERAH\b|\bRKPD\b", _I)),
    ("sop", re.compile(r"\bSTANDAR\s+OPERASIONAL\s+PROSEDUR\b|^SOP\b", _I | re.MULTILINE)),
    ("laporan", re.compile(r"^LAPORAN\b", _I | re.MULTILINE)),
    ("notulen", re.compile(r"\bNOTUL(?:EN|ENSI|A)\b", _I)),
]
_BODY = re.compile(r"^(?:MENIMBANG|MENGINGAT|MEMPERHATIKAN|MEMUTUSKAN|YANG\s+BERTANDA\s+TANGAN|DENGAN\s+HORMAT|"
                   r"PADA\s+HARI\s+INI)\b", _I)
_UNIT = re.compile(r"^(?:DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|KECAMATAN|KELURAHAN|DESA|UPTD?|"
                   r"RUMAH\s+SAKIT|RSUD|PUSKESMAS|BAGIAN|SATUAN\s+POLISI)\b", _I)
_REGION = re.compile(r"^(?:PEMERINTAH\s+)?(KABUPATEN|KOTA|PROVINSI)\s+([A-Z][A-Z .'-]{2,40})$", _I)
_REGION_IN = re.compile(r"\b(?:KABUPATEN|KOTA|PROVINSI)\s+[A-Z]", _I)
_HEAD_LINE = re.compile(rf"^{_HEAD}\s+([A-Z][A-Z .'-]{{2,40}})$", _I)
_BUDGET_UNIT = re.compile(r"^(?:ORGANISASI|PERANGKAT\s+DAERAH|SKPD|OPD|UNIT\s+ORGANISASI)\s*:\s*(.+)$", _I)
_NOMOR = re.compile(r"\b(?:NOMOR(?:\s+(?:DPA|SOP|DOKUMEN))?|NO\.)\s*[:.]?\s*(?P<value>[^\n]+)", _I)
_DATE = (r"(?P<day>\d{1,2})\s*[-/.]?\s*(?P<month>[A-Za-z!|][A-Za-z0-9!|]{1,9}|\d{1,2})\.?\s*[-/.]?\s*"
         r"(?P<year>\d{4})\b")
_LABELLED_DATES = [
    re.compile(r"\b(?:DITETAPKAN|DIKELUARKAN)\s+DI\b[^\n]{0,40}?\s*(?:\n\s*)?PADA\s+TANGGAL\s*:?\s*" + _DATE, _I),
    re.compile(r"\bTANGGAL\s+PENGESAHAN\s*:?\s*" + _DATE, _I),
    re.compile(r"\bHARI\s*[/,]?\s*TANGGAL\s*:?\s*(?:[A-Za-z']+\s*,\s*)?" + _DATE, _I),
]
_PLACE_DATE = re.compile(r"^[A-Z][A-Za-z .'-]{2,30},\s*" + _DATE, re.MULTILINE)
_TENTANG = re.compile(r"\bTENTANG\b\s*:?", _I)
_TENTANG_STOP = re.compile(
    r"\b(?:DENGAN\s+RAHMAT|MENIMBANG|MENGINGAT|DITETAPKAN|DIKELUARKAN|MEMUTUSKAN|NOMOR\b)|"
    rf"\n\s*(?:{_HEAD}|{_OFFICE}|DIREKTUR)[^\n]*,\s*(?:\n|$)|\n\s*A\.?\s?N\.?\s", _I)
_LABELS = {"hal": re.compile(r"^(?:HAL|PERIHAL)\s*:\s*(.+)$", _I | re.MULTILINE),
           "acara": re.compile(r"^ACARA\s*:\s*(.+)$", _I | re.MULTILINE),
           "sop": re.compile(r"^NAMA\s+SOP\s*:\s*(.+)$", _I | re.MULTILINE)}
_SMALL_WORDS = frozenset("dan di ke dari pada untuk atas melalui secara tentang dengan yang atau dalam oleh bagi "
                         "serta terhadap se".split())
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})$")
_KEEP_UPPER = frozenset("RSUD UPT UPTD DPRD SKPD OPD BPBD RKPD DPA RKA SOP SKM TIK PKK RT RW ASN".split())


def read_heading(text: str) -> DocumentHeading:
    """The fields of the first document heading in `text` (a PDF's first pages); empty where not found."""
    pages = text.split("\f")
    lines = clean_lines("\n".join(pages[:3]))
    if not lines:
        return DocumentHeading(squashed=squash(text)[:SQUASHED_LIMIT])
    head = _head(lines)
    head_text = "\n".join(head)
    doc_type = _doc_type(head_text)
    return DocumentHeading(
        doc_type=doc_type,
        issuer=_issuer(doc_type, head, head_text),
        nomor=_nomor(head_text),
        tanggal=_tanggal(doc_type, "\n".join(lines)),
        tentang=_tentang(doc_type, head, head_text),
        squashed=squash(text)[:SQUASHED_LIMIT],
    )


# -- cleaning ------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[-~–\s]*(?:\d{1,4}|[ivxl]{1,5})[-~–\s]*$", _I)
_SPACED = re.compile(r"(?:\S )+\S")
_OCR_WORD = re.compile(r"[A-Za-z0-9]+")


def clean_lines(text: str) -> list[str]:
    """Non-empty lines with hyphenation joined, spaced letters closed up and OCR slips in capitals fixed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"([A-Za-z])-[ \t]*\n[ \t]*([A-Za-z])", r"\1\2", text)  # PEMBER-\nDAYAAN
    text = re.sub(r"([0-9])-[ \t]*\n[ \t]*([0-9A-Za-z])", r"\1-\2", text)  # 416-\n109
    out = []
    for raw in text.split("\n"):
        line = _close_spaced(raw.strip())
        line = _OCR_WORD.sub(_fix_ocr_word, line)
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line and not _PAGE_NUMBER.fullmatch(line):
            out.append(line)
    return out


def _close_spaced(line: str) -> str:
    if not re.match(r"^(?:[A-Za-z] ){2,}[A-Za-z]", line):
        return line
    return " ".join(chunk.replace(" ", "") if _SPACED.fullmatch(chunk) else chunk
                    for chunk in re.split(r"\s{2,}", line))


def _fix_ocr_word(match: re.Match) -> str:
    """"N0MOR" -> "NOMOR", "BUPATl" -> "BUPATI": capitals with a 0, 1 or l among them."""
    word = match.group()
    upper = sum(ch.isupper() for ch in word)
    odd = sum(ch in "01l" for ch in word)
    if upper < 3 or not odd or odd >= upper or any(ch.islower() and ch != "l" for ch in word):
        return word
    if any(ch.isdigit() and ch not in "01" for ch in word):
        return word
    return word.translate(str.maketrans({"0": "O", "1": "I", "l": "I"}))


def _head(lines: list[str]) -> list[str]:
    head = []
    for line in lines[:HEAD_LINES]:
        if _BODY.match(line):
            break
        head.append(line)
    return head


# -- fields --------------------------------------------------------------------------------------

def _doc_type(head_text: str) -> str:
    found = [(m.start(), key) for key, pattern in _TYPES if (m := pattern.search(head_text))]
    return min(found)[1] if found else ""


def _issuer(doc_type: str, head: list[str], head_text: str) -> str:
    flat = " ".join(head_text.split())
    region = _region(head)
    if doc_type in ("perkada", "kepkada"):
        m = re.search(rf"\b(?:PERATURAN|KEPUTUSAN)\s+({_HEAD}\s+.+?)\s+(?:NOMOR|NO\.|TENTANG)\b", flat, _I)
        return title_case(m.group(1)) if m else ""
    if doc_type == "perda":
        m = re.search(r"\bPERATURAN\s+DAERAH\s+((?:KABUPATEN|KOTA|PROVINSI)\s+.+?)\s+(?:NOMOR|NO\.|TENTANG)\b",
                      flat, _I)
        return "Pemerintah " + title_case(m.group(1)) if m else ""
    if doc_type == "kep_pd":
        m = re.search(rf"\bKEPUTUSAN\s+({_OFFICE}\b.+?)\s+(?:NOMOR|NO\.|TENTANG)\b", flat, _I)
        return _with_region(title_case(m.group(1)), region) if m else ""
    if doc_type in ("rkpd", "kerja_sama"):
        return "Pemerintah " + region if region else ""
    if doc_type in ("dpa", "rka"):
        for line in head:
            if m := _BUDGET_UNIT.match(line):
                unit = re.sub(r"^[\d.\s]+(?:-\s*)?", "", m.group(1)).strip()
                return _with_region(title_case(unit), region) if unit else ""
        return ""
    for index, line in enumerate(head):
        if _UNIT.match(line):
            while index + 1 < len(head) and _UNIT.match(head[index + 1]):
                index += 1
            return _with_region(title_case(head[index]), region)
    if head and (m := _HEAD_LINE.match(head[0])):
        return title_case(head[0])
    return ""


def _region(head: list[str]) -> str:
    for line in head:
        if m := _REGION.match(line):
            return title_case(f"{m.group(1)} {m.group(2)}")
    return ""


def _with_region(unit: str, region: str) -> str:
    return f"{unit} {region}" if region and not _REGION_IN.search(unit) else unit


def _nomor(head_text: str) -> str:
    for m in _NOMOR.finditer(head_text):
        value = re.split(r"\s+TENTANG\b", m.group("value"), flags=_I)[0]
        value = re.sub(r"\s*/\s*", "/", value).strip()
        if t := re.match(r"^(\d+)\s+TAHUN\s+(\d{4})\b", value, _I):
            return f"{t.group(1)} Tahun {t.group(2)}"
        tokens = value.split()
        if not tokens:
            continue
        nomor = tokens[0].rstrip(".,;:")
        if re.search(r"/TAHUN$", nomor, _I) and len(tokens) > 1 and re.fullmatch(r"\d{4}", tokens[1]):
            nomor = nomor[:-5] + "Tahun " + tokens[1]
        if re.search(r"\d", nomor) and re.search(r"[/.]", nomor):
            return nomor
    return ""


def _tanggal(doc_type: str, text: str) -> date | None:
    for pattern in _LABELLED_DATES:
        for m in pattern.finditer(text):
            if found := written_date(m.group("day"), m.group("month"), m.group("year")):
                return found
    if doc_type in LEGAL_TYPES:
        return None  # a regulation's date is where it was set; any other date in it is another's
    for m in _PLACE_DATE.finditer(text):
        if found := written_date(m.group("day"), m.group("month"), m.group("year")):
            return found
    return None


def _tentang(doc_type: str, head: list[str], head_text: str) -> str:
    if m := _TENTANG.search(head_text):
        rest = head_text[m.end():]
        stop = _TENTANG_STOP.search(rest)
        lines = [ln for ln in rest[: stop.start() if stop else len(rest)].split("\n") if ln.strip()]
        if lines and _mostly_upper(lines[0]):  # a title in capitals ends where ordinary text starts
            lines = lines[:next((i for i, ln in enumerate(lines) if not _mostly_upper(ln)), len(lines))]
        return _title_from(lines[:5])
    if doc_type == "sop" and (m := _LABELS["sop"].search(head_text)):
        return title_case(m.group(1))
    if doc_type == "notulen":
        if m := _LABELS["acara"].search(head_text):
            return title_case(m.group(1))
        return _title_after(head, _TYPES_BY_KEY["notulen"])
    if doc_type in ("laporan", "sop"):
        return _title_after(head, _TYPES_BY_KEY[doc_type])
    if m := _LABELS["hal"].search(head_text):
        return title_case(m.group(1))
    return ""


_TYPES_BY_KEY = dict(_TYPES)


def _title_after(head: list[str], pattern: re.Pattern) -> str:
    """The capitalised title lines right after the type's words ("LAPORAN HASIL MONITORING ...")."""
    for index, line in enumerate(head):
        if m := pattern.search(line):
            lines = [line[m.end():]] + head[index + 1:]
            taken = []
            for part in lines:
                part = part.strip()
                if taken and (_UNIT.match(part) or _REGION.match(part) or part.upper().startswith("PEMERINTAH")
                              or not _mostly_upper(part) or re.fullmatch(r"\d{4}", part)):
                    break
                if part:
                    taken.append(part)
            title = _title_from(taken[:5])
            return re.sub(r"^AKHIR\s+", "", title, flags=_I)
    return ""


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _title_from(lines: list[str]) -> str:
    text = " ".join(" ".join(lines).split()).strip(" ,;:")
    return title_case(text) if _mostly_upper(text) else text


def _coined(word: str) -> bool:
    """A coined name such as "SI-PANTAU" or "E-KTP": hyphenated with a short part (not "se-")."""
    parts = word.split("-")
    return len(parts) > 1 and parts[0].lower() != "se" and any(0 < len(p) <= 3 for p in parts)


def title_case(text: str) -> str:
    """"DINAS KESEHATAN DAN KB" -> "Dinas Kesehatan dan KB": capitals made readable, acronyms kept."""
    text = " ".join(text.split()).strip(" ,;:")
    if not _mostly_upper(text):
        return text
    out = []
    depth = 0
    for index, word in enumerate(text.split(" ")):
        core = word.strip("().,;:-'\"")
        depth_before = depth
        depth += word.count("(") - word.count(")")
        if depth_before > 0 or word.startswith("(") or core.upper() in _KEEP_UPPER or _ROMAN.match(core) \
                or any(ch.isdigit() for ch in core) or _coined(core):
            out.append(word)
        elif index and core.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)
