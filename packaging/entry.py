"""The frozen program's entry point (PyInstaller): the same as `python -m inovasi_desktop`."""

import sys

from inovasi_desktop.__main__ import main

sys.exit(main())
