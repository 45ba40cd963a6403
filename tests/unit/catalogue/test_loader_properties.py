"""Property tests: whatever a catalogue file contains, loading it either succeeds or raises
`CatalogueError` -- never any other exception."""

from __future__ import annotations

import copy
import tomllib
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inovasi_desktop.catalogue import load_catalogue, parse_catalogue
from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.errors import CatalogueError

# The autouse data-folder fixture is function-scoped; sharing it across examples is harmless.
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

KEYS = ["format", "id", "title", "year", "default", "notes", "window", "scoring", "options", "steps", "fields",
        "indicators", "spd_indicators", "key", "label", "type", "step", "levels", "level", "score", "weight",
        "number", "start", "end", "date_field", "predicates", "min_iid", "visible_if", "parts", "accepts",
        "evidence_years", "bases", "confidence", "urusan", "yandas", "options_ref", "not_after", "x"]

scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
), max_leaves=25)


def outcome(run) -> Catalogue | None:
    """Run a load; a `CatalogueError` is an accepted outcome, anything else fails the test."""
    try:
        return run()
    except CatalogueError as err:
        assert str(err).strip(), "a CatalogueError must carry a message"
        return None


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "katalog.toml"


@pytest.fixture(scope="module")
def shipped_documents(forms_dir: Path) -> list[dict]:
    return [tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(forms_dir.glob("*.toml"))]


@FUZZ
@given(raw=st.binary(max_size=400))
def test_random_bytes(scratch: Path, raw: bytes) -> None:
    scratch.write_bytes(raw)
    outcome(lambda: load_catalogue(scratch))


# TOML-ish text: headers, key = value lines and a few broken lines, in random order.
toml_values = st.sampled_from([
    "1", "-3", "0.38", "nan", "inf", "true", '"teks"', '""', "2024-01-01", "2024-01-01T08:00:00", "07:30:00",
    "[]", "[1, 2]", '["pdf", "link"]', "[-2, 0]", '{ level = 1, text = "a", score = 3 }', "{}", "[[[]]]",
    '"""\nbanyak\nbaris"""', "2024-13-45", "[", '"tak tertutup',
])
toml_lines = st.one_of(
    st.builds("{} = {}".format, st.sampled_from(KEYS), toml_values),
    st.sampled_from(["[window]", "[scoring]", "[options]", "[[steps]]", "[[fields]]", "[[indicators]]",
                     "[[spd_indicators]]", "[fields.visible_if]", "[[fields.parts]]", "[[indicators.bases]]",
                     "[[indicators.levels]]", "[[scoring.predicates]]", "format = 1", "# catatan", "=", "[x"]),
    st.text(max_size=12),
)


@FUZZ
@given(lines=st.lists(toml_lines, max_size=25))
def test_random_toml_documents(scratch: Path, lines: list[str]) -> None:
    scratch.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    outcome(lambda: load_catalogue(scratch))


@FUZZ
@given(data=trees)
def test_random_data_trees(data: object) -> None:
    outcome(lambda: parse_catalogue(data))


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    """Every dict key and list index in the tree, as a path from the root."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    found = []
    for key, child in items:
        found.append(prefix + (key,))
        found.extend(_paths(child, prefix + (key,)))
    return found


def _near_misses(value: object) -> list:
    """Plausible mistakes for a value: the same content with the wrong type, or out of range."""
    if isinstance(value, date):
        return [datetime.combine(value, time(8)), value.isoformat(), time(8)]
    if isinstance(value, bool):
        return ["true", 1, [value]]
    if isinstance(value, int | float):
        return [float("nan"), float("inf"), -value - 1, 0, str(value), True, [value]]
    if isinstance(value, str):
        return ["", " ", 1, [value], {"key": value}]
    if isinstance(value, list):
        return [[], {}, value[:1] * 4, [[item] for item in value], "teks"]
    return [[], {}, [value], "teks"]


wrong_values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.sampled_from(KEYS), scalars,
                                                                                  max_size=3))


@FUZZ
@given(data=st.data())
def test_shipped_files_with_keys_deleted_or_values_replaced(shipped_documents: list[dict], data: st.DataObject) -> None:
    document = copy.deepcopy(data.draw(st.sampled_from(shipped_documents)))
    for _ in range(data.draw(st.integers(min_value=1, max_value=6))):
        # Pick a key name first, then one of its places, so rare keys (window.start) get hit as
        # often as the hundreds of level texts.
        by_name: dict[str, list[tuple]] = {}
        for path in _paths(document):
            by_name.setdefault(str(path[-1]) if isinstance(path[-1], str) else "[]", []).append(path)
        if not by_name:
            break
        *parents, last = data.draw(st.sampled_from(by_name[data.draw(st.sampled_from(sorted(by_name)))]))
        container = document
        for key in parents:
            container = container[key]
        if data.draw(st.booleans()):
            del container[last]
        else:
            container[last] = data.draw(st.one_of(st.sampled_from(_near_misses(container[last])), wrong_values))
    outcome(lambda: parse_catalogue(document))


def test_a_replaced_score_is_caught_not_crashed(shipped_documents: list[dict]) -> None:
    # A concrete instance of the property above, so a regression shows a readable failure.
    document = copy.deepcopy(shipped_documents[0])
    document["indicators"][2]["levels"][0]["score"] = datetime(2024, 1, 1)
    document["window"]["start"] = datetime(2024, 1, 1, 8, 0)
    document["window"]["end"] = date(2025, 12, 31)
    document["fields"][0]["type"] = time(8, 0)
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(document, source="uji.toml")
    message = str(caught.value)
    for path in ("indicators[2].levels[0].score", "window.start", "fields[0].type"):
        assert path in message
