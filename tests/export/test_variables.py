"""Template variables for deep links and other apps' templates: uuid, text fragments, positions,
the ``date`` filter, and Omnivore's and Readwise's names."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.export.links import text_fragment_url
from reader.core.export.render import checked, render_markdown
from reader.core.export.templating import TemplateError, format_date, parse
from tests.export.helpers import ANNOTATIONS, ARTICLE, SUMMARY, T0


def render(text: str, **changes: object) -> str:
    article = dataclasses.replace(ARTICLE, **changes)  # type: ignore[arg-type]
    template = checked(parse(text, "test"))
    return render_markdown(article, ANNOTATIONS, SUMMARY, template=template, exported_at=T0)


def test_text_fragment_url_is_percent_encoded_as_the_spec_asks() -> None:
    url = text_fragment_url("https://example.com/a#top", "a $12-million wall, & more")
    assert url == "https://example.com/a#:~:text=a%20%2412%2Dmillion%20wall%2C%20%26%20more"
    long = text_fragment_url(
        "https://example.com/a", "one two three four five six seven eight nine ten eleven"
    )
    assert (
        long
        == "https://example.com/a#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven"
    )
    across = text_fragment_url("https://example.com/a", "end of one.\n\nStart of two")
    assert across == "https://example.com/a#:~:text=end%20of%20one.,Start%20of%20two"
    assert text_fragment_url("", "quote") == ""


def test_highlight_variables() -> None:
    out = render(
        "{{#annotations}}{{id}} {{position_percent}} {{uuid}} {{text_fragment_url}}\n{{/annotations}}"
    )
    first = out.splitlines()[0].split()
    assert first[0] == "3" and 0 < int(first[1]) < 100
    assert len(first[2]) == 36 and first[3].startswith(
        "https://example.com/sea-wall#:~:text=a%20%2412"
    )
    assert render("{{uuid}}") != render("{{uuid}}", id=8)  # one per article


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("{{published|date}}", "2025-03-14"),
        ("{{published|date:%d %B %Y}}", "14 March 2025"),
        ("{{published|date('%Y')}}", "2025"),
        ('{{ added | date("%H:%M") }}', "09:00"),
        ("{{updated|date}}", ""),  # no date: nothing
        ("{{title|date}}", "Harbour council approves $12 million sea wall: what it means"),
    ],
)
def test_date_filter(text: str, out: str) -> None:
    assert render(text) == f"{out}\n"


def test_format_date_leaves_what_is_not_a_date() -> None:
    assert format_date("2025-03-01", "%d/%m") == "01/03" and format_date("soon") == "soon"


# An Omnivore Obsidian template in the shape Omnivore documents (Mustache, its variable names).
OMNIVORE = """---
id: {{{id}}}
title: {{{title}}}
date_saved: {{{dateSaved}}}
date_published: {{{datePublished}}}
---
# {{{title}}}
[Read Original]({{{originalUrl}}}) · [Read on Omnivore]({{{omnivoreUrl}}}) · {{{siteName}}}
{{#labels}}#{{{name}}} {{/labels}}

{{#highlights.length}}
## Highlights ({{highlights.length}})

{{#highlights}}
> {{{text}}} [⤴️]({{{highlightUrl}}}) {{positionPercent}}% {{#labels}} #{{name}}{{/labels}}
{{#note}}

{{{note}}}
{{/note}}
{{/highlights}}
{{/highlights.length}}
"""


def test_an_omnivore_template_runs_unchanged() -> None:
    out = render(OMNIVORE)
    assert "[Read Original](https://example.com/sea-wall)" in out
    assert "date_published: 2025-03-14T08:30:00+00:00" in out
    assert "## Highlights (3)" in out
    assert "> protect about 4,000 homes [⤴️](https://example.com/sea-wall#:~:text=protect" in out
    assert "#long reads #follow up" in out and "#climate #local" in out
    bare = render_markdown(
        ARTICLE, [], SUMMARY, template=checked(parse(OMNIVORE, "o")), exported_at=T0
    )
    assert "## Highlights" not in bare  # {{#highlights.length}} is 0: the section is left out


def test_readwise_names() -> None:
    out = render(
        "{{full_title}} {{source_url}} {{document_tags}}\n"
        "{{#highlights}}{{highlight_text}} | {{highlight_location_url}} | {{highlight_tags}}\n{{/highlights}}"
    )
    assert out.startswith(
        "Harbour council approves $12 million sea wall: what it means https://example.com/sea-wall #climate #local\n"
    )
    assert "protect about 4,000 homes | https://example.com/sea-wall#:~:text=protect" in out
    assert "#long-reads #follow-up" in out


def test_an_unknown_filter_or_name_is_still_refused() -> None:
    with pytest.raises(TemplateError, match="unknown filter 'dat'"):
        parse("{{published|dat:%Y}}")
    with pytest.raises(TemplateError, match="unknown variable 'highlightURL'"):
        checked(parse("{{#highlights}}{{highlightURL}}{{/highlights}}"))
