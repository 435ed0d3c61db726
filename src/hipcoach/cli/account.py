"""`hipcoach account password`: a new password set by whoever runs the server."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors

account_app = typer.Typer(help="Accounts on this database: set a password when no one can sign in.")

MISMATCH = "The two passwords differ; nothing was changed."
NO_PASSWORD = "No password was given; nothing was changed."


def _typed_twice() -> str:
    """The new password, typed twice without echo on the terminal."""
    from getpass import getpass

    from hipcoach.domain.auth import AuthError

    try:
        first = getpass("New password: ")
        second = getpass("The same again: ")
    except EOFError:
        raise AuthError(NO_PASSWORD, field="password") from None
    if first != second:
        raise AuthError(MISMATCH, field="password")
    return first


def _piped() -> str:
    """The new password as the first line of stdin (its line break is not part of it)."""
    from hipcoach.domain.auth import AuthError

    line = sys.stdin.readline()
    if not line:
        raise AuthError(NO_PASSWORD, field="password")
    return line.removesuffix("\n").removesuffix("\r")


@account_app.command()
@user_errors
def password(
    email: Annotated[
        str | None,
        typer.Option(help="The account's email (default: the owner, the first account)"),
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the new password from stdin's first line")
    ] = False,
) -> None:
    """Set a new password for an account on this database, e.g. when the owner forgot theirs.

    Every web session, API token and the calendar address of the account end, and its
    sign-in attempts start over, as after a password change in Settings.
    """
    from hipcoach.cli import context
    from hipcoach.passwords import Argon2Hasher  # late: argon2 is only needed here
    from hipcoach.services import accounts

    new = _piped() if password_stdin else _typed_twice()
    address, ended = accounts.set_password(
        uow=context.app().uow(), hasher=Argon2Hasher(), new=new, now=context.now(), email=email
    )
    typer.echo(f"New password set for {address}. {ended.summary()}")
