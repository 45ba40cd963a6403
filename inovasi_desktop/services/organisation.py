"""Use cases about the organisation (pemda, OPD, head of OPD) using this installation."""

from __future__ import annotations

import re

from inovasi_desktop.domain import Organisation
from inovasi_desktop.rules.format import is_nip, nip_digits
from inovasi_desktop.services.workspace import Workspace


def get(ws: Workspace) -> Organisation:
    from inovasi_desktop.storage.repositories import OrganisationRepository

    with ws.db.begin() as session:
        return OrganisationRepository(session).get()


def problems(org: Organisation) -> dict[str, str]:
    """Indonesian messages keyed by attribute name; empty when the organisation can be saved."""
    out = {}
    for attr, label in (("pemda", "Nama pemda"), ("opd", "Nama OPD"), ("head_name", "Nama kepala OPD")):
        if not getattr(org, attr).strip():
            out[attr] = f"{label} wajib diisi."
    if not nip_digits(org.head_nip):
        out["head_nip"] = "NIP kepala OPD wajib diisi."
    elif not is_nip(org.head_nip):
        out["head_nip"] = "NIP terdiri atas 18 angka."
    if org.contact_email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", org.contact_email):
        out["contact_email"] = "Alamat surel tidak valid."
    return out


def save(ws: Workspace, org: Organisation) -> None:
    from inovasi_desktop.domain.errors import InovasiError
    from inovasi_desktop.storage.repositories import OrganisationRepository

    found = problems(org)
    if found:
        raise InovasiError(" ".join(found.values()))
    org.head_nip = nip_digits(org.head_nip)
    with ws.db.begin() as session:
        OrganisationRepository(session).save(org)
