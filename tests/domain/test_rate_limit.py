"""The rate-limit policy: free attempts, a doubling wait with a cap, and how a wait is said."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from hipcoach.domain.rate_limit import (
    SIGN_IN_CLIENT,
    SIGN_IN_EMAIL,
    SIGN_IN_EMAIL_FROM_CLIENT,
    SIGN_UP_CLIENT,
    RateLimit,
    refund_key,
    reset_keys,
    sign_in_keys,
    sign_up_keys,
    wait_words,
)

LIMITS = (SIGN_IN_EMAIL_FROM_CLIENT, SIGN_IN_EMAIL, SIGN_IN_CLIENT, SIGN_UP_CLIENT)


@given(st.sampled_from(LIMITS), st.integers(min_value=1, max_value=10**9))
def test_the_wait_never_shrinks_and_never_passes_the_cap(limit: RateLimit, attempts: int) -> None:
    now, after = limit.wait_after(attempts), limit.wait_after(attempts + 1)
    assert (now or timedelta(0)) <= (after or timedelta(0)) <= limit.longest_wait
    assert (after is None) == (attempts + 1 < limit.free)


def test_sign_ups_wait_a_minute_doubling_up_to_an_hour() -> None:
    waits = [SIGN_UP_CLIENT.wait_after(n) for n in range(1, 14)]
    assert waits[:4] == [None] * 4
    assert waits[4:7] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert waits[-1] == timedelta(hours=1)


def test_one_client_alone_can_never_make_the_whole_email_wait() -> None:
    """At the fastest pace the per-client limit allows, an hour holds fewer attempts than the
    email's free ones."""
    moment, attempts = timedelta(0), 0
    while moment < SIGN_IN_EMAIL.window:
        attempts += 1
        moment += SIGN_IN_EMAIL_FROM_CLIENT.wait_after(attempts) or timedelta(0)
    assert attempts < SIGN_IN_EMAIL.free


def test_an_attempt_counts_for_email_and_client_and_a_success_resets_the_email_only() -> None:
    keys = [key for key, _ in sign_in_keys("ana@example.com", "192.0.2.1")]
    assert keys == [
        "email:ana@example.com|client:192.0.2.1|password:",
        "email:ana@example.com",
        "client:192.0.2.1",
    ]
    assert reset_keys("ana@example.com", "192.0.2.1") == tuple(keys[:2])
    assert refund_key("192.0.2.1") == (keys[2], SIGN_IN_CLIENT)
    assert sign_up_keys("192.0.2.1") == (("signup:192.0.2.1", SIGN_UP_CLIENT),)


def test_a_wait_is_said_in_seconds_then_whole_minutes_rounded_up() -> None:
    said = [wait_words(timedelta(seconds=s)) for s in (0, 0.2, 1, 2, 30, 89, 90, 120, 121, 900)]
    assert said == [
        "1 second",
        "1 second",
        "1 second",
        "2 seconds",
        "30 seconds",
        "89 seconds",
        "2 minutes",
        "2 minutes",
        "3 minutes",
        "15 minutes",
    ]
    assert wait_words(timedelta(seconds=60.5)) == "61 seconds"
