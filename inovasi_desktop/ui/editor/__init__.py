"""The guided editor: steps generated from the catalogue."""
