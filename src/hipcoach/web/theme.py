"""The colour a phone paints around our pages (its status bar, an installed app's title bar),
in light and in dark: each is a colour of app.css's palette, and a test holds them equal."""

from __future__ import annotations

from hipcoach.domain.appearance import Appearance

THEME_LIGHT = "#6b3d8f"  # --accent (light): the purple of the brand
THEME_DARK = "#211e27"  # --paper (dark): the dark header, so the bar and the page run together


def theme_colors(appearance: str) -> tuple[tuple[str, str], ...]:
    """(media query, colour) of each theme-color meta: one colour when the person chose light
    or dark, both with their prefers-color-scheme query when the device decides (or for a
    visitor signed out: any other value)."""
    if appearance == Appearance.LIGHT:
        return (("", THEME_LIGHT),)
    if appearance == Appearance.DARK:
        return (("", THEME_DARK),)
    return (
        ("(prefers-color-scheme: light)", THEME_LIGHT),
        ("(prefers-color-scheme: dark)", THEME_DARK),
    )
