"""The plan as an RFC 5545 calendar: one event per session, each with a reminder."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, time, timedelta

from hipcoach.domain.plan import Plan, Session
from hipcoach.domain.profile import profile_to_dict
from hipcoach.domain.vocabulary import label
from hipcoach.formats.plan_text import dose_text, item_title

REMINDER_MINUTES = 30


# Control characters a TEXT value may not hold (section 3.3.11 allows only HTAB; line breaks
# are written as \n). Dropped, so no bare CR or escape reaches a calendar app.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _escape(text: str) -> str:
    """Escape TEXT values (RFC 5545 section 3.3.11): backslash, semicolon, comma, and each
    line break (LF, CRLF or a lone CR) as \\n; every other control character but tab dropped."""
    lines = re.split("\r\n|\r|\n", text)
    escaped = (
        _CONTROL.sub("", line).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        for line in lines
    )
    return "\\n".join(escaped)


def _fold(line: str) -> str:
    """Fold content lines longer than 75 octets (section 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # never split a UTF-8 character
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(parts)


def _description(session: Session) -> str:
    lines = []
    for block in session.blocks:
        lines.append(f"{label(block.kind)}:")
        lines.extend(f"- {item_title(i)}: {dose_text(i)}" for i in block.items)
    return "\n".join(lines)


def plan_uid_prefix(plan: Plan) -> str:
    """A stable id for the plan, so re-exports update events instead of duplicating them."""
    blob = json.dumps(profile_to_dict(plan.profile), sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def plan_to_ics(plan: Plan, *, generated_at: datetime, start_time: time = time(18, 0)) -> str:
    """VCALENDAR text with CRLF line endings; event times are floating local times."""
    prefix = plan_uid_prefix(plan)
    stamp = generated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//hipcoach//plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:hipcoach",
    ]
    for week in plan.weeks:
        for session in week.sessions:
            begin = datetime.combine(session.date, start_time)
            end = begin + timedelta(minutes=session.estimated_minutes)
            title = f"hipcoach: hip session (week {week.number}" + (
                ", lighter)" if week.deload else ")"
            )
            lines += [
                "BEGIN:VEVENT",
                f"UID:{prefix}-{session.date.strftime('%Y%m%d')}@hipcoach",
                f"DTSTAMP:{stamp}",
                f"DTSTART:{begin.strftime('%Y%m%dT%H%M%S')}",
                f"DTEND:{end.strftime('%Y%m%dT%H%M%S')}",
                f"SUMMARY:{_escape(title)}",
                f"DESCRIPTION:{_escape(_description(session))}",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{_escape(title)}",
                f"TRIGGER:-PT{REMINDER_MINUTES}M",
                "END:VALARM",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
