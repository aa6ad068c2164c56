"""The article header: title, where it comes from, when, how long it takes to read, its state.

At the right end of the facts line: the tags (cut to a few, then a count), the tone label and, when other saved articles report the same
event, how many sources the story has. They have their own place so a long source and author
never push them off a narrow screen (the facts end in an ellipsis instead).
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from reader.core import Article, TriageState, reading_minutes, strip_controls

STATE_NAMES = {
    TriageState.INBOX: "Inbox",
    TriageState.LATER: "Later",
    TriageState.ARCHIVE: "Archive",
}


def _date(value: datetime) -> str:
    return f"{value.day} {value:%b %Y}"


def header_facts(article: Article) -> Content:
    """One line of facts: source, author, dates, reading time, state (the tags have their own
    place, so a long source never hides them)."""
    facts: list[str] = []
    if article.source:
        facts.append(article.source)
    if article.author:
        facts.append(f"by {article.author}")
    if article.published:
        facts.append(_date(article.published))
    elif article.event_date:  # no published date: the day the text says the event happened
        inferred = " (inferred from the text)" if article.event_date_inferred else ""
        facts.append(f"{article.event_date.day} {article.event_date:%b %Y}{inferred}")
    if article.updated and article.updated != article.published:
        same_day = article.published and article.updated.date() == article.published.date()
        facts.append(
            f"updated {article.updated:%H:%M}" if same_day else f"updated {_date(article.updated)}"
        )
    facts.append(f"{reading_minutes(article.words)} min read")
    facts.append(STATE_NAMES.get(article.state, str(article.state)))
    return Content.styled(" · ".join(facts), "$text-muted")


#: The tags get at most this many cells; the tags that do not fit are counted ("+2").
TAGS_WIDTH = 32


def header_tags(tags: tuple[str, ...], width: int = TAGS_WIDTH) -> Content:
    """The tags as ``#a #b +2``: whole tags while they fit in ``width`` cells, then a count.

    A first tag longer than ``width`` is cut with an ellipsis rather than hidden.
    """
    words = [f"#{tag}" for tag in tags]
    shown: list[str] = []
    for index, word in enumerate(words):
        rest = len(words) - index - 1
        if cell_len(" ".join([*shown, word]) + (f" +{rest}" if rest else "")) > width:
            break
        shown.append(word)
    if words and not shown:
        count = f" +{len(words) - 1}" if len(words) > 1 else ""
        shown = [set_cell_size(words[0], max(1, width - len(count) - 1)) + "…"]
    more = len(words) - len(shown)
    return Content.styled(" ".join(shown) + (f" +{more}" if more else ""), "$text-accent")


def header_story(tone: str, sources: int, publisher_tone: str | None = None) -> Content:
    """The tone label and, for two or more, the number of sources: ``Opinionated · 3 sources``.

    Args:
        tone: The tone label, or "" while it is not known.
        sources: How many articles the article's story has.
        publisher_tone: The outlet's own label for the story, shown after skim's.
    """
    parts: list[Content | str | tuple[str, str]] = []
    if tone:
        parts.append((tone, "$text-muted" if tone == "Neutral" else "bold $text-warning"))
    if publisher_tone:
        parts.append((f"{' ' if tone else ''}(publisher: {publisher_tone})", "$text-muted"))
    if sources >= 2:
        parts.extend(
            [(" · ", "$text-muted") if tone else "", (f"{sources} sources", "$text-accent")]
        )
    return Content.assemble(*parts)


def header_title(article: Article) -> Content:
    """The title, after a star when the article is starred."""
    star: list[Content | str | tuple[str, str]] = (
        [("★ ", "$text-warning")] if article.starred else []
    )
    return Content.assemble(*star, (article.title, "bold"))


class ArticleHeader(Vertical):
    """What the reader needs to know about the article before reading it.

    The title may take two lines; the facts keep to one and end in an ellipsis when too long.
    """

    DEFAULT_CSS = """
    ArticleHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        & > #header-title { max-height: 2; }
        & > #header-line { height: 1; }
        & > #header-url { height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
        & #header-facts { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
        & #header-tags { width: auto; padding-left: 2; text-wrap: nowrap; }
        & #header-story { width: auto; padding-left: 2; }
    }
    """

    tone = ""
    """The article's tone label, once known."""

    sources = 1
    """How many articles the article's story has."""

    publisher_tone: str | None = None
    """The outlet's own tone label, kept from a pasted page."""

    def compose(self) -> ComposeResult:
        """The title line(s) and the facts line."""
        yield Static("Loading…", id="header-title")
        with Horizontal(id="header-line"):
            yield Static("", id="header-facts")
            yield Static("", id="header-tags")
            yield Static("", id="header-story")
        yield Static("", id="header-url", markup=False)

    @property
    def plain(self) -> str:
        """The header's text, without styles."""
        title = self.query_one("#header-title", Static).visual
        facts = self.query_one("#header-facts", Static).visual
        tags = self.query_one("#header-tags", Static).visual
        story = self.query_one("#header-story", Static).visual
        url = self.query_one("#header-url", Static)
        return f"{title}\n{facts}  {tags}  {story}" + (f"\n{url.visual}" if url.display else "")

    def show(self, article: Article) -> None:
        """Describe ``article``."""
        self.query_one("#header-title", Static).update(header_title(article))
        self.query_one("#header-facts", Static).update(header_facts(article))
        if article.publisher_tone != self.publisher_tone:
            self.publisher_tone = article.publisher_tone
            self.show_story(self.tone, self.sources)
        tags = self.query_one("#header-tags", Static)
        tags.update(header_tags(article.tags))
        tags.display = bool(article.tags)  # no room taken from the facts when there are none
        url = self.query_one("#header-url", Static)
        url.update(Content(strip_controls(article.url or "")))
        url.display = bool(article.url)

    def show_story(self, tone: str, sources: int) -> None:
        """Add the tone label and the number of sources covering the story to the facts."""
        self.tone, self.sources = tone, sources
        self.query_one("#header-story", Static).update(
            header_story(tone, sources, self.publisher_tone)
        )
