"""Catalogues of the standard: load and validate `forms/` files into frozen objects."""

from inovasi_desktop.catalogue.loader import load_catalogue, parse_catalogue
from inovasi_desktop.catalogue.model import (
    EVIDENCE_KINDS,
    FIELD_TYPES,
    UNCONFIRMED_LABEL,
    Catalogue,
    Indicator,
    ProfileField,
)
from inovasi_desktop.catalogue.registry import Catalogues

__all__ = [
    "EVIDENCE_KINDS",
    "FIELD_TYPES",
    "UNCONFIRMED_LABEL",
    "Catalogue",
    "Catalogues",
    "Indicator",
    "ProfileField",
    "load_catalogue",
    "parse_catalogue",
]
