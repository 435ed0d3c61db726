"""Turn user errors into a clear message and exit code 2, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from hipcoach.domain.errors import HipcoachError

P = ParamSpec("P")
R = TypeVar("R")


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command so domain errors print as one line on stderr and exit with 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except HipcoachError as exc:
            from hipcoach.cli.output import terminal_safe  # late: Rich costs ~0.2 s at start

            hint = getattr(exc, "cli_hint", "")
            typer.echo(f"Error: {terminal_safe(exc.message)}{' ' + hint if hint else ''}", err=True)
            raise typer.Exit(2) from None

    return wrapper
