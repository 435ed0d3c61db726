"""Read the forms of a page the way a browser would, to submit them in tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class FormFields:
    """One <form>: where it posts and the values a browser would send unchanged."""

    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    classes: str = ""

    def data(self, **changes: str | list[str]) -> dict[str, str | list[str]]:
        """The submitted values, with some changed (as a person would type them)."""
        values: dict[str, str | list[str]] = {
            k: v[0] if len(v) == 1 else list(v) for k, v in self.fields.items()
        }
        values.update(changes)
        return values


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[FormFields] = []
        self._select: str | None = None
        self._first_option: str | None = None
        self._chosen = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                FormFields(
                    a.get("action", ""), a.get("method", "get").lower(), classes=a.get("class", "")
                )
            )
        elif not self.forms:
            return
        elif tag == "input" and "name" in a and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self.forms[-1].fields.setdefault(a["name"], []).append(a.get("value", ""))
        elif tag == "textarea" and "name" in a and "disabled" not in a:
            self._textarea = a["name"]
            self.forms[-1].fields[a["name"]] = [""]
        elif tag == "select" and "name" in a:
            self._select, self._first_option, self._chosen = a["name"], None, False
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self.forms[-1].fields[self._select] = [value]
                self._chosen = True

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.forms[-1].fields[self._textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        if tag == "select" and self._select is not None:
            if not self._chosen and self._first_option is not None:
                self.forms[-1].fields[self._select] = [self._first_option]
            self._select = None


def forms_of(html: str) -> list[FormFields]:
    """Every form on the page, in document order."""
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def form_posting_to(html: str, action: str) -> FormFields:
    """The first form that posts to `action`."""
    for form in forms_of(html):
        if form.action.split("#")[0] == action:
            return form
    raise AssertionError(f"no form posts to {action}")
