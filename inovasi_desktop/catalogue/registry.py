"""The catalogues shipped in `forms/`, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from inovasi_desktop.catalogue.loader import load_catalogue
from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.errors import CatalogueError


@lru_cache(maxsize=8)
def load_all(folder: Path) -> tuple[Catalogue, ...]:
    """Every `*.toml` in `folder`, newest year first. Any invalid file raises `CatalogueError`."""
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise CatalogueError(f"Tidak ada berkas katalog di folder {folder}.")
    catalogues = [load_catalogue(path) for path in files]
    ids = [c.id for c in catalogues]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise CatalogueError(f"Id katalog ganda di {folder}: {', '.join(duplicated)}.")
    return tuple(sorted(catalogues, key=lambda c: (-c.year, c.id)))


class Catalogues:
    """Lookup of the available catalogues by id, with the default one."""

    def __init__(self, catalogues: tuple[Catalogue, ...]) -> None:
        self.all = catalogues
        self._by_id = {c.id: c for c in catalogues}

    @classmethod
    def from_folder(cls, folder: Path) -> Catalogues:
        return cls(load_all(folder))

    def get(self, catalogue_id: str) -> Catalogue:
        try:
            return self._by_id[catalogue_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise CatalogueError(f"Katalog '{catalogue_id}' tidak tersedia (tersedia: {known}).") from None

    def has(self, catalogue_id: str) -> bool:
        return catalogue_id in self._by_id

    @property
    def default(self) -> Catalogue:
        marked = [c for c in self.all if c.is_default]
        return marked[0] if marked else self.all[0]
