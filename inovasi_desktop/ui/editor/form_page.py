"""A profile step page rendered from the catalogue: one field widget per field, conditions applied."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.catalogue.model import Step
from inovasi_desktop.domain import Innovation
from inovasi_desktop.ui.editor.field_widgets import AttachmentField, DateField, FieldWidget, widget_for
from inovasi_desktop.ui.editor.labels import muted, page_title


def tr(text: str) -> str:
    return QApplication.translate("FormPage", text)


def is_blank(value) -> bool:
    if isinstance(value, dict):  # sections or coordinates: a latitude of 0 is a value
        return all(v is None or v == "" for v in value.values())
    return value in (None, "", [])


class FormPage(QWidget):
    changed = Signal()
    revealed = Signal()  # a field's findings are to be shown from now on

    def __init__(self, catalogue: Catalogue, step: Step) -> None:
        super().__init__()
        self.step = step
        self.setObjectName(f"step_{step.key}")
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(page_title(tr(step.title)))
        if step.help:
            layout.addWidget(muted(tr(step.help)))
        self.fields: dict[str, FieldWidget] = {}
        for field in catalogue.fields_for_step(step.key):
            widget = widget_for(field)
            if isinstance(widget, DateField):  # the calendar opens inside the implementation window
                widget.date_input.set_period(catalogue.window.start, catalogue.window.end,
                                             tr("Periode penerapan yang dinilai"))
            widget.changed.connect(self._on_change)
            layout.addWidget(widget)
            self.fields[field.key] = widget
        layout.addStretch(1)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_change(self) -> None:
        self.changed.emit()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """An edited field is revealed once the focus leaves it (Tab, a click elsewhere, another window)."""
        for widget in self.fields.values():
            if widget.edited and not widget.revealed and old is not None and widget.isAncestorOf(old) \
                    and not (new is not None and widget.isAncestorOf(new)):
                widget.revealed = True
                self.revealed.emit()

    def reveal_all(self) -> None:
        """The user left this step: every finding of its fields is shown from now on."""
        if not all(widget.revealed for widget in self.fields.values()):
            for widget in self.fields.values():
                widget.revealed = True
            self.revealed.emit()

    def load(self, innovation: Innovation) -> None:
        for key, widget in self.fields.items():
            if isinstance(widget, AttachmentField):
                items = innovation.attachments.setdefault(key, [])
                widget.input.set_items(items)
                filled = bool(items)
            else:
                widget.set_value(innovation.profile.get(key))
                filled = not is_blank(widget.value())
            widget.edited = False
            widget.revealed = widget.field.type == "auto" or filled  # what was written before is checked at once
        self.apply_conditions(innovation.profile)

    def show_values(self, innovation: Innovation) -> None:
        """Show values changed elsewhere (services/merge.py); a field already showing its value is left alone,
        cursor and all."""
        for key, widget in self.fields.items():
            if isinstance(widget, AttachmentField):
                widget.input.set_items(innovation.attachments.setdefault(key, []))
            elif widget.field.type != "auto" and widget.value() != innovation.profile.get(key):
                widget.set_value(innovation.profile.get(key))
        self.apply_conditions(innovation.profile)

    def store(self, profile: dict) -> None:
        for key, widget in self.fields.items():
            if isinstance(widget, AttachmentField):
                continue
            value = widget.value()
            if is_blank(value):
                profile.pop(key, None)
            else:
                profile[key] = value

    def apply_conditions(self, profile: dict) -> None:
        for widget in self.fields.values():
            widget.setVisible(widget.field.is_visible(profile))

    def focus_field(self, key: str) -> bool:
        widget = self.fields.get(key)
        if widget is None or not widget.isVisible():
            return False
        widget.focus_input()
        return True

    def first_input(self) -> QWidget | None:
        visible = [w for w in self.fields.values() if w.isVisibleTo(self) and w.field.type != "auto"]
        return visible[0] if visible else None

    def set_focus_first(self) -> None:
        widget = self.first_input()
        if widget is not None:
            widget.focus_input()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
