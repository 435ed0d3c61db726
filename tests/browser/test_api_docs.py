"""The API docs page renders the OpenAPI 3.1 schema in real Chromium, offline and within CSP."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Browser, expect


def test_the_api_docs_page_renders_every_operation_of_the_openapi_3_1_schema(
    browser: Browser, server: str
) -> None:
    with urllib.request.urlopen(f"{server}/api/openapi.json", timeout=30) as answer:
        schema = json.load(answer)
    assert schema["openapi"].startswith("3.1")
    operations = sum(
        1
        for item in schema["paths"].values()
        for method in item
        if method in ("get", "put", "post", "delete", "patch")
    )
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else elsewhere.append(r.url))
    try:
        page.goto(f"{server}/api/docs")
        blocks = page.locator(".opblock")
        expect(blocks.first).to_be_visible(timeout=30_000)
        # Swagger UI 4 printed "Unable to render this definition" for 3.1 and no operations.
        expect(page.get_by_text("Unable to render this definition")).to_have_count(0)
        assert blocks.count() == operations
        expect(page.locator(".opblock-summary-path", has_text="/api/v1/today")).to_be_visible()
        expect(page.locator(".info .title")).to_contain_text("hipcoach")
        page.locator(".opblock-summary", has_text="/api/v1/today").first.click()
        expect(page.get_by_text("Try it out").first).to_be_visible()
    finally:
        context.close()
    assert elsewhere == [], "the docs page fetched something from another host"
    assert problems == [], problems
