"""Tests for the rule-based entity recogniser (reader.core.analysis.entities)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis import entities
from reader.core.analysis.entities import find_entities
from reader.core.analysis.entities.lexicon import lexicon
from reader.core.results import Span

_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Inc|Corp|Co|Jr|No|Prof)|\b[A-Z])\.$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """A naive splitter, enough for these short texts (the real one lives in sentences.py)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"[.!?][\"”’)]*(?=\s+[\"“A-Z])|\n+", text):
        if match.group().startswith(".") and _ABBREVIATION.search(text, 0, match.start() + 1):
            continue
        if text[start : match.end()].strip():
            bounds.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in bounds]


def found(text: str) -> set[tuple[str, str]]:
    return {(span.text, span.label) for span in find_entities(text, _sentences(text))}


def test_version_is_a_non_empty_string() -> None:
    assert isinstance(entities.VERSION, str) and entities.VERSION


def test_empty_text_has_no_entities() -> None:
    assert find_entities("", []) == []


def test_every_label_is_found() -> None:
    text = (
        "Priya Raman, a Kenyan engineer, joined Pinecrest Robotics Inc. in Nairobi last year. "
        "Raman said the move was overdue."
    )
    assert found(text) == {
        ("Priya Raman", "PERSON"),
        ("Kenyan", "GROUP"),
        ("Pinecrest Robotics Inc.", "ORG"),
        ("Nairobi", "PLACE"),
        ("Raman", "PERSON"),
    }


def test_titles_and_honorifics_stay_outside_person() -> None:
    text = "Dr. Helen R. Whitcombe met Gov. Rosa Delgado and Chief Inspector Rahul Mehta."
    assert found(text) == {
        ("Helen R. Whitcombe", "PERSON"),
        ("Rosa Delgado", "PERSON"),
        ("Rahul Mehta", "PERSON"),
    }


def test_possessive_is_outside_the_name() -> None:
    spans = find_entities("It was Norway's turn and Okafor's plan.", [(0, 39)])
    assert next((s.text, s.label) for s in spans) == ("Norway", "PLACE")


def test_leading_the_is_outside_an_organisation() -> None:
    text = "Officials at the Bank of England spoke to The Harbour Times on Friday."
    assert found(text) == {("Bank of England", "ORG"), ("Harbour Times", "ORG")}


def test_sentence_initial_common_words_are_not_entities() -> None:
    text = "After the vote, officials left. Officials said nothing. Summer crowds filled Oslo."
    assert found(text) == {("Oslo", "PLACE")}


def test_name_that_is_also_a_word_is_kept_when_it_names_someone() -> None:
    text = "Striker Will Mensah scored twice. Will Mensah stay? Coach Hope Castillo is unsure."
    result = found(text)
    assert ("Will Mensah", "PERSON") in result
    assert ("Mensah", "PERSON") in result
    assert ("Hope Castillo", "PERSON") in result
    assert ("Will", "PERSON") not in result


def test_connectors_inside_organisation_names() -> None:
    text = (
        "The Department of Fisheries and Oceans and the Food and Agriculture Organization "
        "both wrote to Procter & Gamble."
    )
    assert found(text) == {
        ("Department of Fisheries and Oceans", "ORG"),
        ("Food and Agriculture Organization", "ORG"),
        ("Procter & Gamble", "ORG"),
    }


def test_places_listed_with_and_stay_apart() -> None:
    text = "The pact commits Norway, Denmark and Iceland to share data."
    assert found(text) == {("Norway", "PLACE"), ("Denmark", "PLACE"), ("Iceland", "PLACE")}


def test_acronym_in_brackets_and_short_forms_follow_the_long_name() -> None:
    text = (
        "The project, run by the European Southern Observatory (ESO), cost a lot. "
        "ESO expects first light soon. Kanemori Motors said it agreed, and Kanemori shares rose."
    )
    result = found(text)
    assert ("European Southern Observatory", "ORG") in result
    assert ("ESO", "ORG") in result
    assert ("Kanemori Motors", "ORG") in result
    assert ("Kanemori", "ORG") in result


def test_place_cues_and_based_compounds() -> None:
    text = "The St. Paul-based grocer opened a shop in Ponta Delgada and near Elm Street."
    assert found(text) == {
        ("St. Paul", "PLACE"),
        ("Ponta Delgada", "PLACE"),
        ("Elm Street", "PLACE"),
    }


def test_demonyms_are_groups_but_not_inside_currencies() -> None:
    text = "Norwegian officials paid 250m Danish kroner to Icelandic fishermen."
    assert found(text) == {("Norwegian", "GROUP"), ("Icelandic", "GROUP")}


def test_products_and_index_numbers_are_not_organisations() -> None:
    assert found("The plane, an Airbus A320, landed. The Nikkei 225 index rose.") == set()


def test_country_abbreviation_as_modifier_is_a_place() -> None:
    assert found("Delegates said U.S. officials and the U.K. agreed.") == {
        ("U.S.", "PLACE"),
        ("U.K.", "PLACE"),
    }


def test_generational_suffix_is_inside_and_surname_is_remembered() -> None:
    text = "Republican leader Bill Norquist Jr. objected. Later, Norquist relented."
    result = found(text)
    assert ("Bill Norquist Jr.", "PERSON") in result
    assert ("Norquist", "PERSON") in result
    assert ("Republican", "GROUP") in result


def test_title_case_heading_is_not_one_long_name() -> None:
    text = "Mayor Bill Tran Unveils Plan To Rebuild Harbour Front\n\nThe plan is big."
    result = found(text)
    assert ("Bill Tran", "PERSON") in result
    assert all("Unveils" not in name for name, _ in result)


def test_sports_team_is_an_organisation_and_town_alone_a_place() -> None:
    text = "The Portland Pioneers lost to Memphis. Fans of the Pioneers were quiet."
    result = found(text)
    assert ("Portland Pioneers", "ORG") in result
    assert ("Memphis", "PLACE") in result
    assert ("Pioneers", "ORG") in result


def test_dateline_in_capitals_is_a_place() -> None:
    text = "AARHUS, Denmark (BWS) — A fire broke out."
    assert ("AARHUS", "PLACE") in found(text)


def test_word_lists_load_and_are_cached() -> None:
    lex = lexicon()
    assert lexicon() is lex
    assert "Kenya" in lex.places and "Kenyans" in lex.groups and "Inc" in lex.org_words


@pytest.mark.parametrize(
    "text",
    [
        "U.S.'s",
        "The The The",
        "A. B. C. D.",
        "Mr. Mr. Mr.",
        "Ève Ångström-Öberg met Łukasz in Kraków.",
        "of the and for & de",
        "8th 9th Circuit 10th",
        "'s ’s ' ’",
    ],
)
def test_odd_inputs_give_valid_spans(text: str) -> None:
    _check_spans(text, find_entities(text, _sentences(text)))


def _check_spans(text: str, spans: list[Span]) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end
        assert span.label in {"PERSON", "ORG", "PLACE", "GROUP"}
        previous_end = span.end


_WORDS = st.sampled_from(
    [
        "The",
        "Bank",
        "of",
        "England",
        "Mr.",
        "Dr.",
        "Okafor",
        "said",
        "in",
        "Oslo",
        "U.S.",
        "'s",
        "and",
        "&",
        "de",
        "van",
        "Inc.",
        "Corp.",
        "Kenyan",
        "Norway's",
        "St.",
        "Paul-based",
        "(",
        ")",
        ",",
        ".",
        '"',
        "“",
        "”",
        "—",
        "Will",
        "Hope",
        "said:",
        "A/S",
        "NATO",
        "8th",
        " ",
        " ",
        "\n\n",
        "é",
        "Ō",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join) | st.text(max_size=80))
def test_spans_always_match_the_text(text: str) -> None:
    _check_spans(text, find_entities(text, _sentences(text)))


def test_a_title_alone_is_no_person_and_two_companies_stay_apart() -> None:
    text = "The Prime Minister, Rishi Sunak, thanked General Motors and Ford Motor Co. on Monday."
    assert found(text) == {
        ("Rishi Sunak", "PERSON"),
        ("General Motors", "ORG"),
        ("Ford Motor Co.", "ORG"),
    }


def test_nationality_word_that_is_a_name_stays_in_the_name() -> None:
    text = "Deutsche Bank chief executive Christian Sewing spoke. The Norwegian Storting voted."
    assert found(text) == {
        ("Deutsche Bank", "ORG"),
        ("Christian Sewing", "PERSON"),
        ("Norwegian", "GROUP"),
        ("Storting", "ORG"),
    }


def test_ordinal_court_and_place_inside_organisation() -> None:
    text = "Brightwater Corp. will appeal to the 8th Circuit, not the University of Nairobi."
    assert found(text) == {
        ("Brightwater Corp.", "ORG"),
        ("8th Circuit", "ORG"),
        ("University of Nairobi", "ORG"),
    }


def test_speech_verb_after_a_prepositional_phrase_is_not_a_person_cue() -> None:
    text = "Residents of Salthill said the seafront flooded."
    assert found(text) == {("Salthill", "PLACE")}


def test_given_name_that_is_a_word_opens_a_sentence() -> None:
    text = "Grace Okoye was elected mayor of Accra. Okoye thanked voters. May Chen, a nurse, wept."
    assert found(text) == {
        ("Grace Okoye", "PERSON"),
        ("Accra", "PLACE"),
        ("Okoye", "PERSON"),
        ("May Chen", "PERSON"),
    }
