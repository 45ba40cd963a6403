"""Field widgets, one per catalogue field type, and the registry that maps types to them.

Every widget shows its label, help and a message line under the input, emits `changed` on each
edit and reads/writes the JSON-native value the domain stores for its type.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inovasi_desktop.catalogue import UNCONFIRMED_LABEL, ProfileField
from inovasi_desktop.domain.model import Severity
from inovasi_desktop.domain.text import clean_text
from inovasi_desktop.rules import count_words
from inovasi_desktop.services.evidence import parse_date_text
from inovasi_desktop.ui.editor.evidence_panel import EvidencePanel
from inovasi_desktop.ui.editor.inputs import HARD_MAX_CHARS, DateInput, wheel_only_when_focused
from inovasi_desktop.ui.editor.labels import MESSAGE_COLOURS, muted


def tr(text: str) -> str:
    return QApplication.translate("FieldWidgets", text)


class FieldWidget(QWidget):
    """Label, optional help, the input (built by subclasses), and a message line.

    The message line stays quiet until the field is `revealed`: the user edited it and left it (or, for
    a choice made in one go, `reveal_on_change`), left its step, or it held a value when opened.
    """

    changed = Signal()
    reveal_on_change = False

    def __init__(self, field: ProfileField) -> None:
        super().__init__()
        self.field = field
        self.edited = False  # since the last load: revealed once focus leaves the field
        self.revealed = field.type == "auto"  # filled from the organisation, not by the user here
        self.changed.connect(self._on_changed)
        self.setObjectName(f"field_{field.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(3)
        title = tr(field.label) + (" *" if field.required else "")
        if field.unconfirmed:
            title += f"  <span style='color:#8a5a00;font-weight:normal'>({tr(UNCONFIRMED_LABEL)})</span>"
        self.label = QLabel(f"<b>{title}</b>")
        layout.addWidget(self.label)
        if field.help:
            self.help = muted(tr(field.help))
            layout.addWidget(self.help)
        self.input = self.build_input()
        self.label.setBuddy(self.input)
        layout.addWidget(self.input)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def _on_changed(self) -> None:
        self.edited = True
        if self.reveal_on_change:
            self.revealed = True

    def build_input(self) -> QWidget:
        raise NotImplementedError

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def set_message(self, text: str, severity: Severity = Severity.GALAT) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {MESSAGE_COLOURS[severity]};")
        self.message.setVisible(bool(text))

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


class AutoField(FieldWidget):
    def build_input(self) -> QWidget:
        self._value = ""
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setToolTip(tr("Diisi otomatis dari data organisasi (menu Organisasi)."))
        return edit

    def value(self):
        return self._value

    def set_value(self, value) -> None:
        self._value = value or ""
        self.input.setText(self._value)


class TextField(FieldWidget):
    def build_input(self) -> QWidget:
        edit = QLineEdit()
        edit.setMaxLength(HARD_MAX_CHARS)
        edit.textEdited.connect(lambda _: self.changed.emit())
        return edit

    def value(self):
        return clean_text(self.input.text()).strip()

    def set_value(self, value) -> None:
        self.input.setText(value or "")


COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                     | Qt.KeyboardModifier.MetaModifier)


class PlainText(QPlainTextEdit):
    """A plain-text editor that pastes only text (never rich content), tabs out of itself, and keeps
    PageUp/PageDown for its own text (the editor's step shortcuts would take them otherwise)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def event(self, event: QEvent) -> bool:
        # Ctrl/Alt/Meta+PageUp/PageDown stay shortcuts (the next step). Tested with `&` on the modifiers that
        # matter, never `~ShiftModifier`: PySide's `~` on a Qt flag keeps only the bits below the highest
        # member on Windows (0x1FFFFFF), losing Ctrl, so Ctrl+PageDown was kept by the text there.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) \
                and not event.modifiers() & COMMAND_MODIFIERS:
            event.accept()  # a key press for this editor, not a shortcut
            return True
        return super().event(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt API
        if source.hasText():
            self.insertPlainText(clean_text(source.text())[:HARD_MAX_CHARS])


class ParagraphField(FieldWidget):
    def build_input(self) -> QWidget:
        edit = PlainText()
        edit.setMinimumHeight(110)
        edit.textChanged.connect(self.changed)
        return edit

    def value(self):
        return clean_text(self.input.toPlainText()).strip()

    def set_value(self, value) -> None:
        self.input.setPlainText(value or "")


class SectionedTextField(FieldWidget):
    """Titled parts (rancang bangun) with a live word count against the minimum."""

    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel()
        self.count_label.setObjectName("wordCount")
        layout.addWidget(self.count_label)
        self.parts: dict[str, PlainText] = {}
        self.part_counts: dict[str, QLabel] = {}
        for part in self.field.parts:
            header = QHBoxLayout()
            title = QLabel(f"<b>{tr(part.title)}</b>")
            count = QLabel()
            count.setStyleSheet("color: #555;")
            header.addWidget(title)
            header.addStretch(1)
            header.addWidget(count)
            layout.addLayout(header)
            if part.hint:
                layout.addWidget(muted(tr(part.hint)))
            edit = PlainText()
            edit.setObjectName(f"part_{part.key}")
            edit.setMinimumHeight(120)
            edit.textChanged.connect(self._on_edit)
            title.setBuddy(edit)
            layout.addWidget(edit)
            self.parts[part.key], self.part_counts[part.key] = edit, count
        self._update_counts()
        return box

    def _on_edit(self) -> None:
        self._update_counts()
        self.changed.emit()

    def _update_counts(self) -> None:
        total = 0
        for key, edit in self.parts.items():
            words = count_words(edit.toPlainText())
            total += words
            self.part_counts[key].setText(tr("{n} kata").format(n=words))
        minimum = self.field.min_words or 0
        colour = "#1b6e20" if total >= minimum else "#8a5a00"
        text = tr("Jumlah kata: {total} dari minimal {minimum}").format(total=total, minimum=minimum)
        self.count_label.setText(f"<span style='color:{colour};font-weight:600'>{text}</span>")
        self.total_words = total

    def value(self):
        return {key: clean_text(edit.toPlainText()).strip() for key, edit in self.parts.items()}

    def set_value(self, value) -> None:
        value = value if isinstance(value, dict) else {}
        for key, edit in self.parts.items():
            edit.blockSignals(True)
            edit.setPlainText(value.get(key, ""))
            edit.blockSignals(False)
        self._update_counts()

    def focus_input(self) -> None:
        empty = [edit for key, edit in self.parts.items() if not edit.toPlainText().strip()]
        (empty or list(self.parts.values()))[0].setFocus(Qt.FocusReason.OtherFocusReason)


class ChoiceField(FieldWidget):
    reveal_on_change = True

    def build_input(self) -> QWidget:
        combo = wheel_only_when_focused(QComboBox())
        combo.addItem(tr("— pilih —"), "")
        for option in self.field.options:
            combo.addItem(option, option)
        combo.setMaxVisibleItems(15)
        combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        return combo

    def value(self):
        return self.input.currentData() or ""

    def set_value(self, value) -> None:
        self.input.blockSignals(True)
        self.input.setCurrentIndex(max(0, self.input.findData(value or "")))
        self.input.blockSignals(False)


class MultiChoiceField(FieldWidget):
    reveal_on_change = True

    def build_input(self) -> QWidget:
        box = QListWidget()
        for option in self.field.options:
            item = QListWidgetItem(option)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            box.addItem(item)
        box.setMaximumHeight(160)
        box.itemChanged.connect(lambda _: self.changed.emit())
        return box

    def value(self):
        box = self.input
        return [box.item(i).text() for i in range(box.count()) if box.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, value) -> None:
        chosen = set(value or [])
        self.input.blockSignals(True)
        for i in range(self.input.count()):
            item = self.input.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked)
        self.input.blockSignals(False)


class DateField(FieldWidget):
    """A date typed as DD-MM-YYYY or picked from a calendar; empty is allowed."""

    def build_input(self) -> QWidget:
        self.date_input = DateInput(tr("HH-BB-TTTT, misalnya 17-08-2025"))
        self.edit, self.calendar = self.date_input.edit, self.date_input.calendar
        self.edit.textEdited.connect(lambda _: self.changed.emit())
        self.date_input.picked.connect(self._picked)
        return self.date_input

    def _picked(self) -> None:
        self.revealed = True  # chosen in one go: what the checks say about it shows at once
        self.changed.emit()

    def value(self):
        text = self.edit.text().strip()
        parsed = parse_date_text(text)
        return parsed.isoformat() if parsed else text  # an invalid text is kept and reported by the rules

    def set_value(self, value) -> None:
        parsed = parse_date_text(value or "")
        self.edit.setText(parsed.strftime("%d-%m-%Y") if parsed else (value or ""))

    def focus_input(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


class CoordinatesField(FieldWidget):
    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lat, self.lon = QLineEdit(), QLineEdit()
        for edit, label in ((self.lat, "Lintang"), (self.lon, "Bujur")):
            edit.setMaxLength(HARD_MAX_CHARS)
            edit.setPlaceholderText(tr(label))
            edit.setMaximumWidth(160)
            edit.textEdited.connect(lambda _: self.changed.emit())
            layout.addWidget(QLabel(tr(label)))
            layout.addWidget(edit)
        layout.addStretch(1)
        return box

    def value(self):
        """{"lat", "lon"} as typed: numbers where they read as one (a decimal comma too), else the text, which
        is kept like an invalid date and reported by the rules (out of range, half filled, not a number)."""
        lat, lon = _coordinate(self.lat.text()), _coordinate(self.lon.text())
        return None if lat is None and lon is None else {"lat": lat, "lon": lon}

    def set_value(self, value) -> None:
        value = value if isinstance(value, dict) else {}
        self.lat.setText(_coordinate_text(value.get("lat")))
        self.lon.setText(_coordinate_text(value.get("lon")))

    def focus_input(self) -> None:
        self.lat.setFocus(Qt.FocusReason.OtherFocusReason)


def _coordinate(text: str) -> float | str | None:
    text = clean_text(text).strip()
    if not text:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text
    return number if math.isfinite(number) else text


def _coordinate_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:.10f}".rstrip("0").rstrip(".")  # every digit typed, without an exponent
    return str(value)


class AttachmentField(FieldWidget):
    """Profile attachments; the evidence panel fills the input (see evidence_panel.py)."""

    reveal_on_change = True

    def build_input(self) -> QWidget:
        panel = EvidencePanel(accepts=self.field.accepts)
        panel.changed.connect(self.changed)
        return panel

    def value(self):
        return None  # attachments live in innovation.attachments, edited by the panel

    def set_value(self, value) -> None:
        pass


WIDGETS: dict[str, type[FieldWidget]] = {
    "auto": AutoField,
    "text": TextField,
    "paragraph": ParagraphField,
    "sectioned_text": SectionedTextField,
    "choice": ChoiceField,
    "multi_choice": MultiChoiceField,
    "date": DateField,
    "coordinates": CoordinatesField,
    "attachment": AttachmentField,
}


def widget_for(field: ProfileField) -> FieldWidget:
    return WIDGETS[field.type](field)
