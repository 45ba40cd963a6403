"""The window's layout (the VIEW settings) comes back at the next start: its size and the editor's split."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest

from inovasi_desktop import paths
from tests.fixtures.editor import wait_for_editor


def drag_handle(splitter, dx: int) -> None:
    """Drag the splitter's handle `dx` pixels sideways with the mouse, as a person does."""
    handle = splitter.handle(1)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(dx // 2, 0))
    QTest.mouseMove(handle, start + QPoint(dx, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(dx, 0))


def test_window_size_and_editor_split_come_back_at_the_next_start(qtbot, workspace):
    from inovasi_desktop.ui.main_window import MainWindow

    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.resize(760, 560)  # within the offscreen screen (800 x 600), which restoreGeometry keeps to
    first.show()
    qtbot.waitExposed(first)
    assert first.load()
    first.new_action.trigger()
    wait_for_editor(first)
    splitter = first.editor.view.splitter
    before = splitter.sizes()
    drag_handle(splitter, 120)
    qtbot.waitUntil(lambda: splitter.sizes()[0] > before[0] + 60)
    dragged = splitter.sizes()
    qtbot.mouseClick(first.editor.view.back_button, Qt.MouseButton.LeftButton)  # the split is kept on leaving
    first.close()  # and the window's size on closing
    assert paths.view_settings_path().is_file()

    second = MainWindow(workspace)
    qtbot.addWidget(second)
    assert second.size() == QSize(760, 560)
    second.show()
    qtbot.waitExposed(second)
    assert second.load()
    second.list_view.select(second.list_view.model.rows[0].id)
    second.open_action.trigger()
    wait_for_editor(second)
    assert second.editor.view.splitter.sizes() == dragged
    second.close()


def test_the_first_window_fits_a_small_screen(qtbot, workspace):
    """With no size kept yet, the window opens within the screen's free area (a 1366x768 laptop leaves ~728
    pixels above the taskbar): its status bar and the editor's Berikutnya button are not under the taskbar."""
    from inovasi_desktop.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() - 40 and window.height() <= available.height() - 40
    window.show()
    qtbot.waitExposed(window)
    assert window.load()
