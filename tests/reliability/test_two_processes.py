"""Two `hipcoach serve` processes on one PostgreSQL database, used by one person at once.

A phone and a laptop (or a load balancer's two app servers) send the same person's requests
to different processes. Sets carry client ids, so a retry may reach either process, even
at the same moment as the original: each id is stored exactly once, exactly one request is
told it created it, and a different set under a taken id is refused (409), never silently
dropped. Two edits of one session made from the same `version` give one 200 and one 409.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from hipcoach.store import migrate
from hipcoach.store.engine import make_engine
from tests.reliability.conftest import (
    Server,
    api_client,
    new_session,
    postgres_database,
    set_body,
    sign_up,
    start_server,
    stored_set_ids,
)

PAIRS = 3  # pairs of clients, one on each process, racing on the same ids
IDS_PER_PAIR = 30
CONFLICTING_IDS = 15
PATCH_ROUNDS = 10
SESSION_ROUNDS = 10
BARRIER_TIMEOUT_S = 10.0
RESULT_TIMEOUT_S = 60.0
PEOPLE = itertools.count()


@dataclass(frozen=True)
class Processes:
    """Two app processes serving one database."""

    first: Server
    second: Server

    @property
    def both(self) -> tuple[Server, Server]:
        return self.first, self.second


# Module-scoped on purpose: starting two real servers on a fresh PostgreSQL database is the
# slow part (a few seconds), paid once for every race in this file.
@pytest.fixture(scope="module")
def processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Processes]:
    folder = tmp_path_factory.mktemp("two-processes")
    with postgres_database("two_processes") as url:
        engine = make_engine(url)
        migrate.upgrade(engine)  # then both start at once, finding the schema at head
        engine.dispose()
        with ThreadPoolExecutor(2) as pool:
            started = [pool.submit(start_server, url, folder / f"server-{n}.log") for n in (1, 2)]
            first, second = (future.result(timeout=RESULT_TIMEOUT_S) for future in started)
        try:
            yield Processes(first, second)
        finally:
            first.stop()
            second.stop()


@dataclass(frozen=True)
class Person:
    token: str
    session_id: str


@pytest.fixture
def person(processes: Processes) -> Person:
    """A new account with one session, created through the first process."""
    token = sign_up(processes.first.url, f"person{next(PEOPLE)}@example.com")
    with api_client(processes.first.url, token) as client:
        session_id = new_session(client, "shared-session-01")["id"]
    return Person(token, session_id)


def _in_lockstep(
    servers: tuple[Server, Server], token: str, requests: Sequence[tuple[dict[str, Any], ...]]
) -> list[tuple[httpx.Response, httpx.Response]]:
    """Send each pair of requests, one to each process, released together by a barrier.

    A request is a dict of httpx.request arguments (method, url, json).
    """
    barrier = threading.Barrier(2, timeout=BARRIER_TIMEOUT_S)

    def send(server: Server, side: int) -> list[httpx.Response]:
        answers = []
        with api_client(server.url, token) as client:
            for pair in requests:
                barrier.wait()
                answers.append(client.request(**pair[side]))
        return answers

    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(send, server, side) for side, server in enumerate(servers)]
        first, second = (future.result(timeout=RESULT_TIMEOUT_S) for future in futures)
    return list(zip(first, second, strict=True))


def _post_set(session_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"method": "POST", "url": f"/api/v1/sessions/{session_id}/sets", "json": body}


def _twice(person: Person, set_ids: list[str]) -> list[tuple[dict[str, Any], ...]]:
    """Each set sent to both processes: the original and its retry."""
    return [(_post_set(person.session_id, set_body(set_id)),) * 2 for set_id in set_ids]


def test_sets_retried_on_both_processes_at_once_are_stored_once_each(
    processes: Processes, person: Person
) -> None:
    batches = [[f"pair{p}-set-{i:03d}" for i in range(IDS_PER_PAIR)] for p in range(PAIRS)]
    with ThreadPoolExecutor(PAIRS) as pool:
        futures = [
            pool.submit(_in_lockstep, processes.both, person.token, _twice(person, batch))
            for batch in batches
        ]
        answered = [pair for f in futures for pair in f.result(timeout=RESULT_TIMEOUT_S)]
    expected = sorted(set_id for batch in batches for set_id in batch)

    for first, second in answered:
        statuses = sorted([first.status_code, second.status_code])
        assert statuses == [200, 201], (first.text, second.text)  # created exactly once
        assert first.json() == second.json(), "a retry must return the stored record"

    # Late retries of everything, to each process: nothing new.
    for server in processes.both:
        with api_client(server.url, person.token) as client:
            for set_id in expected:
                body = set_body(set_id)
                response = client.post(f"/api/v1/sessions/{person.session_id}/sets", json=body)
                assert response.status_code == 200, response.text
    for server in processes.both:
        with api_client(server.url, person.token) as client:
            assert sorted(stored_set_ids(client, person.session_id)) == expected


def test_one_id_with_different_values_on_both_processes_keeps_one_and_refuses_the_other(
    processes: Processes, person: Person
) -> None:
    requests = [
        (
            _post_set(person.session_id, set_body(f"clash-set-{i:03d}", reps=10)),
            _post_set(person.session_id, set_body(f"clash-set-{i:03d}", reps=12)),
        )
        for i in range(CONFLICTING_IDS)
    ]
    answered = _in_lockstep(processes.both, person.token, requests)

    with api_client(processes.second.url, person.token) as client:
        for first, second in answered:
            assert sorted([first.status_code, second.status_code]) == [201, 409], (
                first.text,
                second.text,
            )
            winner = first if first.status_code == 201 else second
            loser = second if winner is first else first
            assert loser.json()["error"]["field"] == "id"
            stored = client.get(f"/api/v1/sets/{winner.json()['id']}")
            assert stored.json()["reps"] == winner.json()["reps"], "the 2xx answer was not kept"
        stored_ids = stored_set_ids(client, person.session_id)
    assert sorted(stored_ids) == sorted(f"clash-set-{i:03d}" for i in range(CONFLICTING_IDS))


def _post_session(body: dict[str, Any]) -> dict[str, Any]:
    return {"method": "POST", "url": "/api/v1/sessions", "json": body}


def test_one_session_created_on_both_processes_at_once_is_stored_once(
    processes: Processes, person: Person
) -> None:
    same = [
        (_post_session({"id": f"twin-session-{i:02d}", "date": "2026-01-06"}),) * 2
        for i in range(SESSION_ROUNDS)
    ]
    for first, second in _in_lockstep(processes.both, person.token, same):
        assert sorted([first.status_code, second.status_code]) == [200, 201], (
            first.text,
            second.text,
        )
        assert first.json() == second.json(), "a retry must return the stored record"

    clashing = [
        tuple(
            _post_session({"id": f"clash-session-{i:02d}", "date": "2026-01-06", "notes": side})
            for side in ("first", "second")
        )
        for i in range(SESSION_ROUNDS)
    ]
    with api_client(processes.first.url, person.token) as client:
        for first, second in _in_lockstep(processes.both, person.token, clashing):
            assert sorted([first.status_code, second.status_code]) == [201, 409], (
                first.text,
                second.text,
            )
            winner = first if first.status_code == 201 else second
            stored = client.get(f"/api/v1/sessions/{winner.json()['id']}").json()
            assert stored["notes"] == winner.json()["notes"], "the 2xx answer was not kept"


def test_edits_of_one_session_from_the_same_version_on_both_processes_give_200_and_409(
    processes: Processes, person: Person
) -> None:
    url = f"/api/v1/sessions/{person.session_id}"
    with api_client(processes.first.url, person.token) as reader:
        for round_number in range(PATCH_ROUNDS):
            version = reader.get(url).json()["version"]
            edits = tuple(
                {
                    "method": "PATCH",
                    "url": url,
                    "json": {"version": version, "notes": f"round {round_number} from {side}"},
                }
                for side in ("first", "second")
            )
            [(first, second)] = _in_lockstep(processes.both, person.token, [edits])

            assert sorted([first.status_code, second.status_code]) == [200, 409], (
                first.text,
                second.text,
            )
            winner, loser = (first, second) if first.status_code == 200 else (second, first)
            assert loser.json()["error"]["message"]
            stored = reader.get(url).json()
            assert stored["version"] == version + 1
            assert stored["notes"] == winner.json()["notes"], "the 409 side overwrote the 200"
