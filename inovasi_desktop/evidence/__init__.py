"""Evidence (bukti dukung) files: no Qt, no database.

sniff       media type from content (its evidence kind: catalogue.evidence_kinds)
checks      check_file: what verifiers would reject (type, size, damaged or locked PDFs, bombs, ...);
            for_target: a kept result judged again for another place's kinds and size cap
images      open_image (pixel limit), shrink_image
pdf_safety  find_active_content / strip_active_content (scripts, launch actions, embedded files, XFA)
pdf_annotations  make_printable: form and annotation appearances the producer left out or stale
pdf_damage  damaged_pages: the pages of a repaired PDF that lost content or do not render
pdfium      pypdfium2 behind one lock: text of the first pages, rendering every page
limits      DEFAULT_MAX_BYTES (shared with the settings)
regions     which kabupaten/kota a text names
store       EvidenceStore: content-addressed, read-only files under their sha256 (add, verify, discard, clean-up)
errors      EvidenceError, StoreError (a cancel raises domain.errors.Cancelled)
"""
