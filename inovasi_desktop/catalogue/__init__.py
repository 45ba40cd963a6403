"""Catalogues of the standard: load and validate `forms/` files into frozen objects."""

from inovasi_desktop.catalogue.evidence_kinds import EVIDENCE_KINDS
from inovasi_desktop.catalogue.field_values import FIELD_TYPES, check_value
from inovasi_desktop.catalogue.loader import load_catalogue, parse_catalogue
from inovasi_desktop.catalogue.model import (
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
    "check_value",
    "load_catalogue",
    "parse_catalogue",
]
