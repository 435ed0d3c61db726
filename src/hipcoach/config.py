"""Settings read from HIPCOACH_* environment variables; a bad value stops start-up with a reason."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import make_url

from hipcoach.domain.errors import HipcoachError

MIB = 1024 * 1024
SQLITE_SCHEMES = frozenset({"sqlite", "sqlite+pysqlite"})
POSTGRES_SCHEME = "postgresql+psycopg"
_REWRITTEN = {"postgresql": POSTGRES_SCHEME}


class ConfigError(HipcoachError):
    """A setting that cannot work; the message names the variable and what it accepts."""


def default_database_url() -> str:
    """A SQLite file in the user's data folder (the folder is made on first use)."""
    folder = Path(platformdirs.user_data_dir("hipcoach"))
    return f"sqlite:///{folder / 'hipcoach.db'}"


class Settings(BaseSettings):
    """Everything the app reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="HIPCOACH_", extra="ignore", frozen=True)

    database_url: str = Field(default_factory=default_database_url)
    # Anyone may create an account; otherwise only the first account (the owner) can sign up.
    open_signup: bool = False
    # Mark cookies Secure; unset (or "auto") follows the scheme each request arrived over.
    secure_cookies: bool | None = None
    # Requests with a larger body are refused before they are read.
    max_body_bytes: int = Field(default=2 * MIB, gt=0)
    # Sign-ups one client address may make per hour (hipcoach.domain.rate_limit); 0: no limit.
    signups_per_hour: int = Field(default=5, ge=0)
    # Where "today" is decided (an IANA name such as Europe/Berlin); unset: this machine's zone.
    timezone: str | None = None

    @field_validator("timezone", mode="before")
    @classmethod
    def _known_zone(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip().lower() in ("", "local")):
            return None
        name = str(value).strip()
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            # Like ConfigError for the URL: not a ValueError, so it reaches the caller as is.
            raise ConfigError(
                f"HIPCOACH_TIMEZONE '{name[:60]}' is not a time zone; use an IANA name such as "
                "Europe/Berlin or America/New_York, or leave it unset for this machine's zone",
                field="timezone",
            ) from None
        return name

    @field_validator("secure_cookies", mode="before")
    @classmethod
    def _auto_is_unset(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in ("", "auto"):
            return None
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        # ConfigError is not a ValueError, so pydantic lets it through unwrapped: a bad URL
        # reads the same whether it came from the environment or from Settings(...) in code.
        scheme, separator, rest = url.strip().partition("://")
        if not separator:
            raise ConfigError(
                "HIPCOACH_DATABASE_URL is not a database URL; use sqlite:///path/to/file.db "
                "or postgresql+psycopg://user@host/dbname",
                field="database_url",
            )
        scheme = _REWRITTEN.get(scheme, scheme)
        if scheme not in SQLITE_SCHEMES | {POSTGRES_SCHEME}:
            # Only the scheme is echoed: the rest of a URL may hold a password.
            raise ConfigError(
                f"HIPCOACH_DATABASE_URL uses '{scheme}://', which hipcoach cannot store data in; "
                "use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname",
                field="database_url",
            )
        return f"{scheme}://{rest}"

    @property
    def zone(self) -> tzinfo | None:
        """The configured time zone; None for this machine's local zone."""
        return ZoneInfo(self.timezone) if self.timezone else None

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file the data lives in; None for PostgreSQL or an in-memory database."""
        url = make_url(self.database_url)
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return None
        return Path(url.database)


def load_settings() -> Settings:
    """Read the settings from the environment, or raise ConfigError saying what is wrong."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"HIPCOACH_{field.upper()}: {first['msg']}", field=field) from None
