"""A small, safe Markdown converter for the learn pages.

It knows exactly what content/learn/*.md uses: ATX headings, paragraphs, bulleted and
numbered lists, **bold**, *italic* / _italic_ and `code`. Every text run is HTML-escaped
before any markup is added, so no input can inject tags or attributes.
"""

from __future__ import annotations

import re
from html import escape

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_INLINE = (
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"__(.+?)__"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"<em>\1</em>"),
)


def inline(text: str) -> str:
    """Escape a run of text, then mark up bold, italic and code."""
    html = escape(text, quote=True)
    for pattern, replacement in _INLINE:
        html = pattern.sub(replacement, html)
    return html


def _list_kind(line: str) -> tuple[str, str] | None:
    bullet = _BULLET.match(line)
    if bullet:
        return "ul", bullet.group(1)
    numbered = _NUMBERED.match(line)
    if numbered:
        return "ol", numbered.group(1)
    return None


def markdown_to_html(text: str, *, shift: int = 0, drop_title: bool = False) -> str:
    """HTML for a Markdown page; `shift` demotes headings, `drop_title` skips a leading `#`."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    kind = ""

    def flush() -> None:
        nonlocal kind
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append(f"<{kind}>" + "".join(f"<li>{inline(i)}</li>" for i in items) + f"</{kind}>")
            items.clear()
            kind = ""

    lines = text.replace("\r\n", "\n").split("\n")
    if drop_title and lines and lines[0].startswith("# "):
        lines = lines[1:]
    for line in lines:
        heading = _HEADING.match(line)
        listed = _list_kind(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            level = min(6, len(heading.group(1)) + shift)
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif listed:
            if paragraph or (items and listed[0] != kind):
                flush()
            kind = listed[0]
            items.append(listed[1])
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        else:
            if items:
                flush()
            paragraph.append(line.strip())
    flush()
    return "\n".join(out)
