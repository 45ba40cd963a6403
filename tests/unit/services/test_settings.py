"""Every declared setting: complete, kept by its store, and read and written only through the accessors."""

from __future__ import annotations

from pathlib import Path

import pytest

import inovasi_desktop
from inovasi_desktop import paths
from inovasi_desktop.services import settings
from inovasi_desktop.services.settings import SETTINGS, TYPES, Setting, Store
from inovasi_desktop.services.workspace import Workspace
from inovasi_desktop.storage.repositories import AppStateRepository

PACKAGE = Path(inovasi_desktop.__file__).parent
SAMPLES = {str: "D:\\Arsip OPD\\Bukti dukung ✓", int: 7_340_032, bytes: b"\x00\x01\xff geometri \n"}
ids = [s.key for s in SETTINGS]


def package_sources(*leave_out: str) -> dict[str, str]:
    return {p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))
            if p.relative_to(PACKAGE).as_posix() not in leave_out}


@pytest.mark.parametrize("setting", SETTINGS, ids=ids)
def test_every_setting_is_declared_fully(setting: Setting) -> None:
    assert isinstance(setting.store, Store)
    assert setting.type in TYPES[setting.store]
    assert type(setting.default) is setting.type
    assert setting.purpose.strip() and setting.purpose.endswith((".", ")"))
    assert setting.key.strip() == setting.key and setting.key
    assert SAMPLES[setting.type] != setting.default  # so the round trip below shows the stored value


def test_keys_are_unique_and_every_module_constant_is_declared() -> None:
    assert len(set(ids)) == len(ids)
    constants = [value for value in vars(settings).values() if isinstance(value, Setting)]
    assert sorted(s.key for s in constants) == sorted(ids)


@pytest.mark.parametrize("setting", SETTINGS, ids=ids)
def test_every_setting_round_trips_through_its_store(setting: Setting, workspace: Workspace) -> None:
    sample = SAMPLES[setting.type]
    if setting.store is Store.DATABASE:
        assert settings.get(workspace, setting) == setting.default  # nothing stored yet
        settings.put(workspace, {setting: sample})
        later = Workspace()  # the next run reads the same database
        try:
            assert settings.get(later, setting) == sample
            settings.put(later, {setting: None})
            assert settings.get(later, setting) == setting.default
        finally:
            later.close()
    else:
        from inovasi_desktop.ui import view_settings

        assert view_settings.get(setting) == setting.default
        view_settings.put(setting, sample)
        assert paths.view_settings_path().is_file()
        assert view_settings.get(setting) == sample
        view_settings.put(setting, None)
        assert view_settings.get(setting) == setting.default


@pytest.mark.parametrize("setting", SETTINGS, ids=ids)
def test_no_key_is_written_anywhere_else_in_the_package(setting: Setting) -> None:
    for name, source in package_sources("services/settings.py").items():
        assert f'"{setting.key}"' not in source and f"'{setting.key}'" not in source, name


def test_the_stores_are_used_only_through_the_accessors() -> None:
    users = {name for name, source in package_sources().items() if "AppStateRepository" in source}
    assert users == {"services/settings.py", "storage/__init__.py", "storage/repositories.py"}
    assert {name for name, source in package_sources().items() if "QSettings" in source} == {"ui/view_settings.py"}


def test_accessors_refuse_the_wrong_store_or_type_and_unreadable_values_give_the_default(workspace) -> None:
    with pytest.raises(ValueError, match="view"):
        settings.put(workspace, {settings.WINDOW_GEOMETRY: b"x"})
    with pytest.raises(ValueError, match="view"):
        settings.get(workspace, settings.EDITOR_SPLITTER)
    with pytest.raises(TypeError, match="int"):
        settings.put(workspace, {settings.EVIDENCE_MAX_BYTES: "5 MB"})
    with pytest.raises(TypeError, match="str"):
        settings.put(workspace, {settings.LAST_STEP: 3})
    with workspace.db.write() as session:
        AppStateRepository(session).set(settings.EVIDENCE_MAX_BYTES.key, "banyak")
    assert settings.get(workspace, settings.EVIDENCE_MAX_BYTES) == settings.EVIDENCE_MAX_BYTES.default
