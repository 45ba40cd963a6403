"""Use cases about the organisation (pemda, OPD, head of OPD) using this installation.

`problems` is the one validator: the organisation dialog and the `organisation` command both call it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING

from inovasi_desktop.rules.format import is_nip, nip_digits
from inovasi_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from inovasi_desktop.domain import Organisation

MAX_LENGTH = 200  # characters of one value
REQUIRED = (("pemda", "Nama pemda"), ("opd", "Nama OPD"), ("head_name", "Nama kepala OPD"))
_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def get(ws: Workspace) -> Organisation:
    from inovasi_desktop.storage.repositories import OrganisationRepository

    with ws.db.begin() as session:
        return OrganisationRepository(session).get()


def problems(org: Organisation, catalogue_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Indonesian messages keyed by attribute name; empty when the organisation can be saved.

    With `catalogue_ids`, the default catalogue must be one of them (or empty: the newest one).
    """
    out = {}
    for attr, label in REQUIRED:
        if not getattr(org, attr).strip():
            out[attr] = f"{label} wajib diisi."
    if not nip_digits(org.head_nip):
        out["head_nip"] = "NIP kepala OPD wajib diisi."
    elif not is_nip(org.head_nip):
        out["head_nip"] = "NIP terdiri atas 18 angka."
    if org.contact_email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", org.contact_email):
        out["contact_email"] = "Alamat surel tidak valid."
    for f in fields(org):
        value = getattr(org, f.name)
        if len(value) > MAX_LENGTH:
            out[f.name] = f"Isian ini terlalu panjang (paling banyak {MAX_LENGTH} karakter)."
        elif _ONE_LINE.search(value):
            out[f.name] = "Isian ini harus satu baris, tanpa karakter kendali."
    from inovasi_desktop.domain.model import ROLE_COORDINATOR, ROLE_OPD

    if org.role not in (ROLE_OPD, ROLE_COORDINATOR):
        out["role"] = f"Peran harus \"{ROLE_OPD}\" atau \"{ROLE_COORDINATOR}\"."
    known = list(catalogue_ids) if catalogue_ids is not None else None
    if known is not None and org.default_catalogue and org.default_catalogue not in known:
        out["default_catalogue"] = (f"Katalog '{org.default_catalogue}' tidak dikenal "
                                    f"(tersedia: {', '.join(known)}).")
    return out


def save(ws: Workspace, org: Organisation) -> None:
    from inovasi_desktop.domain.errors import InovasiError
    from inovasi_desktop.storage.repositories import OrganisationRepository

    found = problems(org, (c.id for c in ws.catalogues.all))
    if found:
        raise InovasiError(" ".join(found.values()))
    org.head_nip = nip_digits(org.head_nip)
    with ws.db.write() as session:
        OrganisationRepository(session).save(org)
