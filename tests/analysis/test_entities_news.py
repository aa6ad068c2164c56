"""Entity rules for real news: capitals, sports clubs, nationalities, places and linking (issue 14)."""

from __future__ import annotations

from reader.core.analysis import analyze
from reader.core.analysis.entities import canonical_names
from reader.core.analysis.entities.capitals import capital_lines
from reader.core.analysis.entities.lexicon import lexicon
from reader.core.analysis.entities.teams import is_sports_report, team_names
from reader.core.results import Span
from reader.core.serialize import analysis_from_dict, analysis_to_dict


def labelled(text: str) -> list[tuple[str, str]]:
    """(text, label) of each entity found in ``text``."""
    return [(span.text, span.label) for span in analyze(text).entities]


# -- lines in capitals --------------------------------------------------------------------------


def test_a_dateline_place_is_a_place() -> None:
    assert labelled("LONDON 1996-08-30\n\nPrices fell.") == [("LONDON", "PLACE")]
    assert labelled("NEW YORK 1996-08-30\n\nPrices fell.") == [("NEW YORK", "PLACE")]
    found = labelled("MILWAUKEE, Wisconsin 1996-08-29\n\nHenke led.")
    assert found[0] == ("MILWAUKEE", "PLACE")


def test_a_headline_in_capitals_names_only_what_the_document_knows() -> None:
    text = (
        "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.\n\n"
        "Alan Shearer was named the new England captain on Friday."
    )
    found = labelled(text)
    assert ("SHEARER", "PERSON") in found
    assert ("ENGLAND", "PLACE") in found
    assert all(name not in ("SOCCER", "NAMED", "CAPTAIN") for name, _ in found)


def test_a_headline_topic_and_dash_is_no_dateline() -> None:
    lines = capital_lines("SOCCER - ROMANIA BEAT LITHUANIA.\nAARHUS, Denmark (BWS) - A fire.")
    assert lines[0].dateline is None
    assert lines[1].dateline is not None


# -- clubs in sports reports --------------------------------------------------------------------


SPORTS = (
    "Barcelona beat Porto 2-1 on Sunday in the league. Barcelona's coach praised the goals, "
    "and Romania beat Lithuania in their match. The season goes on."
)


def test_a_town_that_plays_is_a_club_but_a_country_stays_a_place() -> None:
    found = labelled(SPORTS)
    assert ("Barcelona", "ORG") in found and ("Porto", "ORG") in found
    assert ("Romania", "PLACE") in found and ("Lithuania", "PLACE") in found
    assert all(label == "ORG" for name, label in found if name == "Barcelona")


def test_clubs_are_found_only_in_sports_reports() -> None:
    lex = lexicon()
    assert is_sports_report(SPORTS)
    assert team_names("Oslo beat Bergen to the new port contract.", lex) == frozenset()
    assert labelled("Trade between Barcelona and Porto grew.") == [
        ("Barcelona", "PLACE"),
        ("Porto", "PLACE"),
    ]


# -- nationalities, places, groups ----------------------------------------------------------------


def test_a_nationality_is_not_part_of_the_person_after_it() -> None:
    assert labelled("Argentine Abel Balbo scored twice.") == [
        ("Argentine", "GROUP"),
        ("Abel Balbo", "PERSON"),
    ]


def test_new_york_city_is_one_place() -> None:
    assert labelled("He moved to New York City last year.") == [("New York City", "PLACE")]


def test_two_word_demonyms_are_groups_like_one_word_ones() -> None:
    assert labelled("North Korean troops crossed. Ukrainian officials said.") == [
        ("North Korean", "GROUP"),
        ("Ukrainian", "GROUP"),
    ]


def test_a_country_that_speaks_stays_a_place() -> None:
    assert labelled("Britain said on Friday it would act.") == [("Britain", "PLACE")]


def test_a_family_name_first_is_found_again_alone() -> None:
    found = labelled("Yoon Suk Yeol spoke. The crowd cheered Yoon on.")
    assert found == [("Yoon Suk Yeol", "PERSON"), ("Yoon", "PERSON")]


# -- linking ----------------------------------------------------------------------------------------


def test_short_mentions_link_to_the_full_name() -> None:
    text = (
        "Kim Jong Un met aides in Pyongyang. Later Kim said no. "
        "Lars Vestergaard agreed, and Vestergaard left."
    )
    entities = analyze(text).entities
    pairs = list(zip([e.text for e in entities], canonical_names(entities), strict=True))
    assert ("Kim", "Kim Jong Un") in pairs
    assert ("Vestergaard", "Lars Vestergaard") in pairs
    assert ("Pyongyang", "Pyongyang") in pairs


def test_the_nearest_earlier_full_name_wins_and_capitals_take_the_mixed_spelling() -> None:
    spans = [
        Span(0, 11, "PERSON", "Kim Jong Un"),
        Span(20, 31, "PERSON", "Kim Yo Jong"),
        Span(40, 43, "PERSON", "Kim"),
        Span(50, 57, "PERSON", "SHEARER"),
        Span(60, 72, "PERSON", "Alan Shearer"),
        Span(80, 87, "PLACE", "ENGLAND"),
        Span(90, 97, "PLACE", "England"),
    ]
    assert canonical_names(spans) == [
        "Kim Jong Un",
        "Kim Yo Jong",
        "Kim Yo Jong",
        "Alan Shearer",
        "Alan Shearer",
        "England",
        "England",
    ]


def test_json_entities_gain_the_referent_and_keep_every_key() -> None:
    analysis = analyze("Kim Jong Un met aides. Later Kim said no.")
    data = analysis_to_dict(analysis)
    assert [e["entity"] for e in data["entities"]] == ["Kim Jong Un", "Kim Jong Un"]
    assert set(data["entities"][1]) == {"start", "end", "text", "label", "entity"}
    assert analysis_from_dict(data) == analysis


# -- names of organisations ---------------------------------------------------------------------


def test_a_company_name_ends_at_its_abbreviated_ending() -> None:
    found = labelled("It competes with Lear Corp. Family-controlled Douglas & Lomason said.")
    assert ("Lear Corp.", "ORG") in found
    assert labelled("He joined Samsung Co. Ltd. in May.") == [("Samsung Co. Ltd.", "ORG")]


def test_new_opens_a_name_like_any_word() -> None:
    assert labelled("Shares rose on the New York Stock Exchange.") == [
        ("New York Stock Exchange", "ORG")
    ]


def test_a_title_word_opening_an_organisation_of_something_stays() -> None:
    found = labelled("The Party of Democratic Action (SDA) called for a boycott.")
    assert found[0] == ("Party of Democratic Action", "ORG")


def test_a_country_abbreviation_is_not_a_persons_initials() -> None:
    assert labelled("The U.S. Treasury said on Friday it would sell bonds.") == [
        ("U.S. Treasury", "ORG")
    ]


def test_organisations_known_by_one_word() -> None:
    found = labelled("Interfax said Newmont and Air France would report on Monday.")
    assert found == [("Interfax", "ORG"), ("Newmont", "ORG"), ("Air France", "ORG")]


def test_english_counties_are_clubs_in_a_cricket_report() -> None:
    text = (
        "Title rivals Essex and Kent closed in on victory in the championship. "
        "Yorkshire were bowled out for 150 runs in their innings in the match against Durham."
    )
    found = labelled(text)
    assert all(label == "ORG" for _, label in found), found
    assert labelled("Kent is a county in the south-east of England.")[0] == ("Kent", "PLACE")


def test_a_surname_that_is_also_a_place_follows_the_person() -> None:
    text = (
        "Michael Washington beat Pete Sampras. Washington said he was tired. He flew to Washington."
    )
    assert labelled(text) == [
        ("Michael Washington", "PERSON"),
        ("Pete Sampras", "PERSON"),
        ("Washington", "PERSON"),
        ("Washington", "PLACE"),
    ]


def test_a_short_lowercase_part_after_a_hyphen_belongs_to_the_name() -> None:
    found = labelled("Kim In-so met the Oslo-born writer in Chester-le-Street.")
    assert found == [("Kim In-so", "PERSON"), ("Oslo", "PLACE"), ("Chester-le-Street", "PLACE")]


def test_a_newspaper_or_firm_is_named_by_the_noun_beside_it() -> None:
    assert labelled("Zycie Warszawy daily said on Saturday it would bid.") == [
        ("Zycie Warszawy", "ORG")
    ]
    assert ("Multico", "ORG") in labelled("Its publisher, mineral water firm Multico, bid too.")


def test_a_place_that_a_player_homers_for_is_a_club_but_not_where_he_is_from() -> None:
    text = (
        "Jim Thome homered for Cleveland in the ninth inning. Cleveland's lead in the league "
        "grew as the pitcher won his game. Okoro, a forward from Lagos, scored twice."
    )
    found = labelled(text)
    assert [label for name, label in found if name == "Cleveland"] == ["ORG", "ORG"]
    assert ("Lagos", "PLACE") in found


def test_a_place_before_an_acronym_is_two_names() -> None:
    assert labelled("Bonds fell after the Chicago NAPM report.") == [
        ("Chicago", "PLACE"),
        ("NAPM", "ORG"),
    ]
