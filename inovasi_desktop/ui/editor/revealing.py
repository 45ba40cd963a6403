"""Which findings the step pages show: a new innovation opens calm, and findings appear where the user
has been (a field edited and left, a step left, a value that was there when opened). Kesiapan always
shows them all; a lost or broken evidence file is shown at once, everywhere."""

from __future__ import annotations

from inovasi_desktop.domain import Finding, Innovation, Severity
from inovasi_desktop.ui.editor.editor_view import EditorView
from inovasi_desktop.ui.editor.form_page import FormPage
from inovasi_desktop.ui.editor.indicator_page import IndicatorPage
from inovasi_desktop.ui.editor.steps import answered, written

ALWAYS_SHOWN = frozenset({"evidence.lost", "evidence.invalid"})


def shown_findings(view: EditorView, findings: list[Finding] | tuple[Finding, ...],
                   innovation: Innovation) -> list[Finding]:
    revealed: dict[str, bool] = {}
    for page in view.pages.values():
        if isinstance(page, FormPage):
            revealed.update({key: widget.revealed for key, widget in page.fields.items()})
        elif isinstance(page, IndicatorPage):
            revealed[Finding.indicator_where(page.indicator.number)] = page.revealed

    def shown(where: str) -> bool:
        if where not in revealed:  # its page is not built yet: as it would open, what was written is checked
            number = Finding(Severity.INFO, where, "").indicator_number
            field = view.catalogue.field(where)
            revealed[where] = (answered(innovation, number) if number is not None
                               else field is None or field.type == "auto" or written(view.catalogue, innovation, where))
        return revealed[where]

    return [f for f in findings if f.code in ALWAYS_SHOWN or shown(f.where.split(".", 1)[0])]


def reveal(view: EditorView, where: str) -> None:
    """Show the findings of the field, indicator or whole step `where` from now on."""
    for key, page in view.pages.items():
        if isinstance(page, FormPage):
            if key == where:
                page.reveal_all()
            elif where.split(".", 1)[0] in page.fields:
                page.fields[where.split(".", 1)[0]].revealed = True
        elif isinstance(page, IndicatorPage) and key == where:
            page.revealed = True
