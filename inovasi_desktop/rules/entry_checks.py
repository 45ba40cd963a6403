"""How often the innovation has been entered before: the standard allows one innovation at most
`catalogue.max_entries` entries (IGA 2024: twice), the second showing added maturity.

Only the entries this installation recorded can be counted (innovations of the same name under the
catalogues of earlier years, see `CheckContext.earlier_entries`); entries made elsewhere cannot.
"""

from __future__ import annotations

from inovasi_desktop.catalogue.model import Catalogue
from inovasi_desktop.domain.model import Finding, Innovation, Severity
from inovasi_desktop.rules.context import CheckContext

WHERE = "nama_inovasi"


def entry_findings(catalogue: Catalogue, innovation: Innovation, context: CheckContext) -> list[Finding]:
    earlier = context.earlier_entries
    limit = catalogue.max_entries
    if not limit or not earlier or not innovation.name.strip():
        return []
    where = ", ".join(earlier)
    if len(earlier) + 1 > limit:
        return [Finding(Severity.PERINGATAN, WHERE,
                        f'Inovasi "{innovation.name.strip()}" sudah tercatat diikutkan pada {where}. Standar '
                        f"membatasi satu inovasi paling banyak diikutkan {limit} kali, jadi keikutsertaan ini "
                        "dapat ditolak. Aplikasi hanya mengetahui keikutsertaan yang tercatat di sini.",
                        "entries.too_many")]
    return [Finding(Severity.INFO, WHERE,
                    f'Inovasi "{innovation.name.strip()}" sudah tercatat diikutkan pada {where}; ini keikutsertaan '
                    f"ke-{len(earlier) + 1} dari paling banyak {limit}. Tunjukkan perkembangan atau kematangan "
                    "yang bertambah sejak keikutsertaan sebelumnya.", "entries.again")]
