"""`hipcoach serve`: the web app and API with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from hipcoach.cli.errors import user_errors


@user_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes")] = 1,
) -> None:
    """Run the web app and the REST API (migrates the database first)."""
    import uvicorn

    from hipcoach.bootstrap import build

    build(migrate_schema=True).engine.dispose()  # migrate once, before any worker starts
    typer.echo(f"hipcoach is running at http://{host}:{port}  (API docs: /api/docs; Ctrl+C stops)")
    uvicorn.run(
        "hipcoach.server:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level="warning",
        access_log=False,
    )
