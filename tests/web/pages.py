"""What the test web server serves: pages, feeds and exports, all written for these tests."""

from __future__ import annotations

ARTICLE_TITLE = "Lantern ferry returns to the northern route after a winter refit"

ARTICLE_HTML = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{ARTICLE_TITLE} | Fjord Courier</title>
<meta property="og:site_name" content="Fjord Courier">
<meta property="og:title" content="{ARTICLE_TITLE}">
<meta name="author" content="Ingrid Solvang">
<meta property="article:published_time" content="2025-04-03T07:15:00+02:00">
<meta property="article:tag" content="ferries">
</head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to remember your settings. Accept all?</div>
<article>
<h1>{ARTICLE_TITLE}</h1>
<p class="byline">By Ingrid Solvang</p>
<p>The Lantern, the oldest ferry still sailing between Tromvik and the outer islands, went back
into service on Thursday after a four-month refit that replaced both of its diesel engines.</p>
<p>The harbour office said the crossing now takes 52 minutes instead of an hour, and that the
ship burns roughly a third less fuel. About 310 passengers travelled on the first morning
sailing, many of them commuters who had spent the winter on a slower replacement boat.</p>
<h2>A quieter deck</h2>
<p>Regular passengers noticed the difference at once. "You can hold a conversation on the
upper deck now," said Mats Eriksen, a teacher who has made the crossing for eleven years.<br>
He added that the cafe had also reopened.</p>
<ul><li>New engines from a yard in Ålesund</li><li>A heated waiting room on the pier</li></ul>
<p>The operator plans a second refit, of the smaller Petrel, in the autumn, if the county
approves the budget in June.</p>
</article>
<aside class="related"><h3>Related</h3><p>Bridge tolls to rise next spring across the county.</p></aside>
<footer>Copyright Fjord Courier. All rights reserved.</footer>
</body></html>
"""

PLAIN_TEXT = """Harbour pilots agree new night shifts

The pilots' association agreed on Monday to staff the harbour around the clock from May.

Until now, ships arriving after midnight waited outside the breakwater until six.
"""

EMPTY_HTML = "<!doctype html><html><head><title>Nothing</title></head><body></body></html>"


def story_page(number: int) -> str:
    """A full article page for teaser entries and saved links (distinct text per number)."""
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>Dispatch {number} from the coast | Coastal Notes</title>
<meta property="og:site_name" content="Coastal Notes">
</head><body><article><h1>Dispatch {number} from the coast</h1>
<p>This is dispatch number {number}. The weather station on the headland recorded
{number * 7} millimetres of rain overnight, and the coast road stayed open.</p>
<p>Fishing boats left at dawn as usual. The harbour master counted {number + 20} boats back
by noon, a figure she called ordinary for the season.</p>
<p>In the village, the library extended its opening hours for the {number}th week in a row,
because, the librarian said, people would rather read than watch the rain.</p>
</article></body></html>"""


def rss(items: list[tuple[str, str, str]], *, title: str = "Harbour Notes") -> str:
    """An RSS 2.0 feed whose items are ``(guid, title, html content)``."""
    entries = "".join(
        f"""<item><guid>{guid}</guid><title>{item_title}</title>
<link>http://example.invalid/{guid}</link>
<pubDate>Tue, 14 Jan 2025 08:00:00 +0000</pubDate><category>harbour</category>
<content:encoded><![CDATA[{html}]]></content:encoded></item>
"""
        for guid, item_title, html in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>http://example.invalid/</link>
{entries}</channel></rss>
"""


def full_entry(number: int) -> str:
    """Entry HTML long enough to be an article, not a teaser."""
    sentences = " ".join(
        f"Sentence {i} of entry {number} describes the tide tables for week {i}."
        for i in range(1, 30)
    )
    return f"<p>Entry {number} begins here.</p><p>{sentences}</p>"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Weather Log</title>
  <link href="http://example.invalid/valley/"/>
  <id>urn:valley-log</id>
  <updated>2025-02-01T10:00:00Z</updated>
  <entry>
    <title>Frost returns to the valley floor</title>
    <id>urn:valley-log:1</id>
    <link href="http://example.invalid/valley/frost"/>
    <updated>2025-02-01T10:00:00Z</updated>
    <published>2025-02-01T06:30:00Z</published>
    <author><name>Tove Lund</name></author>
    <content type="html">&lt;p&gt;Ground frost was recorded at four stations overnight.&lt;/p&gt;
      &lt;p&gt;The lowest reading, minus nine degrees, came from the old mill.&lt;/p&gt;</content>
  </entry>
</feed>
"""

MALFORMED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>Half an item</title><description>no end
"""

GARBAGE = "this is { not a feed } at all, just text ]]> with <broken markup"

PARTLY_BROKEN = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Careless Feed</title>
<item><guid>c1</guid><title>Tides & times</title><link>http://example.invalid/c1</link>
<description>&lt;p&gt;The spring tide peaks on Thursday at 06:12, the harbour office said.&lt;/p&gt;</description></item>
</channel></rss>
"""


def billion_laughs(levels: int = 10) -> str:
    """The classic entity bomb: ``&lol9;`` expands to 10**9 copies of "lol"."""
    declarations = ['<!ENTITY lol "lol">']
    for level in range(levels):
        previous = "lol" if level == 0 else f"lol{level - 1}"
        declarations.append(f'<!ENTITY lol{level} "{f"&{previous};" * 10}">')
    subset = "\n".join(declarations)
    top = f"lol{levels - 1}"
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [
{subset}
]>
<rss version="2.0"><channel><title>Laughs &{top};</title>
<item><guid>l1</guid><title>&{top};</title><link>http://example.invalid/l1</link>
<description>&{top};</description></item></channel></rss>
"""


def quadratic_blowup(size: int = 100_000, uses: int = 2_000) -> str:
    """One big entity used many times: no nesting, but the expansion is size times uses."""
    big = "x" * size
    return f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{big}">]>
<rss version="2.0"><channel><title>Big</title><item><guid>b1</guid><title>B</title>
<description>{"&big;" * uses}</description></item></channel></rss>
"""


TEASERS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Coastal Notes</title><link>{base}/</link>
<item><guid>t1</guid><title>Dispatch 1 from the coast</title><link>{base}/story/1.html</link>
<description>Rain on the headland, boats out at dawn…</description></item>
<item><guid>t2</guid><title>Dispatch 2 from the coast</title><link>{base}/story/2.html</link>
<description>The library keeps its long hours. Read more</description></item>
<item><guid>t3</guid><title>Dispatch 3 from the coast</title><link>{base}/missing</link>
<description>A dispatch whose page has gone missing…</description></item>
</channel></rss>
"""

PAGE_WITH_FEED_LINK = """<!doctype html><html><head><title>Harbour Notes</title>
<link rel="alternate" type="application/rss+xml" title="Harbour Notes" href="/rss.xml">
</head><body><p>Welcome to the harbour notes blog.</p></body></html>
"""

POCKET_HTML = """<!DOCTYPE html>
<html><head><meta charset="UTF-8"><title>Pocket Export</title></head><body>
<h1>Unread</h1>
<ul>
<li><a href="{base}/story/1.html" time_added="1700000000" tags="coast,weather">Dispatch one</a></li>
<li><a href="{base}/missing" time_added="1700000100" tags="">A page that is gone</a></li>
<li><a href="mailto:someone@example.invalid" time_added="1700000150" tags="">Not a page</a></li>
</ul>
<h1>Read Archive</h1>
<ul>
<li><a href="{base}/story/2.html" time_added="1690000000" tags="coast">Dispatch two</a></li>
<li><a href="{base}/story/1.html" time_added="1700000000" tags="">Dispatch one again</a></li>
</ul>
</body></html>
"""

POCKET_CSV = """title,url,time_added,tags,status
Dispatch three,{base}/story/3.html,1700000200,coast|rain,unread
Dispatch four,{base}/story/4.html,1700000300,,archive
"""

INSTAPAPER_CSV = """URL,Title,Selection,Folder,Timestamp,Tags
{base}/story/5.html,Dispatch five,"The harbour master counted 25 boats back by noon",Unread,1700000400,"[""coast""]"
{base}/story/6.html,Dispatch six,,Archive,1700000500,[]
{base}/story/7.html,Dispatch seven,,Starred,1700000600,[]
{base}/story/8.html,Dispatch eight,,Boats,1700000700,[]
"""
