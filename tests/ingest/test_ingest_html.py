"""Saved web pages: metadata, the article text, and none of the page's chrome."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from reader.core.errors import IngestError
from reader.core.ingest import read_bytes
from reader.core.ingest.web import extract_article
from reader.core.models import ArticleDraft

PAGE = """\
<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Harbour board backs night ferry | The Quay Post</title>
<meta property="og:site_name" content="The Quay Post">
<meta property="og:title" content="Harbour board backs night ferry | The Quay Post">
<meta name="author" content="Ines Duarte">
<meta property="article:published_time" content="2024-12-29T09:47:00+01:00">
<meta property="article:modified_time" content="2024-12-29T11:02:00+01:00">
<meta property="article:tag" content="ports"><meta property="article:tag" content="ferries">
<link rel="canonical" href="https://example.com/ferry">
<style>.x { color: red }</style>
<script>var tracking = "SCRIPT TEXT";</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p></div>
<header class="site-header"><a href="/">The Quay Post</a>
<p>News from the harbour since 1901</p></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main>
<div class="share-bar"><a href="#">Share on Facebook</a></div>
<article>
  <h1>Harbour board backs night ferry</h1>
  <p class="byline">By Ines Duarte, Harbour Reporter</p>
  <p>The harbour board approved a <strong>night ferry</strong> on Saturday after a meeting that
     ran past midnight &amp; into Sunday.</p>
  <figure><img src="a.jpg" alt="The quay">
  <figcaption>The quay at dusk. Photo: Staff</figcaption></figure>
  <h2>What changes</h2>
  <ul><li>Sailings at 11:40 p.m.</li><li>Fares from &euro;4</li></ul>
  <div class="ad-slot">Advertisement</div>
  <aside class="related"><h3>Related</h3>
  <p>Old ferry sold for scrap in a long-running saga.</p></aside>
  <p>Residents collected 1,200 signatures<br>against the plan.</p>
  <div class="newsletter">
  <p>Sign up for our morning briefing, delivered daily to your inbox.</p></div>
  <p hidden>Hidden paragraph.</p><p style="display: none">Invisible paragraph.</p>
</article>
<section id="comments"><p>First comment! This is a reader comment that is long enough.</p></section>
</main>
<aside class="sidebar"><h2>Most read</h2>
<p>Another story entirely, about something else.</p></aside>
<footer><p>&copy; 2024 The Quay Post Ltd. All rights reserved.</p></footer>
<script>document.write("MORE SCRIPT")</script>
</body></html>
"""


def _html(text: str, name: str = "page.html") -> ArticleDraft:
    return read_bytes(text.encode(), name=name, kind="html")


def test_metadata_from_meta_and_link_tags() -> None:
    draft = _html(PAGE)
    plus_one = timezone(timedelta(hours=1))
    assert draft.title == "Harbour board backs night ferry"
    assert draft.source == "The Quay Post"
    assert draft.author == "Ines Duarte"
    assert draft.url == "https://example.com/ferry"
    assert draft.published == datetime(2024, 12, 29, 9, 47, tzinfo=plus_one)
    assert draft.updated == datetime(2024, 12, 29, 11, 2, tzinfo=plus_one)
    assert draft.tags == ("ports", "ferries")


def test_article_text_without_boilerplate() -> None:
    body = _html(PAGE).body
    assert body.split("\n\n") == [
        "The harbour board approved a night ferry on Saturday after a meeting that ran past "
        "midnight & into Sunday.",
        "What changes",
        "- Sailings at 11:40 p.m.",
        "- Fares from €4",
        "Residents collected 1,200 signatures\nagainst the plan.",
    ]
    for gone in (
        "cookies", "Home", "Share", "Advertisement", "Related", "scrap", "Sign up", "Hidden",
        "Invisible", "comment", "Most read", "rights reserved", "SCRIPT", "color", "Photo",
        "By Ines", "since 1901", "Harbour board backs",
    ):  # fmt: skip
        assert gone not in body, gone


def test_title_suffix_is_guessed_without_a_site_name() -> None:
    page = (
        "<html><head><title>Pier to close for repairs | The Quay Post</title></head>"
        "<body><p>The quay shuts on Monday for eleven weeks of repairs.</p></body></html>"
    )
    draft = _html(page)
    assert (draft.title, draft.source) == ("Pier to close for repairs", "The Quay Post")


def test_a_lower_case_suffix_is_part_of_the_title() -> None:
    page = "<title>Tax bill - what it means</title><p>Long enough body text here.</p>"
    assert _html(page).title == "Tax bill - what it means"


def test_site_name_prefix_is_removed() -> None:
    page = (
        '<meta property="og:site_name" content="Quay Post"><title>Quay Post | Pier to close</title>'
        "<p>Body text.</p>"
    )
    assert _html(page).title == "Pier to close"


def test_h1_title_and_rel_author_and_time_element() -> None:
    page = """<html><body><article>
      <h1>Pier to close</h1>
      <p>By <a rel="author" href="/staff/amara">Amara Okafor</a></p>
      <p><time datetime="2024-12-29">Sunday</time></p>
      <p>The quay shuts on Monday.</p>
    </article></body></html>"""
    draft = _html(page)
    assert draft.title == "Pier to close"
    assert draft.author == "Amara Okafor"
    assert draft.published == datetime(2024, 12, 29, tzinfo=UTC)
    assert draft.body == "The quay shuts on Monday."


def test_date_and_byline_paragraphs_at_the_top_become_metadata() -> None:
    page = """<article><h1>Pier</h1><p>By Amara Okafor</p><p>Updated Dec 30, 2024, 8:00 AM</p>
      <p>Published Dec 29, 2024</p><p>The quay shuts.</p></article>"""
    draft = _html(page)
    assert draft.author == "Amara Okafor"
    assert draft.published == datetime(2024, 12, 29, tzinfo=UTC)
    assert draft.updated == datetime(2024, 12, 30, 8, 0, tzinfo=UTC)
    assert draft.body == "The quay shuts."


def test_without_article_or_main_the_paragraph_rich_element_wins() -> None:
    page = """<html><body>
      <div class="menu-wrap"><p>Home</p><p>About</p></div>
      <div class="wrap"><div class="content has-sidebar">
        <p>The quay shuts on Monday for eleven weeks of repairs to its timber piles.</p>
        <p>Traders said the closure would cost them the summer season.</p>
      </div></div>
      <div><p>Short footer.</p></div>
    </body></html>"""
    body = _html(page).body
    assert body == (
        "The quay shuts on Monday for eleven weeks of repairs to its timber piles.\n\n"
        "Traders said the closure would cost them the summer season."
    )


def test_the_longest_of_several_articles_is_the_story() -> None:
    page = """<body>
      <article><h2>Teaser</h2><p>Short card.</p></article>
      <article><h1>Pier</h1><p>The quay shuts on Monday for eleven weeks of repairs.</p></article>
      <article><p>Another card.</p></article></body>"""
    assert _html(page).body == "The quay shuts on Monday for eleven weeks of repairs."


def test_malformed_html_keeps_its_paragraphs() -> None:
    # trafilatura (skim's HTML pipeline) drops list items that stand outside any list.
    page = (
        "<html><body><article><h1>Pier<p>First paragraph <b>bold <i>both</b> still</i> here"
        "<p>Second paragraph</div></span><li>item one<li>item two<p>Last & final"
    )
    draft = _html(page)
    assert draft.title == "Pier"
    assert draft.body.split("\n\n") == [
        "First paragraph bold both still here",
        "Second paragraph",
        "Last & final",
    ]


def test_lists_tables_and_code() -> None:
    # trafilatura does not keep <ol start>, so the list counts from 1.
    page = """<article><p>The ferry timetable changes on Monday.</p>
      <ol start="3"><li>three</li><li>four</li></ol>
      <table><tr><th>Stop</th><th>Time</th></tr><tr><td>Quay</td><td>9:00</td></tr></table>
      <pre><code>line one
  line two</code></pre></article>"""
    assert _html(page).body.split("\n\n") == [
        "The ferry timetable changes on Monday.",
        "1. three",
        "2. four",
        "Stop | Time",
        "Quay | 9:00",
        "line one\nline two",
    ]


def test_an_ordered_list_keeps_its_start_when_trafilatura_does() -> None:
    page = '<article><ol start="3"><li>three</li><li>four</li></ol></article>'
    assert _html(page).body.split("\n\n") == ["3. three", "4. four"]


def test_controls_in_html_are_stripped_and_markup_kept_literal() -> None:
    page = "<title>Pier\x1b[2J\x07 news</title><p>The [bold]quay[/bold] \x1b[31mshuts\u202e.</p>"
    draft = _html(page)
    assert draft.title == "Pier news"
    assert draft.body == "The [bold]quay[/bold] shuts."
    # A character reference to a control is dropped by the HTML parser itself.
    escaped = _html("<p>One &#27;two &#x9b;three &#0;four.</p>").body
    assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in escaped)


def test_a_page_with_no_text_has_no_article() -> None:
    with pytest.raises(IngestError, match=r"^page\.html: no article text found$"):
        _html("<html><head><title>Only a title</title><script>x()</script></head><body></body>")


def test_declared_legacy_charset_is_used() -> None:
    page = '<meta charset="iso-8859-1"><title>Caf\xe9 news</title><p>Na\xefve caf\xe9.</p>'
    draft = read_bytes(page.encode("latin-1"), name="old.html")
    assert (draft.title, draft.body) == ("Café news", "Naïve café.")


_LEAD = (
    "<p>The quay shuts on Monday for eleven weeks of repairs to its timber piles, the harbour "
    "board said.</p><p>Traders said the closure would cost them the summer season and asked for "
    "compensation.</p>"
)
_LEAD_TEXT = (
    "The quay shuts on Monday for eleven weeks of repairs to its timber piles, the harbour board "
    "said.\n\nTraders said the closure would cost them the summer season and asked for compensation."
)


def test_a_saved_page_drops_previous_and_next_links_like_a_fetched_one() -> None:
    page = f"""<html><body><div class="post"><h1>Pier to close</h1>{_LEAD}
      <ul><li><a href="/a">Previous: Ferry fares rise again</a></li>
      <li><a href="/b">Next: Lantern ferry returns</a></li></ul></div></body></html>"""
    draft = _html(page)
    assert draft.body.startswith(_LEAD_TEXT)
    assert "Previous" not in draft.body and "Next" not in draft.body
    assert draft.body == extract_article(page, url="https://example.com/pier").body


def test_a_saved_page_reads_json_ld_metadata_like_a_fetched_one() -> None:
    page = f"""<html><head><title>Pier to close</title>
      <script type="application/ld+json">{{"@context": "https://schema.org",
      "@type": "NewsArticle", "headline": "Pier to close", "datePublished": "2024-12-29",
      "author": {{"@type": "Person", "name": "Amara Okafor"}}}}</script></head>
      <body><article><h1>Pier to close</h1>{_LEAD}</article></body></html>"""
    draft = _html(page)
    assert (draft.author, draft.published) == ("Amara Okafor", datetime(2024, 12, 29, tzinfo=UTC))
    assert draft.body == _LEAD_TEXT
