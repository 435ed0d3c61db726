"""Shared terminal output: a Rich console per call (it reads the terminal width then)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console


def console() -> Console:
    """A console sized to the terminal as it is now."""
    return Console(highlight=False)


def print_json(data: Any) -> None:
    """Print a JSON document (plain, so it pipes cleanly into other tools)."""
    console().out(json.dumps(data, indent=2, ensure_ascii=False), highlight=False)
