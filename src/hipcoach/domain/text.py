"""What text from outside may hold before it is stored or looked up.

Control characters (U+0000-U+001F and U+007F-U+009F) other than tab, line feed and carriage
return are refused wherever a name, a note or an email comes in (API, pages, CLI, imports),
with a message naming the field: PostgreSQL cannot hold NUL in text at all, and escape
sequences have no place in a note that is later printed to a terminal. Every other character
(emoji, right-to-left scripts, combining marks) is stored exactly as sent. An id or an email
holding one cannot match any record, so looking it up finds nothing rather than failing.
"""

from __future__ import annotations

import re

from hipcoach.domain.errors import HipcoachError

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class ControlCharacterError(HipcoachError):
    """Text holding a control character such as NUL or escape."""


def has_control_characters(text: str) -> bool:
    """True if the text holds a control character other than tab, line feed or return."""
    return _CONTROL.search(text) is not None


def control_character_at(text: str) -> int | None:
    """Where the first control character is, if there is one."""
    found = _CONTROL.search(text)
    return None if found is None else found.start()


def refuse_control_characters(text: str, *, field: str, label: str | None = None) -> str:
    """The text unchanged, or an error naming the field (or `label`) and the character."""
    at = control_character_at(text)
    if at is not None:
        where = label or field.replace("_", " ")
        raise ControlCharacterError(
            f"A control character (U+{ord(text[at]):04X}) is not allowed in {where}; remove it.",
            field=field,
        )
    return text
