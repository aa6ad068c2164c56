"""The search box syntax (reader.core.query.parse_query)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import QueryError, UsageError
from reader.core.models import ArticleQuery, SearchTerm, TriageState
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
    # AND is what words do anyway; the rest of FTS5's syntax is searched as text.
    query = parse_query("cats AND dogs NEAR(x) * ^ (")
    assert query.text == "cats dogs NEAR(x) * ^ ("


def word(text: str) -> SearchTerm:
    return SearchTerm(text)


def phrase(text: str) -> SearchTerm:
    return SearchTerm(text, phrase=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fire -aarhus", ArticleQuery(text="fire", excluded=(word("aarhus"),))),
        ("fire NOT aarhus", ArticleQuery(text="fire", excluded=(word("aarhus"),))),
        ("-aarhus", ArticleQuery(excluded=(word("aarhus"),))),
        ('fire -"sea wall"', ArticleQuery(text="fire", excluded=(phrase("sea wall"),))),
        ('NOT "sea wall" NOT x', ArticleQuery(excluded=(phrase("sea wall"), word("x")))),
        ("fire OR flood", ArticleQuery(any_of=((word("fire"), word("flood")),))),
        # OR binds tighter than the words around it: (fire or flood) and harbour.
        (
            "fire OR flood harbour",
            ArticleQuery(text="harbour", any_of=((word("fire"), word("flood")),)),
        ),
        (
            'a OR "b c" OR d e OR f',
            ArticleQuery(any_of=((word("a"), phrase("b c"), word("d")), (word("e"), word("f")))),
        ),
        (
            'budget OR tax -harbour is:later "city hall"',
            ArticleQuery(
                state=TriageState.LATER,
                phrases=("city hall",),
                any_of=((word("budget"), word("tax")),),
                excluded=(word("harbour"),),
            ),
        ),
        ("NOT has:notes fire", ArticleQuery(text="fire", has_notes=False)),
        # Only capitals are operators; quoted or lower case they are words.
        ("cats or dogs not mice", ArticleQuery(text="cats or dogs not mice")),
        ('"OR" "NOT"', ArticleQuery(phrases=("OR", "NOT"))),
        ("covid-19 e-mail", ArticleQuery(text="covid-19 e-mail")),
    ],
)
def test_exclusion_and_or(text: str, expected: ArticleQuery) -> None:
    assert parse_query(text) == expected
    assert parse_query(text, finished=True) == expected


def test_a_query_being_typed_waits_for_the_word_after_an_operator() -> None:
    assert parse_query("fire OR") == ArticleQuery(text="fire")
    assert parse_query("fire NOT") == ArticleQuery(text="fire")
    assert parse_query("OR fire") == ArticleQuery(text="fire")
    assert parse_query("fire -") == ArticleQuery(text="fire -")  # "-" alone searches nothing


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fire OR -aarhus", r"OR joins words and phrases, not an excluded word \(-aarhus\)"),
        ("-aarhus OR fire", r"not an excluded word \(-aarhus\)"),
        ('fire OR NOT "sea wall"', r'not an excluded word \(-"sea wall"\)'),
        ("tag:a OR tag:b", "OR joins words and phrases, not a filter"),
        ("fire OR is:later", "not a filter"),
        ("NOT OR fire", "NOT needs a word or phrase after it, not OR"),
        ("NOT tag:x", "only has:notes can be negated"),
    ],
)
def test_misplaced_operators_are_query_errors(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('tax "city coun', 'unclosed quote in "city coun; add the closing "'),
        ('tag:"long reads', 'unclosed quote in tag:"long reads'),
        ("fire OR", "OR needs a word or phrase on each side"),
        ("OR fire", "OR needs a word or phrase on each side"),
        ("fire NOT", "NOT needs a word or phrase after it"),
    ],
)
def test_a_finished_query_must_be_complete(text: str, message: str) -> None:
    parse_query(text)  # while typing, the same text is fine
    with pytest.raises(QueryError, match=message):
        parse_query(text, finished=True)


def test_every_bad_filter_is_a_query_error() -> None:
    # The command line exits 2 for QueryError (a usage error), 1 for other errors.
    for text in ("is:foo", "author:x", "is:inbox is:later", "-tag:x"):
        with pytest.raises(QueryError):
            parse_query(text)


@given(st.text(max_size=60), st.booleans())
def test_any_text_parses_or_gives_a_query_error(text: str, finished: bool) -> None:
    try:
        query = parse_query(text, finished=finished)
    except QueryError:
        return
    assert isinstance(query, ArticleQuery)
    assert '"' not in query.text
    assert all(len(group) > 1 for group in query.any_of)
