"""A DOCTYPE is removed whatever the document's encoding (issue 12, L8).

``without_dtd`` looked for ``<!DOCTYPE`` in the raw bytes. In EBCDIC or UTF-7 those bytes look
like something else, so the DTD went through to the parser, which decoded the document and
expanded the entities: a billion-laughs feed was stopped only by expat's own limits (2.4 and
later). Now the document is decoded first, the DOCTYPE removed from the text, and the parser gets
UTF-8 that says so.
"""

from __future__ import annotations

import base64
import time

import pytest

from reader.core.ingest.feeds.opml import parse_opml
from reader.core.ingest.feeds.parse import parse_feed
from reader.core.ingest.feeds.xmlsafe import UTF8_DECLARATION, without_dtd
from tests.reliability.tally import TALLY
from tests.web import pages

SECRET = "SECRETWORD"
# The comment before the DOCTYPE keeps feedparser's own DOCTYPE clean-up from touching it, so only
# skim's removal stands between the entity and the parser.
FEED = f"""<?xml version="1.0" encoding="{{encoding}}"?>
<!-- a comment --><!DOCTYPE rss [<!ENTITY who "{SECRET}">]>
<rss version="2.0"><channel><title>Harbour &who;</title>
<item><guid>a</guid><title>Tides &who;</title><description>The tide tables.</description></item>
</channel></rss>"""
DTD = f'<!DOCTYPE rss [<!ENTITY who "{SECRET}">]>'


def _utf7_shifted(text: str) -> bytes:
    """``text`` in UTF-7's base64 form, where "<" and "!" no longer look like themselves."""
    return b"+" + base64.b64encode(text.encode("utf-16-be")).rstrip(b"=") + b"-"


def _encoded(encoding: str) -> bytes:
    if encoding == "utf-7":
        document = FEED.format(encoding="utf-7")
        encoded = document.encode("utf-7").replace(DTD.encode("utf-7"), _utf7_shifted(DTD))
        assert b"DOCTYPE" not in encoded and encoded.decode("utf-7") == document
        return encoded
    if encoding.startswith(("utf-16", "utf-32")):
        return FEED.format(encoding=encoding[:6]).encode(encoding)
    return FEED.format(encoding=encoding).encode(encoding)


ENCODINGS = ["cp037", "cp500", "cp1140", "utf-7", "utf-16", "utf-16-be", "utf-32", "utf-8"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_no_entity_declared_in_a_dtd_is_expanded(encoding: str) -> None:
    TALLY["inputs tried"] += 1
    parsed = parse_feed(_encoded(encoding), label="feed.xml", content_type="application/rss+xml")
    assert parsed.title is not None and parsed.title.startswith("Harbour")
    assert [item.title for item in parsed.items] == ["Tides &who;"]
    assert SECRET not in (parsed.title or "")
    assert parsed.warning == (
        "feed.xml: the feed is not well-formed XML (line 3: undefined entity); read 1 entries"
    )


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_parser_gets_utf8_without_the_dtd(encoding: str) -> None:
    cleaned = without_dtd(_encoded(encoding))
    assert cleaned.startswith(UTF8_DECLARATION.encode())
    text = cleaned.decode("utf-8")
    assert "DOCTYPE" not in text and "ENTITY" not in text and SECRET not in text
    assert "<title>Harbour &who;</title>" in text


def test_billion_laughs_in_ebcdic_expands_to_nothing() -> None:
    TALLY["inputs tried"] += 1
    laughs = pages.billion_laughs().replace('<?xml version="1.0"?>', "")
    document = f'<?xml version="1.0" encoding="cp037"?>\n<!-- x -->{laughs.lstrip()}'
    start = time.monotonic()
    parsed = parse_feed(document.encode("cp037"), label="laughs.xml")
    assert time.monotonic() - start < 2
    assert all("lollol" not in (item.title or "") + item.content for item in parsed.items)
    assert "lollol" not in (parsed.title or "")


def test_opml_in_ebcdic_is_read_and_expands_nothing() -> None:
    TALLY["inputs tried"] += 1
    document = (
        '<?xml version="1.0" encoding="cp037"?>\n'
        f'<!DOCTYPE opml [<!ENTITY who "{SECRET}">]>\n'
        '<opml version="2.0"><body><outline text="Harbour" title="Harbour" '
        'xmlUrl="http://127.0.0.1/feed.xml"/></body></opml>'
    )
    (outline,) = parse_opml(document.encode("cp037"), label="feeds.opml")
    assert outline.url == "http://127.0.0.1/feed.xml" and outline.title == "Harbour"
