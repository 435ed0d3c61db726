"""How the pages look: light or dark colours, or whichever the person's device asks for."""

from __future__ import annotations

from enum import StrEnum


class Appearance(StrEnum):
    """Stable keys of the colour schemes a person may choose in Settings."""

    SYSTEM = "system"  # follow the device (prefers-color-scheme)
    LIGHT = "light"
    DARK = "dark"
