"""Inovasi Desktop: offline drafting and checking of regional innovation dossiers (IID/IGA)."""

__version__ = "0.1.0"
