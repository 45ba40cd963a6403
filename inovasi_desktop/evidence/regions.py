"""Which kabupaten/kota a document names: a simple heuristic over extracted text."""

from __future__ import annotations

import re

# "Kabupaten Tanah Bumbu", "KAB. MOJOKERTO", "Kota Tanjung Pinang": a keyword, then up to three
# capitalised words on the same line. Lower-case words ("di kota besar") are not names.
_MENTION = re.compile(
    r"\b(?P<kind>(?i:kabupaten|kab\.?|kota))[ \t]+(?P<name>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})"
)
# Capitalised words that end a region name in headings and titles.
_STOP_WORDS = frozenset(
    """tahun nomor no tentang provinsi prov dinas badan kantor kecamatan kelurahan desa dan atau
    yang di ke dari pada untuk dengan dalam oleh sebagai bupati walikota wali sekretariat daerah
    pemerintah peraturan keputusan surat laporan""".split()
)


def parse_region(text: str) -> tuple[str, str] | None:
    """("kabupaten" | "kota", lower-case name) for "Kabupaten X" / "Kab. X" / "Kota X", else None."""
    match = _MENTION.fullmatch(" ".join(text.split()))
    if not match:
        return None
    return _key(match)


def regions_named(text: str) -> list[str]:
    """The kabupaten/kota named in `text`, as "Kabupaten X" / "Kota X", each once, in order."""
    return list(_mentions(text).values())


def other_regions_only(text: str, pemda: str) -> list[str]:
    """The regions named in `text` when none of them is `pemda`; empty when `pemda` is named,
    when no region is named, or when `pemda` is not a kabupaten/kota (e.g. a province)."""
    own = parse_region(pemda)
    if own is None:
        return []
    mentions = _mentions(text)
    own_kind, own_name = own
    for kind, name in mentions:
        if kind == own_kind and (name == own_name or name.startswith(own_name + " ")):
            return []
    return list(mentions.values())


def _mentions(text: str) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for match in _MENTION.finditer(text):
        key = _key(match)
        if key and key not in found:
            found[key] = f"{key[0].capitalize()} {key[1].title()}"
    return found


def _key(match: re.Match[str]) -> tuple[str, str] | None:
    kind = "kota" if match["kind"].lower() == "kota" else "kabupaten"
    words: list[str] = []
    for word in match["name"].split():
        if word.lower() in _STOP_WORDS:
            break
        words.append(word.lower())
    return (kind, " ".join(words)) if words else None
