"""The search box syntax (reader.core.query.parse_query)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import UsageError
from reader.core.models import ArticleQuery, TriageState
from reader.core.query import parse_query


def test_empty_query_filters_nothing() -> None:
    assert parse_query("") == ArticleQuery()
    assert parse_query("   ") == ArticleQuery()


def test_words_and_phrases() -> None:
    query = parse_query('budget  "city   council" harbour "new piers"')
    assert query.text == "budget harbour"
    assert query.phrases == ("city council", "new piers")


def test_unterminated_quote_runs_to_the_end() -> None:
    assert parse_query('tax "city coun').phrases == ("city coun",)
    assert parse_query('tax "').phrases == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is:inbox", ArticleQuery(state=TriageState.INBOX)),
        ("is:Later", ArticleQuery(state=TriageState.LATER)),
        ("IS:archive", ArticleQuery(state=TriageState.ARCHIVE)),
        ("is:starred", ArticleQuery(starred=True)),
        ("is:unstarred", ArticleQuery(starred=False)),
        ("is:later is:starred", ArticleQuery(state=TriageState.LATER, starred=True)),
        ("is:later is:later", ArticleQuery(state=TriageState.LATER)),
        ("tag:news tag:Local", ArticleQuery(tags=("news", "Local"))),
        ('tag:"long reads"', ArticleQuery(tags=("long reads",))),
        ("source:harbour", ArticleQuery(source="harbour")),
        ('source:"The Harbour Times"', ArticleQuery(source="The Harbour Times")),
        ("has:notes", ArticleQuery(has_notes=True)),
        ("-has:notes", ArticleQuery(has_notes=False)),
        ('source:""', ArticleQuery()),
    ],
)
def test_filters(text: str, expected: ArticleQuery) -> None:
    assert parse_query(text) == expected


def test_filters_mixed_with_words() -> None:
    query = parse_query('is:later mayor tag:politics "harbour budget" source:"City Desk" vote')
    assert query == ArticleQuery(
        state=TriageState.LATER,
        tags=("politics",),
        source="City Desk",
        text="mayor vote",
        phrases=("harbour budget",),
    )


def test_things_that_only_look_like_filters_are_words() -> None:
    assert parse_query("https://example.org/a").text == "https://example.org/a"
    assert parse_query("Re: 10:30 is:").text == "Re: 10:30 is:"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("author:smith", "unknown filter 'author:'; use is:, tag:, source:, has:"),
        ("is:done", "unknown value 'done' for is:"),
        ("has:tags", "unknown value 'tags' for has:"),
        ("-tag:x", "only has:notes can be negated"),
        ("is:inbox is:later", "conflicting filters is:inbox and is:later"),
        ("is:starred is:unstarred", "conflicting filters is:starred and is:unstarred"),
        ("has:notes -has:notes", "conflicting filters"),
        ("source:a source:b", "conflicting filters"),
    ],
)
def test_bad_filters_are_usage_errors(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_query(text)


def test_fts_syntax_stays_plain_words() -> None:
    query = parse_query("cats AND dogs NEAR(x) * ^ (")
    assert query.text == "cats AND dogs NEAR(x) * ^ ("


@given(st.text(max_size=60))
def test_any_text_parses_or_gives_a_usage_error(text: str) -> None:
    try:
        query = parse_query(text)
    except UsageError:
        return
    assert isinstance(query, ArticleQuery)
    assert '"' not in query.text
