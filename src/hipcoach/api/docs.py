"""Interactive API docs at /api/docs, served entirely from this server (no CDN, no inline JS).

Swagger UI's files come from the `swagger-ui-bundle-v2` package (Swagger UI 5, which reads the
OpenAPI 3.1 document FastAPI writes; the 1.x `swagger-ui-bundle` ships Swagger UI 4, which
cannot render it). The page starts it with a small external script, so the site-wide
Content-Security-Policy (`script-src 'self'`) holds. Our own stylesheet, loaded after Swagger's,
gives its light theme the contrast axe-core asks for; the script switches on Swagger's own dark
theme when the device prefers dark (docs_assets/).
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

ASSETS = "/api/docs/assets"
OWN = files("hipcoach.api") / "docs_assets"
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hipcoach API</title>
<link rel="icon" type="image/png" href="{ASSETS}/favicon-32x32.png">
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="stylesheet" href="/api/docs/docs.css">
<script src="/api/docs/start.js"></script></head>
<body><main id="swagger-ui"><noscript><p>This API reference needs JavaScript. The OpenAPI
document it shows is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript></main>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
</body></html>
"""


def _own(name: str, media_type: str) -> Response:
    return Response((OWN / name).read_bytes(), media_type=media_type)


def install_docs(app: FastAPI) -> None:
    """Mount the Swagger UI assets and the small routes that start and restyle it."""
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def show_docs() -> HTMLResponse:
        return HTMLResponse(PAGE)

    @app.get("/api/docs/start.js", include_in_schema=False)
    def start_docs() -> Response:
        return _own("start.js", "application/javascript")

    @app.get("/api/docs/docs.css", include_in_schema=False)
    def style_docs() -> Response:
        return _own("docs.css", "text/css")
