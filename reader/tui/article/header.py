"""The article header: title, where it comes from, when, how long it takes to read, its state.

At the right end of the facts line: the tone label and, when other saved articles report the same
event, how many sources the story has. They have their own place so a long source and author
never push them off a narrow screen (the facts end in an ellipsis instead).
"""

from __future__ import annotations

from datetime import datetime

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
    """One line of facts: source, author, dates, reading time, state, tags."""
    facts: list[str] = []
    if article.source:
        facts.append(article.source)
    if article.author:
        facts.append(f"by {article.author}")
    if article.published:
        facts.append(_date(article.published))
    if article.updated and article.updated != article.published:
        same_day = article.published and article.updated.date() == article.published.date()
        facts.append(
            f"updated {article.updated:%H:%M}" if same_day else f"updated {_date(article.updated)}"
        )
    facts.append(f"{reading_minutes(article.words)} min read")
    facts.append(STATE_NAMES.get(article.state, str(article.state)))
    parts: list[Content | str | tuple[str, str]] = [(" · ".join(facts), "$text-muted")]
    if article.tags:
        parts.append(("  " + " ".join(f"#{tag}" for tag in article.tags), "$text-accent"))
    return Content.assemble(*parts)


def header_story(tone: str, sources: int) -> Content:
    """The tone label and, for two or more, the number of sources: ``Opinionated · 3 sources``.

    Args:
        tone: The tone label, or "" while it is not known.
        sources: How many articles the article's story has.
    """
    parts: list[Content | str | tuple[str, str]] = []
    if tone:
        parts.append((tone, "$text-muted" if tone == "Neutral" else "bold $text-warning"))
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
        & #header-story { width: auto; padding-left: 2; }
    }
    """

    tone = ""
    """The article's tone label, once known."""

    sources = 1
    """How many articles the article's story has."""

    def compose(self) -> ComposeResult:
        """The title line(s) and the facts line."""
        yield Static("Loading…", id="header-title")
        with Horizontal(id="header-line"):
            yield Static("", id="header-facts")
            yield Static("", id="header-story")
        yield Static("", id="header-url", markup=False)

    @property
    def plain(self) -> str:
        """The header's text, without styles."""
        title = self.query_one("#header-title", Static).visual
        facts = self.query_one("#header-facts", Static).visual
        story = self.query_one("#header-story", Static).visual
        url = self.query_one("#header-url", Static)
        return f"{title}\n{facts}{story}" + (f"\n{url.visual}" if url.display else "")

    def show(self, article: Article) -> None:
        """Describe ``article``."""
        self.query_one("#header-title", Static).update(header_title(article))
        self.query_one("#header-facts", Static).update(header_facts(article))
        url = self.query_one("#header-url", Static)
        url.update(Content(strip_controls(article.url or "")))
        url.display = bool(article.url)

    def show_story(self, tone: str, sources: int) -> None:
        """Add the tone label and the number of sources covering the story to the facts."""
        self.tone, self.sources = tone, sources
        self.query_one("#header-story", Static).update(header_story(tone, sources))
