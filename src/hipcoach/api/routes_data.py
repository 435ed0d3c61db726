"""Export the whole log (JSON backup or CSV) and import a backup or a Strong/Hevy export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from hipcoach.api.deps import Now, Uow, UserId
from hipcoach.api.errors import ApiRoute
from hipcoach.api.schemas import ImportCreate, ImportRead, SkippedRowRead
from hipcoach.domain.limits import IMPORT_BYTES
from hipcoach.services import backup

router = APIRouter(route_class=ApiRoute, tags=["data"])
# Room for a file of the largest importable size once escaped inside JSON.
IMPORT_BODY_BYTES = 2 * IMPORT_BYTES + 64 * 1024
IMPORT_DESCRIPTION = f"""Send the file's text inside a JSON body:
`{{"text": "<the whole file>", "unit": "kg"}}` (not the raw file), up to {IMPORT_BYTES // 2**20} MB
of text.

The format is detected from the text: a hipcoach JSON backup (from GET /export), or a CSV
export of Strong or Hevy (`unit` is the weight unit of a Strong export). The import is all or
nothing. A session or set already stored with the same values is left as it is, so sending a
file twice adds nothing the second time; one stored under the same id with other values
refuses the import (409), naming the id."""


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {
            "description": "A JSON backup (format=json) or one CSV row per set (format=csv)",
            "content": {"application/json": {}, "text/csv": {}},
        }
    },
)
def export_log(
    uow: Uow,
    user_id: UserId,
    now: Now,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> StreamingResponse:
    """Everything you logged: a complete JSON backup, or CSV for spreadsheets. Written as it
    is read (streamed), so a long log never sits whole in the server's memory."""
    if fmt == "csv":
        chunks = backup.stream_csv(uow=uow, user_id=user_id)
        media, name = "text/csv; charset=utf-8", "hipcoach-sets.csv"
    else:
        chunks = backup.stream_backup(uow=uow, user_id=user_id, now=now)
        media, name = "application/json", "hipcoach-backup.json"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return StreamingResponse(chunks, media_type=media, headers=headers)


@router.post("/import", description=IMPORT_DESCRIPTION, max_body_size=IMPORT_BODY_BYTES)
def import_log(body: ImportCreate, uow: Uow, user_id: UserId, now: Now) -> ImportRead:
    """Import a hipcoach backup or a Strong/Hevy CSV export."""
    report = backup.import_text(uow=uow, user_id=user_id, text=body.text, now=now, unit=body.unit)
    return ImportRead(
        kind=report.kind,
        plans=report.plans,
        sessions=report.sessions,
        sets=report.sets,
        measurements=report.measurements,
        self_tests=report.self_tests,
        own_sets=report.own_sets,
        own_exercises=report.own_exercises,
        skipped=[SkippedRowRead(row=row, reason=reason) for row, reason in report.skipped],
    )
