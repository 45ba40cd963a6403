"""Bundles (`*.inovasi`): innovations with their evidence in one ZIP file, for a USB stick, email or a folder."""
