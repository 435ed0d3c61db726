"""The installable app's files: service worker, manifest and icons, and gzip on the wire."""

from __future__ import annotations

import runpy
import struct
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from hipcoach.web.routing import STATIC, manifest, static_version

ROOT = Path(__file__).resolve().parents[2]


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert content[12:16] == b"IHDR"
    width, height = struct.unpack(">II", content[16:24])
    return width, height


def test_the_service_worker_is_served_from_the_root_fresh_and_versioned_by_the_static_files(
    client: TestClient,
) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["service-worker-allowed"] == "/"
    assert f'var VERSION = "{static_version()}";' in response.text
    assert "__STATIC_VERSION__" not in response.text
    assert len(static_version()) == 16


def test_the_manifest_names_icons_that_are_the_files_it_says(client: TestClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    served: dict[str, Any] = response.json()
    assert served == manifest()
    assert served["start_url"] == "/today"
    assert served["display"] == "standalone"
    purposes = set()
    for icon in served["icons"]:
        file = client.get(icon["src"])
        assert file.status_code == 200, icon
        assert file.headers["content-type"] == icon["type"] == "image/png"
        width, height = png_size(file.content)
        assert f"{width}x{height}" == icon["sizes"]
        purposes.add(icon["purpose"])
    assert {"any", "maskable"} <= purposes
    assert any(i["sizes"] == "192x192" for i in served["icons"])
    assert any(i["sizes"] == "512x512" for i in served["icons"])


def test_the_committed_icons_are_the_ones_our_script_draws() -> None:
    drawn: dict[str, bytes] = runpy.run_path(str(ROOT / "scripts" / "make_icons.py"))["icons"]()
    for name, content in drawn.items():
        assert (STATIC / "icons" / name).read_bytes() == content, f"{name}: run make_icons.py"


def test_pages_say_they_are_installable_and_carry_the_outbox_hooks(member: TestClient) -> None:
    html = member.get("/today").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert 'name="hipcoach-csrf"' in html
    assert "data-owner=" in html
    assert 'id="live-announcer" aria-live="polite"' in html
    assert "data-session-id=" in html


def test_html_css_and_js_are_gzipped_for_browsers_that_ask(member: TestClient) -> None:
    for path in ("/today", "/static/app.css", "/static/app.js"):
        response = member.get(path, headers={"accept-encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip", path
        assert "accept-encoding" in response.headers["vary"].lower()
    plain = member.get("/static/app.css", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
