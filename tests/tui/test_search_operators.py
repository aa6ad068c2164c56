"""The reader's search box leaves words out (``-word``, ``NOT word``) and takes ``a OR b``."""

from __future__ import annotations

from textual.widgets import Input

from reader.core.library import Library
from reader.core.models import ArticleQuery, SearchTerm, TriageState
from reader.tui.app import SkimApp
from reader.tui.library.listing import Listing, View
from reader.tui.library.screen import LibraryScreen
from reader.tui.library.view_tabs import ViewTabs
from tests.tui.helpers import settle

SIZE = (100, 30)


def _titles(app: SkimApp) -> set[str]:
    assert isinstance(app.screen, LibraryScreen)
    articles = app.screen.articles
    assert len(articles._rows) == articles.total  # a few rows: all loaded
    return {row.title for row in articles._rows.values()}


def test_listing_reads_operators_and_ranks_only_when_words_are_wanted() -> None:
    listing = Listing(view=View.INBOX, search="fire OR flood -aarhus")
    assert listing.query() == ArticleQuery(
        state=TriageState.INBOX,
        any_of=((SearchTerm("fire"), SearchTerm("flood")),),
        excluded=(SearchTerm("aarhus"),),
    )
    assert listing.sort_label() == "by relevance"
    # Words only left out rank nothing: the view keeps its order.
    assert Listing(search="-aarhus").sort_label() == "added, newest first"


async def test_fire_minus_aarhus_leaves_the_aarhus_articles_out(library: Library) -> None:
    """Regression: "fire -aarhus" listed exactly the Aarhus articles."""
    fire = {
        m.title for m in library.articles.find(ArticleQuery(state=TriageState.INBOX, text="fire"))
    }
    aarhus = {m.title for m in library.articles.find(ArticleQuery(text="aarhus"))}
    assert fire & aarhus and fire - aarhus  # the samples have both kinds
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        search.value = "fire -aarhus"
        await pilot.pause(0.3)  # the debounce
        await settle(pilot)
        assert _titles(app) == fire - aarhus
        found = len(fire - aarhus)
        assert app.screen.query_one(ViewTabs).status == f"{found} found · by relevance"
        search.value = "fire NOT aarhus"
        await pilot.pause(0.3)
        await settle(pilot)
        assert _titles(app) == fire - aarhus
