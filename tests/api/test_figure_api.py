"""GET /api/v1/exercises/{key}/figure.svg: SVG with an ETag, 304 on a match, errors as JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from tests.api.conftest import error_of

SVG_NS = "{http://www.w3.org/2000/svg}"
URL = "/api/v1/exercises/clamshell/figure.svg"


def test_a_figure_is_svg_with_an_etag_and_a_title(client: TestClient) -> None:
    response = client.get(URL, params={"variant": "mini_band", "frame": "animated"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.headers["etag"].startswith('"')
    assert "script-src" not in response.headers["content-security-policy"]
    root = ET.fromstring(response.text)
    assert root.find(f"{SVG_NS}title") is not None
    assert "mini band" in (root.findtext(f"{SVG_NS}desc") or "")


def test_a_matching_if_none_match_is_a_304_without_a_body(client: TestClient) -> None:
    first = client.get(URL, params={"frame": "start"})
    again = client.get(
        URL, params={"frame": "start"}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    other = client.get(URL, params={"frame": "end"})
    assert other.headers["etag"] != first.headers["etag"]


def test_an_unknown_move_is_a_404_and_a_bad_frame_a_422(client: TestClient) -> None:
    missing = client.get("/api/v1/exercises/clamshel/figure.svg")
    assert missing.status_code == 404
    assert "clamshell" in error_of(missing)["details"][0]["suggestions"]
    bad = client.get(URL, params={"frame": "middle"})
    assert bad.status_code == 422
    assert error_of(bad)["field"] == "frame"


def test_an_unknown_variant_or_mistake_is_refused_with_suggestions(client: TestClient) -> None:
    variant = client.get(URL, params={"variant": "mini_bnd"})
    assert variant.status_code == 400
    assert "mini_band" in error_of(variant)["details"][0]["suggestions"]
    mistake = client.get(URL, params={"mistake": 7})
    assert mistake.status_code == 400
    assert error_of(mistake)["field"] == "mistake"


def test_a_mistake_frame_says_not_like_this(client: TestClient) -> None:
    response = client.get(URL, params={"mistake": 0})
    assert response.status_code == 200
    assert "Not like this" in response.text
