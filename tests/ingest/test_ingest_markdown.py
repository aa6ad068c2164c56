"""Markdown articles: front matter metadata and Markdown turned into plain paragraphs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.core.errors import IngestError
from reader.core.ingest import read_bytes
from reader.core.models import ArticleDraft


def _md(text: str, name: str = "post.md") -> ArticleDraft:
    return read_bytes(text.encode(), name=name, kind="md")


def test_front_matter_fields() -> None:
    draft = _md(
        "---\n"
        "title: 'Pier to close: what it means'\n"
        "source: The Quay Post\n"
        "authors: [Amara Okafor, Tom Reid]\n"
        "link: https://example.com/pier\n"
        "date: 2024-12-29T09:47:00Z\n"
        "modified: 2024-12-30\n"
        "tags: ports, local,  Ports \n"
        "---\n\n"
        "The quay shuts today.\n"
    )
    assert draft.title == "Pier to close: what it means"
    assert draft.source == "The Quay Post"
    assert draft.author == "Amara Okafor, Tom Reid"
    assert draft.url == "https://example.com/pier"
    assert draft.published == datetime(2024, 12, 29, 9, 47, tzinfo=UTC)
    assert draft.updated == datetime(2024, 12, 30, tzinfo=UTC)
    assert draft.tags == ("ports", "local")
    assert draft.body == "The quay shuts today."
    assert draft.origin == "post.md"


def test_front_matter_preferred_keys_and_tag_list() -> None:
    draft = _md(
        "---\nauthor: Ines Duarte\nurl: https://example.org/a\npublished: 'Dec 29, 2024, 9:47 AM'\n"
        "updated: not a date\ntags: [ports, 2024]\n---\nText.\n"
    )
    assert draft.author == "Ines Duarte"
    assert draft.url == "https://example.org/a"
    assert draft.published == datetime(2024, 12, 29, 9, 47, tzinfo=UTC)
    assert draft.updated is None
    assert draft.tags == ("ports", "2024")


def test_malformed_front_matter_is_an_error_with_the_line() -> None:
    text = "---\ntitle: ok\nauthor: [unclosed\nsource: x\n---\nBody.\n"
    with pytest.raises(
        IngestError, match=r"^post\.md: front matter is not valid YAML \(line \d+\)$"
    ):
        _md(text)


def test_the_reported_line_is_the_file_line() -> None:
    with pytest.raises(IngestError, match=r"\(line 3\)"):
        _md("---\ntitle: ok\ntitle: : bad: [\n---\nBody.\n")


def test_an_impossible_yaml_date_is_an_error_not_a_crash() -> None:
    with pytest.raises(IngestError, match="front matter is not valid YAML"):
        _md("---\npublished: 2024-02-30\n---\nBody.\n")


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    with pytest.raises(IngestError, match="front matter is not valid YAML"):
        _md("---\n- just\n- a list\n---\nBody.\n")


def test_empty_front_matter_is_fine() -> None:
    assert _md("---\n---\n# Pier\n\nBody.\n").title == "Pier"


def test_first_h1_is_the_title_when_front_matter_has_none() -> None:
    draft = _md("Intro line.\n\n# Pier *to* close\n\n## Why\n\nBody.\n")
    assert draft.title == "Pier to close"
    assert draft.body == "Intro line.\n\nWhy\n\nBody."


def test_setext_heading_title() -> None:
    draft = _md("Pier to close\n=============\n\nBody text.\n")
    assert (draft.title, draft.body) == ("Pier to close", "Body text.")


def test_an_h1_repeating_the_front_matter_title_is_dropped() -> None:
    draft = _md("---\ntitle: Pier to close\n---\n# Pier to close\n\nBody.\n")
    assert draft.body == "Body."


def test_file_name_title_without_any_heading() -> None:
    assert _md("Just text.\n", name="notes/ferry-pier.md").title == "Ferry pier"


def test_markdown_is_turned_into_plain_text() -> None:
    text = """\
# Title

Some *emphasis*, __strong__, **bold** and ***both***, ~~gone~~ words,
a [link](https://example.com "Title") and ![an image](pic.png) here,
`inline *code*` and snake_case_name stay; 2 * 3 * 4 is math.

<!-- an editor's note
over two lines -->
> A quoted line
> that wraps.

- first item
- second item
  continues here
1. numbered

```python
x = 1  # **not emphasis**
```

***

| Stop | Time |
|------|------|
| Quay | 9:00 |

A [reference link][ref] and <https://example.com/auto> and &amp; entity and \\*literal\\*.

[ref]: https://example.com/ref
"""
    body = _md(text).body
    assert body.split("\n\n") == [
        "Some emphasis, strong, bold and both, gone words, a link and here, "
        "inline *code* and snake_case_name stay; 2 * 3 * 4 is math.",
        "A quoted line that wraps.",
        "- first item",
        "- second item continues here",
        "1. numbered",
        "x = 1  # **not emphasis**".replace("  ", " "),
        "Stop | Time",
        "Quay | 9:00",
        "A reference link and https://example.com/auto and & entity and *literal*.",
    ]
    assert "editor's note" not in body


def test_rich_markup_and_brackets_survive() -> None:
    body = _md("The [bold]quay[/bold] and [the plan] and [x][y] stay.\n").body
    assert body == "The [bold]quay[/bold] and [the plan] and [x][y] stay."


def test_controls_are_stripped_from_markdown() -> None:
    draft = _md('---\ntitle: "Pier\\e[2J to close"\n---\nThe \x1b[1mquay\x1b[0m shuts.\x07\n')
    assert draft.title == "Pier to close"
    assert draft.body == "The quay shuts."


@pytest.mark.parametrize(
    "raw",
    [
        "\x1b[31mPier\x1b[0m to close\x07",
        "Pier\x1b to\x07 close",
        "Pier\x08 to\x0b close\x7f",
        "Pier\x1b]0;evil\x07 to close\ufffe",
    ],
)
def test_controls_in_the_front_matter_are_removed_as_from_a_txt(raw: str) -> None:
    """Regression: a raw ESC or BEL in a quoted title refused the whole file ("not valid YAML")."""
    text = f'---\ntitle: "{raw}"\nsource: The\x07 Quay Post\ntags: [ports\x07]\n---\n\nThe quay.\n'
    draft = _md(text)
    assert draft.title == "Pier to close"
    assert draft.source == "The Quay Post"
    assert draft.tags == ("ports",)
    assert draft.body == "The quay."
    as_txt = read_bytes(f"{raw}\n\nThe quay.\n".encode(), name="post.txt", kind="txt")
    assert as_txt.title.replace("\ufffe", "") == draft.title


def test_a_front_matter_error_after_a_control_keeps_its_line() -> None:
    with pytest.raises(IngestError, match=r"\(line 3\)"):
        _md("---\ntitle: \x1bok\x07\ntitle: : bad: [\n---\nBody.\n")


def test_a_lone_rule_at_the_top_is_not_front_matter() -> None:
    draft = _md("---\n\nPier to close today.\n")
    assert draft.body == "Pier to close today."


def test_front_matter_only_has_no_article_text() -> None:
    with pytest.raises(IngestError, match=r"^post\.md: no article text found$"):
        _md("---\ntitle: Pier\n---\n\n<!-- nothing -->\n")


@pytest.mark.parametrize(
    "text",
    [
        ">" * 3000 + " Deep words stay.\n",
        "".join("  " * level + f"- item {level}\n" for level in range(300))
        + "\nDeep words stay.\n",
        "> " * 250 + "- Deep words stay.\n",
    ],
)
def test_deeply_nested_quotes_and_lists_keep_their_words(text: str) -> None:
    assert _md(text).body.endswith("Deep words stay.")
