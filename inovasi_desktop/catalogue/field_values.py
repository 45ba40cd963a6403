"""Does a value fit a catalogue field? One validator per field type; `FIELD_TYPES` is their table.

Every place that asks calls `check_value(field, value)` (or `check_shape(type, value)` where only the
type is known) and acts on the answer, a `Checked`:

- `empty`: no answer (None, blank text, no filled item, part or coordinate). That is no problem here:
  whether a field must be filled is the readiness rules' business.
- `problems`: what does not fit, each with the sub-path it concerns and Indonesian text. A problem is
  `kept` when the value stays as written and is reported (a date that is no real date, coordinates off
  the earth or missing a half: the editor keeps such input visible). Otherwise the unfit part cannot be
  held (a wrong type, an option or part the catalogue lacks) and is left out of `value`.
- `value`: the value normalised (an ISO date, float coordinates) less what cannot be held; None when
  nothing is left; the value itself when empty.

What each caller does: the interchange reader refuses a document with any problem (documents carry only
valid values, as the schema says); the import's conformance check refuses what cannot be held;
carry-over carries `value` and lists what was left out; the readiness rules report every problem but an
unknown part (never shown, counted or printed; the editor drops it).

Cases the four callers used to settle differently, settled here once:
- A blank choice ("" or spaces) is no answer: skipped everywhere. Carry-over dropped it as an unknown
  option "" and asked to choose again, while conformance and the rules skipped it.
- A coordinate pair missing a half is kept and reported: the rules called it empty, the interchange
  refused it, and a typed half silently unused is what the editor must not do.
- A value of the wrong type (a list in a text field, a text in a multi-choice) or an unknown part cannot
  be held: conformance and carry-over let it through before, and the editor then lost it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from inovasi_desktop.domain.dates import parse_iso_date
from inovasi_desktop.domain.problems import describe, key_problem, sub_key
from inovasi_desktop.domain.text import character_problem

if TYPE_CHECKING:
    from inovasi_desktop.catalogue.model import ProfileField

TYPE, CHARACTERS, KEY, OPTION, REPEAT, PART, DATE, COORDINATES, ATTACHMENT = (
    "type", "characters", "key", "option", "repeat", "part", "date", "coordinates", "attachment")
COORDINATE_LIMITS = {"lat": 90.0, "lon": 180.0}  # latitude and longitude, decimal degrees either side of 0
DATE_EXPECTED = "tanggal yang sah berbentuk TTTT-BB-HH"
# Text lengths, in characters: a one-line field (a name, a choice) and any longer text (a paragraph, a part,
# evidence notes). Far above what a dossier holds; they stop a pasted or crafted megabyte, not a writer.
MAX_LINE_CHARS, MAX_TEXT_CHARS = 1_000, 100_000
_ONE_LINE = frozenset({"auto", "text", "choice"})


@dataclass(frozen=True)
class Problem:
    where: str  # "" (the value itself) or a sub-path: "[1]", ".lat", ".cara_kerja"
    text: str  # Indonesian, quoting what is wrong: 'pilihan "Antariksa" tidak ada di katalog'
    code: str  # TYPE, CHARACTERS, KEY, OPTION, REPEAT, PART, DATE, COORDINATES or ATTACHMENT
    item: Any = None  # the value at `where`
    kept: bool = False  # kept as written and reported, rather than left out


@dataclass(frozen=True)
class Checked:
    value: Any
    problems: tuple[Problem, ...] = ()
    empty: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unfit(self) -> tuple[Problem, ...]:
        """The problems whose part cannot be held (left out of `value`)."""
        return tuple(p for p in self.problems if not p.kept)


def filled(value: Any) -> bool:
    """Whether a single value is an answer: not None and not blank."""
    return value is not None and bool(str(value).strip())


def _unfit(value: Any, text: str, code: str = TYPE) -> Checked:
    return Checked(None, (Problem("", text, code, value),))


def text_problem(value: str, limit: int = MAX_TEXT_CHARS) -> str | None:
    """Why the text `value` may not be stored (too long, a bad character), in Indonesian; None when it may."""
    if len(value) > limit:
        return f"terlalu panjang ({len(value):,} karakter; paling banyak {limit:,})".replace(",", ".")
    return character_problem(value)


def _text_item(value: Any, where: str = "", limit: int = MAX_TEXT_CHARS) -> Problem | None:
    if not isinstance(value, str):
        return Problem(where, "harus berupa teks", TYPE, value)
    bad = text_problem(value, limit)
    return Problem(where, bad, CHARACTERS, value) if bad else None


def check_text(value: Any, field: ProfileField | None) -> Checked:
    """auto, text, paragraph: a text (a one-line field holds at most MAX_LINE_CHARS)."""
    if value is None:
        return Checked(None, empty=True)
    problem = _text_item(value, limit=MAX_LINE_CHARS if field is not None and field.type in _ONE_LINE
                         else MAX_TEXT_CHARS)
    return Checked(None, (problem,)) if problem else Checked(value, empty=not value.strip())


def check_choice(value: Any, field: ProfileField | None) -> Checked:
    """One of the field's options, or blank."""
    checked = check_text(value, field)
    if checked.problems or checked.empty or field is None or value in field.options:
        return checked
    return _unfit(value, f"pilihan {describe(value)} tidak ada di katalog", OPTION)


def check_multi_choice(value: Any, field: ProfileField | None) -> Checked:
    """A list of distinct options; blank items are no answer."""
    if value is None:
        return Checked(None, empty=True)
    if not isinstance(value, list | tuple):
        return _unfit(value, "harus berupa daftar")
    kept, problems = [], []
    for i, item in enumerate(value):
        problem = _text_item(item, f"[{i}]", MAX_LINE_CHARS)
        if problem is None and filled(item) and item in kept:
            problem = Problem(f"[{i}]", f"nilai {describe(item)} muncul lebih dari sekali", REPEAT, item)
        elif problem is None and filled(item) and field is not None and item not in field.options:
            problem = Problem(f"[{i}]", f"pilihan {describe(item)} tidak ada di katalog", OPTION, item)
        problems += [problem] if problem else []
        kept += [] if problem else [item]
    return Checked(kept, tuple(problems), empty=not any(filled(item) for item in value))


def check_sections(value: Any, field: ProfileField | None) -> Checked:
    """sectioned_text: part key -> text, for the field's parts."""
    if value is None:
        return Checked(None, empty=True)
    if not isinstance(value, dict):
        return _unfit(value, "harus berupa objek")
    known = {part.key for part in field.parts} if field is not None else None
    kept, problems = {}, []
    for key, text in value.items():
        where = sub_key(key)
        bad = key_problem(key)
        if bad:
            problem = Problem(where, bad, KEY, key)
        elif known is not None and key not in known:
            problem = Problem(where, f"bagian {describe(key)} tidak ada di katalog", PART, key)
        else:
            problem = _text_item(text, where)
        problems += [problem] if problem else []
        kept.update({} if problem else {key: text})
    return Checked(kept, tuple(problems), empty=not any(filled(text) for text in value.values()))


def check_date(value: Any, field: ProfileField | None) -> Checked:
    """A real date, stored "YYYY-MM-DD"; other text is kept as written and reported."""
    if isinstance(value, date):
        return Checked((value.date() if isinstance(value, datetime) else value).isoformat())
    if not isinstance(value, str | None):
        return _unfit(value, f"harus {DATE_EXPECTED}, bukan {describe(value)}")
    checked = check_text(value, field)
    if checked.problems or checked.empty:
        return checked
    day = parse_iso_date(value)
    if day is None:
        problem = Problem("", f"harus {DATE_EXPECTED}, bukan {describe(value)}", DATE, value, kept=True)
        return Checked(value, (problem,))
    return Checked(day.isoformat())


def check_coordinates(value: Any, field: ProfileField | None) -> Checked:
    """{"lat", "lon"} in decimal degrees. Out of range or missing a half is kept and reported."""
    if value is None:
        return Checked(None, empty=True)
    if not isinstance(value, dict):
        return _unfit(value, "harus berupa objek")
    problems = [Problem(sub_key(key), "kunci tidak dikenal", KEY, key) for key in value if key not in COORDINATE_LIMITS]
    if not problems and all(value.get(key) is None for key in COORDINATE_LIMITS):
        return Checked(value, empty=True)
    kept = {}
    for key, limit in COORDINATE_LIMITS.items():
        item = value.get(key)
        number = isinstance(item, int | float) and not isinstance(item, bool) and math.isfinite(item)
        text = "wajib ada" if key not in value else f"harus bilangan antara -{limit:g} dan {limit:g}"
        if number:
            kept[key] = float(item)
        if not number or abs(item) > limit:
            problems.append(Problem(f".{key}", text, COORDINATES if number or item is None else TYPE, item,
                                    kept=number or item is None))
    fits = all(p.kept for p in problems)
    return Checked(kept if fits else None, tuple(problems))


def check_attachment(value: Any, field: ProfileField | None) -> Checked:
    """Attachments are evidence items kept apart from the profile: a profile value has no place."""
    if value is None or value == [] or value == "":
        return Checked(value, empty=True)
    return _unfit(value, 'isian lampiran disimpan di "attachments", bukan di "profile"', ATTACHMENT)


# The field types a catalogue may use, each with its validator. The UI keeps a widget per type (a test
# checks that every type has one); an unknown type is a catalogue load error.
VALIDATORS: dict[str, Callable[[Any, ProfileField | None], Checked]] = {
    "auto": check_text,  # filled from the organisation (e.g. nama_pemda), read-only
    "text": check_text,  # one line
    "paragraph": check_text,  # several lines
    "sectioned_text": check_sections,  # several titled parts counted together (rancang bangun)
    "choice": check_choice,  # one of `options`
    "multi_choice": check_multi_choice,  # several of `options`
    "date": check_date,  # ISO date
    "coordinates": check_coordinates,  # latitude / longitude
    "attachment": check_attachment,  # evidence files attached to the profile (anggaran, profil bisnis, ...)
}
FIELD_TYPES = tuple(VALIDATORS)


def check_value(field: ProfileField, value: Any) -> Checked:
    """How `value` fits `field`: its type, options and parts."""
    return VALIDATORS[field.type](value, field)


def check_shape(field_type: str, value: Any) -> Checked:
    """How `value` fits a field of `field_type` whose catalogue is not known (options and parts unchecked)."""
    return VALIDATORS[field_type](value, None)
