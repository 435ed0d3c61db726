"""Shared fixtures: the real packaged catalogue."""

from __future__ import annotations

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


def _hypothesis_profiles() -> None:
    """CI runs are reproducible (derandomized); local runs keep exploring new examples."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()
