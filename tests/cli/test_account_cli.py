"""`hipcoach account password` in a real process: the server's runner sets a new password."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tests.services.fakes import FakeHasher

from hipcoach.bootstrap import App, build
from hipcoach.config import Settings
from hipcoach.domain.auth import AuthError, RateLimitedError
from hipcoach.passwords import Argon2Hasher
from hipcoach.services import accounts
from hipcoach.services.ports import PasswordHasher

EMAIL = "ana@example.com"
OLD = "correct horse battery"
NEW = "a brand new passphrase"
EXE = str(Path(sys.executable).parent / "hipcoach")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[str, App]]:
    """A SQLite file with the owner's account (Ana), shared with the command's process."""
    url = f"sqlite:///{tmp_path / 'server.db'}"
    app = build(Settings(database_url=url))
    accounts.sign_up(
        uow=app.uow(),
        hasher=FakeHasher(),
        email=EMAIL,
        password=OLD,
        name="Ana",
        now=datetime.now(UTC),
        open_signup=False,
    )
    yield url, app
    app.engine.dispose()


def run(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HIPCOACH_DATABASE_URL": url}
    return subprocess.run(
        [EXE, "account", "password", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def signs_in(app: App, password: str, *, hasher: PasswordHasher, client: str) -> bool:
    try:
        accounts.sign_in(
            uow=app.uow(),
            hasher=hasher,
            email=EMAIL,
            password=password,
            client=client,
            now=datetime.now(UTC),
        )
    except RateLimitedError:
        raise  # a wait is not a wrong password
    except AuthError:
        return False
    return True


def refused(done: subprocess.CompletedProcess[str], message: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_new_password_from_stdin_ends_every_way_in_and_lets_the_owner_back_in(
    database: tuple[str, App],
) -> None:
    url, app = database
    uow, now = app.uow, datetime.now(UTC)
    session = accounts.sign_in(
        uow=uow(), hasher=FakeHasher(), email=EMAIL, password=OLD, client="home", now=now
    )
    _, token = accounts.grant_api_token(
        uow=uow(),
        hasher=FakeHasher(),
        email=EMAIL,
        password=OLD,
        client="home",
        name="phone",
        now=now,
    )
    feed = accounts.rotate_calendar_feed(uow=uow(), user_id=session.user_id, now=now)
    for guess in range(30):  # many addresses guessing: the email itself must wait
        assert not signs_in(app, f"guess number {guess}", hasher=FakeHasher(), client=f"x{guess}")
    with pytest.raises(RateLimitedError):
        signs_in(app, OLD, hasher=FakeHasher(), client="home")

    done = run(url, "--email", "  Ana@Example.com ", "--password-stdin", stdin=NEW + "\n")

    assert done.returncode == 0, done.stderr
    assert f"New password set for {EMAIL}." in done.stdout
    assert "Signed out 2 other browsers, revoked 1 API token" in done.stdout
    assert "turned off the calendar address" in done.stdout
    assert NEW not in done.stdout + done.stderr
    assert accounts.session_user(uow=uow(), token=session.token, now=now) is None
    assert accounts.bearer_user(uow=uow(), token=token) is None
    assert accounts.calendar_user(uow=uow(), token=feed) is None
    assert signs_in(app, NEW, hasher=Argon2Hasher(), client="elsewhere")  # no wait any more
    assert not signs_in(app, OLD, hasher=Argon2Hasher(), client="elsewhere")


def test_a_new_password_lets_the_owner_back_in_from_the_address_that_was_made_to_wait(
    database: tuple[str, App],
) -> None:
    """Wrong guesses from the owner's own address close that address's door for the email;
    the new password set on the command line opens it again (no wait, no guess lost)."""
    url, app = database
    for guess in range(5):
        assert not signs_in(app, f"my old guess {guess}", hasher=FakeHasher(), client="home")
    with pytest.raises(RateLimitedError):
        signs_in(app, OLD, hasher=FakeHasher(), client="home")

    done = run(url, "--password-stdin", stdin=NEW + "\n")

    assert done.returncode == 0, done.stderr
    assert signs_in(app, NEW, hasher=Argon2Hasher(), client="home")


def test_without_an_email_the_owner_gets_the_new_password(database: tuple[str, App]) -> None:
    url, app = database
    done = run(url, "--password-stdin", stdin=NEW + "\n")
    assert done.returncode == 0, done.stderr
    assert f"New password set for {EMAIL}." in done.stdout  # Ana is the first account
    assert signs_in(app, NEW, hasher=Argon2Hasher(), client="home")


def test_with_no_account_yet_it_says_to_sign_up_first(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    build(Settings(database_url=url)).engine.dispose()
    refused(run(url, "--password-stdin", stdin=NEW + "\n"), "No account exists on this database")


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("--email", "bo@example.com"), NEW, "No account on this server has that email."),
        (("--email", "not an email"), NEW, "Enter a valid email address"),
        (("--email", EMAIL), "too short", "Use at least 10 characters"),
        (("--email", EMAIL), "", "No password was given; nothing was changed."),
    ],
)
def test_a_bad_email_or_password_exits_2_and_changes_nothing(
    database: tuple[str, App], args: tuple[str, ...], stdin: str, message: str
) -> None:
    url, app = database
    refused(run(url, *args, "--password-stdin", stdin=stdin), message)
    assert signs_in(app, OLD, hasher=FakeHasher(), client="home")


def _on_a_terminal(url: str, answers: list[str]) -> tuple[int, str]:
    """Run the command on a pseudo-terminal, typing each answer after its prompt."""
    primary, secondary = os.openpty()

    def take_terminal() -> None:  # runs in the new session: make the pty its terminal
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [EXE, "account", "password", "--email", EMAIL],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "HIPCOACH_DATABASE_URL": url},
        start_new_session=True,
        preexec_fn=take_terminal,
    )
    os.close(secondary)
    seen, pending, deadline = b"", list(answers), time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the command ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            prompts = seen.count(b"New password: ") + seen.count(b"The same again: ")
            if pending and prompts > len(answers) - len(pending):
                os.write(primary, pending.pop(0).encode() + b"\n")
        elif process.poll() is not None:
            break
    os.close(primary)
    return process.wait(timeout=60), seen.decode(errors="replace")


def test_the_password_is_typed_twice_on_the_terminal_and_never_echoed(
    database: tuple[str, App],
) -> None:
    url, app = database
    code, shown = _on_a_terminal(url, [NEW, NEW])
    assert code == 0, shown
    assert "New password: " in shown
    assert "The same again: " in shown
    assert f"New password set for {EMAIL}." in shown
    assert NEW not in shown
    assert signs_in(app, NEW, hasher=Argon2Hasher(), client="home")


def test_two_different_passwords_on_the_terminal_exit_2_and_change_nothing(
    database: tuple[str, App],
) -> None:
    url, app = database
    code, shown = _on_a_terminal(url, [NEW, NEW + "!"])
    assert code == 2, shown
    assert "The two passwords differ; nothing was changed." in shown
    assert "Traceback" not in shown
    assert signs_in(app, OLD, hasher=FakeHasher(), client="home")
