"""Qt user interface. Importing it applies the PySide6 workaround every UI user needs."""

from inovasi_desktop.ui.pyside_refcount import keep_singletons_alive

keep_singletons_alive()
