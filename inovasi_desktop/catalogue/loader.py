"""Load and validate catalogue files (TOML) into frozen `Catalogue` objects.

Every problem is collected with its path (e.g. `indicators[3].levels[1].score`) and reported
together in one `CatalogueError` naming the file; a malformed file never raises anything else.
"""

from __future__ import annotations

import math
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inovasi_desktop.catalogue.evidence_kinds import EVIDENCE_KINDS
from inovasi_desktop.catalogue.field_values import FIELD_TYPES
from inovasi_desktop.catalogue.model import (
    CONFIDENCE_LEVELS,
    Basis,
    Catalogue,
    Condition,
    ImplementationWindow,
    Indicator,
    Level,
    Predicate,
    ProfileField,
    Scoring,
    SpdIndicator,
    Step,
    TextPart,
)
from inovasi_desktop.domain.errors import CatalogueError
from inovasi_desktop.domain.heading import DOCUMENT_TYPES
from inovasi_desktop.domain.os_errors import describe_os_error
from inovasi_desktop.domain.problems import ProblemReader, key_path

FORMAT_VERSION = 1
YEARS = range(2000, 2101)  # plausible assessment years; keeps date arithmetic on them safe
EVIDENCE_OFFSETS = range(-10, 1)  # evidence_years offsets: up to ten years back, never ahead
_MISSING = object()


class _Reader(ProblemReader):
    """Typed access to a parsed TOML tree that records problems instead of raising."""

    mapping_noun = "tabel"

    def table(self, data: Any, path: str) -> dict:
        return self.mapping(data, path) or {}

    def get(self, table: dict, key: str, path: str, kind: type | tuple, default: Any = _MISSING):
        where = key_path(path, key)
        if key not in table:
            if default is _MISSING:
                self.problem(where, "wajib diisi")
            return None if default is _MISSING else default
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        elif isinstance(value, datetime) and datetime not in kinds:
            ok = False  # a TOML date-time is a `date` subclass, but catalogues hold plain dates
        elif float in kinds and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        else:
            ok = isinstance(value, kinds)
        if not ok:
            names = " atau ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.problem(where, f"harus {names}")
            return None if default is _MISSING else default
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(where, "harus bilangan terhingga")
            return None if default is _MISSING else default
        if isinstance(value, str) and not value.strip() and default is _MISSING:
            self.problem(where, "tidak boleh kosong")
        return value

    def strings(self, table: dict, key: str, path: str, default: Any = _MISSING) -> tuple[str, ...]:
        value = self.get(table, key, path, list, default)
        out = []
        for where, item in self.entries(value or [], key_path(path, key)):
            if not isinstance(item, str) or not item.strip():
                self.problem(where, "harus teks yang tidak kosong")
            else:
                out.append(item)
        return tuple(out)

    def confidence(self, table: dict, path: str) -> str:
        value = self.get(table, "confidence", path, str, "high")
        if value not in CONFIDENCE_LEVELS:
            self.problem(f"{path}.confidence", f"harus salah satu dari {', '.join(CONFIDENCE_LEVELS)}")
            return "low"
        return value

    def items(self, table: dict, key: str, path: str) -> list[tuple[str, dict]]:
        value = self.get(table, key, path, list)
        if value is None:
            return []
        return [(where, self.table(item, where)) for where, item in self.entries(value, key_path(path, key))]


_TYPE_NAMES = {str: "teks", int: "bilangan bulat", float: "bilangan", bool: "true/false",
               list: "daftar", dict: "tabel", date: "tanggal (tanpa jam)"}


def load_catalogue(path: Path) -> Catalogue:
    """Read and validate one catalogue file; raise `CatalogueError` naming every problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogueError(f"Katalog {path.name} tidak ditemukan di folder {path.parent}.") from None
    except IsADirectoryError:
        raise CatalogueError(f"Katalog {path.name} adalah folder, bukan berkas.") from None
    except PermissionError:
        raise CatalogueError(f"Katalog {path.name} tidak dapat dibaca: akses ditolak.") from None
    except OSError as err:
        raise CatalogueError(f"Katalog {path.name} tidak dapat dibaca: {describe_os_error(err)}.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CatalogueError(f"Katalog {path.name} tidak valid: berkas bukan teks UTF-8.") from None
    except tomllib.TOMLDecodeError as err:
        raise CatalogueError(f"Katalog {path.name} tidak valid: {_syntax_problem(str(err))}.") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and inline tables
        raise CatalogueError(f"Katalog {path.name} tidak valid: struktur bersarang terlalu dalam.") from None
    return parse_catalogue(data, source=path.name)


def _syntax_problem(detail: str) -> str:
    """Where tomllib found the error, in Indonesian, with its own wording kept as the detail."""
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", detail)
    if match:
        where = f"baris {match[1]}, kolom {match[2]}"
        detail = detail[: match.start()]
    elif detail.endswith("(at end of document)"):
        where, detail = "akhir berkas", detail.removesuffix("(at end of document)").rstrip()
    else:
        where = "posisi tidak diketahui"
    return f"sintaks TOML salah di {where} (rincian: {detail})"


def parse_catalogue(data: Any, source: str = "<data>") -> Catalogue:
    r = _Reader()
    catalogue = _build(r, r.table(data, ""), source)
    if r.problems:
        raise CatalogueError(r.report(f"Katalog {source} tidak valid"))
    assert catalogue is not None
    return catalogue


def _build(r: _Reader, top: dict, source: str) -> Catalogue | None:
    r.unknown_keys(top, {"format", "id", "title", "year", "default", "basis", "description",
                         "confidence", "notes", "window", "scoring", "options", "steps",
                         "fields", "indicators", "spd_indicators", "max_entries"}, "")
    fmt = r.get(top, "format", "", int)
    if fmt is not None and fmt != FORMAT_VERSION:
        r.problem("format", f"versi format {fmt} tidak didukung (yang didukung: {FORMAT_VERSION})")
    options = _options(r, top)
    steps = tuple(_step(r, t, p) for p, t in r.items(top, "steps", ""))
    step_keys = {s.key for s in steps}
    _unique(r, [s.key for s in steps], "steps")
    fields = tuple(_field(r, t, p, options, step_keys) for p, t in r.items(top, "fields", ""))
    _unique(r, [f.key for f in fields], "fields")
    _check_field_refs(r, fields)
    indicators = tuple(_indicator(r, t, p) for p, t in r.items(top, "indicators", ""))
    numbers = [i.number for i in indicators]
    if numbers != list(range(1, len(numbers) + 1)):
        r.problem("indicators", "nomor indikator harus berurutan mulai dari 1")
    spd = tuple(_spd(r, t, p) for p, t in r.items(top, "spd_indicators", "")) if "spd_indicators" in top else ()
    _unique(r, [s.number for s in spd], "spd_indicators")
    scoring = _scoring(r, r.table(top.get("scoring", {}), "scoring"), options)
    window = _window(r, r.table(top.get("window", {}), "window"), fields)
    year = r.get(top, "year", "", int)
    if year is not None and year not in YEARS:
        r.problem("year", f"harus tahun antara {YEARS.start} dan {YEARS.stop - 1}")
    header = dict(
        id=r.get(top, "id", "", str), title=r.get(top, "title", "", str), year=year,
        basis=r.get(top, "basis", "", str, ""), description=r.get(top, "description", "", str, ""),
        confidence=r.confidence(top, ""), is_default=r.get(top, "default", "", bool, False),
        notes=r.strings(top, "notes", "", ()), max_entries=_positive_int(r, top, "max_entries", ""),
    )
    if r.problems:
        return None
    return Catalogue(**header, steps=steps, fields=fields, indicators=indicators, spd_indicators=spd,
                     scoring=scoring, window=window, source_file=source)


def _unique(r: _Reader, keys: list, path: str) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            r.problem(path, f"kunci ganda '{key}'")
        seen.add(key)


def _options(r: _Reader, top: dict) -> dict[str, tuple[str, ...]]:
    table = r.table(top.get("options", {}), "options")
    return {name: r.strings(table, name, "options") for name in table}


def _step(r: _Reader, t: dict, path: str) -> Step:
    r.unknown_keys(t, {"key", "title", "help"}, path)
    return Step(key=r.get(t, "key", path, str), title=r.get(t, "title", path, str),
                help=r.get(t, "help", path, str, ""))


_FIELD_KEYS = {"key", "label", "type", "step", "required", "help", "options", "options_ref",
               "parts", "min_words", "min_length", "max_length", "not_after", "accepts",
               "auto_from", "visible_if", "confidence"}


def _field(r: _Reader, t: dict, path: str, options: dict, step_keys: set[str]) -> ProfileField:
    r.unknown_keys(t, _FIELD_KEYS, path)
    ftype = r.get(t, "type", path, str)
    if ftype is not None and ftype not in FIELD_TYPES:
        r.problem(f"{path}.type", f"jenis isian '{ftype}' tidak dikenal (pilihan: {', '.join(FIELD_TYPES)})")
    step = r.get(t, "step", path, str)
    if step is not None and step not in step_keys:
        r.problem(f"{path}.step", f"langkah '{step}' tidak ada di [[steps]]")
    opts = r.strings(t, "options", path, ())
    ref = r.get(t, "options_ref", path, str, None)
    if ref is not None:
        if ref not in options:
            r.problem(f"{path}.options_ref", f"daftar pilihan '{ref}' tidak ada di [options]")
        opts = options.get(ref, ())
    if ftype in ("choice", "multi_choice") and not opts:
        r.problem(path, "isian pilihan memerlukan options atau options_ref")
    parts = tuple(_part(r, pt, pp) for pp, pt in r.items(t, "parts", path)) if "parts" in t else ()
    if ftype == "sectioned_text" and not parts:
        r.problem(path, "isian sectioned_text memerlukan parts")
    accepts = r.strings(t, "accepts", path, ())
    _check_kinds(r, accepts, f"{path}.accepts")
    if ftype == "attachment" and not accepts:
        r.problem(path, "isian attachment memerlukan accepts")
    condition = None
    if "visible_if" in t:
        ct = r.table(t["visible_if"], f"{path}.visible_if")
        condition = Condition(field=r.get(ct, "field", f"{path}.visible_if", str) or "",
                              values=r.strings(ct, "values", f"{path}.visible_if"))
    limits = {name: _number(r, t, name, path, int, None) for name in ("min_words", "min_length", "max_length")}
    return ProfileField(
        key=r.get(t, "key", path, str), label=r.get(t, "label", path, str), type=ftype, step=step,
        required=r.get(t, "required", path, bool, False), help=r.get(t, "help", path, str, ""),
        options=opts, parts=parts, not_after=r.get(t, "not_after", path, str, None), accepts=accepts,
        auto_from=r.get(t, "auto_from", path, str, None), visible_if=condition,
        confidence=r.confidence(t, path), **limits,
    )


def _number(r: _Reader, t: dict, name: str, path: str, kind: type = float, default: Any = _MISSING,
            *, positive: bool = True) -> Any:
    """A number that must be positive (or, with positive=False, at least zero)."""
    value = r.get(t, name, path, kind, default)
    if value is not None and (value <= 0 if positive else value < 0):
        noun = "bilangan bulat" if kind is int else "bilangan"
        r.problem(f"{path}.{name}", f"harus {noun} positif" if positive else "tidak boleh negatif")
    return value


def _part(r: _Reader, t: dict, path: str) -> TextPart:
    r.unknown_keys(t, {"key", "title", "hint"}, path)
    return TextPart(key=r.get(t, "key", path, str), title=r.get(t, "title", path, str),
                    hint=r.get(t, "hint", path, str, ""))


def _check_kinds(r: _Reader, kinds: tuple[str, ...], path: str) -> None:
    for kind in kinds:
        if kind not in EVIDENCE_KINDS:
            r.problem(path, f"jenis bukti '{kind}' tidak dikenal (pilihan: {', '.join(EVIDENCE_KINDS)})")


def _check_field_refs(r: _Reader, fields: tuple[ProfileField, ...]) -> None:
    by_key = {f.key: f for f in fields}
    for i, f in enumerate(fields):
        if f.not_after is not None:
            other = by_key.get(f.not_after)
            if other is None or other.type != "date" or f.type != "date":
                r.problem(f"fields[{i}].not_after", "harus merujuk isian tanggal lain")
        if f.visible_if is not None and f.visible_if.field not in by_key:
            r.problem(f"fields[{i}].visible_if.field", f"isian '{f.visible_if.field}' tidak ada")
        if f.type == "auto" and not f.auto_from:
            r.problem(f"fields[{i}]", "isian auto memerlukan auto_from")


_INDICATOR_KEYS = {"number", "global_number", "key", "name", "variable", "weight", "mandatory",
                   "levels", "evidence", "accepts", "evidence_years", "help", "bases", "confidence",
                   "max_seconds"}


def _indicator(r: _Reader, t: dict, path: str) -> Indicator:
    r.unknown_keys(t, _INDICATOR_KEYS, path)
    weight = _number(r, t, "weight", path)
    levels = tuple(_level(r, lt, lp, weight) for lp, lt in r.items(t, "levels", path))
    if [lv.level for lv in levels] != [1, 2, 3]:
        r.problem(f"{path}.levels", "harus tepat tiga tingkat: 1, 2, 3")
    accepts = r.strings(t, "accepts", path)
    _check_kinds(r, accepts, f"{path}.accepts")
    years = r.get(t, "evidence_years", path, list)
    if years is not None and (len(years) != 2 or not all(isinstance(y, int) and not isinstance(y, bool) for y in years)
                              or years[0] > years[1] or not set(years) <= set(EVIDENCE_OFFSETS)):
        r.problem(f"{path}.evidence_years", "harus dua bilangan bulat [awal, akhir] antara "
                  f"{EVIDENCE_OFFSETS.start} dan 0, misalnya [-2, 0]")
        years = None
    bases = tuple(_basis(r, bt, bp) for bp, bt in r.items(t, "bases", path)) if "bases" in t else ()
    return Indicator(
        number=r.get(t, "number", path, int), global_number=r.get(t, "global_number", path, int),
        key=r.get(t, "key", path, str), name=r.get(t, "name", path, str),
        variable=r.get(t, "variable", path, str), weight=weight,
        mandatory=r.get(t, "mandatory", path, bool), levels=levels,
        evidence=r.get(t, "evidence", path, str), accepts=accepts,
        evidence_years=tuple(years) if years else (0, 0), help=r.get(t, "help", path, str),
        bases=bases, confidence=r.confidence(t, path), max_seconds=_positive_int(r, t, "max_seconds", path),
    )


def _positive_int(r: _Reader, t: dict, key: str, path: str) -> int:
    """An optional whole number above 0 (0 when absent: no such limit)."""
    value = r.get(t, key, path, int, 0)
    if value is not None and value < 0:
        r.problem(key_path(path, key), "harus bilangan bulat positif")
        return 0
    return value or 0


def _level(r: _Reader, t: dict, path: str, weight: float | None) -> Level:
    r.unknown_keys(t, {"level", "text", "score", "documents"}, path)
    level = r.get(t, "level", path, int)
    score = r.get(t, "score", path, float)
    if None not in (level, score, weight) and abs(score - weight * level) > 1e-9:
        r.problem(f"{path}.score", f"harus bobot x tingkat = {weight * level:g}")
    documents = r.strings(t, "documents", path, ())
    for index, key in enumerate(documents):
        if key not in DOCUMENT_TYPES:
            r.problem(f"{path}.documents[{index}]", f"jenis dokumen '{key}' tidak dikenal "
                      f"(yang dikenal: {', '.join(DOCUMENT_TYPES)})")
    return Level(level=level, text=r.get(t, "text", path, str), score=score, documents=documents)


def _basis(r: _Reader, t: dict, path: str) -> Basis:
    r.unknown_keys(t, {"key", "label", "levels"}, path)
    levels = r.strings(t, "levels", path)
    if len(levels) != 3:
        r.problem(f"{path}.levels", "harus tepat tiga teks tingkat")
    return Basis(key=r.get(t, "key", path, str), label=r.get(t, "label", path, str), levels=levels)


def _spd(r: _Reader, t: dict, path: str) -> SpdIndicator:
    r.unknown_keys(t, {"number", "name", "variable", "weight", "mandatory", "levels", "confidence", "evidence",
                       "help"}, path)
    weight = _number(r, t, "weight", path) or 0
    texts = r.strings(t, "levels", path)
    if len(texts) != 3:
        r.problem(f"{path}.levels", "harus tepat tiga teks tingkat")
    return SpdIndicator(
        number=str(r.get(t, "number", path, (str, int))), name=r.get(t, "name", path, str),
        variable=r.get(t, "variable", path, str), weight=weight,
        mandatory=r.get(t, "mandatory", path, bool, False),
        levels=tuple(Level(level=i + 1, text=text, score=weight * (i + 1)) for i, text in enumerate(texts)),
        confidence=r.confidence(t, path), evidence=r.get(t, "evidence", path, str, ""),
        help=r.get(t, "help", path, str, ""),
    )


def _scoring(r: _Reader, t: dict, options: dict) -> Scoring:
    path = "scoring"
    r.unknown_keys(t, {"divisor_min", "jumlah_per_innovation", "jumlah_cap", "yandas", "yandas_ref",
                       "yandas_min", "total_max", "predicates", "confidence", "note"}, path)
    yandas = r.strings(t, "yandas", path, ())
    predicates = []
    for pp, pt in r.items(t, "predicates", path):
        r.unknown_keys(pt, {"label", "min_iid"}, pp)
        predicates.append(Predicate(label=r.get(pt, "label", pp, str), min_iid=r.get(pt, "min_iid", pp, float)))
    mins = [p.min_iid for p in predicates if p.min_iid is not None]
    if mins != sorted(mins, reverse=True) or (mins and mins[-1] != 0):
        r.problem(f"{path}.predicates", "harus urut dari ambang tertinggi dan berakhir di 0")
    yandas_min = _number(r, t, "yandas_min", path, int, 0, positive=False)
    if yandas_min and yandas_min > len(yandas):
        r.problem(f"{path}.yandas_min", "lebih besar dari jumlah urusan yandas")
    urusan = set(options.get("urusan", ()))
    for u in yandas:
        if urusan and u not in urusan:
            r.problem(f"{path}.yandas", f"'{u}' tidak ada di options.urusan")
    return Scoring(
        divisor_min=_number(r, t, "divisor_min", path, int),
        jumlah_per_innovation=_number(r, t, "jumlah_per_innovation", path, positive=False),
        jumlah_cap=_number(r, t, "jumlah_cap", path, int, positive=False), yandas=yandas, yandas_min=yandas_min,
        total_max=_number(r, t, "total_max", path), predicates=tuple(predicates),
        confidence=r.confidence(t, path), note=r.get(t, "note", path, str, ""),
    )


def _window(r: _Reader, t: dict, fields: tuple[ProfileField, ...]) -> ImplementationWindow:
    path = "window"
    r.unknown_keys(t, {"start", "end", "date_field", "alternative_field", "confidence"}, path)
    start, end = r.get(t, "start", path, date), r.get(t, "end", path, date)
    if start and end and start > end:
        r.problem(path, "start harus sebelum end")
    dates = {f.key for f in fields if f.type == "date"}
    date_field = r.get(t, "date_field", path, str)
    alternative = r.get(t, "alternative_field", path, str, None)
    for name, value in (("date_field", date_field), ("alternative_field", alternative)):
        if value is not None and value not in dates:
            r.problem(f"{path}.{name}", f"'{value}' bukan isian tanggal di katalog ini")
    return ImplementationWindow(start=start, end=end, date_field=date_field,
                                alternative_field=alternative, confidence=r.confidence(t, path))
