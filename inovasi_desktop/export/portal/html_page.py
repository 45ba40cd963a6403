"""The frame of the package's HTML pages: one self-contained file (no network, no external files),
readable in any browser, with a copy button that works from a local file."""

from __future__ import annotations

from html import escape

_STYLE = """
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 15px; color: #1d2733;
       max-width: 960px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px;
     border-bottom: 2px solid #1f5c99; padding-bottom: 4px; }
.meta { color: #555f6b; margin: 0 0 12px; }
.field { border: 1px solid #c9d3de; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.field h3 { font-size: 15px; margin: 0; display: inline; }
.note { color: #555f6b; font-size: 13px; margin-left: 8px; }
.value { white-space: pre-wrap; margin: 6px 0 2px; background: #f5f8fb; padding: 6px 8px; border-radius: 4px; }
.empty { color: #8a4b00; font-style: italic; }
.part { margin: 8px 0 0 16px; }
button.copy { float: right; font-size: 13px; padding: 3px 10px; cursor: pointer; border: 1px solid #1f5c99;
              background: #e8f0f9; color: #1f5c99; border-radius: 4px; }
button.copy.done { background: #1f7a3d; color: #ffffff; border-color: #1f7a3d; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #c9d3de; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #e8f0f9; }
.siap { color: #1f7a3d; font-weight: bold; } .terlalu_besar { color: #b3261e; font-weight: bold; }
.tanpa_bukti { color: #8a4b00; } .tautan, .video { color: #1f5c99; }
.docs { margin: 4px 0 0; padding-left: 18px; color: #3a4552; font-size: 13px; }
"""

# Clipboard API where the browser allows it (a local file is a secure context in current browsers),
# else the older selection + execCommand way.
_SCRIPT = """
function salin(id, button) {
  var text = document.getElementById(id).textContent;
  function done() { var old = button.textContent; button.textContent = "Tersalin";
    button.classList.add("done"); setTimeout(function () { button.textContent = old;
    button.classList.remove("done"); }, 1500); }
  function fallback() { var area = document.createElement("textarea"); area.value = text;
    document.body.appendChild(area); area.select(); try { document.execCommand("copy"); done(); }
    finally { document.body.removeChild(area); } }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else { fallback(); }
}
"""


def page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n<script>{_SCRIPT}</script>\n</head>\n"
            f"<body>\n{body}</body>\n</html>\n")


def copy_button(target_id: str, label: str) -> str:
    return (f'<button class="copy" type="button" title="Salin {escape(label)}" '
            f'onclick="salin(\'{escape(target_id)}\', this)">Salin</button>')


def value_block(target_id: str, value: str) -> str:
    if not value:
        return '<div class="value empty">belum diisi</div>'
    return f'<div class="value" id="{escape(target_id)}">{escape(value)}</div>'


def to_bytes(text: str) -> bytes:
    """UTF-8 with Windows line ends, the same bytes on every platform."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
