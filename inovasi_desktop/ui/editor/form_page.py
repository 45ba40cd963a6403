"""A profile step page rendered from the catalogue: one field widget per field, conditions applied."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from inovasi_desktop.catalogue import Catalogue
from inovasi_desktop.catalogue.model import Step
from inovasi_desktop.domain import Innovation
from inovasi_desktop.ui.editor.field_widgets import AttachmentField, FieldWidget, widget_for
from inovasi_desktop.ui.editor.labels import muted, page_title


def tr(text: str) -> str:
    return QApplication.translate("FormPage", text)


class FormPage(QWidget):
    changed = Signal()

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
            widget.changed.connect(self._on_change)
            layout.addWidget(widget)
            self.fields[field.key] = widget
        layout.addStretch(1)

    def _on_change(self) -> None:
        self.changed.emit()

    def load(self, innovation: Innovation) -> None:
        for key, widget in self.fields.items():
            if isinstance(widget, AttachmentField):
                widget.input.set_items(innovation.attachments.setdefault(key, []))
            else:
                widget.set_value(innovation.profile.get(key))
        self.apply_conditions(innovation.profile)

    def store(self, profile: dict) -> None:
        for key, widget in self.fields.items():
            if isinstance(widget, AttachmentField):
                continue
            value = widget.value()
            if value in (None, "", [], {}) or (isinstance(value, dict) and not any(value.values())):
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
