"""The learn-page Markdown converter: the subset the content uses, and nothing unsafe."""

from __future__ import annotations

from hipcoach.content.loader import load_learn
from hipcoach.web.markdown import markdown_to_html


def test_headings_paragraphs_and_lists() -> None:
    html = markdown_to_html(
        "## Title\n\nOne line\nand the next.\n\n- a\n- b\n\n1. first\n2. second"
    )
    assert html == (
        "<h2>Title</h2>\n<p>One line and the next.</p>\n<ul><li>a</li><li>b</li></ul>\n"
        "<ol><li>first</li><li>second</li></ol>"
    )


def test_bold_italic_and_code() -> None:
    html = markdown_to_html("**strong**, *soft*, _also soft_ and `code`; snake_case_key stays")
    assert html == (
        "<p><strong>strong</strong>, <em>soft</em>, <em>also soft</em> and <code>code</code>; "
        "snake_case_key stays</p>"
    )


def test_html_in_the_source_is_escaped() -> None:
    html = markdown_to_html('<script>alert(1)</script> **<img src=x onerror="y">**\n- <b>')
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert "<li>&lt;b&gt;</li>" in html


def test_the_title_can_be_dropped_and_headings_shifted() -> None:
    assert markdown_to_html("# Title\n\n## Part", drop_title=True, shift=1) == "<h3>Part</h3>"


def test_a_list_directly_after_a_paragraph_starts_a_list() -> None:
    html = markdown_to_html("Nothing, really. Hip dips:\n\n- are normal;\n- vary.\nAfter.")
    assert "<ul><li>are normal;</li><li>vary.</li></ul>\n<p>After.</p>" in html


def test_every_learn_page_converts_without_stray_markup() -> None:
    for topic in load_learn().topics:
        html = markdown_to_html(topic.body, drop_title=True)
        assert "**" not in html
        assert "\n#" not in html
        assert not html.startswith("#")
