"""File names in the package, as the portal's own downloads name evidence: '<Nama Inovasi> (Indikator N).pdf'.

That pattern was seen in a regional export of the IID application (reference standard, confidence
low); the national portal's naming is not published. Names are kept safe for Windows: no reserved
characters, no trailing dot or space, and short enough for a deep folder.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
NAME_LIMIT = 80
PROFILE_PAGE = "Isian Profil"  # .html and .txt
CHECKLIST = "Daftar Unggah"  # .html and .txt


def safe(text: str, limit: int = NAME_LIMIT) -> str:
    cleaned = " ".join(_UNSAFE.sub(" ", text).split())
    if len(cleaned) > limit:  # cut at a word
        cleaned = cleaned[:limit].rsplit(" ", 1)[0] if " " in cleaned[:limit] else cleaned[:limit]
    return cleaned.strip(" .") or "tanpa nama"


def short_label(label: str) -> str:
    """A field label without its parenthetical hint: 'Anggaran (jika diperlukan)' -> 'Anggaran'."""
    return re.sub(r"\s*\(.*?\)\s*", " ", label).strip() or label


def indicator_pdf(innovation_name: str, number: int) -> str:
    return f"{safe(innovation_name)} (Indikator {number}).pdf"


def attachment_pdf(innovation_name: str, label: str) -> str:
    return f"{safe(innovation_name)} ({safe(short_label(label), 40)}).pdf"


def video_file(innovation_name: str, number: int, k: int, suffix: str) -> str:
    return f"{safe(innovation_name)} (Indikator {number} video {k}){suffix.lower()}"


def package_folder(innovation_name: str) -> str:
    """The folder the window suggests: 'Paket Portal - SI-PANTAU BALITA'."""
    return f"Paket Portal - {safe(innovation_name)}"
