"""Every bundled sample article imports with the right metadata and without boilerplate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.core.ingest import iter_directory, read_path
from reader.core.models import ArticleDraft

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
CEST = timezone(timedelta(hours=2))

# file name: (title, source, author, published)
EXPECTED: dict[str, tuple[str, str | None, str | None, datetime | None]] = {
    "aarhus-recycling-fire-baltic-wire.html": (
        "17 injured, thousands told to stay indoors as fire engulfs Danish recycling plant",
        "Baltic Wire Service",
        "Henrik O. Sandberg",
        datetime(2024, 2, 12, 13, 5, tzinfo=UTC),
    ),
    "aarhus-recycling-fire-harbour-times.md": (
        "Fourteen hurt as battery fire tears through Aarhus recycling plant",
        "The Harbour Times",
        "Lucy Fenwick-Adeyemi",
        datetime(2024, 2, 12, 10, 20, tzinfo=UTC),
    ),
    "aggregator-offside-row.txt": (
        "Castlebridge boss calls for league-wide review after offside call decides 3-1 win over "
        "Northfield",
        None,
        None,
        datetime(2024, 12, 29, 9, 47, tzinfo=UTC),
    ),
    "arctic-shipping-lanes-pact.md": (
        "Northern states strike provisional deal on Arctic shipping lanes after five-day summit",
        "The Harbour Times",
        "Priya Raman",
        datetime(2025, 3, 14, 8, 30, tzinfo=UTC),
    ),
    "brief-ferry-strike-called-off.txt": (
        "Ferry strike called off after late-night pay deal",
        None,
        None,
        None,
    ),
    "harbor-city-comets-force-game-seven.txt": (
        "Okoro scores 38 as Harbor City Comets beat Granite Falls 112-104 to force Game 7",
        None,
        None,
        None,
    ),
    "longform-forty-four-minutes.md": (
        "Forty-Four Minutes: How a private ambulance contract left rural Tamarack County waiting",
        "The North Star Courier",
        "Miriam Oyelaran and Caleb Nordquist",
        datetime(2024, 11, 17, 11, 0, tzinfo=UTC),
    ),
    "northern-ledger-night-train-returns.html": (
        "Overnight sleeper linking Hamburg and Stockholm to return in December after 11-year gap",
        "The Northern Ledger",
        "Astrid Holmberg",
        datetime(2025, 8, 21, 6, 45, tzinfo=CEST),
    ),
    "riverside-bridge-closure.txt": ("Riverside bridge closure", None, None, None),
}

# Strings from each page's chrome (or the aggregator's non-story sections) that must not survive.
BOILERPLATE: dict[str, tuple[str, ...]] = {
    "aggregator-offside-row.txt": (
        "Provocative", "Highlights", "Story\n", "Opinions", "season-ticket holder", "Dec 29, 2024",
    ),
    "northern-ledger-night-train-returns.html": (
        "cookies", "Accept all", "Subscribe", "Sign in", "Most read", "Read more", "Share",
        "Facebook", "Sign up to The Ledger Daily", "Related stories", "Advertisement",
        "Listen: The Ledger Briefing", "All rights reserved", "Photograph", "Topics:",
        "Spotted an error", "Independent news from", "nl_consent", "cookie-banner",
        "By Astrid Holmberg", "Home",
    ),
    "aarhus-recycling-fire-baltic-wire.html": (
        "cookies", "Trusted news", "Latest", "Share:", "More from Europe", "Trending",
        "Nordic Morning Briefing", "Copyright", "bwsConfig", "By Henrik O. Sandberg",
    ),
}  # fmt: skip

# A sentence from the start and one from the end of each HTML story must be present.
STORY_TEXT: dict[str, tuple[str, ...]] = {
    "northern-ledger-night-train-returns.html": (
        "A nightly sleeper train between Hamburg and Stockholm will begin running on December 14",
        "Tickets go on sale on September 1 at 10am Swedish time.",
        "Why now",
        "“People keep telling us the night train is a nostalgia product,”",
    ),
    "aarhus-recycling-fire-baltic-wire.html": (
        "AARHUS, Denmark (BWS) — A fire that investigators believe",
        "Firefighters were expected to remain at the site until at least Tuesday evening.",
    ),
    "aggregator-offside-row.txt": (
        "Northfield Rovers manager Ciaran Devlin has called for an independent review",
    ),
}


def _samples() -> list[Path]:
    return list(iter_directory(SAMPLES))


@pytest.fixture(scope="module")
def drafts() -> dict[str, ArticleDraft]:
    return {path.name: read_path(path) for path in _samples()}


def test_every_sample_is_listed_and_readable(drafts: dict[str, ArticleDraft]) -> None:
    assert set(EXPECTED) <= set(drafts)
    assert "README.md" not in drafts
    for name, draft in drafts.items():
        assert draft.title, name
        assert len(draft.body.split()) > 40, name
        assert "\n\n\n" not in draft.body, name
        assert draft.origin == str(SAMPLES / name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_metadata(drafts: dict[str, ArticleDraft], name: str) -> None:
    draft = drafts[name]
    assert (draft.title, draft.source, draft.author, draft.published) == EXPECTED[name]


def test_markdown_samples_lose_their_markup(drafts: dict[str, ArticleDraft]) -> None:
    for name, draft in drafts.items():
        if name.endswith(".md"):
            assert "\n#" not in draft.body and not draft.body.startswith("#"), name
            assert "](" not in draft.body and "**" not in draft.body, name
            assert draft.published is not None and draft.source is not None, name


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_boilerplate_is_gone_and_the_story_is_there(
    drafts: dict[str, ArticleDraft], name: str
) -> None:
    body = drafts[name].body
    for gone in BOILERPLATE[name]:
        assert gone not in body, gone
    for kept in STORY_TEXT[name]:
        assert kept in body, kept


def test_aggregator_update_time(drafts: dict[str, ArticleDraft]) -> None:
    assert drafts["aggregator-offside-row.txt"].updated == datetime(2024, 12, 29, 11, 2, tzinfo=UTC)


def test_text_samples_keep_their_opening_paragraph(drafts: dict[str, ArticleDraft]) -> None:
    assert drafts["riverside-bridge-closure.txt"].body.startswith(
        "Drivers in Aldermoor face a 12-kilometre detour"
    )
    assert drafts["brief-ferry-strike-called-off.txt"].body.startswith("A 48-hour strike")
