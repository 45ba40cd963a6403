"""Render resources/icons/aplikasi.svg into the icon files the builds need (run with the project's Python):
packaging/aplikasi.ico (Windows executable, installer, shortcuts) and packaging/inovasi-desktop.png (Linux .desktop)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 (QImage painting needs it)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "aplikasi.svg"))
    images = {size: render(renderer, size) for size in SIZES}
    images[256].save(ROOT / "packaging" / "aplikasi.ico", sizes=[(s, s) for s in SIZES],
                     append_images=[images[s] for s in SIZES[:-1]])
    images[256].save(ROOT / "packaging" / "inovasi-desktop.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
