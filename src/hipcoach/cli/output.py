"""Shared terminal output: a Rich console per call (it reads the terminal width then).

Nothing stored can drive the terminal: every console from `console()` shows each control
character in the text it prints (escape, carriage return, bell, C1 codes such as U+009B, the
8-bit CSI) as U+FFFD, keeping only tab and line feed; Rich's own styling is untouched. JSON is
printed with those characters as \\u escapes (the same document, safely), and a document sent
to a pipe or a file is written exactly as it is.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # every control character but \t, \n
_UNESCAPED_IN_JSON = re.compile("[\x7f-\x9f]")  # json.dumps escapes C0 itself
SHOWN_INSTEAD = "\ufffd"


def terminal_safe(text: str) -> str:
    """The text with every control character but tab and line feed shown as U+FFFD."""
    return _UNSAFE.sub(SHOWN_INSTEAD, text)


class _Safe:
    """A renderable as Rich draws it, less any control character its text holds."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control:  # Rich's own cursor moves, never text from outside
                yield segment
            else:
                yield Segment(terminal_safe(segment.text), segment.style)


class _SafeHook(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Safe(r) for r in renderables]


def console() -> Console:
    """A console sized to the terminal as it is now, that never prints a control character."""
    made = Console(highlight=False)
    made.push_render_hook(_SafeHook())
    return made


def json_text(data: Any) -> str:
    """Indented JSON whose every control character is a \\u escape (so safe on a terminal)."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNESCAPED_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def print_json(data: Any) -> None:
    """Print a JSON document (plain, so it pipes cleanly into other tools)."""
    console().out(json_text(data), highlight=False)


def emit(text: str, output: Path | None, *, what: str) -> None:
    """Print a document, or write it to `output` (exact bytes, no newline translation).

    On a terminal the document is shown safely; into a pipe it goes exactly as it is (an
    .ics keeps its CRLF line ends), for the program reading it.
    """
    emit_chunks((text,), output, what=what)


def emit_chunks(chunks: Iterable[str], output: Path | None, *, what: str) -> None:
    """`emit` for a document that comes a piece at a time: each piece goes out as it comes,
    so the whole never sits in memory. A file is written beside `output` and renamed onto it
    once complete, so a failure half way leaves no half document under its name."""
    if output is None:
        shown = console() if sys.stdout.isatty() else None
        for chunk in chunks:
            if shown is not None:
                shown.out(chunk.replace("\r\n", "\n"), end="", highlight=False)
            else:
                sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    from hipcoach.domain.errors import HipcoachError

    partial = output.with_name(f".{output.name}.part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as file:
            for chunk in chunks:
                file.write(chunk)
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise HipcoachError(f"Cannot write {output}: {exc.strerror}.", field="output") from None
    finally:
        partial.unlink(missing_ok=True)
    print(f"Wrote {what} to {output}", file=sys.stderr)  # noqa: T201 (status line on stderr)
