"""A planned move left out of a session on purpose: what a skip must name."""

from __future__ import annotations

import pytest

from hipcoach.content.loader import load_catalogue
from hipcoach.domain.errors import HipcoachError
from hipcoach.domain.log import SkippedMove, SkipReason, validate_skip
from hipcoach.domain.vocabulary import label

CATALOGUE = load_catalogue()
SKIP = SkippedMove("session-0001", "clamshell", SkipReason.EQUIPMENT, "band at home")


@pytest.mark.parametrize(
    ("skip", "field", "words"),
    [
        (SkippedMove("x", "clamshell", SkipReason.TIME), "session_id", "not a valid id"),
        (SkippedMove("session-0001", "moonwalk", SkipReason.TIME), "exercise", "moonwalk"),
        (SkippedMove("session-0001", "clamshell", SkipReason.TIME, "n" * 2001), "note", "2000"),
        (SkippedMove("session-0001", "clamshell", SkipReason.PAIN, "a\x07b"), "note", "control"),
    ],
)
def test_a_skip_that_cannot_be_stored_says_which_field(
    skip: SkippedMove, field: str, words: str
) -> None:
    validate_skip(SKIP, CATALOGUE)
    with pytest.raises(HipcoachError) as refused:
        validate_skip(skip, CATALOGUE)
    assert refused.value.field == field
    assert words in refused.value.message


def test_every_reason_reads_as_words() -> None:
    assert [label(r) for r in SkipReason] == [
        "It hurts",
        "Equipment not to hand",
        "Short of time",
        "Another reason",
    ]
