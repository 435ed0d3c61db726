"""The public catalogue and learn pages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hipcoach.formats.exercise_json import exercise_to_dict
from hipcoach.services.catalogue import get_exercise
from tests.api.conftest import error_of


def test_the_catalogue_is_public_and_filterable(client: TestClient) -> None:
    everything = client.get("/api/v1/exercises").json()
    filtered = client.get(
        "/api/v1/exercises", params={"equipment": "none", "role": "isolation"}
    ).json()
    assert {"clamshell", "squat"} <= {e["key"] for e in everything}
    assert 0 < len(filtered) < len(everything)
    assert all("isolation" in e["roles"] for e in filtered)
    by_muscle = client.get("/api/v1/exercises", params={"muscle": "gluteus_medius"})
    assert by_muscle.status_code == 200
    assert by_muscle.json()


def test_an_unknown_filter_is_a_400_with_suggestions(client: TestClient) -> None:
    response = client.get("/api/v1/exercises", params={"equipment": "mini_bnd"})
    assert response.status_code == 400
    error = error_of(response)
    assert error["field"] == "equipment"
    assert error["details"][0]["suggestions"][0] == "mini_band"


def test_one_exercise_is_the_cli_json_card(client: TestClient) -> None:
    response = client.get("/api/v1/exercises/clamshell")
    assert response.status_code == 200
    assert response.json() == exercise_to_dict(get_exercise(key="clamshell"))


def test_an_unknown_exercise_or_topic_is_a_404_that_suggests(client: TestClient) -> None:
    exercise = client.get("/api/v1/exercises/clamshel")
    topic = client.get("/api/v1/learn/hip_dip")
    assert exercise.status_code == topic.status_code == 404
    assert "clamshell" in error_of(exercise)["details"][0]["suggestions"]
    assert "hip_dips" in error_of(topic)["details"][0]["suggestions"]


def test_learn_pages_list_summaries_and_show_bodies(client: TestClient) -> None:
    topics = client.get("/api/v1/learn").json()
    assert topics
    assert all("body" not in t for t in topics)
    page = client.get(f"/api/v1/learn/{topics[0]['key']}").json()
    assert page["body"]
    assert page["title"] == topics[0]["title"]


def test_an_exercise_names_the_articles_that_describe_it(client: TestClient) -> None:
    clam = client.get("/api/v1/exercises/clamshell").json()
    assert clam["sources"]  # the ids stay, for scripts that used them
    assert clam["described_in"]
    assert all('"' in name and "Hip Dips" in name for name in clam["described_in"])
    hitch = client.get("/api/v1/exercises/hip_hitch").json()
    assert hitch["sources"] == ["research"]
    assert hitch["described_in"] == []  # beyond the articles: its evidence rows say where


def test_evidence_rows_say_method_load_and_electrode(client: TestClient) -> None:
    clam = client.get("/api/v1/exercises/clamshell").json()
    rows = {(r["study"][:6], r["measure"]): r for r in clam["evidence"]}
    assert rows[("Boren ", "gluteus_medius")]["method"] == "peak"
    assert rows[("McBeth", "gluteus_medius")]["load"] == "loaded"
    assert rows[("Selkow", "GTA_index")]["electrode"] == "fine_wire"
    assert clam["gmed_pct_mvic"] == 40  # the DiStefano mean, not Boren's peak


def test_ladder_steps_say_where_the_band_sits_or_what_the_hold_rests_on(
    client: TestClient,
) -> None:
    walk = client.get("/api/v1/exercises/lateral_band_walk").json()["ladder"]
    assert [(s["key"], s["placement"]) for s in walk][:3] == [
        ("mini_band_light_knees", "knees"),
        ("mini_band_medium_knees", "knees"),
        ("mini_band_light", "ankles"),
    ]
    bridge = client.get("/api/v1/exercises/side_bridge").json()["ladder"]
    assert [(s["key"], s["placement"]) for s in bridge] == [
        ("bodyweight", None),
        ("bodyweight_feet", "feet"),
    ]
    clam = client.get("/api/v1/exercises/clamshell").json()["ladder"]
    assert {s["placement"] for s in clam} == {None}
