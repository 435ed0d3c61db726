"""Shared terminal output: a Rich console per call (it reads the terminal width then)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console


def console() -> Console:
    """A console sized to the terminal as it is now."""
    return Console(highlight=False)


def print_json(data: Any) -> None:
    """Print a JSON document (plain, so it pipes cleanly into other tools)."""
    console().out(json.dumps(data, indent=2, ensure_ascii=False), highlight=False)


def emit(text: str, output: Path | None, *, what: str) -> None:
    """Print a document, or write it to `output` (exact bytes, no newline translation)."""
    if output is None:
        console().out(text, end="", highlight=False)
        return
    from hipcoach.domain.errors import HipcoachError

    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise HipcoachError(f"Cannot write {output}: {exc.strerror}.", field="output") from None
    print(f"Wrote {what} to {output}", file=sys.stderr)  # noqa: T201 (status line on stderr)
