"""Reading nested data (a parsed catalogue file, an interchange document) while collecting problems.

A reader records "path: problem" lines instead of raising, so that one pass names every problem; the
caller raises one error listing them (`report`). The catalogue loader and the interchange checker
build on it, each with the checks of its own format.
"""

from __future__ import annotations

import json
import re
from typing import Any

from inovasi_desktop.domain.text import character_problem

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
REPORT_LIMIT = 50  # problems listed in one message; the rest are counted


def describe(value: Any) -> str:
    """A short quotation of a value for a message: "teks", 12, objek, daftar."""
    if isinstance(value, str):
        value = value[:61]  # the quotation is cut below: a megabyte text is not copied whole first
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str | int | float | bool | None) else None
    if shown is None:
        return "objek" if isinstance(value, dict) else "daftar" if isinstance(value, list) else type(value).__name__
    if len(shown) <= 60:
        return shown
    return shown[:57] + ("...\"" if isinstance(value, str) else "...")


def sub_key(key: str) -> str:
    """The path step to `key`: `.key`, or `["odd key"]` when the key is no identifier."""
    return f".{key}" if _IDENTIFIER.fullmatch(key) else f"[{json.dumps(key, ensure_ascii=False)}]"


def key_path(parent: str, key: str) -> str:
    """The path of `key` inside `parent` (`parent.key`, `parent["odd key"]`); at the root just `key`."""
    step = sub_key(key)
    return f"{parent}{step}" if parent or step.startswith("[") else key


def key_problem(key: str) -> str | None:
    """Why `key` may not name a part or an entry, in Indonesian; None when it may."""
    return "nama kunci tidak boleh kosong" if not key.strip() else character_problem(key)


class ProblemReader:
    """Typed access to nested dicts and lists that records problems instead of raising."""

    mapping_noun = "objek"  # what the format calls a mapping in messages ("tabel" in TOML)

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path or '(akar)'}: {message}")

    def mapping(self, value: Any, path: str) -> dict | None:
        """`value` if it is a mapping; otherwise a problem and None."""
        if not isinstance(value, dict):
            self.problem(path, f"harus berupa {self.mapping_noun}")
            return None
        return value

    def unknown_keys(self, table: dict, allowed: set[str] | frozenset[str], path: str) -> None:
        for key in table:
            if key not in allowed:
                self.problem(key_path(path, key), "kunci tidak dikenal")

    def entries(self, value: Any, path: str) -> list[tuple[str, Any]]:
        """(path, item) for each item of the list `value`; a problem and no entries when it is no list."""
        if not isinstance(value, list):
            self.problem(path, "harus berupa daftar")
            return []
        return [(f"{path}[{i}]", item) for i, item in enumerate(value)]

    def report(self, heading: str) -> str:
        """`heading` and the problems, one a line (the first `REPORT_LIMIT`, then how many more)."""
        listing = "\n".join(f"  - {p}" for p in self.problems[:REPORT_LIMIT])
        rest = len(self.problems) - REPORT_LIMIT
        more = f"\n  ... dan {rest} masalah lain" if rest > 0 else ""
        return f"{heading}:\n{listing}{more}"
