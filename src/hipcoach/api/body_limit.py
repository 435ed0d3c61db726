"""413s under /api in the API's error shape.

The body limits themselves are FastAPI's (`max_body_size` on the routers and the import
route). A body that streams past its limit raises inside the route, and `ApiRoute` answers
in JSON; but when Content-Length already says the body is too large, Starlette replaces
whatever the route answered with a plain-text 413 of its own. This middleware turns that
one into the JSON shape, so every API client parses the same thing; pages keep theirs.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.body_limit import MAX_BODY_SIZE_SCOPE_KEY
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hipcoach.api.errors import NO_STORE, TOO_LARGE, is_api_path, is_private, too_large_response


class JsonTooLargeMiddleware:
    """Replaces a plain-text 413 under /api with the JSON error shape."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_api_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        replaced = False

        async def send_json(message: Message) -> None:
            nonlocal replaced
            if replaced:  # the rest of the plain-text body
                return
            if message["type"] == "http.response.start" and message["status"] == TOO_LARGE:
                content_type = Headers(raw=message.get("headers", [])).get("content-type", "")
                if not content_type.startswith("application/json"):
                    replaced = True
                    response = too_large_response(scope.get(MAX_BODY_SIZE_SCOPE_KEY))
                    if is_private(Request(scope)):
                        response.headers["cache-control"] = NO_STORE
                    await response(scope, receive, send)
                    return
            await send(message)

        await self.app(scope, receive, send_json)
