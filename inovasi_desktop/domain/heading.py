"""What the heading of an official document says: its type, issuer, nomor, tanggal and tentang.

`DOCUMENT_TYPES` is the one table of document types the reader (`evidence.heading`) can name and the
catalogue's levels may ask for (`documents` on a level). A field the reader did not find is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DOCUMENT_TYPES: dict[str, str] = {
    "perda": "Peraturan Daerah",
    "perkada": "Peraturan Kepala Daerah",
    "kepkada": "Keputusan Kepala Daerah",
    "kep_pd": "Keputusan Kepala Perangkat Daerah",
    "surat_tugas": "Surat Tugas",
    "surat_keterangan": "Surat Keterangan",
    "surat_edaran": "Surat Edaran",
    "surat_pernyataan": "Surat Pernyataan",
    "kerja_sama": "Perjanjian Kerja Sama atau Nota Kesepahaman",
    "dpa": "Dokumen Pelaksanaan Anggaran (DPA)",
    "rka": "Rencana Kerja dan Anggaran (RKA)",
    "rkpd": "Rencana Kerja Pemerintah Daerah (RKPD)",
    "sop": "Standar Operasional Prosedur (SOP)",
    "laporan": "Laporan",
    "notulen": "Notulen Rapat",
}

SQUASHED_LIMIT = 40_000  # characters of squashed text kept to look for the innovation's name


def squash(text: str) -> str:
    """Letters and digits only, case-folded: "SI-Pantau  Balita" -> "sipantaubalita"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass(frozen=True)
class DocumentHeading:
    doc_type: str = ""  # a key of DOCUMENT_TYPES, or "" when not recognised
    issuer: str = ""  # e.g. "Bupati Mojokerto", "Kepala Dinas Kesehatan Kabupaten Mojokerto"
    nomor: str = ""
    tanggal: date | None = None
    tentang: str = ""
    squashed: str = ""  # `squash` of the first pages' text: where the innovation's name is looked for

    @property
    def type_label(self) -> str:
        return DOCUMENT_TYPES.get(self.doc_type, "")

    @property
    def found_anything(self) -> bool:
        return bool(self.doc_type or self.issuer or self.nomor or self.tanggal or self.tentang)

    def names(self, name: str) -> bool:
        """Whether the document names `name` (case, spaces and punctuation aside)."""
        key = squash(name)
        return bool(key) and key in self.squashed

    def to_dict(self) -> dict:
        return {"doc_type": self.doc_type, "issuer": self.issuer, "nomor": self.nomor,
                "tanggal": self.tanggal.isoformat() if self.tanggal else None, "tentang": self.tentang,
                "squashed": self.squashed}

    @classmethod
    def from_dict(cls, data: dict) -> DocumentHeading:
        tanggal = data.get("tanggal")
        return cls(doc_type=data.get("doc_type") or "", issuer=data.get("issuer") or "",
                   nomor=data.get("nomor") or "", tanggal=date.fromisoformat(tanggal) if tanggal else None,
                   tentang=data.get("tentang") or "", squashed=data.get("squashed") or "")
