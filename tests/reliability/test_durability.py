"""A server killed with SIGKILL while sets pour in loses none that it acknowledged.

Several phones log sets at once, each set with its own client id; mid-stream the whole server
process group gets SIGKILL. After a restart on the same database every set that got a 2xx is
there exactly once, nothing unsent appears, and retrying the unanswered ones (as the phones
would) fills the log without doubling anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.reliability.conftest import (
    Server,
    api_client,
    database_url,
    new_session,
    set_body,
    sign_up,
    stored_set_ids,
)

PHONES = 6
MAX_SETS_PER_PHONE = 400
ACKNOWLEDGED_BEFORE_KILL = 150
LOAD_TIMEOUT_S = 10.0
JOIN_TIMEOUT_S = 15.0
SESSION = "durable-session-01"


@dataclass
class Tally:
    """What the phones sent and what the server answered, shared by their threads."""

    attempted: list[str] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # any answer that was not a 2xx
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count_acknowledged(self) -> int:
        with self.lock:
            return len(self.acknowledged)


def _phone(url: str, token: str, number: int, tally: Tally, stop: threading.Event) -> None:
    """Log sets one after another until the server goes away (or the bounds are reached)."""
    with api_client(url, token) as client:
        for i in range(MAX_SETS_PER_PHONE):
            if stop.is_set():
                return
            set_id = f"phone{number}-set-{i:04d}"
            with tally.lock:
                tally.attempted.append(set_id)
            try:
                response = client.post(f"/api/v1/sessions/{SESSION}/sets", json=set_body(set_id))
            except httpx.TransportError:
                return  # killed mid-request: this set is unacknowledged
            with tally.lock:
                if response.is_success:
                    tally.acknowledged.append(set_id)
                else:
                    tally.refused.append(f"{set_id}: {response.status_code} {response.text}")


def _log_until_killed(server: Server, token: str) -> Tally:
    tally, stop = Tally(), threading.Event()
    phones = [
        threading.Thread(target=_phone, args=(server.url, token, n, tally, stop), daemon=True)
        for n in range(PHONES)
    ]
    for phone in phones:
        phone.start()
    deadline = time.monotonic() + LOAD_TIMEOUT_S
    while tally.count_acknowledged() < ACKNOWLEDGED_BEFORE_KILL and time.monotonic() < deadline:
        time.sleep(0.005)
    server.kill()  # the phones are still sending
    for phone in phones:
        phone.join(timeout=JOIN_TIMEOUT_S)
    stop.set()
    assert not any(phone.is_alive() for phone in phones), "a phone thread did not finish"
    return tally


# Slow by nature: two real server starts around a SIGKILL under load from six phones, and
# ACKNOWLEDGED_BEFORE_KILL sets first so the crash has something to lose.
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_every_acknowledged_set_survives_a_sigkill_mid_stream(
    kind: str, servers: Callable[[str], Server], tmp_path: Path
) -> None:
    with database_url(kind, "durability", tmp_path) as url:
        server = servers(url)
        token = sign_up(server.url, "ana@example.com")
        with api_client(server.url, token) as client:
            new_session(client, SESSION)

        tally = _log_until_killed(server, token)

        assert tally.refused == [], "answers other than 2xx under concurrent logging"
        assert len(tally.acknowledged) >= ACKNOWLEDGED_BEFORE_KILL, "too little load to judge"
        unanswered = set(tally.attempted) - set(tally.acknowledged)
        assert unanswered, "the kill interrupted no request"

        restarted = servers(url)
        with api_client(restarted.url, token) as client:
            stored = stored_set_ids(client, SESSION)
            assert len(stored) == len(set(stored)), "a set is stored twice"
            missing = set(tally.acknowledged) - set(stored)
            assert not missing, f"acknowledged sets lost in the crash: {sorted(missing)}"
            assert set(stored) <= set(tally.attempted), "a set nobody sent is stored"

            # The phones retry what got no answer: stored ones answer 200, the rest 201.
            for set_id in sorted(unanswered):
                response = client.post(f"/api/v1/sessions/{SESSION}/sets", json=set_body(set_id))
                assert response.status_code == (200 if set_id in stored else 201), response.text
            after_retries = stored_set_ids(client, SESSION)
        assert sorted(after_retries) == sorted(set(tally.attempted))
        restarted.stop()
