"""Shared fixtures: the real packaged catalogue."""

from __future__ import annotations

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.catalogue import Catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()
