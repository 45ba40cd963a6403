"""The portal upload package: per indicator one PDF under the upload cap, the profile texts to copy,
and a checklist of what to upload where. Takes domain objects and paths only; see `build_portal_package`."""

from inovasi_desktop.export.portal.builder import build_portal_package
from inovasi_desktop.export.portal.model import DEFAULT_CAP, PortalInput, PortalPackageError, PortalResult

__all__ = ["DEFAULT_CAP", "PortalInput", "PortalPackageError", "PortalResult", "build_portal_package"]
