"""Interactive API docs at /api/docs, served entirely from this server (no CDN, no inline JS).

Swagger UI's files come from the `swagger-ui-bundle-v2` package (Swagger UI 5, which reads the
OpenAPI 3.1 document FastAPI writes; the 1.x `swagger-ui-bundle` ships Swagger UI 4, which
cannot render it). The page starts it with a small external script, so the site-wide
Content-Security-Policy (`script-src 'self'`) holds.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

ASSETS = "/api/docs/assets"
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hipcoach API</title>
<link rel="icon" type="image/png" href="{ASSETS}/favicon-32x32.png">
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body></html>
"""
START = """window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });
});
"""


def install_docs(app: FastAPI) -> None:
    """Mount the Swagger UI assets and the two small routes that start it."""
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def show_docs() -> HTMLResponse:
        return HTMLResponse(PAGE)

    @app.get("/api/docs/start.js", include_in_schema=False)
    def start_docs() -> Response:
        return Response(START, media_type="application/javascript")
